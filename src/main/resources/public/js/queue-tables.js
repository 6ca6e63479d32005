// The dashboard's tables: the pending queue, the failed writes and the conflict log. Text only.
import { $, el, errorWords, fill, when } from "./dom.js";

function table(target, columns, rows, empty) {
  if (rows.length === 0) {
    fill(target, el("p", { class: "empty" }, empty));
    return;
  }
  fill(
    target,
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col" }, c[0])))),
      el(
        "tbody",
        {},
        rows.map((r) => el("tr", { "data-note-id": r.noteId }, columns.map((c) => el("td", c[0] === "Member" ? { class: "nowrap" } : {}, c[1](r) ?? "")))),
      ),
    ),
  );
}

export function renderQueue(pending, failed) {
  fill($("#pending-count"), `Pending queue (${pending.length})`);
  table(
    $("#pending"),
    [
      ["Note", (e) => e.noteId],
      ["Member", (e) => e.clientId2],
      ["Action", (e) => e.action],
      ["Queued", (e) => when(e.timestamp)],
      ["Attempts", (e) => e.syncAttempts],
      ["Last error", (e) => errorWords(e.lastError)],
    ],
    pending,
    "Nothing waits: every write has reached Caspio.",
  );
  fill($("#failed-count"), `Failed (${failed.length})`);
  table(
    $("#failed"),
    [
      ["Note", (e) => e.noteId],
      ["Member", (e) => e.clientId2],
      ["Action", (e) => e.action],
      ["Queued", (e) => when(e.timestamp)],
      ["Attempts", (e) => e.syncAttempts],
      ["Error", (e) => errorWords(e.lastError)],
    ],
    failed,
    "No failed writes.",
  );
}

/** The conflict log; `settled(c)` answers the last cell: when and by whom, or what an admin can do. */
export function renderConflicts(conflicts, settled) {
  fill($("#conflicts-count"), `Conflict log (${conflicts.length})`);
  table(
    $("#conflicts"),
    [
      ["Detected", (c) => when(c.detectedAt)],
      ["Member", (c) => c.clientId2],
      ["Note", (c) => c.noteId],
      ["Policy", (c) => c.policy],
      ["Outcome", (c) => c.outcome],
      ["Versions", versions],
      ["Settled", (c) => (c.resolvedAt ? `${when(c.resolvedAt)} by ${c.resolvedBy}` : settled(c))],
    ],
    conflicts,
    "No conflicts.",
  );
}

function versions(c) {
  return el(
    "details",
    {},
    el("summary", {}, "Both versions"),
    el("p", {}, el("strong", {}, "Here: "), c.local?.comments ?? "(deleted)"),
    el("p", {}, el("strong", {}, "Caspio: "), c.server?.comments ?? "(deleted)"),
  );
}
