// The server-sent events of /api/sync/events, handed to whoever subscribes. EventSource reconnects by
// itself; listeners also hear "connection" with {connected: true|false}.
import { eventsUrl, session } from "./api.js";

const REOPEN_MS = 3000;

const TYPES = [
  "sync.started",
  "sync.progress",
  "sync.finished",
  "note.pushed",
  "note.failed",
  "conflict",
  "member.changed",
  "online",
  "offline",
];
const listeners = new Set();
let source = null;
let reopen = null;

function dispatch(type, data) {
  for (const l of listeners) {
    try {
      l(type, data);
    } catch (e) {
      console.error("event listener failed", e);
    }
  }
}

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function connect() {
  if (source && source.readyState !== EventSource.CLOSED) return;
  source = new EventSource(eventsUrl());
  source.addEventListener("ready", () => dispatch("connection", { connected: true }));
  source.onerror = () => {
    dispatch("connection", { connected: source.readyState === EventSource.OPEN });
    if (source.readyState === EventSource.CLOSED) reopenLater();
  };
  for (const type of TYPES) {
    source.addEventListener(type, (e) => dispatch(type, JSON.parse(e.data)));
  }
}

// EventSource gives up for good when an answer is not a stream: a page opened while the service could not
// be reached had no CSRF token for it (or an old one). Take a fresh token, then open the stream again.
function reopenLater() {
  clearTimeout(reopen);
  reopen = setTimeout(async () => {
    try {
      await session();
      connect();
    } catch (e) {
      if (e.status !== 401) reopenLater(); // 401: the session ended, and the page asks for sign-in
    }
  }, REOPEN_MS);
}
