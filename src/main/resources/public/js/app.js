// The page: who is signed in, the two tabs, the live event stream.
import { session, signOut } from "./api.js";
import { startDashboard } from "./dashboard.js";
import { $, fill } from "./dom.js";
import { connect } from "./events.js";
import { startNotes } from "./notes.js";
import * as offline from "./offline.js";

function tabs() {
  const buttons = [...document.querySelectorAll('[role="tab"]')];
  const show = (button, focus) => {
    for (const b of buttons) {
      const selected = b === button;
      b.setAttribute("aria-selected", String(selected));
      b.tabIndex = selected ? 0 : -1;
      document.getElementById(b.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) button.focus();
    history.replaceState(null, "", `#${button.id.replace("tab-", "")}`);
  };
  buttons.forEach((b, i) => {
    b.addEventListener("click", () => show(b, false));
    b.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (step) show(buttons[(i + step + buttons.length) % buttons.length], true);
      if (e.key === "Home") show(buttons[0], true);
      if (e.key === "End") show(buttons[buttons.length - 1], true);
    });
  });
  const wanted = document.getElementById(`tab-${location.hash.slice(1)}`);
  show(wanted || buttons[0], false);
}

/** Who is signed in; while the service cannot be reached, whoever unlocks what is kept on this device. */
async function signedIn() {
  try {
    const me = await session();
    offline.startOnline(me).catch((e) => console.error("device storage could not start", e));
    return me;
  } catch (e) {
    if (!offline.unreachable(e)) throw e;
    const me = await offline.startOffline();
    if (!me) throw e;
    return me;
  }
}

async function main() {
  const me = await signedIn();
  fill($("#who"), `${me.fullName} (${me.role})`);
  $("#sign-out").addEventListener("click", async () => (await offline.beforeSignOut()) && signOut());
  $("#app").hidden = false;
  tabs();
  startNotes(me);
  startDashboard(me);
  connect();
}

main().catch((e) => {
  if (e.status !== 401) fill($("#fatal"), `The page could not start: ${e.message}`);
});
