// The admin page: one view per section (hash routes), a client that gets its tokens from the
// page's backend, and a settings dialog to point it elsewhere.
import { clearSettings, connect, defaultSettings, loadSettings, ready, saveSettings, urlProblem } from "./lib/connection.js";
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

async function openSettings() {
  const chosen = await formDialog({
    title: "Connection",
    intro: "This page never holds a Signicat client secret. It asks a token endpoint on your own server, which holds the credentials, for short-lived access tokens.",
    fields: [
      field({ name: "baseUrl", label: "API base URL", control: textInput({ value: settings.baseUrl, inputmode: "url" }), wide: true }),
      field({ name: "tokenEndpoint", label: "Token endpoint (your backend)", control: textInput({ value: settings.tokenEndpoint, inputmode: "url" }), wide: true, hint: "Answers a POST with { accessToken, expiresIn }." }),
    ],
    buttons: [
      { value: "save", label: "Save and reconnect" },
      { value: "defaults", label: "Use defaults" },
    ],
    read: (form, action) => (action === "defaults" ? { ...defaultSettings(), defaults: true } : { baseUrl: form.elements.baseUrl.value.trim(), tokenEndpoint: form.elements.tokenEndpoint.value.trim() }),
    check: (body) =>
      ["baseUrl", "tokenEndpoint"].map((name) => ({ field: name, message: urlProblem(body[name]) })).filter((issue) => issue.message),
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
