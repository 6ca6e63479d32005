// The dashboard's charts: sync durations, Caspio requests and bytes per hour, bytes saved.
import { bars } from "./charts.js";
import { $, bytes, el, fill } from "./dom.js";

/** The traffic charts from /api/sync/history and /api/sync/metrics. */
export function renderCharts(history, metrics) {
  const hours = history.hours.map((h) => new Date(h.start).getHours().toString().padStart(2, "0"));
  bars($("#chart-requests"), {
    summary: `Caspio requests per hour over the last 24 hours: ${history.hours.reduce((s, h) => s + h.requests, 0)} in all`,
    labels: hours,
    series: [{ name: "Requests", values: history.hours.map((h) => h.requests), cls: "s1" }],
    labelEvery: 3,
  });
  bars($("#chart-bytes"), {
    summary: "Bytes from and to Caspio per hour over the last 24 hours",
    labels: hours,
    series: [
      { name: "Received", values: history.hours.map((h) => h.bytesIn), cls: "s1" },
      { name: "Sent", values: history.hours.map((h) => h.bytesOut), cls: "s2" },
    ],
    format: bytes,
    labelEvery: 3,
  });
  const recent = [...history.recent].reverse();
  bars($("#chart-durations"), {
    summary: `Durations of the latest ${recent.length} member syncs`,
    labels: recent.map((r) => r.clientId2),
    series: [{ name: "Sync duration (ms)", values: recent.map((r) => r.durationMs), cls: "s3" }],
    format: (n) => `${Math.round(n)} ms`,
    labelEvery: Math.max(1, Math.ceil(recent.length / 6)),
  });
  if (history.incrementalBytesIn + metrics.dataTransferSaved === 0) {
    const figure = $("#chart-saved");
    fill(figure, figure.querySelector("figcaption"), el("p", { class: "empty" }, "No incremental sync yet: nothing saved so far."));
    return;
  }
  bars($("#chart-saved"), {
    summary: `Incremental syncs fetched ${bytes(history.incrementalBytesIn)}; full reloads would have fetched ${bytes(history.incrementalBytesIn + metrics.dataTransferSaved)}`,
    labels: ["Incremental", "Full reloads"],
    series: [
      {
        name: "Bytes fetched",
        values: [history.incrementalBytesIn, history.incrementalBytesIn + metrics.dataTransferSaved],
        cls: "s2",
      },
    ],
    format: bytes,
  });
}
