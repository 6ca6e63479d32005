// The session cookie is HttpOnly; the page keeps only the CSRF token, which it sends back as
// X-CSRF-Token on every change (and as ?csrf= on the event stream).
import { deriveKey } from "./offline-crypto.js";

if (new URLSearchParams(location.search).has("ended")) {
  document.getElementById("message").textContent = "Sign in to see the notes and the sync dashboard.";
}

/**
 * Issue 18: the device key is derived from the password here, the one moment the page has it, and handed
 * to the service worker, which holds it in memory for the notes page that follows (never on disk).
 */
async function handKey(userId, password, offline) {
  if (!offline || !("serviceWorker" in navigator)) return;
  try {
    const key = await deriveKey(password, offline.salt, offline.iterations);
    await navigator.serviceWorker.register("/sw.js");
    const registration = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise((resolve) => setTimeout(() => resolve(null), 3000)),
    ]);
    if (!registration?.active) return;
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      registration.active.postMessage({ type: "key", userId, key }, [channel.port2]);
      setTimeout(resolve, 1000);
    });
  } catch (e) {
    // no key: the notes page works online and asks for the password when it needs one
  }
}

document.getElementById("signin").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const answer = await fetch("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId: form.get("userId"), password: form.get("password") })
  });
  const body = await answer.json();
  if (body.success) {
    sessionStorage.setItem("smartsync.csrf", body.data.csrfToken);
    await handKey(body.data.userId, form.get("password"), body.data.offline);
    location.href = "/";
  } else {
    const message = document.getElementById("message");
    message.className = "error";
    message.textContent = body.error;
  }
});
