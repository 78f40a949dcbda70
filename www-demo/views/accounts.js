// Accounts: a paged table with filters, create, rename, enable/disable, soft delete and
// undelete, and each account's products on demand.
import { validate } from "../pkg/entries/browser.js";
import { badge, busy, cell, emptyState, formatDate, h, skeletonRows, wideRow } from "../lib/dom.js";
import { field, formDialog, selectInput, textInput } from "../lib/form.js";
import { notify, problemBox, reportError } from "../lib/problem.js";

const COLUMNS = 6;
// The API filters only on soft deletion; type and status are filtered here, scanning at most
// this many accounts per page of results so a rare match never stalls the page.
const SCAN_LIMIT = 2000;
const SCAN_BATCH = 200;

const PROTECTED_REASON = "Delete-protected: the API refuses to delete this account while its protection is on.";

export function render(container, app) {
  const filters = { deleted: "live", type: "all", status: "all", size: 25 };
  // Where each page of results starts: a server page token, how many of its items to skip, and
  // how many results came before (pages hold fewer rows when a filter scan stops early).
  const FIRST = { token: undefined, skip: 0, offset: 0 };
  let starts = [FIRST];
  let index = 0;
  let nextStart = null;
  let loading;

  const tbody = h("tbody");
  const pageInfo = h("span", { class: "pager-info", "aria-live": "polite" });
  const previous = h("button", { type: "button", class: "button", onclick: () => go(index - 1) }, "← Previous");
  const next = h("button", { type: "button", class: "button", onclick: () => go(index + 1) }, "Next →");
  const filterNote = h("p", { class: "muted filter-note" });

  const filterSelect = (key, label, options) =>
    h(
      "label",
      { class: "inline-field" },
      h("span", null, label),
      selectInput(options, {
        name: key,
        value: String(filters[key]),
        onchange: (event) => {
          filters[key] = key === "size" ? Number(event.target.value) : event.target.value;
          restart();
        },
      }),
    );

  container.append(
    h(
      "section",
      { class: "view", "aria-labelledby": "accounts-title" },
      h(
        "div",
        { class: "view-head" },
        h("div", null, h("h1", { id: "accounts-title" }, "Accounts"), h("p", { class: "lead" }, "Sandbox and production accounts across your organizations.")),
        h("button", { type: "button", class: "button primary", onclick: create }, "New account"),
      ),
      h(
        "div",
        { class: "toolbar", role: "group", "aria-label": "Filters" },
        filterSelect("deleted", "Show", [["live", "Live accounts"], ["deleted", "Soft-deleted"]]),
        filterSelect("type", "Type", [["all", "All types"], ["sandbox", "Sandbox"], ["production", "Production"]]),
        filterSelect("status", "Status", [["all", "Any status"], ["enabled", "Enabled"], ["disabled", "Disabled"]]),
        filterSelect("size", "Rows", [["25", "25"], ["50", "50"], ["100", "100"]]),
      ),
      filterNote,
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "data stack", id: "accounts-table" },
          h("caption", { class: "sr-only" }, "Accounts"),
          h("thead", null, h("tr", null, ["Name", "Type", "Status", "Created", "Id", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
          tbody,
        ),
      ),
      h("nav", { class: "pager", "aria-label": "Pages of accounts" }, previous, pageInfo, next),
    ),
  );

  const filtersHere = () => filters.type !== "all" || filters.status !== "all";
  const matches = (account) =>
    (filters.type === "all" || (filters.type === "sandbox") === account.isSandbox) &&
    (filters.status === "all" || (filters.status === "enabled") === account.enabled);

  /** One page of results from `start`, and where the page after it starts. */
  async function fetchResults(start) {
    const limit = filtersHere() ? SCAN_BATCH : filters.size;
    let { token, skip } = start;
    const rows = [];
    let scanned = 0;
    for (;;) {
      const page = await app.client.accounts.list({ limit, page: token, deleted: filters.deleted === "deleted" || undefined, signal: app.signal });
      for (let i = skip; i < page.data.length; i++) {
        if (!matches(page.data[i])) continue;
        rows.push(page.data[i]);
        if (rows.length === filters.size) {
          const offset = start.offset + rows.length;
          const after = i + 1 < page.data.length ? { token, skip: i + 1, offset } : page.next ? { token: page.next, skip: 0, offset } : null;
          return { rows, after };
        }
      }
      scanned += page.data.length - skip;
      if (!page.next || scanned >= SCAN_LIMIT) return { rows, after: page.next ? { token: page.next, skip: 0, offset: start.offset + rows.length } : null };
      token = page.next;
      skip = 0;
    }
  }

  async function load() {
    const ticket = (loading = {});
    previous.disabled = next.disabled = true;
    tbody.replaceChildren(...skeletonRows(COLUMNS));
    tbody.setAttribute("aria-busy", "true");
    pageInfo.textContent = "Loading…";
    filterNote.textContent = filtersHere() ? "The API filters only soft-deleted accounts; type and status are filtered in this page as it loads." : "";
    try {
      const { rows, after } = await fetchResults(starts[index]);
      if (ticket !== loading) return;
      nextStart = after;
      const first = starts[index].offset + 1;
      pageInfo.textContent = rows.length ? `Page ${index + 1} · rows ${first}–${first + rows.length - 1}` : `Page ${index + 1}`;
      tbody.replaceChildren(...(rows.length ? rows.map(row) : [wideRow(COLUMNS, emptyMessage())]));
      previous.disabled = index === 0;
      next.disabled = !nextStart;
    } catch (error) {
      if (ticket !== loading || error.kind === "aborted") return;
      pageInfo.textContent = "";
      previous.disabled = index === 0;
      tbody.replaceChildren(wideRow(COLUMNS, problemBox(error, { onRetry: load })));
    } finally {
      if (ticket === loading) tbody.removeAttribute("aria-busy");
    }
  }

  function emptyMessage() {
    if (filters.deleted === "deleted") return emptyState("No soft-deleted accounts", "Accounts you delete stay here, ready to undelete.");
    if (index > 0 || filtersHere()) return emptyState("No accounts match these filters", "Change the type or status filter to see more.");
    return emptyState("No accounts yet", "Create the first one for an organization.", h("button", { type: "button", class: "button primary", onclick: create }, "New account"));
  }

  function go(to) {
    if (to < 0) return;
    if (to > index) {
      if (!nextStart) return;
      starts = [...starts.slice(0, to), nextStart];
    }
    index = to;
    load();
  }

  function restart() {
    starts = [FIRST];
    index = 0;
    load();
  }

  /** Puts a changed account in place of its row (and closes that row's details). */
  function swap(account) {
    const current = tbody.querySelector(`tr[data-id="${CSS.escape(account.id)}"]`);
    if (!current) return;
    if (current.nextElementSibling?.classList.contains("detail-row")) current.nextElementSibling.remove();
    current.replaceWith(row(account));
  }

  /** Runs one row action: the button is busy meanwhile, the row shows the result, a notice says what happened. */
  async function act(button, task, message, undo) {
    const changed = await busy(button, async () => {
      try {
        return await task();
      } catch (error) {
        if (error.kind !== "aborted") reportError(error);
      }
    });
    if (!changed) return;
    swap(changed);
    notify(message(changed), undo && { label: "Undo", run: () => undo(changed).then(swap, reportError) });
  }

  /** A table row for one account. */
  function row(account, { fresh = false } = {}) {
    const tr = h("tr", { "data-id": account.id, class: fresh ? "fresh" : undefined });
    const accounts = app.client.accounts;
    const detailsButton = h("button", { type: "button", class: "button small ghost", "aria-expanded": "false", onclick: () => toggleDetails(tr, detailsButton, account) }, "Products");
    const actions = [detailsButton];
    if (account.isSoftDeleted) {
      const restore = h("button", { type: "button", class: "button small", onclick: () => act(restore, () => accounts.undelete(account.id), (a) => `Restored ${a.name}`) }, "Undelete");
      actions.push(restore);
    } else {
      actions.push(h("button", { type: "button", class: "button small", onclick: () => rename(account) }, "Rename"));
      const toggle = h(
        "button",
        { type: "button", class: "button small", onclick: () => act(toggle, () => accounts.update(account.id, { name: account.name, enabled: !account.enabled }), (a) => `${a.name} is ${a.enabled ? "enabled" : "disabled"}`) },
        account.enabled ? "Disable" : "Enable",
      );
      actions.push(toggle);
      if (account.isDeleteProtected) {
        actions.push(h("span", { class: "protected", title: PROTECTED_REASON }, "Can’t delete", h("span", { class: "sr-only" }, `. ${PROTECTED_REASON}`)));
      } else {
        const remove = h(
          "button",
          { type: "button", class: "button small danger", onclick: () => act(remove, () => accounts.delete(account.id), (a) => `Deleted ${a.name}`, (a) => accounts.undelete(a.id)) },
          "Delete",
        );
        actions.push(remove);
      }
    }
    const status = [account.enabled ? badge("Enabled", "good") : badge("Disabled", "muted")];
    if (account.isSoftDeleted) status.push(badge("Soft-deleted", "warn"));
    if (account.isDeleteProtected) status.push(badge("Protected", "info"));
    if (fresh) status.push(badge("New", "accent"));
    tr.append(
      h("td", { class: "name-cell" }, h("span", { class: "name" }, account.name)),
      cell("Type", account.isSandbox ? "Sandbox" : "Production"),
      cell("Status", h("span", { class: "badges" }, status)),
      cell("Created", formatDate(account.createdDate)),
      cell("Id", h("code", { class: "id" }, account.id)),
      h("td", null, h("div", { class: "row-actions" }, actions)),
    );
    return tr;
  }

  async function toggleDetails(tr, button, account) {
    const open = button.getAttribute("aria-expanded") === "true";
    if (open) {
      tr.nextElementSibling?.classList.contains("detail-row") && tr.nextElementSibling.remove();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    button.setAttribute("aria-expanded", "true");
    const cell = h("td", { colspan: COLUMNS }, h("p", { class: "muted" }, "Loading products…"));
    tr.after(h("tr", { class: "detail-row" }, cell));
    try {
      const full = await app.client.accounts.get(account.id, { deleted: account.isSoftDeleted || undefined, signal: app.signal });
      const products = full.products ?? [];
      cell.replaceChildren(
        h(
          "div",
          { class: "account-detail" },
          h("div", null, h("h2", null, "Products"), products.length ? h("ul", { class: "chips" }, products.map((p) => h("li", { class: "chip" }, p))) : h("p", { class: "muted" }, "No products on this account yet.")),
          h("div", null, h("h2", null, "Organization"), h("p", null, full.organization?.name ?? full.organization?.id ?? "—")),
          h("div", null, h("h2", null, "Hosting"), h("p", null, `${full.region} · ${full.cloud}`)),
          full.isDeleteProtected && h("p", { class: "protected-note" }, PROTECTED_REASON),
          full.isSoftDeleted && h("p", { class: "muted" }, `Soft-deleted ${formatDate(full.softDeletedAt)}.`),
        ),
      );
    } catch (error) {
      if (error.kind !== "aborted") cell.replaceChildren(problemBox(error, { onRetry: () => (button.setAttribute("aria-expanded", "false"), tr.nextElementSibling?.remove(), toggleDetails(tr, button, account)) }));
    }
  }

  async function rename(account) {
    const changed = await formDialog({
      title: "Rename account",
      fields: [field({ name: "name", label: "Name", control: textInput({ value: account.name, maxlength: 200 }), wide: true })],
      buttons: [{ value: "save", label: "Rename" }],
      read: (form) => ({ name: form.elements.name.value, enabled: account.enabled }),
      check: (body) => validate.updateAccount(body),
      submit: (body) => app.client.accounts.update(account.id, body),
    });
    if (changed) {
      swap(changed);
      notify(`Renamed to ${changed.name}`);
    }
  }

  async function create() {
    let organizations = [];
    try {
      organizations = await app.organizations();
    } catch (error) {
      reportError(error);
      return;
    }
    const account = await formDialog({
      title: "New account",
      fields: [
        field({ name: "name", label: "Name", control: textInput({ placeholder: "e.g. Nordlys Web Signing", maxlength: 200 }), wide: true }),
        field({ name: "organizationId", label: "Organization", control: selectInput(organizations.map((o) => [o.id, o.name])), wide: true }),
        field({ name: "isSandbox", label: "Type", control: selectInput([["true", "Sandbox"], ["false", "Production"]]) }),
        field({ name: "cloud", label: "Cloud", control: selectInput([["GCP", "Google Cloud (GCP)"], ["OTC", "Open Telekom Cloud (OTC)"]]) }),
        field({ name: "region", label: "Region", control: selectInput([["EU", "EU"]]) }),
      ],
      buttons: [{ value: "create", label: "Create account" }],
      read: (form) => ({
        name: form.elements.name.value,
        organizationId: form.elements.organizationId.value,
        isSandbox: form.elements.isSandbox.value === "true",
        region: form.elements.region.value,
        cloud: form.elements.cloud.value,
      }),
      check: (body) => validate.createAccount(body),
      submit: (body) => app.client.accounts.create(body),
    });
    if (!account) return;
    tbody.querySelector(".wide-row")?.remove();
    tbody.prepend(row(account, { fresh: true }));
    notify(`Created ${account.name}`);
  }

  load();
}
