// Simple SVG bar charts: no library, no build step. Each chart carries a text summary for screen readers.
const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Draws grouped bars into `figure`: labels along the bottom, one bar per series per label.
 * options: {summary, labels: [...], series: [{name, values, cls}], format: n => text, labelEvery}
 */
export function bars(figure, { summary, labels, series, format = String, labelEvery = 1 }) {
  const width = 480;
  const height = 180;
  const left = 56;
  const bottom = 22;
  const top = 10;
  // A scale that halves into whole numbers: counts never get a "15.5" tick.
  const highest = Math.max(1, ...series.flatMap((s) => s.values));
  const max = highest <= 1 ? 2 : Math.ceil(highest / 2) * 2;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, (slot * 0.8) / series.length);
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": summary,
    class: "chart",
    preserveAspectRatio: "none",
  });
  chart.append(svg("title", {}, summary));
  for (const frac of [0, 0.5, 1]) {
    const y = top + plotH * (1 - frac);
    chart.append(svg("line", { x1: left, x2: width - 8, y1: y, y2: y, class: "grid" }));
    chart.append(svg("text", { x: left - 4, y: y + 4, class: "axis", "text-anchor": "end" }, format(max * frac)));
  }
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const v = s.values[i] || 0;
      const h = (plotH * v) / max;
      const rect = svg("rect", {
        x: left + i * slot + slot * 0.1 + j * barW,
        y: top + plotH - h,
        width: barW,
        height: h,
        class: `bar ${s.cls || ""}`,
      });
      rect.append(svg("title", {}, `${label}: ${s.name} ${format(v)}`));
      chart.append(rect);
    });
    if (i % labelEvery === 0) {
      chart.append(
        svg("text", { x: left + i * slot + slot / 2, y: height - 6, class: "axis", "text-anchor": "middle" }, label),
      );
    }
  });
  const legend = document.createElement("ul");
  legend.className = "legend";
  for (const s of series) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch ${s.cls || ""}`;
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, document.createTextNode(s.name));
    legend.append(item);
  }
  const caption = figure.querySelector("figcaption");
  figure.replaceChildren(...(caption ? [caption] : []), chart, legend);
}
