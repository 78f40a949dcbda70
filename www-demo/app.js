// The admin page: one view per section (hash routes), a client that gets its tokens from the
// page's backend, and a settings dialog to point it elsewhere.
import { clearSettings, connect, defaultSettings, foreignOrigins, loadSettings, ready, saveSettings, urlProblem } from "./lib/connection.js";
import { h, uid } from "./lib/dom.js";
import { field, formDialog, textInput } from "./lib/form.js";
import { clearErrors, notify, reportError } from "./lib/problem.js";
import * as accounts from "./views/accounts.js";
import * as contacts from "./views/contacts.js";
import * as invoices from "./views/invoices.js";
import * as organizations from "./views/organizations.js";

const VIEWS = { organizations, accounts, contacts, invoices };
const TITLES = { organizations: "Organizations", accounts: "Accounts", contacts: "Contacts", invoices: "Invoices" };

let settings = loadSettings();
let client;
let organizationList;
let controller;
let shown;

/** Every organization (summaries), fetched once and shared by the views' pickers. */
function allOrganizations() {
  if (!organizationList) {
    organizationList = (async () => {
      const all = [];
      for await (const org of client.organizations.listAll({ limit: 200 })) all.push(org);
      return all;
    })();
    organizationList.catch(() => (organizationList = undefined));
  }
  return organizationList;
}

/** A client for the current settings; returns the error when the SDK refused them. */
function reconnect() {
  let refused;
  try {
    client = connect(settings);
  } catch (error) {
    // Settings the SDK refuses (a malformed URL): fall back so the page stays usable.
    refused = error;
    settings = defaultSettings();
    client = connect(settings);
  }
  organizationList = undefined;
  document.getElementById("connected-to").textContent = settings.baseUrl;
  document.getElementById("token-from").textContent = settings.tokenEndpoint;
  return refused;
}

/** Connects, shows the current section, then any refusal (routing clears older errors). */
function start() {
  const refused = reconnect();
  route();
  if (refused) reportError(refused);
  return !refused;
}

function route() {
  const name = location.hash.replace(/^#\//, "").split("/")[0];
  const view = VIEWS[name] ? name : "organizations";
  controller?.abort();
  controller = new AbortController();
  for (const link of document.querySelectorAll(".tabs a")) {
    if (link.dataset.view === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  clearErrors();
  document.title = `${TITLES[view]} · Account Management`;
  const container = document.getElementById("view");
  container.replaceChildren();
  // A new section moves keyboard and screen reader focus to it, as a page load would.
  if (shown && shown !== view) document.getElementById("main").focus({ preventScroll: true });
  shown = view;
  VIEWS[view].render(container, {
    client,
    signal: controller.signal,
    organizations: allOrganizations,
    organizationsChanged: () => (organizationList = undefined),
  });
}

const listed = (items) => items.join(" and ");

/**
 * The settings dialog's warning about origins that are neither the page's own nor Signicat's,
 * and the checkbox that confirms them. `update({ baseUrl, tokenEndpoint })` redraws it; a tick
 * holds only for the origins it named, so typing another one asks again.
 */
function originConfirmation() {
  const textId = uid("origins");
  const errorId = uid("origins-error");
  const text = h("div", { class: "origin-warning-text", id: textId, "aria-live": "polite" });
  const box = h("input", { type: "checkbox", name: "confirmOrigins", "aria-describedby": `${textId} ${errorId}` });
  const boxText = h("span");
  const label = h("label", { class: "check", hidden: true }, box, boxText);
  const slot = h("div", { class: "field wide origin-warning", "data-field": "confirmOrigins" }, text, label, h("p", { class: "field-error", id: errorId, "aria-live": "polite" }));
  let shownFor;
  function update(typed) {
    const foreign = foreignOrigins(typed);
    const origins = foreign.map((f) => f.origin);
    if (origins.join(" ") === shownFor) return;
    shownFor = origins.join(" ");
    box.checked = false;
    slot.classList.toggle("active", origins.length > 0);
    label.hidden = origins.length === 0;
    boxText.textContent = `I trust ${listed(origins)}`;
    const sentences = foreign.flatMap(({ origin, names }) =>
      names.map((name) =>
        name === "baseUrl"
          ? `The access token from this page's backend will be sent to ${origin} with every API call.`
          : `Access tokens will be requested from ${origin}, not from this page's backend.`,
      ),
    );
    const whose = origins.length === 1 ? "It is neither this page's origin nor Signicat's API: save only if you trust it." : "Neither of them is this page's origin or Signicat's API: save only if you trust both.";
    text.replaceChildren(...(origins.length ? [...sentences, whose].map((sentence) => h("p", null, sentence)) : []));
  }
  return { slot, update, confirmed: () => box.checked };
}

async function openSettings() {
  const baseUrl = textInput({ value: settings.baseUrl, inputmode: "url" });
  const tokenEndpoint = textInput({ value: settings.tokenEndpoint, inputmode: "url" });
  const typed = () => ({ baseUrl: baseUrl.value.trim(), tokenEndpoint: tokenEndpoint.value.trim() });
  const origins = originConfirmation();
  origins.update(typed());
  // On the inputs, so they run before the form's listener checks the fields: a new origin is unconfirmed by then.
  for (const input of [baseUrl, tokenEndpoint]) input.addEventListener("input", () => origins.update(typed()));
  const chosen = await formDialog({
    title: "Connection",
    intro: "This page never holds a Signicat client secret. It asks a token endpoint on your own server, which holds the credentials, for short-lived access tokens.",
    fields: [
      field({ name: "baseUrl", label: "API base URL", control: baseUrl, wide: true }),
      field({ name: "tokenEndpoint", label: "Token endpoint (your backend)", control: tokenEndpoint, wide: true, hint: "Answers a POST with { accessToken, expiresIn }." }),
      origins.slot,
    ],
    buttons: [
      { value: "save", label: "Save and reconnect" },
      { value: "defaults", label: "Use defaults" },
    ],
    read: (form, action) => (action === "defaults" ? { ...defaultSettings(), defaults: true } : typed()),
    check: (body) => {
      const issues = ["baseUrl", "tokenEndpoint"].map((name) => ({ field: name, message: urlProblem(body[name]) })).filter((issue) => issue.message);
      const foreign = foreignOrigins(body).map((f) => f.origin);
      if (foreign.length && !origins.confirmed()) {
        issues.push({ field: "confirmOrigins", message: `Confirm that you trust ${listed(foreign)}, or use this page's own origin or Signicat's API.` });
      }
      return issues;
    },
    submit: async (body) => body,
  });
  if (!chosen) return;
  const { defaults, ...next } = chosen;
  if (defaults) clearSettings();
  else saveSettings(next);
  settings = next;
  if (start()) notify(`Connected to ${settings.baseUrl}`);
}

// Whatever a view forgot to catch still reaches the user, and the page carries on.
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (event.reason?.kind !== "aborted") reportError(event.reason);
});

document.getElementById("open-settings").addEventListener("click", openSettings);
window.addEventListener("hashchange", route);
ready.then(start, reportError);
