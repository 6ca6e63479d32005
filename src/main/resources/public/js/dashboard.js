// The Smart Sync tab: health, member statistics, queue, failures, conflicts, manual controls, running
// syncs and charts, refreshed by the server-sent events (and every few seconds in case one is missed).
import { api, health } from "./api.js";
import { confirmAction } from "./confirm.js";
import { $, bytes, clock, el, fill, plural } from "./dom.js";
import { subscribe } from "./events.js";
import { renderLockouts } from "./lockouts.js";
import { renderConflicts, renderQueue } from "./queue-tables.js";
import { renderCharts } from "./traffic.js";

const MEMBER = /^[A-Za-z0-9_-]{1,64}$/;
const REFRESH_MS = 3000;
const CHARTS_MS = 10000;

let admin = false;
let refreshing = null;
let chartsAt = 0;
const running = new Map(); // clientId2 -> {type, done, expected}

export function startDashboard(me) {
  admin = me.role === "admin";
  for (const node of document.querySelectorAll(".admin-only")) {
    node.hidden = !admin;
  }
  fill($("#admin-note"), admin ? "" : "Retry failed and clear data need the admin role.");
  $("#force-member").addEventListener("click", () => forceMember());
  $("#force-all").addEventListener("click", () => control("Force sync of all members", () => api.post("/api/sync/force", {}), (d) => `Forced sync of all members: ${d.type}`));
  $("#process-now").addEventListener("click", () =>
    control("Process pending now", () => api.post("/api/sync/process"), (d) => ({
      text: `Processed ${d.processed}, failed ${d.failed}` + (d.failed > 0 ? ": see Failed below." : ""),
      kind: d.failed > 0 ? "error" : "ok",
    })),
  );
  $("#retry-failed").addEventListener("click", () => control("Retry failed", () => api.post("/api/sync/retry-failed"), (d) => `Requeued ${plural(d.requeued, "failed write")}`));
  $("#clear-member").addEventListener("click", () => clearMember());
  subscribe(onEvent);
  if (admin) loadSettings();
  refresh(true);
  setInterval(() => refresh(false), REFRESH_MS);
}

function result(text, kind = "ok") {
  const box = $("#control-result");
  box.className = `message ${kind}`;
  fill(box, text);
}

function controlMember() {
  const id = $("#control-member").value.trim();
  if (!MEMBER.test(id)) {
    result("Enter a member id (1 to 64 letters, digits, - or _) first.", "error");
    $("#control-member").focus();
    return null;
  }
  return id;
}

async function control(what, run, describe) {
  result(`${what}…`, "busy");
  try {
    const said = describe(await run());
    if (typeof said === "string") result(said);
    else result(said.text, said.kind);
  } catch (e) {
    result(`${what} failed: ${e.message}`, "error");
  }
  refresh(true);
}

function forceMember() {
  const id = controlMember();
  if (!id) return;
  control(`Force sync of ${id}`, () => api.post("/api/sync/force", { clientId2: id }), (d) => {
    const total = d.status ? `, ${plural(d.status.totalNotesCount, "note")} stored` : "";
    return `Forced sync of ${id}: ${d.type}${total}`;
  });
}

async function clearMember() {
  const id = controlMember();
  if (!id) return;
  const ok = await confirmAction(
    `Clear the local data of ${id}?`,
    `The notes of ${id} stored here and its sync status are removed; writes still queued for Caspio stay. ` +
      "The next selection of the member runs an initial sync again.",
    "Clear local data",
  );
  if (!ok) {
    result(`Clearing ${id} was cancelled.`, "info");
    return;
  }
  control(`Clear local data of ${id}`, () => api.del(`/api/sync/members/${encodeURIComponent(id)}`), (d) => `Cleared ${id}: ${plural(d.notesRemoved, "note")} removed`);
}

function onEvent(type, data) {
  if (type === "connection") {
    fill($("#live-state"), data.connected ? "Live updates on" : "Live updates reconnecting…");
    return;
  }
  if (type === "sync.started") {
    running.set(data.clientId2, { type: data.counts.type, done: 0, expected: 1 });
  } else if (type === "sync.progress") {
    const r = running.get(data.clientId2) || { type: "initial" };
    running.set(data.clientId2, { ...r, done: data.counts.pagesDone, expected: data.counts.pagesExpected });
  } else if (type === "sync.finished") {
    running.delete(data.clientId2);
    chartsAt = 0; // the durations chart shows the latest syncs
  }
  renderRunning();
  logEvent(type, data);
  refresh(false);
}

function logEvent(type, data) {
  const log = $("#event-log");
  const what = [type, data.clientId2, data.noteId ? `note ${data.noteId}` : null].filter(Boolean).join(" • ");
  log.prepend(el("li", {}, el("time", { datetime: data.at }, clock(data.at)), " ", what));
  while (log.children.length > 15) log.lastElementChild.remove();
  $("#no-events").hidden = true;
}

function renderRunning() {
  fill(
    $("#running"),
    [...running.entries()].map(([id, r]) =>
      el(
        "li",
        {},
        el("span", {}, `${id} — ${r.type} sync`),
        el("progress", { max: Math.max(1, r.expected), value: r.done, "aria-label": `Sync of ${id}` }, `${r.done}/${r.expected}`),
        el("span", { class: "num" }, `${r.done}/${r.expected} pages`),
      ),
    ),
  );
  $("#no-running").hidden = running.size > 0;
}

/** Several events in a burst make one refresh. */
function refresh(now) {
  if (refreshing) return;
  refreshing = setTimeout(
    async () => {
      try {
        await load();
      } finally {
        refreshing = null;
      }
    },
    now ? 0 : 250,
  );
}

async function load() {
  try {
    const [h, metrics, pending, failed, conflicts] = await Promise.all([
      health(),
      api.get("/api/sync/metrics"),
      api.get("/api/sync/pending"),
      api.get("/api/sync/failed"),
      api.get("/api/sync/conflicts"),
    ]);
    renderHealth(h);
    renderMetrics(metrics);
    markStale(false);
    renderQueue(pending, failed);
    renderConflicts(conflicts, settle);
    if (Date.now() - chartsAt > CHARTS_MS) {
      chartsAt = Date.now();
      renderCharts(await api.get("/api/sync/history?hours=24"), metrics);
      if (admin) {
        await renderLockouts((text, kind) => {
          result(text, kind);
          chartsAt = 0;
          refresh(true);
        });
      }
    }
  } catch (e) {
    notConnected();
  }
}

let shownAt = null; // when the values on the tab were last read from the service

/** The service does not answer: say so in grey, and mark what is shown as the last known values. */
function notConnected() {
  const state = $("#health-state");
  state.className = "state-pill unknown";
  fill(state, "Not connected");
  fill(
    $("#health-reason"),
    "The Smart Sync service cannot be reached from this browser. " +
      (shownAt ? `The values below are the last known, from ${clock(shownAt)}.` : "No values could be read yet."),
  );
  fill($("#live-state"), "Live updates off");
  document.body.dataset.health = "unknown";
  markStale(true);
}

function markStale(stale) {
  if (!stale) shownAt = new Date().toISOString();
  for (const node of document.querySelectorAll("#health-details dd, #stats dd")) {
    node.classList.toggle("stale", stale);
    node.title = stale ? "Last known value: the service cannot be reached" : "";
    const mark = node.querySelector(".stale-mark");
    if (stale && !mark) node.append(el("span", { class: "stale-mark" }, " (last known)"));
    if (!stale && mark) mark.remove();
  }
}

/**
 * Offline: the breaker is open. Degraded: a trial call is under way, a write met an unexpected error, writes are
 * parked, or the queue is old.
 */
function overall(h) {
  const c = h.checks;
  if (h.status === "down") return ["offline", "Offline", "The local store does not answer."];
  if (c.caspio === "offline" || c.breaker === "open") {
    return ["offline", "Offline", "Caspio unreachable: calls are paused, notes are queued and sync when it answers."];
  }
  if (c.breaker === "half-open") return ["degraded", "Degraded", "Trying Caspio again after failures."];
  if (c.poll && c.poll.state === "failing") {
    return [
      "degraded",
      "Degraded",
      `The poll for changes in Caspio has failed ${c.poll.consecutiveFailures} times in a row (${c.poll.lastError}); ` +
        "members are synced when selected.",
    ];
  }
  if (c.push && c.push.alert) {
    return [
      "degraded",
      "Degraded",
      `${plural(c.push.alert.entries, "write")} hit an unexpected error (${c.push.alert.error}) and stay queued; see the service log.`,
    ];
  }
  if (c.queue && c.queue.failed > 0) {
    return ["degraded", "Degraded", `${plural(c.queue.failed, "write")} failed and need attention.`];
  }
  if (c.queue && c.queue.oldestPendingAgeSeconds > 300) {
    return ["degraded", "Degraded", "Writes have waited more than five minutes."];
  }
  return ["online", "Online", "Caspio answers; writes reach it within seconds."];
}

function renderHealth(h) {
  const [cls, label, reason] = overall(h);
  const state = $("#health-state");
  state.className = `state-pill ${cls}`;
  fill(state, label);
  fill($("#health-reason"), reason);
  fill($("#caspio-state"), h.checks.caspio === "online" ? "Reachable" : "Unreachable");
  fill($("#breaker-state"), h.checks.breaker);
  fill($("#store-state"), h.checks.store === "up" ? "Up" : "Down");
  document.body.dataset.health = cls;
}

function renderMetrics(m) {
  const tiles = [
    ["Members", m.totalMembers, "stat-total"],
    ["Synced", m.syncedMembers, "stat-synced"],
    ["Pending", m.pendingSyncs, "stat-pending"],
    ["Failed", m.failedSyncs, "stat-failed"],
    ["Avg sync time", `${m.avgSyncTime} ms`, "stat-avg"],
    ["Bytes saved", bytes(m.dataTransferSaved), "stat-saved"],
  ];
  fill($("#calls-month"), m.caspioCallsThisMonth.toLocaleString("en-US"));
  fill(
    $("#stats"),
    tiles.map(([label, value, id]) => el("div", { class: "stat" }, el("dt", {}, label), el("dd", { id }, value))),
  );
}

/** The admin's settings view: every sync setting in effect and where it came from. */
async function loadSettings() {
  try {
    const { settings } = await api.get("/api/sync/settings");
    fill(
      $("#settings tbody"),
      settings.map((s) =>
        el("tr", { "data-setting": s.name }, el("td", {}, s.name), el("td", { class: "nowrap" }, s.variable), el("td", {}, s.value), el("td", {}, s.source)),
      ),
    );
  } catch (e) {
    fill($("#settings tbody"), el("tr", {}, el("td", { colspan: 4 }, "The settings could not be read just now.")));
  }
}

function settle(c) {
  if (c.outcome !== "open" || !admin) return c.outcome === "open" ? "Waiting for an admin" : "—";
  const resolve = (choice) =>
    control(`Settle conflict ${c.id}`, () => api.post(`/api/sync/conflicts/${c.id}/resolve`, { resolution: choice }), () => `Conflict ${c.id} settled: ${choice} version kept`);
  return el(
    "span",
    { class: "buttons" },
    el("button", { type: "button", onclick: () => resolve("local") }, "Keep this service's"),
    el("button", { type: "button", onclick: () => resolve("server") }, "Keep Caspio's"),
  );
}
