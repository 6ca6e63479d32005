// The offline half of issue 18 as the notes page uses it: the notes of members opened are kept on the
// device (sealed with a key derived from the password, held in memory only, for at most the operator's
// hours, dropped at sign-out and when the session has ended), changes made while the service cannot be
// reached wait in the queue, and a banner says what waits. See the README, "Offline in the browser".
import { api, onReachability, session, whenSessionEnds } from "./api.js";
import { confirmAction } from "./confirm.js";
import { $, el, fill, plural } from "./dom.js";
import { CHECK, deriveKey, open, seal } from "./offline-crypto.js";
import * as queue from "./offline-queue.js";
import * as store from "./offline-store.js";
import { askPassword } from "./offline-unlock.js";
import * as writes from "./writes.js";

const HOUR = 3_600_000;
const MAX_BACKOFF_MS = 8000;
let me = null; // {userId, fullName, role}
let rules = { enabled: false }; // the operator's: {enabled, keepHours, iterations, salt}
let key = null;
let reachable = true;
let backoff = 500;
let retry = null;
let flushing = null;
let page = { render() {}, reload() {} };
const early = new Map(); // clientId2 -> notes answered before the key arrived

// The next page load after the session ended keeps no notes (the queue stays for the next sign-in).
whenSessionEnds(() => store.clear("notes"));

export const unreachable = (e) => e?.status === 0;
export const stateOf = (noteId) => queue.stateOf(noteId);

/** The notes page: `render()` draws the states again, `reload()` shows the member anew after a send. */
export function follow(notesPage) {
  page = notesPage;
}

async function worker() {
  if (!("serviceWorker" in navigator)) return null;
  try {
    await navigator.serviceWorker.register("/sw.js");
    return await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(() => r(null), 3000))]);
  } catch (e) {
    return null; // no service worker (not a secure context): the page works online only
  }
}

/** The key the sign-in page derived, held by the service worker for the page that follows. */
async function handedKey(userId) {
  const registration = await worker();
  if (!registration?.active) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data);
    registration.active.postMessage({ type: "take-key", userId }, [channel.port2]);
    setTimeout(() => resolve(null), 2000);
  });
}

function listen() {
  onReachability(reachability);
  window.addEventListener("online", () => flush());
  queue.listen(changed, (entry) => writes.track(entry.noteId, entry.action));
}

/** Signed in, the service answering: take the key, keep or drop what is on the device as the operator says. */
export async function startOnline(who) {
  me = who;
  rules = who.offline || { enabled: false };
  listen();
  if (!rules.enabled) await store.clear("notes");
  const handed = await handedKey(who.userId);
  if (handed) await unlock(handed, false);
  else if ((await queue.countSealed(who.userId)) > 0) await askToSend();
  await purge();
  changed();
  flush();
}

async function askToSend() {
  const n = await queue.countSealed(me.userId);
  await askPassword(
    `${plural(n, "change")} made while offline wait on this device. Enter your password to send them.`,
    async (password) => unlock(await deriveKey(password, rules.salt, rules.iterations), true),
    { skippable: true },
  );
}

/** A key is the right one when it opens the sealed check value; a first key (or a new password) seals it. */
async function unlock(candidate, mustMatch) {
  const meta = await store.get("meta", me.userId);
  if (meta?.check && meta.salt === rules.salt) {
    const opens = await open(candidate, "check", meta.check).then(() => true, () => false);
    if (!opens && mustMatch) return false;
    if (!opens) await store.clear("notes"); // the password changed: the old copy cannot be read anyway
  }
  key = candidate;
  const { enabled, keepHours, iterations, salt } = rules;
  const check = await seal(key, "check", CHECK);
  await store.put("meta", { ...me, enabled, keepHours, iterations, salt, check, lastSeen: Date.now() });
  await queue.load(key, me.userId);
  for (const [clientId2, notes] of early) await keep(clientId2, notes);
  early.clear();
  return true;
}

/** Reloaded while the service cannot be reached: the last user unlocks with their password, or nothing opens. */
export async function startOffline() {
  const last = (await store.all("meta")).sort((a, b) => b.lastSeen - a.lastSeen)[0];
  if (!last || (last.signedOut && (await queue.countSealed(last.userId)) === 0)) return null;
  me = { userId: last.userId, fullName: last.fullName, role: last.role };
  rules = { enabled: last.enabled, keepHours: last.keepHours, iterations: last.iterations, salt: last.salt };
  reachable = false;
  listen();
  await purge();
  await askPassword(
    `The Smart Sync service cannot be reached. ${me.fullName}, enter your password to open the notes kept on this device.`,
    async (password) => {
      const candidate = await deriveKey(password, rules.salt, rules.iterations);
      if (!(await open(candidate, "check", last.check).then(() => true, () => false))) return false;
      key = candidate;
      await queue.load(key, me.userId);
      return true;
    },
  );
  changed();
  scheduleRetry();
  return { ...me, offline: true };
}

/** Notes past the operator's hours, or of another user, are dropped. */
async function purge() {
  const oldest = Date.now() - (rules.keepHours || 0) * HOUR;
  for (const r of await store.all("notes")) {
    if (r.userId !== me?.userId || r.savedAt < oldest || !rules.enabled) await store.remove("notes", r.id);
  }
}

async function recordOf(clientId2) {
  for (const r of await store.all("notes")) {
    if (r.userId !== me.userId) continue;
    const kept = await open(key, "notes", r.box).catch(() => null);
    if (kept?.clientId2 === clientId2) return { record: r, kept };
  }
  return null;
}

/** The member's notes as the service answered them, kept on the device (when the operator allows it). */
export async function keep(clientId2, notes) {
  if (!key) {
    early.set(clientId2, notes); // opened before the key arrived: kept once it does
    return;
  }
  if (!rules.enabled) return;
  const found = await recordOf(clientId2);
  const record = { userId: me.userId, savedAt: Date.now(), box: await seal(key, "notes", { clientId2, notes }) };
  if (found) record.id = found.record.id;
  await store.put("notes", record);
}

/** The member's kept notes with the waiting changes applied ({notes, savedAt}), or null. */
export async function kept(clientId2) {
  if (!key) return null;
  const found = await recordOf(clientId2);
  return found ? { notes: overlay(clientId2, found.kept.notes), savedAt: found.record.savedAt } : null;
}

/** Notes with this device's waiting changes applied: what the person sees until the service took them. */
export function overlay(clientId2, notes) {
  let out = [...notes];
  for (const e of queue.all().filter((x) => x.clientId2 === clientId2)) {
    if (e.action === "delete") out = out.filter((n) => n.noteId !== e.noteId);
    else if (e.action === "update") out = out.map((n) => (n.noteId === e.noteId ? { ...n, ...e.body } : n));
    else if (!out.some((n) => n.noteId === e.noteId)) {
      out.push({ ...e.body, noteId: e.noteId, clientId2, userId: me.userId, userFullName: me.fullName, timeStamp: e.madeAt });
    }
  }
  return out;
}

/** Queues a change the service could not take; answers false when nothing may be kept on this device. */
export async function write(action, clientId2, note, body) {
  if (!key || !rules.enabled) return false;
  const base = note?.version || null; // sent back as If-Match: an older one goes through the conflict rules
  await queue.add({ action, noteId: note?.noteId || body.noteId, clientId2, body, base, madeAt: new Date().toISOString() });
  scheduleRetry();
  return true;
}

function reachability(ok) {
  if (ok === reachable) return;
  reachable = ok;
  changed();
  if (ok) flush();
  else scheduleRetry();
}

/** While the service cannot be reached: try again after 0.5 s, 1 s, 2 s … 8 s (and at the online event). */
function scheduleRetry() {
  clearTimeout(retry);
  retry = setTimeout(flush, backoff);
  backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
}

/** Sends what waits, in order; with nothing waiting, only asks whether the service answers again. */
function flush() {
  flushing ??= (async () => {
    try {
      if (!key || queue.all().length === 0) {
        if (!reachable) await api.get("/health").catch((e) => (unreachable(e) ? Promise.reject(e) : null));
        return;
      }
      await session(); // a fresh CSRF token; a session that ended asks for sign-in here (the queue stays)
      const outcome = await queue.send();
      if (outcome === "unreachable") scheduleRetry();
      if (outcome === "done") page.reload();
    } catch (e) {
      if (unreachable(e)) scheduleRetry();
    } finally {
      flushing = null;
      if (reachable) backoff = 500;
      changed();
    }
  })();
  return flushing;
}

/** The banner: offline or not, how many notes wait on this device; the notes page draws the states anew. */
function changed() {
  const n = queue.notesWaiting();
  const banner = $("#offline-banner");
  let text = null;
  if (!reachable) {
    text = n ? `Offline — ${plural(n, "note")} waiting on this device` : "Offline — showing what is kept on this device";
  } else if (n) {
    text = flushing ? `Sending ${plural(n, "note")}…` : `${plural(n, "note")} waiting on this device`;
  }
  if (text) {
    fill(banner, el("span", { id: "offline-text" }, text), n ? el("button", { type: "button", id: "offline-discard", onclick: discard }, "Discard…") : null);
  }
  banner.hidden = !text;
  page.render();
}

function waiting(n) {
  return `${plural(n, "note")} written or changed while offline ${n === 1 ? "has" : "have"} not reached the service yet.`;
}

async function discard() {
  const n = queue.notesWaiting();
  const ok = await confirmAction(
    "Discard the changes on this device?",
    `${waiting(n)} Discarded, they are lost.`,
    "Discard changes",
  );
  if (ok) await queue.discard();
  page.reload();
}

/**
 * Before sign-out: changes not sent yet are named and, if the person goes on, kept (sealed) for their next
 * sign-in; the kept notes are dropped. Answers false when the person stays signed in.
 */
export async function beforeSignOut() {
  const n = key ? queue.notesWaiting() : me ? await queue.countSealed(me.userId) : 0;
  if (n > 0) {
    const ok = await confirmAction(
      "Sign out with changes not sent?",
      `${waiting(n)} They stay on this device, encrypted, and are sent when you sign in again.`,
      "Sign out",
    );
    if (!ok) return false;
  }
  await store.clear("notes");
  const meta = me ? await store.get("meta", me.userId) : null;
  if (meta) await store.put("meta", { ...meta, signedOut: true });
  queue.close();
  key = null;
  return true;
}
