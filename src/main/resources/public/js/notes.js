// The client notes tab: select a member (initial or incremental sync), read the notes newest first,
// write, edit and delete notes and watch each write reach Caspio.
import { api, health } from "./api.js";
import { confirmAction } from "./confirm.js";
import { $, el, fill, readable, when, plural } from "./dom.js";
import { subscribe } from "./events.js";

const MEMBER = /^[A-Za-z0-9_-]{1,64}$/;
const STATE_TEXT = {
  synced: "Synced",
  pending: "Syncing to Caspio…",
  queued: "Queued — Caspio unreachable",
  failed: "Failed",
  conflict: "Conflict",
};

let member = null;
let notes = [];
let initial = false; // every note of an initial sync is new: no badge then
let stale = false; // the last answer came from the store while the pull went on
let editing = null; // the note being edited
const writes = new Map(); // noteId -> {action, queued}
let caspioDown = false; // the breaker is not closed: writes wait in the queue

export function startNotes() {
  $("#member-form").addEventListener("submit", (e) => {
    e.preventDefault();
    select($("#member-id").value.trim());
  });
  $("#note-form").addEventListener("submit", (e) => {
    e.preventDefault();
    save();
  });
  $("#note-cancel").addEventListener("click", () => resetForm());
  subscribe(onEvent);
  setInterval(checkWrites, 2000);
  loadRecent();
}

async function loadRecent() {
  try {
    const history = await api.get("/api/sync/history?hours=1");
    const seen = [...new Set(history.recent.map((r) => r.clientId2))].slice(0, 8);
    fill(
      $("#recent-members"),
      seen.map((id) => el("li", {}, el("button", { type: "button", class: "link", onclick: () => select(id) }, id))),
    );
    $("#recent").hidden = seen.length === 0;
  } catch (e) {
    $("#recent").hidden = true;
  }
}

function say(text, kind = "info") {
  const box = $("#sync-message");
  box.className = `message ${kind}`;
  fill(box, text);
}

async function select(id) {
  if (!MEMBER.test(id)) {
    say("A member id is 1 to 64 letters, digits, - or _ (e.g. CL000001).", "error");
    $("#member-id").focus();
    return;
  }
  member = id;
  $("#member-id").value = id;
  fill($("#member-title"), `Notes of member ${id}`);
  $("#notes-section").hidden = false;
  $("#progress").hidden = true;
  fill($("#last-synced"), "");
  fill($("#write-steps"));
  resetForm();
  try {
    const status = await api.get(`/api/sync-status?clientId2=${encodeURIComponent(id)}`);
    if (member !== id) return;
    if (status.initialSyncCompleted) {
      say(`Checking for new notes since ${when(status.lastSyncTimestamp)}…`, "busy");
    } else {
      say("Performing initial sync — loading all existing notes from Caspio…", "busy");
      showProgress(0, 1);
    }
    const answer = await api.get(`/api/client-notes?clientId2=${encodeURIComponent(id)}`);
    if (member !== id) return;
    await markQueued();
    if (member !== id) return;
    notes = answer.notes;
    initial = answer.sync.type === "initial";
    stale = answer.sync.type === "stale";
    render();
    $("#progress").hidden = true;
    say(readable(answer.sync.message), answer.sync.type === "stale" ? "warn" : "ok");
    fill(
      $("#last-synced"),
      answer.sync.lastSync
        ? `Last synced: ${when(answer.sync.lastSync)}` +
            (answer.sync.type === "initial" ? "" : " • Only new/updated notes loaded")
        : "",
    );
    loadRecent();
  } catch (e) {
    say(e.message, "error");
  }
}

function showProgress(done, expected) {
  const bar = $("#progress");
  bar.hidden = false;
  bar.max = Math.max(1, expected);
  bar.value = done;
  bar.textContent = `${Math.round((100 * done) / Math.max(1, expected))}%`;
}

/** A pending note whose push already failed for a transient reason is queued until Caspio answers. */
async function markQueued() {
  const pending = await api.get("/api/sync/pending");
  for (const entry of pending) {
    if (entry.clientId2 === member && entry.syncAttempts > 0 && entry.lastError) {
      const w = writes.get(entry.noteId) || { action: entry.action };
      w.queued = true;
      writes.set(entry.noteId, w);
    }
  }
}

function stateOf(note) {
  if (note.syncState === "pending" && writes.get(note.noteId)?.queued) return "queued";
  return note.syncState;
}

function render() {
  const list = $("#notes");
  const sorted = [...notes].sort((a, b) => (b.timeStamp || "").localeCompare(a.timeStamp || ""));
  fill($("#notes-count"), plural(sorted.length, "note"));
  fill(
    list,
    sorted.map((n) => {
      const state = stateOf(n);
      return el(
        "li",
        { class: "note", "data-note-id": n.noteId },
        el(
          "div",
          { class: "note-head" },
          el("strong", {}, n.userFullName || n.userId || "Unknown author"),
          el("time", { datetime: n.timeStamp }, when(n.timeStamp)),
          n.isNew && !initial ? el("span", { class: "badge new" }, "New") : null,
          n.followUpStatus ? el("span", { class: "badge follow-up" }, `Follow-up: ${n.followUpStatus}`) : null,
          el("span", { class: `badge state ${state}`, "data-state": state }, STATE_TEXT[state] || state),
        ),
        el("p", { class: "note-text" }, n.comments || ""),
        n.followUpDate || n.followUpAssignment
          ? el(
              "p",
              { class: "note-meta" },
              n.followUpDate ? `Follow up by ${n.followUpDate.slice(0, 10)}` : "",
              n.followUpDate && n.followUpAssignment ? " • " : "",
              n.followUpAssignment ? `Assigned to ${n.followUpAssignment}` : "",
            )
          : null,
        el(
          "div",
          { class: "note-actions" },
          el("button", { type: "button", onclick: () => edit(n) }, "Edit", el("span", { class: "sr-only" }, ` note of ${when(n.timeStamp)}`)),
          el("button", { type: "button", class: "danger", onclick: () => remove(n) }, "Delete", el("span", { class: "sr-only" }, ` note of ${when(n.timeStamp)}`)),
        ),
      );
    }),
  );
  $("#no-notes").hidden = sorted.length > 0;
}

function step(text, kind = "info") {
  $("#write-steps").append(el("li", { class: kind }, text));
}

/** An edit replaces the whole note: the fields this form does not show are sent as they were. */
function body() {
  const b = { clientId2: member, comments: $("#note-text").value };
  const status = $("#note-status").value;
  const date = $("#note-date").value;
  const assignment = $("#note-assignment").value.trim();
  if (status) b.followUpStatus = status;
  if (date) b.followUpDate = editing?.followUpDate?.startsWith(date) ? editing.followUpDate : date;
  if (assignment) b.followUpAssignment = assignment;
  if (editing?.assignedFirst) b.assignedFirst = editing.assignedFirst;
  if (editing?.seniorFullName) b.seniorFullName = editing.seniorFullName;
  return b;
}

async function save() {
  if (!member) return;
  if (!$("#note-text").value.trim()) {
    fill($("#note-error"), "Write the note first.");
    $("#note-text").focus();
    return;
  }
  fill($("#note-error"), "");
  fill($("#write-steps"));
  try {
    if (editing) {
      const note = await api.put(`/api/client-notes/${encodeURIComponent(editing.noteId)}`, body());
      replace(note);
      track(note.noteId, "update");
      step("Note updated locally");
    } else {
      const note = await api.post("/api/client-notes", body());
      notes.push(note);
      track(note.noteId, "create");
      step("Note created locally");
    }
    step("Syncing to Caspio…", "busy");
    resetForm();
    render();
    if (caspioDown) queueAll();
  } catch (e) {
    fill($("#note-error"), e.message);
  }
}

function replace(note) {
  notes = notes.map((n) => (n.noteId === note.noteId ? note : n));
}

function track(noteId, action) {
  writes.set(noteId, { action, queued: false, conflict: null });
}

function edit(note) {
  editing = note;
  fill($("#note-legend"), "Edit note");
  $("#note-text").value = note.comments || "";
  $("#note-status").value = note.followUpStatus || "";
  $("#note-date").value = note.followUpDate ? note.followUpDate.slice(0, 10) : "";
  $("#note-assignment").value = note.followUpAssignment || "";
  fill($("#note-submit"), "Save changes");
  $("#note-cancel").hidden = false;
  $("#note-text").focus();
}

function resetForm() {
  editing = null;
  $("#note-form").reset();
  fill($("#note-legend"), "New note");
  fill($("#note-submit"), "Save note");
  $("#note-cancel").hidden = true;
  fill($("#note-error"), "");
}

async function remove(note) {
  const ok = await confirmAction(
    "Delete this note?",
    `The note of ${when(note.timeStamp)} is deleted here and then in Caspio.`,
    "Delete note",
  );
  if (!ok) return;
  fill($("#write-steps"));
  try {
    await api.del(`/api/client-notes/${encodeURIComponent(note.noteId)}?clientId2=${encodeURIComponent(member)}`);
    notes = notes.filter((n) => n.noteId !== note.noteId);
    track(note.noteId, "delete");
    step("Note deleted locally");
    step("Syncing to Caspio…", "busy");
    render();
    if (caspioDown) queueAll();
  } catch (e) {
    step(e.message, "error");
  }
}

function synced(noteId) {
  const w = writes.get(noteId);
  if (!w) return;
  writes.delete(noteId);
  const note = notes.find((n) => n.noteId === noteId);
  if (note) note.syncState = "synced";
  if (w.conflict === "server") {
    step("Caspio's newer version was kept; your change is in the conflict log", "warn");
  } else {
    step(w.action === "delete" ? "Delete synced to Caspio" : "Note synced", "ok");
  }
  render();
}

function queued(noteId) {
  const w = writes.get(noteId);
  if (!w || w.queued) return;
  w.queued = true;
  step("Queued — Caspio unreachable; it syncs by itself when Caspio answers", "warn");
  render();
}

function failed(noteId, error) {
  const w = writes.get(noteId);
  if (!w) return;
  writes.delete(noteId);
  const note = notes.find((n) => n.noteId === noteId);
  if (note) note.syncState = w.conflict === "open" ? "conflict" : "failed";
  if (w.conflict === "open") {
    step("Conflict: the note changed in Caspio meanwhile; an admin settles it on the Smart Sync tab", "error");
  } else {
    step(`Sync failed: ${error || "Caspio refused the write"} — an admin can retry it from the Smart Sync tab`, "error");
  }
  render();
}

function queueAll() {
  for (const noteId of writes.keys()) queued(noteId);
}

function onEvent(type, data) {
  if (type === "offline" || type === "online") {
    caspioDown = type === "offline";
    if (caspioDown) queueAll();
  } else if (type === "note.pushed" && writes.has(data.noteId)) {
    checkWrites(); // a push that met a conflict also ends here: the queue says how it ended
  } else if (type === "conflict" && writes.has(data.noteId)) {
    writes.get(data.noteId).conflict = data.counts.outcome;
    if (data.counts.outcome === "local") step("Conflict: this change is newer and is sent again", "warn");
  } else if (type === "note.failed" && writes.has(data.noteId)) {
    if (data.counts.parked) checkWrites();
    else queued(data.noteId);
  } else if (type === "sync.finished" && data.clientId2 === member && stale) {
    stale = false;
    select(member); // the pull that outlasted the answer is done: show what it brought
  } else if (type === "sync.progress" && data.clientId2 === member && !$("#progress").hidden) {
    showProgress(data.counts.pagesDone, data.counts.pagesExpected);
  }
}

/** The events may be missed (a reconnect): the queue itself says where each tracked write is. */
async function checkWrites() {
  if (writes.size === 0) return;
  try {
    const [pending, parked, h] = await Promise.all([api.get("/api/sync/pending"), api.get("/api/sync/failed"), health()]);
    caspioDown = h.checks.caspio === "offline" || h.checks.breaker !== "closed";
    for (const noteId of [...writes.keys()]) {
      const p = pending.find((e) => e.noteId === noteId);
      const f = parked.find((e) => e.noteId === noteId);
      if (f) failed(noteId, f.lastError);
      else if (!p) synced(noteId);
      else if (caspioDown || (p.syncAttempts > 0 && p.lastError)) queued(noteId);
    }
  } catch (e) {
    // the next check tries again
  }
}
