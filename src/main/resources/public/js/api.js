// The service's API as the pages use it: the session cookie (HttpOnly) goes by itself; the CSRF token
// the sign-in answered goes back as X-CSRF-Token on every change and as ?csrf= on the event stream.

let csrf = sessionStorage.getItem("smartsync.csrf");

/** An answer of {"success": false, …}, or a network failure. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function signIn() {
  location.href = "/login.html?ended=1";
}

// Offline (issue 18): who hears that the service answered or not, and what runs before sign-in is asked.
let reached = () => {};
let ending = async () => {};
export function onReachability(listener) {
  reached = listener;
}
export function whenSessionEnds(work) {
  ending = work;
}

async function call(method, path, body, extra = {}) {
  const headers = { Accept: "application/json", ...extra };
  if (method !== "GET") headers["X-CSRF-Token"] = csrf || "";
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let answer;
  try {
    answer = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    reached(false);
    throw new ApiError(0, "network", "The Smart Sync service cannot be reached.");
  }
  reached(true);
  if (answer.status === 401) {
    await ending().catch(() => {});
    signIn();
    throw new ApiError(401, "unauthenticated", "Your session has ended; sign in again.");
  }
  const json = await answer.json().catch(() => null);
  if (!answer.ok || (json && json.success === false)) {
    throw new ApiError(answer.status, json?.code || "http", json?.error || `The Smart Sync service could not answer just now (error ${answer.status}); try again in a moment.`);
  }
  return json && "data" in json ? json.data : json;
}

export const api = {
  get: (path) => call("GET", path),
  post: (path, body) => call("POST", path, body ?? {}),
  put: (path, body) => call("PUT", path, body),
  del: (path) => call("DELETE", path),
  request: call,
};

/** Who is signed in ({userId, fullName, role}); sends the page to sign-in when nobody is. */
export async function session() {
  const me = await api.get("/api/auth/session");
  csrf = me.csrfToken;
  sessionStorage.setItem("smartsync.csrf", csrf);
  return me;
}

export async function signOut() {
  try {
    await api.post("/api/auth/logout");
  } finally {
    sessionStorage.removeItem("smartsync.csrf");
    location.href = "/login.html";
  }
}

export function eventsUrl() {
  return `/api/sync/events?csrf=${encodeURIComponent(csrf || "")}`;
}

/** /health answers without a session; the pages read it for Caspio's reachability and the breaker. */
export async function health() {
  const answer = await fetch("/health", { headers: { Accept: "application/json" } });
  return answer.json();
}
