// The API reference's own samples (tests/fixtures, transcribed from ../shared/seeds): every
// response sample decodes through its operation, answered by a `fetch` that returns it as the
// real API would; every request sample passes its `validate` function and is accepted by the
// emulator. Runs in Node and in Chromium.

import { clientFor } from "./operations.mjs";
import { equal, ok } from "./check.mjs";

/** Operations the reference shows no JSON sample for: the PDF is bytes, undelete has none. */
const NO_RESPONSE_SAMPLE = new Set(["accounts.undelete", "invoices.download"]);

/** The sample's file stem: `accounts.list` → `list_accounts`, `accounts.get` → `get_account`. */
function stem(namespace, method) {
  return method === "list" ? `list_${namespace}` : `${method}_${namespace.slice(0, -1)}`;
}

async function sample(name) {
  const module = await import(new URL(`../fixtures/${name}.json`, import.meta.url).href, { with: { type: "json" } });
  return structuredClone(module.default);
}

async function trySample(name) {
  try {
    return await sample(name);
  } catch {
    return undefined;
  }
}

/** Every method of the client, as `[namespace, method]`, from the client itself. */
function methodsOf(client) {
  return Object.entries(client).flatMap(([namespace, methods]) =>
    Object.keys(methods)
      .filter((method) => method !== "listAll")
      .map((method) => [namespace, method]),
  );
}

/** The validator of a method that sends a body: `contacts.patch` → `patchContact`. */
const validatorOf = (namespace, method) => `${method}${namespace[0].toUpperCase()}${namespace.slice(1, -1)}`;

/** Whether every value the sample gives survives decoding (the lenient rules drop only null and ""). */
function kept(sent, got, at, problems) {
  if (sent === null || sent === "") return;
  if (Array.isArray(sent)) {
    if (!Array.isArray(got) || got.length !== sent.length) return problems.push(`${at}: ${JSON.stringify(got)}`);
    sent.forEach((item, i) => kept(item, got[i], `${at}[${i}]`, problems));
  } else if (typeof sent === "object") {
    if (typeof got !== "object" || got === null) return problems.push(`${at}: ${JSON.stringify(got)}`);
    for (const [key, value] of Object.entries(sent)) kept(value, got[key], `${at}.${key}`, problems);
  } else if (got !== sent) {
    problems.push(`${at}: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`);
  }
}

export const samples = [
  {
    name: "samples: every response sample of the reference decodes through its operation",
    async run({ SignicatClient, env }) {
      const probe = new SignicatClient({ baseUrl: env.baseUrl, accessToken: "token" });
      let decoded = 0;
      for (const [namespace, method] of methodsOf(probe)) {
        const operation = `${namespace}.${method}`;
        const answer = await trySample(`${stem(namespace, method)}.response`);
        equal(answer === undefined, NO_RESPONSE_SAMPLE.has(operation), `${operation} has a response sample unless the reference shows none`);
        if (answer === undefined) continue;
        const fetch = async () => new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
        const client = new SignicatClient({ baseUrl: env.baseUrl, accessToken: "token", fetch });
        const body = await trySample(`${stem(namespace, method)}.request`);
        const ids = method === "list" || method === "create" ? [] : ["sample-id"];
        const got = await client[namespace][method](...ids, ...(body ? [body] : []));
        const problems = [];
        kept(answer.data ?? answer, got.data ?? got, operation, problems);
        equal(problems.join("\n"), "", `${operation} keeps every value of the sample`);
        if ("next" in answer) equal(got.next, undefined, `${operation}: a null next is absent`);
        decoded += 1;
      }
      equal(decoded, 16, "response samples decoded");
    },
  },
  {
    name: "samples: the update organization sample is what organizations.update resolves to",
    async run({ SignicatClient, env }) {
      const answer = await sample("update_organization.response");
      const fetch = async () => new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
      const client = new SignicatClient({ baseUrl: env.baseUrl, accessToken: "token", fetch });
      const got = await client.organizations.update("o-p-0TgcUq7CylltM7OkwB4t", await sample("update_organization.request"));
      equal(got.id, undefined, "the reference's answer has no id");
      equal(got.billingContactId, "c-p-5831eMDkMehkgq39L3KK", "billingContactId");
      equal(got.billingAddress.city, "Bergen", "billingAddress");
    },
  },
  {
    name: "samples: every request sample passes its validator and the emulator accepts it",
    async run({ SignicatClient, env, validate }) {
      const client = clientFor(SignicatClient, env);
      const { data: organizations } = await client.organizations.list({ limit: 50 });
      const root = organizations.find((o) => !o.parentOrganization);
      const child = organizations.find((o) => o.parentOrganization);
      const { data: [contact] } = await client.contacts.list({ limit: 1 });
      const { data: [account] } = await client.accounts.list({ limit: 1 });
      // The samples name records of Signicat's own; here they name the emulator's.
      const real = { organizationId: child.id, parentOrganizationId: root.id, billingContactId: contact.id };
      const target = { accounts: account.id, contacts: contact.id, organizations: child.id };
      let sent = 0;
      for (const [namespace, method] of methodsOf(client)) {
        const request = await trySample(`${stem(namespace, method)}.request`);
        if (!request) continue;
        const validator = validatorOf(namespace, method);
        equal(JSON.stringify(validate[validator](request)), "[]", `validate.${validator} passes the reference's sample`);
        for (const [field, id] of Object.entries(real)) if (typeof request[field] === "string") request[field] = id;
        const ids = method === "create" ? [] : [target[namespace]];
        const saved = await client[namespace][method](...ids, request);
        ok(saved && typeof saved === "object", `${namespace}.${method} accepted the sample`);
        sent += 1;
      }
      equal(sent, 7, "request samples sent");
    },
  },
];
