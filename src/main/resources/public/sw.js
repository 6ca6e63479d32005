// The service worker of issue 18: it keeps the pages themselves (HTML, JS, CSS) so the notes page opens
// with the network off once it was opened online. It never touches /api/ or /health: answers carrying
// note text go to the network only, never into Cache Storage. It also holds, in memory only and for a
// minute, the device key the sign-in page derived, until the notes page that follows takes it.
const CACHE = "smartsync-pages-v1";
const PAGES = [
  "/", "/index.html", "/login.html", "/app.css", "/login.css",
  "/js/api.js", "/js/app.js", "/js/charts.js", "/js/confirm.js", "/js/dashboard.js", "/js/dom.js",
  "/js/events.js", "/js/lockouts.js", "/js/login.js", "/js/notes.js", "/js/queue-tables.js",
  "/js/traffic.js", "/js/writes.js", "/js/live.js", "/js/offline.js", "/js/offline-crypto.js", "/js/offline-queue.js",
  "/js/offline-store.js", "/js/offline-unlock.js",
];
const NETWORK_WAIT_MS = 4000;

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(PAGES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** Only the pages: the HTML, the style sheets and the scripts of this origin. */
function isPage(url) {
  if (url.origin !== self.location.origin) return false;
  const p = url.pathname;
  return p === "/" || /^\/[\w-]+\.(html|css)$/.test(p) || /^\/js\/[\w-]+\.js$/.test(p);
}

/** The network first (so a new version shows at once), the kept copy when the service cannot answer. */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const answer = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("slow")), NETWORK_WAIT_MS)),
    ]);
    if (answer.ok && answer.type === "basic") await cache.put(request, answer.clone());
    return answer;
  } catch (e) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw e;
  }
}

self.addEventListener("fetch", (e) => {
  if (e.request.method !== "GET") return;
  const url = new URL(e.request.url);
  if (!isPage(url)) return; // /api/…, /health, /openapi.json: straight to the network, never kept
  e.respondWith(networkFirst(e.request));
});

let handed = null; // {userId, key, until}

self.addEventListener("message", (e) => {
  const m = e.data || {};
  if (m.type === "key") {
    handed = { userId: m.userId, key: m.key, until: Date.now() + 60_000 };
    if (e.ports[0]) e.ports[0].postMessage(true);
  } else if (m.type === "take-key") {
    const h = handed && handed.until > Date.now() && handed.userId === m.userId ? handed.key : null;
    handed = null;
    if (e.ports[0]) e.ports[0].postMessage(h);
  } else if (m.type === "forget") {
    handed = null;
  }
});
