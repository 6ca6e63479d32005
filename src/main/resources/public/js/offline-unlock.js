// The password prompt of issue 18: after a reload while offline (or with changes waiting and no key in
// memory) the page asks for the password and checks it against the sealed check value on the device;
// no server is needed. `attempt(password)` answers whether the password opened it.
import { $, fill } from "./dom.js";

export function askPassword(text, attempt, { skippable = false } = {}) {
  const dialog = $("#unlock");
  fill($("#unlock-text"), text);
  fill($("#unlock-error"), "");
  $("#unlock-skip").hidden = !skippable;
  $("#unlock-password").value = "";
  dialog.showModal();
  $("#unlock-password").focus();
  return new Promise((resolve) => {
    const form = $("#unlock-form");
    const done = (ok) => {
      form.removeEventListener("submit", submit);
      $("#unlock-skip").removeEventListener("click", skip);
      dialog.removeEventListener("cancel", cancel);
      dialog.close();
      resolve(ok);
    };
    const submit = async (e) => {
      e.preventDefault();
      $("#unlock-ok").disabled = true;
      fill($("#unlock-error"), "Checking…");
      const ok = await attempt($("#unlock-password").value).catch(() => false);
      $("#unlock-ok").disabled = false;
      if (ok) done(true);
      else fill($("#unlock-error"), "That password does not open what is kept on this device.");
    };
    const skip = () => done(false);
    const cancel = (e) => {
      e.preventDefault(); // Escape closes only a prompt that may be skipped
      if (skippable) done(false);
    };
    form.addEventListener("submit", submit);
    $("#unlock-skip").addEventListener("click", skip);
    dialog.addEventListener("cancel", cancel);
  });
}
