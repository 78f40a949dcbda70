// What a caller passes that the SDK does not take: a misspelt option of a method or of the
// constructor fails before anything is sent, naming the option and the one meant; dates in
// any form the rules take reach the API as RFC 3339. Runs in Node and in Chromium.

import { clientFor } from "./operations.mjs";
import { equal, ok, rejects, throws } from "./check.mjs";

/** A client over the suite's emulator that records the URL of every request it sends. */
function recording(SignicatClient, env) {
  const urls = [];
  const underlying = env.fetch ?? globalThis.fetch;
  const fetch = (url, init) => {
    urls.push(String(url));
    return underlying(url, init);
  };
  return { client: clientFor(SignicatClient, env, { fetch }), urls };
}

export const options = [
  {
    name: "options: a misspelt option of a method is a validation error naming the one meant, and nothing is sent",
    async run({ SignicatClient, SignicatError, env }) {
      const { client, urls } = recording(SignicatClient, env);
      const typo = await rejects(client.accounts.list({ limt: 5 }), SignicatError, "limt");
      equal(typo.kind, "validation", "kind");
      equal(typo.issues[0].field, "limt", "the issue names the option");
      equal(typo.issues[0].rule, "unknown", "rule");
      ok(typo.message.includes("did you mean limit"), typo.message);
      const wire = await rejects(client.invoices.list({ invoiceDateAfter: "2024-01-01" }), SignicatError, "wire name");
      ok(wire.message.includes("did you mean after"), `the API's name points to the SDK's: ${wire.message}`);
      const elsewhere = await rejects(client.contacts.get("c-p-1", { limit: 5 }), SignicatError, "not this method's");
      equal(elsewhere.issues[0].field, "limit", "an option of another method");
      const body = await rejects(client.accounts.update("a-1", { name: "A" }, { deleted: true }), SignicatError, "after a body");
      equal(body.issues[0].field, "deleted", "the options after a body are checked too");
      equal(urls.length, 0, "nothing was sent");
      const controller = new AbortController();
      const page = await client.accounts.list({ limit: 1, deleted: false, signal: controller.signal, timeoutMs: 10_000 });
      equal(page.data.length <= 1, true, "every known option together is taken");
    },
  },
  {
    name: "options: a misspelt constructor option is a config error naming the one meant, never its value",
    async run({ SignicatClient, SignicatError, env }) {
      const base = { baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, dangerouslyAllowBrowser: true };
      const cases = [
        [{ ...base, accessToken: "t", timeout: 5 }, "did you mean timeoutMs"],
        [{ ...base, clientId: "id", client_secret: "hunter2-secret" }, "did you mean clientSecret"],
        [{ ...base, accessToken: "t", maxRetry: 1 }, "did you mean maxRetries"],
        [{ ...base, accessToken: "t", onResponce: () => {} }, "did you mean onResponse"],
      ];
      for (const [options, hint] of cases) {
        const thrown = throws(() => new SignicatClient(options), SignicatError, hint);
        equal(thrown.kind, "config", "kind");
        ok(thrown.message.includes(hint), thrown.message);
        ok(!thrown.message.includes("hunter2"), "no value is repeated");
      }
    },
  },
  {
    name: "options: an invoice date the rules take in any form reaches the API in RFC 3339",
    async run({ SignicatClient, env }) {
      const { client, urls } = recording(SignicatClient, env);
      await client.invoices.list({ after: "2000-01-01T00:00", before: "2000-01-02" });
      await client.invoices.list({ after: new Date("2000-01-01T00:00:00Z"), before: "2000-01-01t10:00:00.5+01:00" });
      const sent = urls.filter((url) => url.includes("/invoices")).map((url) => Object.fromEntries(new URL(url).searchParams));
      equal(sent[0].invoiceDateAfter, "2000-01-01T00:00:00Z", "minutes only");
      equal(sent[0].invoiceDateBefore, "2000-01-02T00:00:00Z", "a date");
      equal(sent[1].invoiceDateAfter, "2000-01-01T00:00:00Z", "a Date");
      equal(sent[1].invoiceDateBefore, "2000-01-01T10:00:00.5+01:00", "lower-case t, a fraction and an offset");
    },
  },
];
