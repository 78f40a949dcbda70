// How failures reach the user: the API's problem details (title, detail, trace id) in a box
// that offers to try again, and short notices for what went well.
import { SignicatError } from "../pkg/entries/browser.js";
import { h } from "./dom.js";

// A heading for errors that carry no API title: what happened, in the user's words.
const HEADINGS = {
  network: "Cannot reach the API",
  timeout: "The API took too long to answer",
  auth: "Could not sign in to the API",
  rate_limited: "Too many requests",
  decode: "The API sent something unexpected",
  config: "The connection settings do not work",
  validation: "Some fields need attention",
  aborted: "Cancelled",
  api: "The API refused the request",
};

/** The error box: title, detail, status, code, trace id, invalid parameters; retry and dismiss buttons. */
export function problemBox(error, { onRetry, onDismiss } = {}) {
  const signicat = error instanceof SignicatError;
  const title = (signicat && error.title) || HEADINGS[error?.kind] || "Something went wrong";
  const detail = (signicat && error.detail) || error?.message || String(error);
  const facts = [];
  if (signicat && error.status) facts.push(["Status", String(error.status)]);
  if (signicat && error.code) facts.push(["Code", error.code]);
  if (signicat && error.operation) facts.push(["Operation", error.operation]);
  const box = h(
    "div",
    { class: "problem", role: "alert" },
    h("p", { class: "problem-title" }, title),
    h("p", { class: "problem-detail" }, detail),
    facts.length > 0 && h("p", { class: "problem-facts" }, facts.map(([k, v]) => h("span", null, `${k} `, h("strong", null, v)))),
    signicat && error.traceId && h("p", { class: "problem-trace" }, "Trace id ", h("code", { class: "trace-id" }, error.traceId), h("span", { class: "muted" }, " (quote it to Signicat support)")),
    signicat && error.invalidParams?.length > 0 && h("ul", { class: "problem-params" }, error.invalidParams.map((p) => h("li", null, h("code", null, p.name), ` ${p.reason}`))),
    signicat && error.issues?.length > 0 && h("ul", { class: "problem-params" }, error.issues.map((i) => h("li", null, i.message))),
    (onRetry || onDismiss) &&
      h(
        "div",
        { class: "problem-actions" },
        onRetry && h("button", { type: "button", class: "button", onclick: onRetry }, "Try again"),
        onDismiss && h("button", { type: "button", class: "button ghost", onclick: () => (box.remove(), onDismiss()) }, "Dismiss"),
      ),
  );
  return box;
}

/** Shows an error of an action (not a load) above the current view until dismissed. */
export function reportError(error) {
  const slot = document.getElementById("alerts");
  slot.replaceChildren(problemBox(error, { onDismiss: () => {} }));
  slot.scrollIntoView({ block: "nearest" });
}

export function clearErrors() {
  document.getElementById("alerts")?.replaceChildren();
}

/** A short notice that fades after a few seconds; `action` adds one button (e.g. Undo). */
export function notify(message, action) {
  const region = document.getElementById("toasts");
  const toast = h(
    "div",
    { class: "toast" },
    h("span", null, message),
    action && h("button", { type: "button", class: "button ghost small", onclick: () => (toast.remove(), action.run()) }, action.label),
  );
  region.append(toast);
  setTimeout(() => toast.remove(), action ? 8000 : 4000);
}
