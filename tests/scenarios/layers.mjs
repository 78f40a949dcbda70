// What a caller can add to and see of a call: middleware around every attempt, headers and
// retries per call, the answer's metadata (`withResponse`, an error's headers), the name of
// the application, and logs. None of them ever holds the token or the secret. Runs in Node
// and in Chromium, against the emulator over HTTP and in-process.

import { countRequests } from "./admin.mjs";
import { clientFor, viaEnv } from "./operations.mjs";
import { equal, ok, rejects, throws } from "./check.mjs";

const inBrowser = typeof window !== "undefined";

/** A `fetch` under everything (the client's `fetch` option) that notes every token it carries. */
function spying(env) {
  const tokens = new Set();
  const underlying = viaEnv(env).fetch ?? globalThis.fetch;
  const fetch = (url, init) => {
    const authorization = new Headers(init?.headers).get("authorization");
    if (authorization?.startsWith("Bearer ")) tokens.add(authorization.slice(7));
    return underlying(url, init);
  };
  return { fetch, tokens };
}

/** The stats' record of the last request to `path` (below /account-management). */
async function lastRequest(emu, path) {
  const { requests } = await emu.stats();
  return requests.filter((r) => r.path === `/account-management${path}`).at(-1);
}

/** Every string a value holds, however deep, for a search for secrets. */
function text(value) {
  try {
    return JSON.stringify(value, (_key, v) => (v instanceof Headers ? [...v.entries()] : v instanceof Error ? `${v.name}: ${v.message}` : v));
  } catch {
    return String(value);
  }
}

export const layers = [
  {
    name: "middleware: runs in order around every attempt, adds a header the API receives, never sees the token",
    async run({ SignicatClient, env, emu }) {
      const { fetch, tokens } = spying(env);
      const seen = [];
      const order = [];
      const middleware = [
        async (request, next) => {
          order.push("outer in");
          seen.push({ url: request.url, method: request.method, redirect: request.redirect, body: await request.clone().text(), headers: [...request.headers.entries()] });
          request.headers.set("x-correlation-id", "corr-42");
          const response = await next(request);
          order.push("outer out");
          return response;
        },
        async (request, next) => {
          order.push("inner in");
          const response = await next(request);
          order.push("inner out");
          return response;
        },
      ];
      const client = clientFor(SignicatClient, env, { fetch, middleware });
      const page = await client.accounts.list({ limit: 2 });
      equal(page.data.length, 2, "the call still decodes");
      equal(order.join(", "), "outer in, inner in, inner out, outer out", "in order, each around the next");
      equal((await lastRequest(emu, "/accounts")).headers?.["x-correlation-id"], "corr-42", "the API received the middleware's header");
      ok(tokens.size > 0, "a token was sent");
      equal(seen.length, 1, "one attempt, and the token request did not pass the middleware");
      ok(!seen[0].url.includes("connect/token"), "no token request reached a middleware");
      for (const token of tokens) ok(!text(seen).includes(token), "no middleware saw the token");
      ok(!seen[0].headers.some(([name]) => name === "authorization"), "no Authorization header above the last step");
      ok(!text(seen).includes(env.clientSecret), "nor the secret");
      // The Request the client built for the attempt: what plain fetch would have been given.
      equal(seen[0].method, "GET");
      ok(seen[0].url.endsWith("/accounts?limit=2"), seen[0].url);
      equal(seen[0].redirect, "manual", "redirects are refused, not followed, under middleware too");
      ok(seen[0].headers.some(([name, value]) => name === "accept" && value === "application/json"));
      const made = await client.contacts.create({ firstName: "Kari", lastName: "Nordmann" });
      equal(made.firstName, "Kari", "a create with a body goes through the middleware");
      equal(seen[1].method, "POST");
      equal(JSON.parse(seen[1].body).lastName, "Nordmann", "the middleware reads the body the client built");
      ok(seen[1].headers.some(([name, value]) => name === "content-type" && value === "application/json"));
    },
  },
  {
    name: "middleware: may answer from memory or repeat a call, and the client decodes what it returns",
    async run({ SignicatClient, env, emu }) {
      const cached = { data: [{ id: "a-cached", name: "From memory", isSandbox: true, region: "EU", cloud: "GCP", enabled: true, isSoftDeleted: null, isDeleteProtected: null }], next: null };
      const cache = async (request, next) => (request.url.includes("limit=7") ? new Response(JSON.stringify(cached), { headers: { "content-type": "application/json" } }) : next(request));
      let repeats = 0;
      const repeatOnce = async (request, next) => {
        const first = await next(request.clone());
        if (request.url.includes("limit=3") && repeats++ === 0) return next(request);
        return first;
      };
      const client = clientFor(SignicatClient, env, { middleware: [cache, repeatOnce] });
      const before = countRequests(await emu.stats(), "GET", "/accounts");
      const page = await client.accounts.list({ limit: 7 });
      equal(page.data[0].name, "From memory", "the cached answer");
      equal(page.data[0].isSoftDeleted, false, "decoded by the SDK's rules like any answer");
      await client.accounts.list({ limit: 3 });
      equal(countRequests(await emu.stats(), "GET", "/accounts") - before, 2, "nothing sent for the cached call, twice for the repeated one");
    },
  },
  {
    name: "per call: headers add to the client's and win, maxRetries overrides the client's, Authorization is refused",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env, { headers: { "x-tenant": "t-1", "x-team": "client" }, maxRetries: 3 });
      await client.accounts.list({ limit: 1, headers: new Headers({ "x-team": "call", "x-call": "yes" }) });
      const sent = (await lastRequest(emu, "/accounts")).headers;
      equal(sent["x-tenant"], "t-1", "the client's header");
      equal(sent["x-team"], "call", "the call's header wins");
      equal(sent["x-call"], "yes", "a Headers instance works");
      await emu.armFault("503", { method: "GET", path: "/account-management/accounts", times: 5 });
      const before = countRequests(await emu.stats(), "GET", "/accounts");
      const failed = await rejects(client.accounts.list({ limit: 1, maxRetries: 0 }), SignicatError, "maxRetries 0");
      equal(failed.status, 503, "the API's answer");
      equal(countRequests(await emu.stats(), "GET", "/accounts") - before, 1, "sent once, though the client would retry 3 times");
      await emu.clearFaults();
      const refused = await rejects(client.accounts.list({ headers: { Authorization: "Bearer mine" } }), SignicatError, "authorization");
      equal(refused.kind, "config", "a header the client owns");
      const thrown = throws(() => new SignicatClient({ baseUrl: env.baseUrl, accessToken: "t", headers: { authorization: "x" } }), SignicatError, "authorization in the constructor");
      equal(thrown.kind, "config", "in the constructor too");
    },
  },
  {
    name: "withResponse: the status, headers and request id of the answer; an error carries them too, never a token",
    async run({ SignicatClient, SignicatError, env }) {
      const { fetch, tokens } = spying(env);
      const client = clientFor(SignicatClient, env, { fetch });
      const page = await client.accounts.list({ limit: 1 });
      ok(Array.isArray(page.data), "awaiting the call gives the data");
      const { data, response, requestId } = await client.accounts.list({ limit: 1 }).withResponse();
      equal(data.data.length, 1, "data");
      equal(response.status, 200, "status");
      ok(response.url.includes("/accounts"), `the URL (${response.url})`);
      ok(/^[0-9a-f]{32}$/.test(requestId ?? ""), `the request id (${requestId})`);
      equal(response.headers.get("x-request-id"), requestId, "from the x-request-id header");
      const missing = await rejects(client.accounts.get("a-ppge-doesnotexist"), SignicatError, "404");
      equal(missing.status, 404, "status");
      ok(/^[0-9a-f]{32}$/.test(missing.requestId ?? ""), `an error's request id (${missing.requestId})`);
      equal(missing.headers["x-request-id"], missing.requestId, "and its headers");
      for (const token of tokens) ok(!text(missing).includes(token), "no token in the error");
    },
  },
  {
    name: "appInfo: the application is named in the User-Agent, or in a header of its own where browsers forbid that",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const client = clientFor(SignicatClient, env, { appInfo: { name: "acme-admin", version: "2.1.0" } });
      await client.contacts.list({ limit: 1 });
      const sent = (await lastRequest(emu, "/contacts")).headers;
      if (inBrowser && !env.fetch) {
        equal(sent["x-signicat-client-app"], "acme-admin/2.1.0", "a header of our own");
      } else {
        ok(sent["user-agent"]?.endsWith(" acme-admin/2.1.0") || sent["x-signicat-client-app"] === "acme-admin/2.1.0", `named (${JSON.stringify(sent)})`);
      }
      const thrown = throws(() => new SignicatClient({ baseUrl: env.baseUrl, accessToken: "t", appInfo: { name: "my app" } }), SignicatError, "appInfo");
      equal(thrown.kind, "config", "a name with a space is refused");
    },
  },
  {
    name: "logs: one line per attempt with what the client decided; debug adds headers and bodies; no secret at any level",
    async run({ SignicatClient, SignicatError, env, emu }) {
      const { fetch, tokens } = spying(env);
      const lines = { error: [], warn: [], info: [], debug: [] };
      const logger = Object.fromEntries(Object.keys(lines).map((level) => [level, (...args) => lines[level].push(args)]));
      for (const logLevel of ["error", "warn", "info", "debug"]) {
        const client = clientFor(SignicatClient, env, { fetch, logLevel, logger });
        await emu.armFault("503", { method: "GET", path: "/account-management/contacts", times: 1 });
        await client.contacts.list({ limit: 1 });
        await rejects(client.contacts.get("c-p-doesnotexist"), SignicatError, "404");
      }
      const info = lines.info.map(([line]) => line);
      ok(info.some((line) => /contacts\.list GET .*\/contacts\?limit=1 → 200 in \d+ ms \(attempt 2\): done/.test(line)), info.join("\n"));
      const warn = lines.warn.map(([line]) => line);
      ok(warn.some((line) => /→ 503 in \d+ ms \(attempt 1\): retry in \d+ ms/.test(line)), warn.join("\n"));
      ok(lines.error.some(([line]) => /contacts\.get .* → 404 .*: fail/.test(line)), "a failure at error");
      equal(lines.debug.length > 0, true, "debug lines");
      const debug = text(lines.debug);
      ok(debug.includes('"content-type"') && debug.includes('"body":"{'), "headers and bodies at debug");
      equal(lines.warn.length, 3, "warn, info and debug clients each logged the retry once");
      ok(tokens.size > 0, "tokens were sent");
      const everything = text(lines);
      for (const token of tokens) ok(!everything.includes(token), "no token in any log line");
      ok(!everything.includes(env.clientSecret), "no secret in any log line");
      ok(!/authorization"?:\s*"Bearer/i.test(everything), "no Authorization header");
      const thrown = throws(() => new SignicatClient({ baseUrl: env.baseUrl, accessToken: "t", logLevel: "verbose" }), SignicatError, "logLevel");
      equal(thrown.kind, "config", "an unknown level is refused");
    },
  },
];
