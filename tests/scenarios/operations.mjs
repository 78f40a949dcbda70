// Every operation of the API through SignicatClient against the emulator, as a user sees it.
// Each scenario gets { SignicatClient, SignicatError, env, emu } and runs in Node and in Chromium,
// against the emulator over HTTP or in-process (then `env.fetch` is the emulator's fetch).

import { equal, ok, rejects } from "./check.mjs";

export function clientFor(SignicatClient, env, extra = {}) {
  return new SignicatClient({
    baseUrl: env.baseUrl,
    tokenUrl: env.tokenUrl,
    clientId: env.clientId,
    clientSecret: env.clientSecret,
    dangerouslyAllowBrowser: true,
    ...viaEnv(env),
    ...extra,
  });
}

/** `{ fetch: env.fetch }` when the scenario runs against an in-process emulator, else nothing. */
export function viaEnv(env) {
  return env.fetch ? { fetch: env.fetch } : {};
}

async function parentOrganization(client) {
  for await (const org of client.organizations.listAll()) {
    if (!org.parentOrganization) return org;
  }
  throw new Error("the emulator has no top-level organization");
}

export const operations = [
  {
    name: "accounts: create, get, list, update, soft-delete, undelete",
    async run({ SignicatClient, SignicatError, env }) {
      const client = clientFor(SignicatClient, env);
      const org = await parentOrganization(client);
      const created = await client.accounts.create({ name: "Team Å", organizationId: org.id, isSandbox: true, region: "EU", cloud: "GCP" });
      ok(created.id.startsWith("a-spge-"), `a sandbox account id (${created.id})`);
      equal(created.name, "Team Å", "name");
      equal(created.isSandbox, true, "isSandbox");
      equal(created.isSoftDeleted, false, "a new account is live");
      equal(created.organization?.id, org.id, "organization");

      const fetched = await client.accounts.get(created.id);
      equal(fetched.id, created.id, "get returns the account");

      const updated = await client.accounts.update(created.id, { name: "Team Å (EU)", enabled: false });
      equal(updated.name, "Team Å (EU)", "updated name");
      equal(updated.enabled, false, "updated enabled");

      const deleted = await client.accounts.delete(created.id);
      equal(deleted.isSoftDeleted, true, "delete is a soft delete");
      const gone = await rejects(client.accounts.get(created.id), SignicatError, "a soft-deleted account is not found");
      equal(gone.kind, "api", "kind");
      equal(gone.status, 404, "status");
      equal((await client.accounts.get(created.id, { deleted: true })).id, created.id, "deleted: true finds it");

      let inDeleted = false;
      for await (const account of client.accounts.listAll({ deleted: true, limit: 100 })) {
        ok(account.isSoftDeleted, "deleted: true lists only soft-deleted accounts");
        inDeleted ||= account.id === created.id;
      }
      ok(inDeleted, "the deleted listing contains the account");

      const restored = await client.accounts.undelete(created.id);
      equal(restored.isSoftDeleted, false, "undelete restores");
      equal((await client.accounts.get(created.id)).name, "Team Å (EU)", "restored account keeps its data");
    },
  },
  {
    name: "accounts: list pages carry data and an opaque next token",
    async run({ SignicatClient, env }) {
      const client = clientFor(SignicatClient, env);
      const first = await client.accounts.list({ limit: 2 });
      equal(first.data.length, 2, "limit is honoured");
      ok(typeof first.next === "string" && first.next.length > 0, "next is a token");
      const second = await client.accounts.list({ limit: 2, page: first.next });
      ok(second.data.every((a) => !first.data.some((b) => b.id === a.id)), "the second page holds other accounts");
    },
  },
  {
    name: "accounts: a delete-protected account answers 409 with problem details",
    async run({ SignicatClient, SignicatError, env }) {
      const client = clientFor(SignicatClient, env);
      let protectedAccount;
      for await (const account of client.accounts.listAll({ limit: 200 })) {
        if (account.isDeleteProtected) {
          protectedAccount = account;
          break;
        }
      }
      ok(protectedAccount, "the emulator seeds a delete-protected account");
      const error = await rejects(client.accounts.delete(protectedAccount.id), SignicatError, "deleting it fails");
      equal(error.status, 409, "status");
      equal(error.kind, "api", "kind");
      ok(error.traceId, "problem details carry a traceId");
      ok(error.title, "problem details carry a title");
      equal(error.retryable, false, "a conflict is not retryable");
    },
  },
  {
    name: "contacts: create, get, list, replace, patch",
    async run({ SignicatClient, env }) {
      const client = clientFor(SignicatClient, env);
      const org = await parentOrganization(client);
      const created = await client.contacts.create({
        organizationId: org.id,
        firstName: "Harald",
        lastName: "Hårfagre",
        email: "harald@hårfagre.no",
        country: "NO",
        roles: ["CommercialOwner"],
      });
      ok(created.id.startsWith("c-p-"), `a contact id (${created.id})`);
      equal(created.email, "harald@hårfagre.no", "an internationalised email survives");
      equal(created.roles?.[0], "CommercialOwner", "roles");
      equal((await client.contacts.get(created.id)).lastName, "Hårfagre", "get");
      const replaced = await client.contacts.update(created.id, { organizationId: org.id, firstName: "Harald", lastName: "Luva", country: "SE" });
      equal(replaced.lastName, "Luva", "PUT replaces");
      equal(replaced.country, "SE", "PUT country");
      const patched = await client.contacts.patch(created.id, { mobile: "+4799999999" });
      equal(patched.mobile, "+4799999999", "PATCH sets a field");
      equal(patched.lastName, "Luva", "PATCH keeps the others");
      let seen = 0;
      for await (const contact of client.contacts.listAll({ limit: 3 })) seen += contact.id === created.id ? 1 : 0;
      equal(seen, 1, "listAll yields the new contact once");
    },
  },
  {
    name: "organizations: list, get with children and accounts, create a child, update billing",
    async run({ SignicatClient, env }) {
      const client = clientFor(SignicatClient, env);
      const parent = await parentOrganization(client);
      const full = await client.organizations.get(parent.id);
      equal(full.id, parent.id, "get");
      ok(Array.isArray(full.childOrganizations) && full.childOrganizations.length > 0, "children are listed");
      ok(Array.isArray(full.accounts) && Array.isArray(full.contacts), "accounts and contacts are arrays");
      const withDeleted = await client.organizations.get(parent.id, { deletedAccounts: true });
      ok(withDeleted.accounts.length >= full.accounts.length, "deletedAccounts adds soft-deleted accounts");

      const child = await client.organizations.create({
        name: "Fjord Labs",
        parentOrganizationId: parent.id,
        country: "NO",
        billingEmail: "billing@fjord.no",
        billingAddress: { street: "Signistreet 39", postalCode: "5089", city: "Bergen", country: "NO" },
      });
      ok(child.id.startsWith("o-p-"), `an organization id (${child.id})`);
      equal(child.parentOrganization?.id, parent.id, "the new organization is a child");
      const contact = await client.contacts.create({ organizationId: child.id, firstName: "Ola", lastName: "Nordmann" });
      const updated = await client.organizations.update(child.id, { billingContactId: contact.id, website: "https://fjord.no" });
      equal(updated.billingContactId, contact.id, "the answer names the billing contact, as the reference's does");
      equal(updated.website, "https://fjord.no", "website set");
      equal((await client.organizations.get(child.id)).billingContact?.id, contact.id, "billing contact saved");
      ok((await client.organizations.get(parent.id)).childOrganizations.some((c) => c.id === child.id), "the parent lists it");
    },
  },
  {
    name: "invoices: list a date window, get one with lines, download its PDF",
    async run({ SignicatClient, env }) {
      const client = clientFor(SignicatClient, env);
      const all = await client.invoices.list({ after: new Date("2000-01-01T00:00:00Z") });
      ok(Array.isArray(all) && all.length > 0, "the emulator seeds invoices");
      ok(new Set(all.map((i) => i.currencyCode)).size > 1, "in more than one currency");
      const none = await client.invoices.list({ after: "2000-01-01", before: "2000-01-02" });
      equal(none.length, 0, "an empty window lists nothing");
      const invoice = await client.invoices.get(all[0].invoiceNumber);
      equal(invoice.invoiceNumber, all[0].invoiceNumber, "get");
      ok(invoice.lines.length > 0, "the invoice has lines");
      ok(typeof invoice.lines[0].lineAmount === "number", "amounts are numbers");
      const pdf = await client.invoices.download(invoice.invoiceNumber);
      ok(pdf instanceof Uint8Array, "download gives bytes");
      equal(new TextDecoder().decode(pdf.subarray(0, 5)), "%PDF-", "a PDF document");
    },
  },
  {
    name: "validation: bad input is refused before anything is sent",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env);
      const before = (await emu.stats()).totalRequests;
      const error = await rejects(
        client.accounts.create({ name: "x".repeat(81), organizationId: "", isSandbox: "yes", region: "US", cloud: "gcp" }),
        SignicatError,
        "an invalid account",
      );
      equal(error.kind, "validation", "kind");
      equal(error.retryable, false, "retryable");
      const fields = error.issues.map((i) => i.field);
      equal(fields.join(","), "name,organizationId,isSandbox,region,cloud", "every problem at once, in field order");
      equal(error.invalidParams.length, 5, "also as invalidParams");
      const contactError = await rejects(client.contacts.patch("c-p-x", { country: "no" }), SignicatError, "a lower-case country");
      ok(contactError.message.includes("NO"), "the message suggests the fix");
      await rejects(client.invoices.list({ after: "yesterday" }), SignicatError, "a malformed date");
      await rejects(client.accounts.list({ limit: 0 }), SignicatError, "limit 0");
      equal((await emu.stats()).totalRequests, before, "nothing reached the API");
    },
  },
  {
    name: "path parameters are percent-encoded and cannot reach another route",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env);
      const error = await rejects(client.accounts.get("../accounts?x#y"), SignicatError, "a hostile id");
      equal(error.status, 404, "it is an unknown account, not a listing");
      const stats = await emu.stats();
      ok(stats.requests.some((r) => r.path === "/account-management/accounts/..%2Faccounts%3Fx%23y"), "the id stayed one segment");
      await rejects(client.accounts.get(".."), SignicatError, "a dot-dot id");
    },
  },
  {
    name: "an unknown id answers 404 as a SignicatError",
    async run({ SignicatClient, SignicatError, env }) {
      const client = clientFor(SignicatClient, env);
      const error = await rejects(
        client.organizations.update("o-p-doesnotexist", { name: "Valid Name" }),
        SignicatError,
        "an unknown organization",
      );
      equal(error.status, 404, "status");
      ok(error.message.includes("404"), "the message names the status");
    },
  },
];
