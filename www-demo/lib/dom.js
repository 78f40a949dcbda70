// Small DOM helpers shared by the views: elements, formatting, loading and empty states.

// Set as properties, not attributes, so that they reflect the live state of a control.
const PROPERTIES = new Set(["value", "checked", "selected", "textContent", "indeterminate"]);

/** `h("button", { class: "primary", onclick }, "Save")`: an element with attributes, listeners and children. */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className = value;
    else if (PROPERTIES.has(key)) element[key] = value;
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

let counter = 0;
/** A document-unique id for label/aria wiring. */
export const uid = (prefix) => `${prefix}-${++counter}`;

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** "3 Dec 2026", or a dash for a missing or unreadable date. */
export function formatDate(value) {
  if (!value) return "—";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "—" : dateFormat.format(date);
}

/** "Dec 26" for a "2026-12" month key. */
export const formatMonth = (key) => monthFormat.format(new Date(`${key}-01T00:00:00Z`));

export function formatMoney(amount, currency) {
  if (typeof amount !== "number") return "—";
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency: currency || "EUR" }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ""}`.trim();
  }
}

/** `yyyy-mm-dd` of a date in local time, as `<input type=date>` wants it. */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const badge = (text, tone = "neutral") => h("span", { class: `badge badge-${tone}` }, text);

/** Placeholder rows while a table loads. */
export function skeletonRows(columns, rows = 6) {
  return Array.from({ length: rows }, () =>
    h("tr", { class: "skeleton-row", "aria-hidden": "true" }, Array.from({ length: columns }, () => h("td", null, h("span", { class: "skeleton" })))),
  );
}

/** A friendly "nothing here" block, with an optional action button. */
export function emptyState(title, hint, action) {
  return h("div", { class: "empty" }, h("p", { class: "empty-title" }, title), hint && h("p", { class: "empty-hint" }, hint), action);
}

/** A table cell that names its column, for tables shown as cards on phones. */
export const cell = (label, ...children) => h("td", { "data-label": label }, ...children);

/** A table's one full-width cell, for empty and error states inside a tbody. */
export const wideRow = (columns, content) => h("tr", { class: "wide-row" }, h("td", { colspan: columns }, content));

/** A label/value list, skipping empty values. */
export function details(pairs) {
  return h(
    "dl",
    { class: "details" },
    pairs.filter(([, value]) => value !== undefined && value !== null && value !== "").flatMap(([term, value]) => [h("dt", null, term), h("dd", null, value)]),
  );
}

/** Marks a button busy while `task` runs, so a double click sends nothing twice. */
export async function busy(button, task) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    return await task();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}
