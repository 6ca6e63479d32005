// Live notes: when a note of the member on screen is created, edited or deleted by someone else (another
// staff member here or on another instance, or in Caspio), the page reloads just the changed notes, says
// what arrived ("1 new note from Caspio", "Edited by Dana Lee") and highlights them for a while.
// The events carry note ids only; the notes themselves come from the API.
import { api } from "./api.js";
import { $, fill, plural } from "./dom.js";
import { subscribe } from "./events.js";

const HIGHLIGHT_MS = 8000;
// Notes changed up to this long before the event are asked for again: the event's time is the
// service's, and a change may reach the page a little after it was stored.
const SINCE_MARGIN_MS = 60000;

const fresh = new Map(); // noteId -> time its highlight ends
const gone = new Set(); // notes deleted while the page was open
let page = null;
let queue = Promise.resolve(); // one reload at a time, in the order the events came

/**
 * @param hooks {member(): the member whose notes the page shows once loaded, else null; me: the signed-in
 *   person's name; mine(id): written on this page; shown(id): on the page now; apply(notes, goneIds);
 *   catchUp(): show the member anew}
 */
export function startLive(hooks) {
  page = hooks;
  let lost = false; // the stream broke: events may have been missed until it is back
  subscribe((type, data) => {
    if (type === "connection") {
      if (!data.connected) lost = true;
      else if (lost) {
        lost = false;
        if (page.member()) queue = queue.then(() => page.catchUp()).catch((e) => console.warn("catch-up failed", e));
      }
    } else if (type === "member.changed" && page.member() && data.clientId2 === page.member()) {
      queue = queue.then(() => reload(data)).catch((e) => console.warn("live reload failed", e));
    }
  });
}

/** Whether the note changed by someone else moments ago (the list draws it highlighted). */
export function isFresh(noteId) {
  const until = fresh.get(noteId);
  if (until && until > Date.now()) return true;
  fresh.delete(noteId);
  return false;
}

async function reload(event) {
  const member = event.clientId2;
  const c = event.counts;
  c.deleted.forEach((id) => gone.add(id));
  const wanted = new Set([...c.created, ...c.updated, ...c.states]);
  let changed = [];
  if (wanted.size > 0) {
    const since = new Date(Date.parse(event.at) - SINCE_MARGIN_MS).toISOString();
    const answer = await api.get(
      `/api/client-notes?clientId2=${encodeURIComponent(member)}&since=${encodeURIComponent(since)}`,
    );
    // A note whose sync state alone changed is only redrawn if shown; a deleted one never comes back.
    const states = new Set(c.states);
    changed = answer.notes.filter(
      (n) => wanted.has(n.noteId) && !gone.has(n.noteId) && (!states.has(n.noteId) || page.shown(n.noteId)),
    );
  }
  if (page.member() !== member) return;
  const news = (ids) => ids.filter((id) => !(c.by === page.me && page.mine(id)));
  const created = news(c.created).filter((id) => !page.shown(id)); // e.g. the first load's own rows
  const updated = news(c.updated);
  const deleted = news(c.deleted).filter((id) => page.shown(id));
  const until = Date.now() + HIGHLIGHT_MS;
  for (const id of [...created, ...updated]) fresh.set(id, until);
  page.apply(changed, c.deleted);
  announce(c.by, created.length, updated.length, deleted.length);
  if (created.length + updated.length > 0) setTimeout(() => page.apply([], []), HIGHLIGHT_MS + 50);
}

function announce(by, created, updated, deleted) {
  const caspio = by === "caspio";
  const parts = [];
  if (created) parts.push(`${plural(created, "new note")} from ${caspio ? "Caspio" : by}`);
  if (updated) parts.push(caspio ? `${plural(updated, "note")} edited in Caspio` : `Edited by ${by}`);
  if (deleted) parts.push(`${plural(deleted, "note")} deleted ${caspio ? "in Caspio" : `by ${by}`}`);
  if (parts.length === 0) return;
  const box = $("#live-news");
  fill(box, parts.join(" • "));
  box.hidden = false;
}
