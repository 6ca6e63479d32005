// A confirmation in a modal <dialog>: focus goes to Cancel, Escape cancels, the answer is a promise.
import { $, fill } from "./dom.js";

export function confirmAction(title, text, action) {
  const dialog = $("#confirm");
  fill($("#confirm-title"), title);
  fill($("#confirm-text"), text);
  fill($("#confirm-ok"), action);
  dialog.returnValue = "";
  dialog.showModal();
  $("#confirm-cancel").focus();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
  });
}
