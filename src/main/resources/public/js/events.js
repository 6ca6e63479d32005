// The server-sent events of /api/sync/events, handed to whoever subscribes. EventSource reconnects by
// itself; listeners also hear "connection" with {connected: true|false}.
import { eventsUrl } from "./api.js";

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
  if (source) return;
  source = new EventSource(eventsUrl());
  source.addEventListener("ready", () => dispatch("connection", { connected: true }));
  source.onerror = () => dispatch("connection", { connected: source.readyState === EventSource.OPEN });
  for (const type of TYPES) {
    source.addEventListener(type, (e) => dispatch(type, JSON.parse(e.data)));
  }
}
