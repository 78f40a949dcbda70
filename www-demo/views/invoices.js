// Invoices: a date range, totals per currency, a chart of totals per month, the list, one
// invoice's lines and its document downloaded as a PDF file.
import { badge, busy, cell, details, emptyState, formatDate, formatMoney, h, isoDay, skeletonRows, wideRow } from "../lib/dom.js";
import { problemBox, reportError } from "../lib/problem.js";
import { monthlyChart } from "./chart.js";

const COLUMNS = 6;

/** The months from `from` to `to` (inclusive) as "yyyy-mm" keys, so empty months show as zero. */
function monthKeys(from, to) {
  const keys = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor <= to && keys.length < 120) {
    keys.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return keys;
}

export function render(container, app) {
  const today = new Date();
  const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), 1);
  const fromInput = h("input", { type: "date", id: "invoices-from", name: "from", value: isoDay(yearAgo), required: true });
  const toInput = h("input", { type: "date", id: "invoices-to", name: "to", value: isoDay(today), required: true });
  const rangeError = h("p", { class: "field-error", id: "range-error", "aria-live": "polite" });
  for (const input of [fromInput, toInput]) input.setAttribute("aria-describedby", "range-error");
  const summary = h("div", { class: "totals", "aria-live": "polite" });
  const chartSlot = h("div", { class: "chart-slot" });
  const tbody = h("tbody");
  let currency;
  let loading;

  const rangeProblem = () => {
    if (!fromInput.value || !toInput.value) return "Choose both dates.";
    if (fromInput.value > toInput.value) return "The start date must be on or before the end date.";
    return "";
  };

  const form = h(
    "form",
    {
      class: "toolbar",
      "aria-label": "Date range",
      novalidate: true,
      oninput: () => (rangeError.textContent = rangeProblem()),
      onsubmit: (event) => {
        event.preventDefault();
        load();
      },
    },
    h("label", { class: "inline-field", for: "invoices-from" }, h("span", null, "From"), fromInput),
    h("label", { class: "inline-field", for: "invoices-to" }, h("span", null, "To"), toInput),
    h("button", { type: "submit", class: "button primary" }, "Show invoices"),
    rangeError,
  );

  container.append(
    h(
      "section",
      { class: "view", "aria-labelledby": "invoices-title" },
      h("div", { class: "view-head" }, h("div", null, h("h1", { id: "invoices-title" }, "Invoices"), h("p", { class: "lead" }, "What Signicat invoiced, per currency and month."))),
      form,
      summary,
      h("section", { class: "card chart-card", "aria-label": "Invoiced per month" }, chartSlot),
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "data stack", id: "invoices-table" },
          h("caption", { class: "sr-only" }, "Invoices"),
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              ["Invoice", "Date", "Organization", "Amount", "Status"].map((t) => h("th", { scope: "col", class: t === "Amount" ? "num" : undefined }, t)),
              // The buttons' column needs no visible title, but a screen reader names every column.
              h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Actions")),
            ),
          ),
          tbody,
        ),
      ),
    ),
  );

  async function load() {
    const problem = rangeProblem();
    rangeError.textContent = problem;
    if (problem) return;
    const ticket = (loading = {});
    const after = new Date(`${fromInput.value}T00:00:00`);
    const before = new Date(`${toInput.value}T23:59:59`);
    tbody.replaceChildren(...skeletonRows(COLUMNS, 5));
    summary.replaceChildren(h("div", { class: "total skeleton-block small" }));
    chartSlot.replaceChildren(h("div", { class: "skeleton-block" }));
    let invoices;
    try {
      invoices = await app.client.invoices.list({ after, before, signal: app.signal });
    } catch (error) {
      if (ticket !== loading || error.kind === "aborted") return;
      summary.replaceChildren();
      chartSlot.replaceChildren();
      tbody.replaceChildren(wideRow(COLUMNS, problemBox(error, { onRetry: load })));
      return;
    }
    if (ticket !== loading) return;
    invoices.sort((a, b) => (b.invoiceDate ?? "").localeCompare(a.invoiceDate ?? ""));
    const totals = new Map();
    for (const invoice of invoices) {
      const code = invoice.currencyCode ?? "—";
      const total = totals.get(code) ?? { amount: 0, count: 0 };
      total.amount += invoice.totalInvoiceAmount ?? 0;
      total.count += 1;
      totals.set(code, total);
    }
    const currencies = [...totals.keys()].sort();
    if (!currencies.includes(currency)) currency = currencies[0];
    summary.replaceChildren(
      ...currencies.map((code) => [code, totals.get(code)]).map(([code, { amount, count }]) => h("div", { class: "total" }, h("span", { class: "total-label" }, `${code} · ${count} invoice${count === 1 ? "" : "s"}`), h("span", { class: "total-amount" }, formatMoney(amount, code)))),
    );
    const drawChart = () => {
      const keys = monthKeys(after, before);
      const perMonth = new Map(keys.map((key) => [key, 0]));
      for (const invoice of invoices) {
        const key = invoice.invoiceDate?.slice(0, 7);
        if (invoice.currencyCode === currency && perMonth.has(key)) perMonth.set(key, perMonth.get(key) + (invoice.totalInvoiceAmount ?? 0));
      }
      const picker = h(
        "div",
        { class: "segmented", role: "radiogroup", "aria-label": "Currency" },
        currencies.map((code) =>
          h("label", null, h("input", { type: "radio", name: "chart-currency", value: code, checked: code === currency, onchange: () => ((currency = code), drawChart()) }), h("span", null, code)),
        ),
      );
      chartSlot.replaceChildren(h("div", { class: "card-head" }, h("h2", { class: "card-title" }, "Invoiced per month"), picker), monthlyChart([...perMonth], currency, chartSlot.clientWidth));
    };
    if (invoices.length) drawChart();
    else chartSlot.replaceChildren(emptyState("No invoices in this period", "Pick a wider date range."));
    tbody.replaceChildren(...(invoices.length ? invoices.map(row) : [wideRow(COLUMNS, emptyState("No invoices between these dates", "Signicat invoices monthly; try the last twelve months."))]));
  }

  function row(invoice) {
    const open = h("button", { type: "button", class: "button small", onclick: () => openInvoice(invoice.invoiceNumber, open) }, "View");
    return h(
      "tr",
      { "data-id": invoice.invoiceNumber },
      h("td", { class: "name-cell" }, h("code", { class: "id" }, invoice.invoiceNumber)),
      cell("Date", formatDate(invoice.invoiceDate)),
      cell("Organization", invoice.usageOrganizationName ?? invoice.organizationName ?? "—"),
      h("td", { class: "num", "data-label": "Amount" }, formatMoney(invoice.totalInvoiceAmount, invoice.currencyCode)),
      cell("Status", invoice.settled ? badge("Paid", "good") : badge("Open", "warn")),
      h("td", null, open),
    );
  }

  async function openInvoice(number, button) {
    let invoice;
    try {
      invoice = await busy(button, () => app.client.invoices.get(number, { signal: app.signal }));
    } catch (error) {
      if (error.kind !== "aborted") reportError(error);
      return;
    }
    const money = (value) => formatMoney(value, invoice.currencyCode);
    const problemSlot = h("div");
    const download = h("button", { type: "button", class: "button primary", onclick: () => save(invoice.invoiceNumber, download, problemSlot) }, "Download PDF");
    const dialog = h(
      "dialog",
      { class: "sheet wide", "aria-labelledby": "invoice-title" },
      h("header", { class: "dialog-head" }, h("h2", { id: "invoice-title" }, `Invoice ${invoice.invoiceNumber}`), h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: () => dialog.close() }, "×")),
      details([
        ["Date", formatDate(invoice.invoiceDate)],
        ["Billed to", invoice.organizationName],
        ["Usage by", invoice.usageOrganizationName],
        ["Order", invoice.salesOrderNumber],
        ["Status", invoice.settled ? "Paid" : "Open"],
      ]),
      h(
        "div",
        // Narrower than its table on a phone: keyboard users scroll it once it has focus.
        { class: "table-wrap", tabindex: 0, role: "region", "aria-label": "Invoice lines" },
        h(
          "table",
          { class: "data compact" },
          h("caption", { class: "sr-only" }, "Invoice lines"),
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "Product"), ["Quantity", "Unit price", "Amount"].map((t) => h("th", { scope: "col", class: "num" }, t)))),
          h(
            "tbody",
            null,
            invoice.lines.length
              ? invoice.lines.map((line) =>
                  h(
                    "tr",
                    null,
                    h("td", null, line.productName ?? line.itemNumber ?? "—"),
                    h("td", { class: "num" }, `${line.invoicedQuantity ?? "—"} ${line.salesUnitSymbol ?? ""}`.trim()),
                    h("td", { class: "num" }, money(line.salesPrice)),
                    h("td", { class: "num" }, money(line.lineAmount)),
                  ),
                )
              : wideRow(4, h("p", { class: "muted" }, "This invoice has no lines.")),
          ),
          h(
            "tfoot",
            null,
            h("tr", null, h("th", { scope: "row", colspan: 3 }, "Tax"), h("td", { class: "num" }, money(invoice.totalTaxAmount))),
            h("tr", null, h("th", { scope: "row", colspan: 3 }, "Total"), h("td", { class: "num strong" }, money(invoice.totalInvoiceAmount))),
          ),
        ),
      ),
      problemSlot,
      h("footer", { class: "dialog-foot" }, download, h("button", { type: "button", class: "button ghost", onclick: () => dialog.close() }, "Close")),
    );
    dialog.addEventListener("close", () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    download.focus();
  }

  /** Downloads the invoice document through the SDK and hands it to the browser as a file. */
  async function save(number, button, problemSlot) {
    problemSlot.replaceChildren();
    try {
      const bytes = await busy(button, () => app.client.invoices.download(number, { signal: app.signal }));
      const url = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
      const link = h("a", { href: url, download: `invoice-${number}.pdf`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      if (error.kind !== "aborted") problemSlot.replaceChildren(problemBox(error));
    }
  }

  load();
}
