// The client notes tab: select a member (initial or incremental sync), read the notes newest first,
// write, edit and delete notes and watch each write reach Caspio.
import { api } from "./api.js";
import { confirmAction } from "./confirm.js";
import { $, el, fill, plural, readable, when } from "./dom.js";
import { subscribe } from "./events.js";
import { isFresh, startLive } from "./live.js";
import * as offline from "./offline.js";
import * as writes from "./writes.js";

const MEMBER = /^[A-Za-z0-9_-]{1,64}$/;
const STATE_TEXT = {
  synced: "Synced",
  pending: "Syncing to Caspio…",
  queued: "Queued — Caspio unreachable",
  failed: "Failed",
  conflict: "Conflict",
  device: "Saved on this device", // offline (issue 18): waits in the device's queue
  sending: "Sending…",
};

let member = null;
let notes = [];
let initial = false; // every note of an initial sync is new: no badge then
let stale = false; // the last answer came from the store while the pull went on
let editing = null; // the note being edited
let loaded = null; // the member whose notes are on the page, once its answer is drawn (live.js)
let neverSynced = false; // the member's first sync has not finished: an empty list says nothing yet
const mine = new Set(); // notes written or edited on this page: not news to the person who wrote them

export function startNotes(me) {
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
  startLive({
    member: () => loaded,
    me: me?.fullName,
    mine: (id) => mine.has(id),
    shown: (id) => notes.some((n) => n.noteId === id),
    apply: applyLive,
    catchUp: () => member && select(member),
  });
  writes.onChange((noteId, state) => {
    const note = notes.find((n) => n.noteId === noteId);
    if (note && state) note.syncState = state;
    render();
  });
  setInterval(writes.check, 2000);
  offline.follow({ render, reload: () => member && select(member) });
  loadRecent();
}

async function loadRecent() {
  try {
    const history = await api.get("/api/sync/history?hours=24");
    // Members whose notes were really loaded: the newest sync of the member went well and some sync in
    // the window brought notes. A failed first sync, or a member id Caspio has no rows for, is not offered.
    const newest = new Map();
    const loaded = new Set();
    for (const r of history.recent) {
      if (!newest.has(r.clientId2)) newest.set(r.clientId2, r);
      if (r.outcome === "ok" && r.newNotes > 0) loaded.add(r.clientId2);
    }
    const seen = [...newest.values()]
      .filter((r) => r.outcome === "ok" && loaded.has(r.clientId2))
      .map((r) => r.clientId2)
      .slice(0, 8);
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
  loaded = null;
  $("#member-id").value = id;
  fill($("#member-title"), `Notes of member ${id}`);
  $("#notes-section").hidden = false;
  $("#progress").hidden = true;
  fill($("#last-synced"), "");
  $("#live-news").hidden = true;
  writes.clearSteps();
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
    writes.adoptQueued(await api.get("/api/sync/pending"), id);
    if (member !== id) return;
    offline.keep(id, answer.notes);
    notes = offline.overlay(id, answer.notes);
    initial = answer.sync.type === "initial";
    stale = answer.sync.type === "stale";
    neverSynced = stale && !status.initialSyncCompleted;
    render();
    loaded = id;
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
    if (offline.unreachable(e) && (await showKept(id))) return;
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

function stateOf(note) {
  const device = offline.stateOf(note.noteId);
  if (device) return device;
  if (note.syncState === "pending" && writes.isQueued(note.noteId)) return "queued";
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
        { class: isFresh(n.noteId) ? "note live" : "note", "data-note-id": n.noteId },
        el(
          "div",
          { class: "note-head" },
          el("strong", {}, n.userFullName || n.userId || "Unknown author"),
          el("time", { datetime: n.timeStamp }, when(n.timeStamp)),
          n.isNew && !initial && !mine.has(n.noteId) ? el("span", { class: "badge new" }, "New") : null,
          n.isUpdated && !mine.has(n.noteId) ? el("span", { class: "badge updated" }, "Updated") : null,
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
  fill(
    $("#no-notes"),
    neverSynced
      ? "No notes are stored here for this member yet: Caspio could not be reached, so its notes are not loaded. They appear when it answers."
      : "This member has no notes yet.",
  );
  $("#no-notes").hidden = sorted.length > 0;
}

/**
 * An edit changes only the fields it names, so the form names every field it shows, null when emptied
 * (null clears it); the fields it does not show are left out and stay as they are.
 */
function body() {
  const b = { clientId2: member, comments: $("#note-text").value };
  const status = $("#note-status").value;
  const date = $("#note-date").value;
  const assignment = $("#note-assignment").value.trim();
  b.followUpStatus = status || null;
  b.followUpDate = date ? (editing?.followUpDate?.startsWith(date) ? editing.followUpDate : date) : null;
  b.followUpAssignment = assignment || null;
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
  writes.clearSteps();
  const action = editing ? "update" : "create";
  // A create carries a note id made here, so sending it again (from the device's queue) is safe.
  const b = editing ? body() : { ...body(), noteId: crypto.randomUUID?.() };
  try {
    let note;
    if (editing) {
      note = await api.put(`/api/client-notes/${encodeURIComponent(editing.noteId)}`, b);
      mine.add(note.noteId);
      replace(note);
    } else {
      note = await api.post("/api/client-notes", b);
      mine.add(note.noteId);
      notes.push(note);
    }
    resetForm();
    render();
    writes.track(note.noteId, action);
  } catch (e) {
    if (offline.unreachable(e) && (await writeOnDevice(action, editing, b))) return;
    fill($("#note-error"), e.message);
  }
}

// Live (live.js): notes another person changed, reloaded by id; deleted ones leave the list.
function applyLive(changed, goneIds) {
  for (const note of changed) {
    if (notes.some((n) => n.noteId === note.noteId)) replace(note);
    else notes.push(note);
  }
  notes = notes.filter((n) => !goneIds.includes(n.noteId));
  render();
}

function replace(note) {
  notes = notes.map((n) => (n.noteId === note.noteId ? note : n));
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
  writes.clearSteps();
  try {
    await api.del(`/api/client-notes/${encodeURIComponent(note.noteId)}?clientId2=${encodeURIComponent(member)}`);
    notes = notes.filter((n) => n.noteId !== note.noteId);
    render();
    writes.track(note.noteId, "delete");
  } catch (e) {
    if (offline.unreachable(e) && (await writeOnDevice("delete", note, null))) return;
    writes.step(e.message, "error");
  }
}

function onEvent(type, data) {
  if (type === "sync.finished" && data.clientId2 === member && stale) {
    stale = false;
    select(member); // the pull that outlasted the answer is done: show what it brought
  } else if (type === "sync.progress" && data.clientId2 === member && !$("#progress").hidden) {
    showProgress(data.counts.pagesDone, data.counts.pagesExpected);
  } else {
    writes.handle(type, data);
  }
}

// --- offline (issue 18): what is kept on this device, while the service cannot be reached ---
async function showKept(id) {
  const kept = await offline.kept(id);
  if (!kept || member !== id) return false;
  notes = kept.notes;
  initial = stale = neverSynced = false;
  render();
  say(`Offline — the notes kept on this device (saved ${when(new Date(kept.savedAt).toISOString())}).`, "warn");
  return true;
}

async function writeOnDevice(action, note, b) {
  if (!(await offline.write(action, member, note, b))) return false;
  notes = offline.overlay(member, notes);
  resetForm();
  render();
  writes.step("Saved on this device — sent when the service answers again", "warn");
  return true;
}
// --- end offline ---
