// Auth, retries, timeouts, cancellation and hostile responses, against the emulator's faults.

import { countRequests } from "./admin.mjs";
import { equal, ok, rejects } from "./check.mjs";
import { clientFor, viaEnv } from "./operations.mjs";

/** A fetch that records each request's signal, to prove an abort reached the real fetch. */
function recordingFetch(env) {
  const signals = [];
  const underlying = env.fetch ?? globalThis.fetch;
  const fetchFn = (url, init) => {
    signals.push(init.signal);
    return underlying(url, init);
  };
  return { fetchFn, signals };
}

export const resilience = [
  {
    name: "auth: 100 concurrent calls cause one token request",
    async run({ SignicatClient, env, emu }) {
      const client = clientFor(SignicatClient, env);
      const before = (await emu.stats()).tokenRequests;
      const pages = await Promise.all(Array.from({ length: 100 }, () => client.accounts.list({ limit: 1 })));
      equal(pages.length, 100, "every call answered");
      equal((await emu.stats()).tokenRequests - before, 1, "token requests");
    },
  },
  {
    name: "auth: a 401 renews the token and retries the call once",
    async run({ SignicatClient, env, emu }) {
      const client = clientFor(SignicatClient, env);
      await client.accounts.list({ limit: 1 });
      const before = (await emu.stats()).tokenRequests;
      await emu.revokeTokens();
      const page = await client.accounts.list({ limit: 1 });
      equal(page.data.length, 1, "the call succeeded after renewal");
      equal((await emu.stats()).tokenRequests - before, 1, "one new token");
    },
  },
  {
    name: "auth: a fixed accessToken that is refused fails with kind auth",
    async run({ SignicatClient, SignicatError, env }) {
      const client = new SignicatClient({ baseUrl: env.baseUrl, accessToken: "not-a-token", ...viaEnv(env) });
      const error = await rejects(client.accounts.list(), SignicatError, "a bad token");
      equal(error.kind, "auth", "kind");
      equal(error.status, 401, "status");
      equal(error.code, "invalid_token", "the API's code");
    },
  },
  {
    name: "auth: wrong client credentials fail with kind auth and never show the secret",
    async run({ SignicatClient, SignicatError, env }) {
      const secret = "wrong-secret-4711";
      const client = clientFor(SignicatClient, env, { clientSecret: secret });
      const error = await rejects(client.accounts.list(), SignicatError, "bad credentials");
      equal(error.kind, "auth", "kind");
      for (const text of [error.message, error.stack ?? "", JSON.stringify(error), JSON.stringify(client), String(client)]) {
        ok(!text.includes(secret), "the secret appears nowhere");
      }
    },
  },
  {
    name: "auth: getToken supplies tokens, as a browser panel's backend would",
    async run({ SignicatClient, env }) {
      let calls = 0;
      const getToken = async () => {
        calls += 1;
        const response = await (env.fetch ?? globalThis.fetch)(env.tokenUrl, {
          method: "POST",
          headers: { authorization: `Basic ${btoa(`${env.clientId}:${env.clientSecret}`)}`, "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials&scope=signicat-api",
        });
        const body = await response.json();
        return { accessToken: body.access_token, expiresIn: body.expires_in };
      };
      const client = new SignicatClient({ baseUrl: env.baseUrl, getToken, ...viaEnv(env) });
      await Promise.all([client.accounts.list(), client.contacts.list(), client.organizations.list()]);
      equal(calls, 1, "getToken is called once for concurrent calls");
    },
  },
  {
    name: "hooks see every attempt but never a secret or token",
    async run({ SignicatClient, env }) {
      const events = [];
      const client = clientFor(SignicatClient, env, { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e) });
      await client.accounts.list({ limit: 1 });
      equal(events.length, 2, "one request and one response event");
      equal(events[1].status, 200, "status");
      equal(events[0].operation, "accounts.list", "operation");
      const text = JSON.stringify(events);
      ok(!text.includes(env.clientSecret) && !text.toLowerCase().includes("bearer"), "no secret or token");
    },
  },
  {
    name: "retries: 429 with Retry-After is honoured, then the call succeeds",
    async run({ SignicatClient, env, emu }) {
      const attempts = [];
      const client = clientFor(SignicatClient, env, { onRequest: () => attempts.push(Date.now()) });
      await client.accounts.list({ limit: 1 });
      attempts.length = 0;
      await emu.armFault("429;retry-after=1", { method: "GET", path: "/account-management/accounts", times: 1 });
      const page = await client.accounts.list({ limit: 1 });
      equal(page.data.length, 1, "the retried call succeeds");
      equal(attempts.length, 2, "two attempts");
      ok(attempts[1] - attempts[0] >= 950, `waited for Retry-After (${attempts[1] - attempts[0]} ms)`);
    },
  },
  {
    name: "retries: a GET meeting 503 twice still succeeds; a third 503 is reported",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env);
      await emu.armFault("503", { method: "GET", path: "/account-management/contacts", times: 2 });
      equal((await client.contacts.list({ limit: 1 })).data.length, 1, "succeeds on the third attempt");
      await emu.armFault("503", { method: "GET", path: "/account-management/contacts", times: 3 });
      const error = await rejects(client.contacts.list({ limit: 1 }), SignicatError, "three 503s");
      equal(error.status, 503, "status");
      equal(error.retryable, true, "retryable");
    },
  },
  {
    name: "retries: a POST that meets a 503 is not sent twice",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env);
      const org = (await client.organizations.list()).data[0];
      const name = `Once ${Math.random()}`;
      await emu.armFault("503", { method: "POST", path: "/account-management/accounts", times: 1 });
      const before = countRequests(await emu.stats(), "POST", "/accounts");
      const error = await rejects(
        client.accounts.create({ name, organizationId: org.id, isSandbox: true, region: "EU", cloud: "OTC" }),
        SignicatError,
        "the POST fails",
      );
      equal(error.status, 503, "status");
      equal(countRequests(await emu.stats(), "POST", "/accounts") - before, 1, "one POST reached the emulator");
      let copies = 0;
      for await (const account of client.accounts.listAll({ limit: 500 })) copies += account.name === name ? 1 : 0;
      equal(copies, 0, "no account was created twice (or at all)");
    },
  },
  {
    name: "timeouts abort the underlying fetch",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const { fetchFn, signals } = recordingFetch(env);
      const client = clientFor(SignicatClient, env, { fetch: fetchFn, maxRetries: 0 });
      await client.accounts.list({ limit: 1 });
      await emu.armFault("slow=3000ms", { method: "GET", path: "/account-management/accounts", times: 1 });
      const error = await rejects(client.accounts.list({ limit: 1, timeoutMs: 300 }), SignicatError, "a slow answer");
      equal(error.kind, "timeout", "kind");
      ok(signals.at(-1).aborted, "the fetch's signal was aborted");
    },
  },
  {
    name: "an AbortSignal aborts the underlying fetch",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const { fetchFn, signals } = recordingFetch(env);
      const client = clientFor(SignicatClient, env, { fetch: fetchFn });
      await client.accounts.list({ limit: 1 });
      await emu.armFault("slow=3000ms", { method: "GET", path: "/account-management/accounts", times: 1 });
      const controller = new AbortController();
      const pending = client.accounts.list({ limit: 1, signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const error = await rejects(pending, SignicatError, "an aborted call");
      equal(error.kind, "aborted", "kind");
      ok(signals.at(-1).aborted, "the fetch's signal was aborted");
      const already = await rejects(client.accounts.list({ signal: controller.signal }), SignicatError, "an already aborted signal");
      equal(already.kind, "aborted", "kind");
    },
  },
  {
    name: "a truncated body is a decode error and the client keeps working",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env);
      await emu.armFault("truncate", { method: "GET", path: "/account-management/accounts", times: 1 });
      const error = await rejects(client.accounts.list({ limit: 5 }), SignicatError, "a truncated body");
      equal(error.kind, "decode", "kind");
      ok(error.message.includes("200"), `the message quotes the status (${error.message})`);
      equal((await client.accounts.list({ limit: 5 })).data.length, 5, "the next call works");
    },
  },
  {
    name: "an HTML page where JSON belongs is a decode error naming the content type",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env);
      await emu.armFault("html;status=200", { method: "GET", path: "/account-management/organizations", times: 1 });
      const error = await rejects(client.organizations.list(), SignicatError, "an HTML body with status 200");
      equal(error.kind, "decode", "kind");
      ok(error.message.includes("text/html"), `the message names the content type (${error.message})`);
      await emu.armFault("html", { method: "POST", path: "/account-management/contacts", times: 1 });
      const gateway = await rejects(client.contacts.create({ firstName: "A", lastName: "B" }), SignicatError, "an HTML 502 page");
      equal(gateway.kind, "api", "an error status stays an api error");
      equal(gateway.status, 502, "status");
      ok((await client.organizations.list()).data.length > 0, "the next call works");
    },
  },
  {
    name: "a reset connection is retried for a GET",
    async run({ SignicatClient, env, emu }) {
      const client = clientFor(SignicatClient, env);
      await client.accounts.list({ limit: 1 });
      await emu.armFault("reset", { method: "GET", path: "/account-management/accounts", times: 1 });
      equal((await client.accounts.list({ limit: 1 })).data.length, 1, "the GET is retried");
    },
  },
  {
    name: "next as a URL is followed the same as a bare token",
    async run({ SignicatClient, env }) {
      if (!env.nextStyleUrl) return;
      const client = clientFor(SignicatClient, env);
      const first = await client.accounts.list({ limit: 2 });
      ok(!first.next.includes("://"), "next is reduced to the page token");
      const second = await client.accounts.list({ limit: 2, page: first.next });
      equal(second.data.length, 2, "the token fetches the next page");
    },
  },
];
