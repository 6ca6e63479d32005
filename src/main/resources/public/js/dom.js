// Small DOM helpers. Every piece of data goes in as text (textContent, attributes), never as HTML.

/** el("td", {class: "num"}, "12") — attributes set one by one; children are nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, "");
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const time = new Intl.DateTimeFormat("en-US", { timeStyle: "medium" });

/** "Jan 17, 2026, 10:30 AM" in the browser's zone; "—" for nothing. */
export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : "—";
}

export function clock(iso) {
  return iso ? time.format(new Date(iso)) : "—";
}

/** The server's messages name instants in ISO form; people read them in their own zone. */
export function readable(message) {
  return (message || "").replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, (iso) => when(iso));
}

/**
 * A write's last error in words for staff. The service records Caspio's refusals as the request and its
 * status ("GET /rest/v2/…: HTTP 503 ServiceUnavailable - The service is … (request id …)"): shown as
 * "Caspio answered with an error (503): The service is … (request id …)". Other text is kept.
 */
export function errorWords(text) {
  if (!text) return "—";
  const m = /^[A-Z]+ \S+: HTTP (\d{3})(?: [A-Za-z]+)?(?: - (.*?))?( \(request id [^)]*\))?$/s.exec(text);
  if (!m) return text.replace(/\bHTTP (\d{3})\b/g, "error $1");
  return `Caspio answered with an error (${m[1]})${m[2] ? `: ${m[2]}` : ""}${m[3] || ""}`;
}

export function bytes(n) {
  if (n < 0) return `−${bytes(-n)}`;
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
