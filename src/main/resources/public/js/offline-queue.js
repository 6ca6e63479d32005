// The queue of changes made while the service could not be reached (issue 18). Each entry is sealed
// with the device key and kept in IndexedDB until the service took it (or the user discarded it after a
// warning): no time limit and no sign-out drops it. Every note has a device-made id, so a create sent
// again after a lost answer is the API's idempotent create; edits and deletes carry the version they were
// based on as If-Match. Entries go out one at a time in the order they were made.
import { api } from "./api.js";
import { open, seal } from "./offline-crypto.js";
import * as store from "./offline-store.js";

const KIND = "queue";
let key = null;
let userId = null;
let entries = []; // {seq, noteId, action, clientId2, body, base, attempts, error, state}
let changed = () => {};
let sent = () => {};

/** `onChange()` runs when an entry's state changes; `onSent(entry)` when the service took one. */
export function listen(onChange, onSent) {
  changed = onChange;
  sent = onSent;
}

/** Opens the user's entries with the key; entries of other users, or sealed under another password, stay. */
export async function load(deviceKey, user) {
  key = deviceKey;
  userId = user;
  const mine = [];
  for (const r of await store.all("queue")) {
    if (r.userId !== user) continue;
    try {
      mine.push({ ...(await open(key, KIND, r.box)), seq: r.seq, attempts: r.attempts, error: r.error, state: r.error ? "failed" : "device" });
    } catch (e) {
      // sealed under an earlier password: it cannot be read, and is not dropped either
    }
  }
  entries = mine.sort((a, b) => a.seq - b.seq);
  changed();
}

/** How many entries of this user wait on the device, readable or not (no key needed). */
export async function countSealed(user) {
  return (await store.all("queue")).filter((r) => r.userId === user).length;
}

export const all = () => [...entries];
export const notesWaiting = () => new Set(entries.map((e) => e.noteId)).size;

/** "device", "sending" or "failed" for a note with a change waiting, else null. */
export function stateOf(noteId) {
  const mine = entries.filter((e) => e.noteId === noteId);
  if (mine.some((e) => e.state === "failed")) return "failed";
  if (mine.some((e) => e.state === "sending")) return "sending";
  return mine.length ? "device" : null;
}

async function save(entry) {
  const { noteId, action, clientId2, body, base, madeAt } = entry;
  const box = await seal(key, KIND, { noteId, action, clientId2, body, base, madeAt });
  const record = { userId, box, attempts: entry.attempts || 0, error: entry.error || null };
  if (entry.seq) record.seq = entry.seq;
  entry.seq = await store.put("queue", record);
}

async function drop(entry) {
  await store.remove("queue", entry.seq);
  entries = entries.filter((e) => e !== entry);
}

/**
 * Queues a change. A change to a note whose own unsent create (or edit) was never tried is folded into
 * it; a delete of a note the service never saw cancels its create.
 */
export async function add({ action, noteId, clientId2, body, base, madeAt }) {
  const untried = entries.filter((e) => e.noteId === noteId && !e.attempts && e.state === "device");
  const create = untried.find((e) => e.action === "create");
  if (action === "delete" && create) {
    for (const e of untried) await drop(e);
  } else if (action === "update" && (create || untried.find((e) => e.action === "update"))) {
    const into = create || untried.find((e) => e.action === "update");
    into.body = { ...into.body, ...body };
    await save(into);
  } else {
    if (action === "delete") for (const e of untried) await drop(e);
    const entry = { noteId, action, clientId2, body, base, madeAt, attempts: 0, error: null, state: "device" };
    await save(entry);
    entries.push(entry);
  }
  changed();
}

function request(e) {
  const id = encodeURIComponent(e.noteId);
  const ifMatch = e.base ? { "If-Match": `"${e.base}"` } : {};
  if (e.action === "create") return api.request("POST", "/api/client-notes", { ...e.body, noteId: e.noteId, clientId2: e.clientId2 });
  if (e.action === "update") return api.request("PUT", `/api/client-notes/${id}`, { ...e.body, clientId2: e.clientId2 }, ifMatch);
  return api.request("DELETE", `/api/client-notes/${id}?clientId2=${encodeURIComponent(e.clientId2)}`, undefined, ifMatch);
}

/** Sends what waits, in order; answers "done", "unreachable" or "signin" (the session ended). */
export async function send() {
  if (!key) return "done";
  const stuck = new Set(entries.filter((e) => e.state === "failed").map((e) => e.noteId));
  for (const e of [...entries]) {
    if (stuck.has(e.noteId)) continue; // an earlier change of this note was refused: later ones wait
    e.state = "sending";
    changed();
    try {
      await request(e);
    } catch (err) {
      const gone = e.action === "delete" && err.status === 404;
      if (!gone) {
        const transient = err.status === 0 || err.status === 401 || err.status === 403 || err.status === 429 || err.status >= 500;
        e.attempts = (e.attempts || 0) + 1;
        e.state = transient ? "device" : "failed";
        e.error = transient ? null : err.message;
        await save(e);
        changed();
        if (err.status === 401) return "signin";
        if (transient) return "unreachable";
        stuck.add(e.noteId);
        continue;
      }
    }
    await drop(e);
    changed();
    sent(e);
  }
  return "done";
}

/** Drops what waits, after the user was warned. */
export async function discard() {
  for (const e of [...entries]) await drop(e);
  changed();
}

/** The device key is forgotten (sign-out); the sealed entries stay for the same user's next sign-in. */
export function close() {
  key = null;
  entries = [];
}
