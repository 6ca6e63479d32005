// The admin's view of blocked sign-ins: the (user id, address) pairs refused now, each with Unlock.
// Text only, like every table here.
import { api } from "./api.js";
import { $, el, fill, when } from "./dom.js";

export async function renderLockouts(done) {
  const { blocked } = await api.get("/api/auth/lockouts");
  fill($("#lockouts-count"), `Blocked sign-ins (${blocked.length})`);
  if (blocked.length === 0) {
    fill($("#lockouts"), el("p", { class: "empty" }, "No sign-in is blocked."));
    return;
  }
  const row = (p) =>
    el(
      "tr",
      {},
      el("td", {}, p.userId),
      el("td", {}, p.address),
      el("td", {}, p.failures),
      el("td", {}, `${p.locked ? "Locked out" : "Waiting"} until ${when(p.blockedUntil)}`),
      el(
        "td",
        {},
        el("button", { type: "button", onclick: () => unlock(p, done) }, `Unlock ${p.userId} from ${p.address}`),
      ),
    );
  const head = ["User", "Address", "Failures", "Blocked", ""].map((h) => el("th", { scope: "col" }, h));
  fill($("#lockouts"), el("table", {}, el("thead", {}, el("tr", {}, head)), el("tbody", {}, blocked.map(row))));
}

async function unlock(pair, done) {
  try {
    const { unlocked } = await api.post("/api/auth/lockouts/unlock", { userId: pair.userId, address: pair.address });
    done(`Unlocked ${pair.userId} from ${pair.address} (${unlocked})`);
  } catch (e) {
    done(`Unlock failed: ${e.message}`, "error");
  }
}
