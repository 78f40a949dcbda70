// Contacts: a paged list, create, edit as a full replacement (PUT) or as a change of the
// edited fields only (PATCH), and their roles.
import { validate } from "../pkg/entries/browser.js";
import { badge, cell, emptyState, h, skeletonRows, wideRow } from "../lib/dom.js";
import { checkboxGroup, checkedValues, field, formDialog, optional, selectInput, textInput } from "../lib/form.js";
import { notify, problemBox, reportError } from "../lib/problem.js";

const COLUMNS = 5;
const PAGE_SIZE = 25;
export const ROLES = [
  ["CommercialOwner", "Commercial owner"],
  ["MainTechnicalContact", "Main technical contact"],
  ["FinancialContact", "Financial contact"],
  ["Other", "Other"],
];
const roleLabel = (role) => ROLES.find(([value]) => value === role)?.[1] ?? role;
const TEXT_FIELDS = ["firstName", "middleName", "lastName", "email", "mobile", "phone", "country"];

export const roleBadges = (roles) => h("span", { class: "badges" }, (roles ?? []).map((role) => badge(roleLabel(role), "info")));

export function render(container, app) {
  let tokens = [undefined];
  let index = 0;
  let nextToken;
  let loading;
  const tbody = h("tbody");
  const pageInfo = h("span", { class: "pager-info", "aria-live": "polite" });
  const previous = h("button", { type: "button", class: "button", onclick: () => go(index - 1) }, "← Previous");
  const next = h("button", { type: "button", class: "button", onclick: () => go(index + 1) }, "Next →");

  container.append(
    h(
      "section",
      { class: "view", "aria-labelledby": "contacts-title" },
      h(
        "div",
        { class: "view-head" },
        h("div", null, h("h1", { id: "contacts-title" }, "Contacts"), h("p", { class: "lead" }, "The people Signicat talks to about your accounts, and their roles.")),
        h("button", { type: "button", class: "button primary", onclick: () => edit() }, "New contact"),
      ),
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "data stack", id: "contacts-table" },
          h("caption", { class: "sr-only" }, "Contacts"),
          h("thead", null, h("tr", null, ["Name", "Email", "Mobile", "Roles", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
          tbody,
        ),
      ),
      h("nav", { class: "pager", "aria-label": "Pages of contacts" }, previous, pageInfo, next),
    ),
  );

  async function load() {
    const ticket = (loading = {});
    previous.disabled = next.disabled = true;
    tbody.replaceChildren(...skeletonRows(COLUMNS));
    pageInfo.textContent = "Loading…";
    try {
      const page = await app.client.contacts.list({ limit: PAGE_SIZE, page: tokens[index], signal: app.signal });
      if (ticket !== loading) return;
      nextToken = page.next;
      pageInfo.textContent = `Page ${index + 1}`;
      tbody.replaceChildren(...(page.data.length ? page.data.map(row) : [wideRow(COLUMNS, emptyState("No contacts yet", "Add the people who own, run and pay for your accounts."))]));
      previous.disabled = index === 0;
      next.disabled = !nextToken;
    } catch (error) {
      if (ticket !== loading || error.kind === "aborted") return;
      pageInfo.textContent = "";
      previous.disabled = index === 0;
      tbody.replaceChildren(wideRow(COLUMNS, problemBox(error, { onRetry: load })));
    }
  }

  function go(to) {
    if (to < 0 || (to > index && !nextToken)) return;
    if (to > index) tokens = [...tokens.slice(0, to), nextToken];
    index = to;
    load();
  }

  function row(contact, { fresh = false } = {}) {
    return h(
      "tr",
      { "data-id": contact.id, class: fresh ? "fresh" : undefined },
      h("td", { class: "name-cell" }, h("span", { class: "name" }, contact.name), fresh && badge("New", "accent")),
      cell("Email", contact.email ?? "—"),
      cell("Mobile", contact.mobile ?? "—"),
      cell("Roles", roleBadges(contact.roles)),
      h("td", null, h("div", { class: "row-actions" }, h("button", { type: "button", class: "button small", onclick: () => edit(contact.id) }, "Edit"))),
    );
  }

  /** Opens the contact form: empty to create, or filled from the contact with `id` to edit. */
  async function edit(id) {
    let organizations;
    let contact;
    try {
      [organizations, contact] = await Promise.all([app.organizations(), id ? app.client.contacts.get(id, { signal: app.signal }) : undefined]);
    } catch (error) {
      if (error.kind !== "aborted") reportError(error);
      return;
    }
    const saved = await contactForm({ organizations, contact, client: app.client });
    if (!saved) return;
    const current = tbody.querySelector(`tr[data-id="${CSS.escape(saved.id)}"]`);
    if (current) current.replaceWith(row(saved));
    else {
      tbody.querySelector(".wide-row")?.remove();
      tbody.prepend(row(saved, { fresh: true }));
    }
    notify(id ? `Saved ${saved.name}` : `Created ${saved.name}`);
  }

  load();
}

/**
 * The contact form, shared with the organization view. Creating sends `contacts.create`;
 * editing offers PATCH (only the changed fields) and PUT (the whole form, blanks cleared).
 */
export function contactForm({ organizations, contact, organizationId, client }) {
  const value = (name) => contact?.[name] ?? "";
  const text = (name, label, props = {}) => field({ name, label, control: textInput({ value: value(name), ...props }) });
  const full = (form) => ({
    organizationId: form.elements.organizationId.value || undefined,
    firstName: form.elements.firstName.value,
    middleName: optional(form, "middleName"),
    lastName: form.elements.lastName.value,
    email: optional(form, "email"),
    mobile: optional(form, "mobile"),
    phone: optional(form, "phone"),
    country: optional(form, "country"),
    roles: checkedValues(form, "roles"),
  });
  // Only what differs from the loaded contact: an untouched field is not sent at all.
  const changes = (form) => {
    const body = full(form);
    const patch = {};
    for (const name of TEXT_FIELDS) if ((body[name] ?? "") !== (contact[name] ?? "")) patch[name] = body[name] ?? "";
    if (body.organizationId && body.organizationId !== contact.organization?.id) patch.organizationId = body.organizationId;
    if (JSON.stringify([...body.roles].sort()) !== JSON.stringify([...(contact.roles ?? [])].sort())) patch.roles = body.roles;
    return patch;
  };
  const selected = contact?.organization?.id ?? organizationId ?? "";
  return formDialog({
    title: contact ? `Edit ${contact.name}` : "New contact",
    intro: contact ? "Save changes sends only the fields you changed. Replace contact sends the whole form: empty fields are cleared." : undefined,
    fields: [
      text("firstName", "First name", { autocomplete: "given-name" }),
      text("middleName", "Middle name"),
      text("lastName", "Last name", { autocomplete: "family-name" }),
      text("email", "Email", { type: "email", autocomplete: "email" }),
      text("mobile", "Mobile", { type: "tel", placeholder: "+47 912 34 567" }),
      text("phone", "Phone", { type: "tel" }),
      text("country", "Country", { placeholder: "NO", maxlength: 2, hint: "Two-letter code" }),
      field({ name: "organizationId", label: "Organization", control: selectInput([["", "The main organization"], ...organizations.map((o) => [o.id, o.name])], { value: selected }) }),
      checkboxGroup({ name: "roles", legend: "Roles", options: ROLES, checked: contact?.roles ?? [] }),
    ],
    buttons: contact
      ? [
          { value: "patch", label: "Save changes" },
          { value: "put", label: "Replace contact" },
        ]
      : [{ value: "create", label: "Create contact" }],
    read: (form, action) => (action === "patch" ? changes(form) : full(form)),
    check: (body, action) => (action === "patch" ? validate.patchContact(body) : contact ? validate.updateContact(body) : validate.createContact(body)),
    submit: (body, action) => (action === "patch" ? client.contacts.patch(contact.id, body) : action === "put" ? client.contacts.update(contact.id, body) : client.contacts.create(body)),
  });
}
