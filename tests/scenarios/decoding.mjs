// Answers as a server may really send them, through the client's `fetch` option: the lenient
// rules applied once by the schemas, fields this version does not know passed through, and a
// field of the wrong type a `decode` error that names it. Runs in Node and in Chromium.

import { equal, ok, rejects } from "./check.mjs";

/** A client whose every answer is `body` with `status`, as JSON. */
function answering(SignicatClient, env, body, status = 200) {
  return answeringText(SignicatClient, env, JSON.stringify(body), status);
}

/**
 * A client whose every answer is `text`, labelled JSON, with `headers` beside: without a
 * Content-Length, the client counts the body as it reads it, then parses it.
 */
function answeringText(SignicatClient, env, text, status = 200, headers = {}) {
  const fetch = async () => new Response(text, { status, headers: { "content-type": "application/json", ...headers } });
  return new SignicatClient({ baseUrl: env.baseUrl, accessToken: "token", fetch });
}

const account = {
  id: "a-1",
  name: "Team A",
  createdDate: "",
  lastModifiedDate: null,
  isSoftDeleted: null,
  isSandbox: true,
  region: "EU",
  cloud: "GCP",
  enabled: true,
  isDeleteProtected: null,
  organization: { id: "o-1", name: null, addedLater: true },
  futureField: { nested: [1, 2] },
};

export const decoding = [
  {
    name: "decoding: empty dates and null flags read leniently, unknown fields pass through",
    async run({ SignicatClient, env }) {
      const got = await answering(SignicatClient, env, account).accounts.get("a-1");
      equal(got.createdDate, undefined, "an empty-string date is absent");
      equal(got.lastModifiedDate, undefined, "a null date is absent");
      equal(got.isSoftDeleted, false, "a null flag is false");
      equal(got.isDeleteProtected, false, "a null flag is false");
      equal(got.organization.name, undefined, "a null optional field is absent");
      equal(got.organization.addedLater, true, "an unknown nested field passes through");
      equal(JSON.stringify(got.futureField), '{"nested":[1,2]}', "an unknown field passes through");
      equal(JSON.stringify(got).includes("createdDate"), false, "absent fields do not serialize");
    },
  },
  {
    name: "decoding: null lists read as empty, a page's next URL as its token",
    async run({ SignicatClient, env }) {
      const organization = { id: "o-1", name: "Org", childOrganizations: null, accounts: null, contacts: null };
      const got = await answering(SignicatClient, env, organization).organizations.get("o-1");
      ok(Array.isArray(got.accounts) && got.accounts.length === 0, "null accounts are []");
      ok(Array.isArray(got.childOrganizations) && got.childOrganizations.length === 0, "null children are []");
      const page = { data: [account], next: "https://api.example/accounts?limit=1&page=abc%3D" };
      const listed = await answering(SignicatClient, env, page).accounts.list({ limit: 1 });
      equal(listed.next, "abc=", "next is reduced to its page token");
      equal(listed.data[0].isSoftDeleted, false, "items are normalised too");
    },
  },
  {
    name: "decoding: a field of the wrong type or a missing one is a decode error naming it",
    async run({ SignicatClient, SignicatError, env }) {
      const wrong = await rejects(answering(SignicatClient, env, { ...account, isSandbox: "yes" }).accounts.get("a-1"), SignicatError, "wrong type");
      equal(wrong.kind, "decode", "kind");
      equal(wrong.status, 200, "status");
      ok(wrong.message.includes("isSandbox must be true or false"), wrong.message);
      ok(wrong.message.includes("application/json"), wrong.message);
      const page = { data: [account, { id: "a-2" }] };
      const missing = await rejects(answering(SignicatClient, env, page).accounts.list(), SignicatError, "missing");
      ok(missing.message.includes("data[1].name must be present"), missing.message);
      for (const body of [null, [], "text", 42]) {
        const error = await rejects(answering(SignicatClient, env, body).accounts.get("a-1"), SignicatError, `body ${JSON.stringify(body)}`);
        equal(error.kind, "decode", `kind for ${JSON.stringify(body)}`);
      }
    },
  },
  {
    name: "decoding: text that is not JSON is a decode error saying so, counted or not; a byte order mark is read past",
    async run({ SignicatClient, SignicatError, env }) {
      const cut = '{"id": "a-1", "name": ';
      for (const headers of [{}, { "content-length": String(cut.length) }]) {
        const broken = await rejects(answeringText(SignicatClient, env, cut, 200, headers).accounts.get("a-1"), SignicatError, "cut JSON");
        equal(broken.kind, "decode", "kind");
        ok(broken.message.includes("not JSON"), broken.message);
      }
      const marked = await answeringText(SignicatClient, env, `\uFEFF${JSON.stringify(account)}`).accounts.get("a-1");
      equal(marked.name, "Team A", "as Response#json() reads it");
      const accented = await answeringText(SignicatClient, env, JSON.stringify({ ...account, name: "Bjørnøya – Ærø" })).accounts.get("a-1");
      equal(accented.name, "Bjørnøya – Ærø", "UTF-8 decoded");
    },
  },
];
