// The writes this page made, followed until Caspio has them: "Syncing to Caspio…" → "Note synced", or
// "Queued — Caspio unreachable" while Caspio's breaker is not closed, or failed, or in conflict. The queue
// (/api/sync/pending and /failed) is the truth; the events say when to look at it.
import { api, health } from "./api.js";
import { $, el, errorWords, fill } from "./dom.js";

const DONE_LOCALLY = { create: "Note created locally", update: "Note updated locally", delete: "Note deleted locally" };

const writes = new Map(); // noteId -> {action, queued, conflict}
let caspioDown = false;
let settled = () => {}; // (noteId, syncState or null): the page draws the note again

/** `callback(noteId, syncState)` runs when a write's state changes (syncState null: only drawn as queued). */
export function onChange(callback) {
  settled = callback;
}

export function step(text, kind = "info") {
  $("#write-steps").append(el("li", { class: kind }, text));
}

export function clearSteps() {
  fill($("#write-steps"));
}

/** Follows a write the service has just accepted. */
export function track(noteId, action) {
  writes.set(noteId, { action, queued: false, conflict: null });
  step(DONE_LOCALLY[action]);
  step("Syncing to Caspio…", "busy");
  if (caspioDown) queued(noteId);
}

export function isQueued(noteId) {
  return writes.get(noteId)?.queued === true;
}

/** The member's writes that already waited for Caspio before this page looked show as queued too. */
export function adoptQueued(pending, member) {
  for (const entry of pending) {
    if (entry.clientId2 === member && entry.syncAttempts > 0 && entry.lastError && !writes.has(entry.noteId)) {
      writes.set(entry.noteId, { action: entry.action, queued: true, conflict: null });
    }
  }
}

function synced(noteId) {
  const w = writes.get(noteId);
  if (!w) return;
  writes.delete(noteId);
  if (w.conflict === "server") {
    step("Caspio's newer version was kept; your change is in the conflict log", "warn");
  } else {
    step(w.action === "delete" ? "Delete synced to Caspio" : "Note synced", "ok");
  }
  settled(noteId, "synced");
}

function queued(noteId) {
  const w = writes.get(noteId);
  if (!w || w.queued) return;
  w.queued = true;
  step("Queued — Caspio unreachable; it syncs by itself when Caspio answers", "warn");
  settled(noteId, null);
}

function failed(noteId, error) {
  const w = writes.get(noteId);
  if (!w) return;
  writes.delete(noteId);
  if (w.conflict === "open") {
    step("Conflict: the note changed in Caspio meanwhile; an admin settles it on the Smart Sync tab", "error");
  } else {
    step(`Sync failed: ${error ? errorWords(error) : "Caspio refused the write"} — an admin can retry it from the Smart Sync tab`, "error");
  }
  settled(noteId, w.conflict === "open" ? "conflict" : "failed");
}

function queueAll() {
  for (const noteId of writes.keys()) queued(noteId);
}

/** The events about pushes and Caspio's availability. */
export function handle(type, data) {
  if (type === "offline" || type === "online") {
    caspioDown = type === "offline";
    if (caspioDown) queueAll();
  } else if (type === "note.pushed" && writes.has(data.noteId)) {
    check(); // a push that met a conflict ends here too: the queue says how it ended
  } else if (type === "conflict" && writes.has(data.noteId)) {
    writes.get(data.noteId).conflict = data.counts.outcome;
    if (data.counts.outcome === "local") step("Conflict: this change is newer and is sent again", "warn");
  } else if (type === "note.failed" && writes.has(data.noteId)) {
    if (data.counts.parked) check();
    else queued(data.noteId);
  }
}

/** Events may be missed (a reconnect): the queue itself says where each followed write is. */
export async function check() {
  if (writes.size === 0) return;
  try {
    const [pending, parked, h] = await Promise.all([api.get("/api/sync/pending"), api.get("/api/sync/failed"), health()]);
    caspioDown = h.checks.caspio === "offline" || h.checks.breaker !== "closed";
    let conflicts = null; // read only when a followed write was parked: the event may not have come yet
    for (const noteId of [...writes.keys()]) {
      const p = pending.find((e) => e.noteId === noteId);
      const f = parked.find((e) => e.noteId === noteId);
      if (f && writes.get(noteId)?.conflict === null) {
        conflicts ??= await api.get("/api/sync/conflicts");
        const w = writes.get(noteId);
        if (w && conflicts.some((c) => c.noteId === noteId && c.outcome === "open")) w.conflict = "open";
      }
      if (f) failed(noteId, f.lastError);
      else if (!p) synced(noteId);
      else if (caspioDown || (p.syncAttempts > 0 && p.lastError)) queued(noteId);
    }
  } catch (e) {
    // the next check tries again
  }
}
