// What the command line knows about each resource: its columns, the name a person looks for,
// and how a row of an import file becomes the body the SDK's validate function checks.
import { validate } from "signicat-account-management";

/** Columns of a table (the few that fit a terminal) and of a CSV (every plain field). */
export const RESOURCES = {
  accounts: {
    singular: "account",
    columns: ["id", "name", "isSandbox", "region", "cloud", "enabled", "isSoftDeleted", "organization.name"],
    csvColumns: ["id", "name", "organization.id", "organization.name", "isSandbox", "region", "cloud", "enabled", "isDeleteProtected", "isSoftDeleted", "softDeletedAt", "createdDate", "lastModifiedDate", "products"],
    importable: true,
    validateCreate: (body) => validate.createAccount(body),
    create: (client, body, options) => client.accounts.create(body, options),
    lookFor: (body) => `account "${body.name ?? ""}" in organization ${body.organizationId ?? "?"}`,
    booleans: ["isSandbox", "enabled"],
  },
  contacts: {
    singular: "contact",
    columns: ["id", "name", "email", "mobile", "roles", "organization.name"],
    csvColumns: ["id", "name", "firstName", "middleName", "lastName", "email", "mobile", "phone", "country", "roles", "organization.id", "organization.name"],
    importable: true,
    validateCreate: (body) => validate.createContact(body),
    create: (client, body, options) => client.contacts.create(body, options),
    lookFor: (body) => `contact "${[body.firstName, body.middleName, body.lastName].filter(Boolean).join(" ")}"${body.email ? ` <${body.email}>` : ""}`,
    lists: ["roles"],
  },
  organizations: {
    singular: "organization",
    columns: ["id", "name", "country", "entityId", "parentOrganization.name"],
    csvColumns: ["id", "name", "country", "entityId", "entityVatNumber", "entityLegalName", "parentOrganization.id", "parentOrganization.name", "lastModifiedDate"],
    importable: true,
    validateCreate: (body) => validate.createOrganization(body),
    create: (client, body, options) => client.organizations.create(body, options),
    lookFor: (body) => `organization "${body.name ?? ""}" under ${body.parentOrganizationId ?? "?"}`,
  },
  invoices: {
    singular: "invoice",
    columns: ["invoiceNumber", "invoiceDate", "organizationName", "currencyCode", "totalInvoiceAmount", "settled"],
    csvColumns: ["invoiceNumber", "invoiceDate", "organizationId", "organizationName", "usageOrganizationId", "usageOrganizationName", "currencyCode", "totalInvoiceAmount", "totalChargeAmount", "totalDiscountAmount", "totalTaxAmount", "settled", "salesOrderNumber", "customersOrderReference", "invoiceCustomerAccountNumber"],
    importable: false,
  },
};

const TRUE = new Set(["true", "yes", "1"]);
const FALSE = new Set(["false", "no", "0"]);

/**
 * A CSV record (every cell text) as a request body: empty cells are left out, `a.b` headers
 * nest, known flags become booleans and lists split on `;`. A cell that is not a boolean
 * stays text, so the validator names it.
 */
export function bodyFromCsv(resource, record) {
  const spec = RESOURCES[resource];
  const body = {};
  for (const [header, raw] of Object.entries(record)) {
    const cell = raw.trim();
    if (cell === "") continue;
    let value = cell;
    if (spec.booleans?.includes(header)) {
      const lower = cell.toLowerCase();
      if (TRUE.has(lower)) value = true;
      else if (FALSE.has(lower)) value = false;
    } else if (spec.lists?.includes(header)) {
      value = cell.split(";").map((part) => part.trim()).filter(Boolean);
    }
    const path = header.split(".");
    let target = body;
    for (const key of path.slice(0, -1)) target = target[key] ??= {};
    target[path.at(-1)] = value;
  }
  return body;
}

/** A reader of the value at a dotted path (`organization.name`), the path split once. */
export function accessor(path) {
  const keys = path.split(".");
  if (keys.length === 1) return (item) => item?.[path];
  return (item) => {
    let value = item;
    for (const key of keys) {
      if (value === null || value === undefined) return undefined;
      value = value[key];
    }
    return value;
  };
}

/** The value at a dotted path, or undefined. */
export const pick = (item, path) => accessor(path)(item);

/** A value as one cell of text: lists joined with `;`, objects as JSON. */
export function cell(value) {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(";");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
