// Organizations: the group as a tree; the selected one's company and billing details,
// accounts and contacts; create a child organization, edit one, add a contact to it.
import { validate } from "../pkg/entries/browser.js";
import { badge, details, emptyState, formatDate, h } from "../lib/dom.js";
import { field, formDialog, optional, selectInput, textInput } from "../lib/form.js";
import { notify, problemBox, reportError } from "../lib/problem.js";
import { contactForm, roleBadges } from "./contacts.js";

// An organization may own thousands of accounts; the Accounts page pages through them.
const ACCOUNTS_SHOWN = 50;

/** A website as a link when it is an http(s) URL, else as text: `javascript:` and the like must not run on a click. */
function websiteLink(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return text;
  return h("a", { href: url.href, rel: "noopener noreferrer", target: "_blank" }, text.replace(/^https?:\/\//i, ""));
}

export function render(container, app) {
  const selectedId = decodeURIComponent(location.hash.split("/")[2] ?? "");
  const tree = h("nav", { class: "tree", "aria-label": "Organizations" }, h("p", { class: "muted" }, "Loading organizations…"));
  const detail = h("div", { class: "org-detail", "aria-live": "polite" }, h("div", { class: "skeleton-block" }));
  container.append(
    h(
      "section",
      { class: "view", "aria-labelledby": "orgs-title" },
      h("div", { class: "view-head" }, h("div", null, h("h1", { id: "orgs-title" }, "Organizations"), h("p", { class: "lead" }, "Your group, its companies and who pays for what."))),
      h("div", { class: "split" }, h("aside", { class: "card tree-card" }, tree), detail),
    ),
  );
  let showDeleted = false;

  async function start() {
    let organizations;
    try {
      organizations = await app.organizations();
    } catch (error) {
      if (error.kind === "aborted") return;
      tree.replaceChildren(problemBox(error, { onRetry: start }));
      detail.replaceChildren();
      return;
    }
    const ids = new Set(organizations.map((o) => o.id));
    const children = new Map();
    for (const org of organizations) {
      const parent = org.parentOrganization?.id;
      const key = parent && ids.has(parent) ? parent : "";
      children.set(key, [...(children.get(key) ?? []), org]);
    }
    const current = ids.has(selectedId) ? selectedId : children.get("")?.[0]?.id;
    const branch = (list) =>
      h(
        "ul",
        null,
        list.map((org) =>
          h(
            "li",
            null,
            h("a", { href: `#/organizations/${encodeURIComponent(org.id)}`, class: "tree-item", "aria-current": org.id === current ? "page" : undefined }, h("span", null, org.name), org.country && h("span", { class: "muted small" }, org.country)),
            children.has(org.id) && branch(children.get(org.id)),
          ),
        ),
      );
    tree.replaceChildren(organizations.length ? branch(children.get("") ?? []) : emptyState("No organizations", "The API returned none for these credentials."));
    // Choosing an organization redraws the tree; keep the keyboard on the chosen one.
    if (document.activeElement === document.body) tree.querySelector('[aria-current="page"]')?.focus({ preventScroll: true });
    if (current) show(current);
    else detail.replaceChildren();
  }

  async function show(id) {
    detail.replaceChildren(h("div", { class: "skeleton-block", "aria-label": "Loading" }));
    let org;
    try {
      org = await app.client.organizations.get(id, { deletedAccounts: showDeleted || undefined, signal: app.signal });
    } catch (error) {
      if (error.kind !== "aborted") detail.replaceChildren(problemBox(error, { onRetry: () => show(id) }));
      return;
    }
    const address = org.billingAddress;
    const deletedToggle = h("input", { type: "checkbox", id: "org-deleted-accounts", checked: showDeleted, onchange: (e) => ((showDeleted = e.target.checked), show(id)) });
    detail.replaceChildren(
      h(
        "div",
        { class: "org-head" },
        h("div", null, h("h2", null, org.name), h("p", { class: "muted" }, [org.entityLegalName, org.entityId, org.country].filter(Boolean).join(" · "))),
        h(
          "div",
          { class: "head-actions" },
          h("button", { type: "button", class: "button", onclick: () => editOrganization(org) }, "Edit"),
          h("button", { type: "button", class: "button", onclick: () => addContact(org) }, "Add contact"),
          h("button", { type: "button", class: "button primary", onclick: () => createChild(org) }, "New child organization"),
        ),
      ),
      h(
        "div",
        { class: "cards" },
        h(
          "section",
          { class: "card" },
          h("h3", null, "Company"),
          details([
            ["Legal name", org.entityLegalName],
            ["Organization number", org.entityId],
            ["VAT number", org.entityVatNumber],
            ["Country", org.country],
            ["Website", org.website && websiteLink(org.website)],
            ["Parent", org.parentOrganization && h("a", { href: `#/organizations/${encodeURIComponent(org.parentOrganization.id)}` }, org.parentOrganization.name ?? org.parentOrganization.id)],
            ["Last changed", org.lastModifiedDate && formatDate(org.lastModifiedDate)],
          ]),
        ),
        h(
          "section",
          { class: "card" },
          h("h3", null, "Billing"),
          org.billingEmail || address || org.billingContact
            ? details([
                ["Invoices to", org.billingEmail],
                ["Address", address && [address.street, [address.postalCode, address.city].filter(Boolean).join(" "), address.region, address.country].filter(Boolean).join(", ")],
                ["Billing contact", org.billingContact && `${org.billingContact.name}${org.billingContact.email ? ` <${org.billingContact.email}>` : ""}`],
              ])
            : h("p", { class: "muted" }, "Billed through the parent organization."),
        ),
      ),
      h(
        "section",
        { class: "card" },
        h("div", { class: "card-head" }, h("h3", null, `Accounts (${org.accounts.length})`), h("label", { class: "check", for: "org-deleted-accounts" }, deletedToggle, "Include soft-deleted")),
        org.accounts.length
          ? h(
              "div",
              { class: "table-wrap" },
              h(
                "table",
                { class: "data compact" },
                h("thead", null, h("tr", null, ["Name", "Type", "Status"].map((t) => h("th", { scope: "col" }, t)))),
                h(
                  "tbody",
                  null,
                  org.accounts.slice(0, ACCOUNTS_SHOWN).map((a) =>
                    h(
                      "tr",
                      null,
                      h("td", null, a.name),
                      h("td", null, a.isSandbox ? "Sandbox" : "Production"),
                      h("td", null, h("span", { class: "badges" }, a.enabled ? badge("Enabled", "good") : badge("Disabled", "muted"), a.isSoftDeleted && badge("Soft-deleted", "warn"))),
                    ),
                  ),
                ),
              ),
              org.accounts.length > ACCOUNTS_SHOWN &&
                h("p", { class: "muted more" }, `and ${org.accounts.length - ACCOUNTS_SHOWN} more: `, h("a", { href: "#/accounts" }, "see every account")),
            )
          : emptyState("No accounts", "Create one from the Accounts page."),
      ),
      h(
        "section",
        { class: "card" },
        h("h3", null, `Contacts (${org.contacts.length})`),
        org.contacts.length
          ? h("ul", { class: "people" }, org.contacts.map((c) => h("li", null, h("span", { class: "name" }, c.name), h("span", { class: "muted" }, c.email ?? ""), roleBadges(c.roles))))
          : emptyState("No contacts", "Add the people who own, run and pay for this organization."),
      ),
      org.childOrganizations.length > 0 &&
        h(
          "section",
          { class: "card" },
          h("h3", null, `Child organizations (${org.childOrganizations.length})`),
          h("ul", { class: "links" }, org.childOrganizations.map((c) => h("li", null, h("a", { href: `#/organizations/${encodeURIComponent(c.id)}` }, c.name ?? c.id)))),
        ),
    );
  }

  /** The company fields both forms share, filled from `org` when editing. */
  function companyFields(org = {}) {
    const text = (name, label, props = {}) => field({ name, label, control: textInput({ value: org[name] ?? "", ...props }) });
    return [
      text("name", "Name"),
      text("entityLegalName", "Legal name"),
      text("entityId", "Organization number"),
      text("entityVatNumber", "VAT number"),
      text("country", "Country", { placeholder: "NO", maxlength: 2, hint: "Two-letter code" }),
      text("website", "Website", { type: "url", placeholder: "https://" }),
      text("billingEmail", "Billing email", { type: "email" }),
    ];
  }

  const companyBody = (form) => ({
    name: form.elements.name.value,
    entityLegalName: optional(form, "entityLegalName"),
    entityId: optional(form, "entityId"),
    entityVatNumber: optional(form, "entityVatNumber"),
    country: optional(form, "country"),
    website: optional(form, "website"),
    billingEmail: optional(form, "billingEmail"),
  });

  async function createChild(parent) {
    const child = await formDialog({
      title: `New organization under ${parent.name}`,
      intro: "A child organization can have its own accounts, contacts and billing.",
      fields: companyFields(),
      buttons: [{ value: "create", label: "Create organization" }],
      read: (form) => ({ ...companyBody(form), parentOrganizationId: parent.id }),
      check: (body) => validate.createOrganization(body),
      submit: (body) => app.client.organizations.create(body),
    });
    if (!child) return;
    app.organizationsChanged();
    notify(`Created ${child.name}`);
    location.hash = `#/organizations/${encodeURIComponent(child.id)}`;
  }

  async function editOrganization(org) {
    const address = org.billingAddress ?? {};
    const addressField = (name, label, props = {}) => field({ name: `billingAddress.${name}`, label, control: textInput({ value: address[name] ?? "", ...props }) });
    const changed = await formDialog({
      title: `Edit ${org.name}`,
      intro: "Empty fields are left as they are.",
      fields: [
        ...companyFields(org),
        field({
          name: "billingContactId",
          label: "Billing contact",
          control: selectInput([["", "No change"], ...org.contacts.map((c) => [c.id, c.name])], { value: org.billingContact?.id ?? "" }),
        }),
        addressField("street", "Street", { autocomplete: "street-address" }),
        addressField("postalCode", "Postal code"),
        addressField("city", "City"),
        addressField("region", "Region"),
        addressField("country", "Address country", { maxlength: 2, placeholder: "NO" }),
      ],
      read: (form) => {
        const part = (name) => optional(form, `billingAddress.${name}`);
        const billingAddress = { street: part("street"), postalCode: part("postalCode"), city: part("city"), region: part("region"), country: part("country") };
        return {
          ...companyBody(form),
          billingContactId: optional(form, "billingContactId"),
          billingAddress: Object.values(billingAddress).some(Boolean) ? billingAddress : undefined,
        };
      },
      check: (body) => validate.updateOrganization(body),
      submit: (body) => app.client.organizations.update(org.id, body),
    });
    if (!changed) return;
    app.organizationsChanged();
    // The API answers an update with the saved fields, which may leave the name out.
    notify(`Saved ${changed.name ?? org.name}`);
    start();
  }

  async function addContact(org) {
    let organizations;
    try {
      organizations = await app.organizations();
    } catch (error) {
      reportError(error);
      return;
    }
    const contact = await contactForm({ organizations, organizationId: org.id, client: app.client });
    if (!contact) return;
    notify(`Created ${contact.name}`);
    show(org.id);
  }

  start();
}
