// Hostile and broken servers: redirects, huge bodies, long Retry-After, requests that may have
// applied, refused tokens and a failing token endpoint. Loopback servers only.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { after, before, test } from "node:test";

import { admin } from "../scenarios/admin.mjs";
import { clientOptions, startEmulator } from "../support/emulator.mjs";
import { SignicatClient, SignicatError } from "../support/package.mjs";

let emulator;
let emu;
const servers = [];
before(async () => {
  emulator = await startEmulator({ args: ["--seed", "11"] });
  emu = admin(emulator.origin);
});
after(async () => {
  await emulator?.stop();
  for (const server of servers) server.close();
});

const options = (extra) => clientOptions(emulator, extra);

/** A loopback HTTP server answering with `handler`; resolves to its origin. */
async function serve(handler) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

const failure = (promise) =>
  promise.then(
    () => assert.fail("the call should have failed"),
    (error) => (assert.ok(error instanceof SignicatError, String(error)), error),
  );

test("a redirect is refused, and neither the token nor the secret follows it", async () => {
  const seen = [];
  const elsewhere = await serve((request, response) => {
    seen.push(request.headers.authorization ?? "");
    response.end("{}");
  });
  let answered = 0;
  const redirecting = await serve((request, response) => {
    answered += 1;
    response.writeHead(307, { location: `${elsewhere}${request.url}` });
    response.end();
  });
  const api = new SignicatClient({ baseUrl: `${redirecting}/account-management`, accessToken: "tok-4711" });
  const error = await failure(api.accounts.list());
  assert.equal(error.kind, "network");
  assert.match(error.message, /was answered with a redirect \(307 to http:\/\/127\.0\.0\.1:\d+\/account-management\/accounts\), which this client refuses/);
  assert.equal(error.retryable, false);
  assert.equal(answered, 1, "a redirect is an answer: the call is not repeated");
  const token = new SignicatClient(options({ tokenUrl: `${redirecting}/auth/open/connect/token`, maxRetries: 0 }));
  const refused = await failure(token.accounts.list());
  assert.match(refused.message, /POST .* was answered with a redirect \(307 to /);
  assert.deepEqual(seen, [], "nothing reached the redirect's target");
});

test("fetch is asked for redirect: \"manual\", which workerd supports and \"error\" is not, and a 3xx is refused", async () => {
  const inits = [];
  const fetch = async (url, init) => {
    inits.push(init);
    return new Response(null, { status: 301 });
  };
  const api = new SignicatClient({ baseUrl: "https://api.example/account-management", accessToken: "tok-4711", fetch });
  const error = await failure(api.accounts.get("a-1"));
  assert.deepEqual(inits.map((init) => init.redirect), ["manual"]);
  assert.match(error.message, /^GET https:\/\/api\.example\/account-management\/accounts\/a-1 was answered with a redirect \(301\), which this client refuses/);
  assert.doesNotMatch(error.message, /tok-4711/);
  const unchanged = await failure(new SignicatClient({ baseUrl: "https://api.example/account-management", accessToken: "t", fetch: async () => new Response(null, { status: 304 }) }).accounts.get("a-1"));
  assert.equal(unchanged.kind, "api", "a 304 is not a redirect");
});

test("a body over 16 MB is a decode error, whether its length is declared or not", async () => {
  const big = 17 * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const origin = await serve((request, response) => {
    if (request.url.includes("declared")) {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(big) });
      response.write(chunk);
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    let sent = 0;
    const more = () => {
      while (sent < big) {
        sent += chunk.length;
        if (!response.write(chunk)) return response.once("drain", more);
      }
      response.end();
    };
    response.on("error", () => {});
    more();
  });
  for (const path of ["declared", "streamed"]) {
    const client = new SignicatClient({ baseUrl: `${origin}/${path}`, accessToken: "t", maxRetries: 0 });
    const error = await failure(client.accounts.list());
    assert.equal(error.kind, "decode", path);
    assert.match(error.message, /larger than 16777216 bytes/, path);
  }
});

test("a compressed body counts as what it inflates to: API, document and token answers alike", async () => {
  // 64 MB of spaces, gzipped to about 64 KB: Content-Length says the compressed size.
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
  const origin = await serve((request, response) => {
    const type = request.url.endsWith("/pdf") ? "application/pdf" : "application/json";
    response.writeHead(200, { "content-type": type, "content-encoding": "gzip", "content-length": String(bomb.length) });
    response.end(bomb);
  });
  const api = new SignicatClient({ baseUrl: `${origin}/account-management`, accessToken: "t", maxRetries: 0 });
  const token = new SignicatClient({ baseUrl: `${origin}/account-management`, tokenUrl: `${origin}/token`, clientId: "id", clientSecret: "secret", maxRetries: 0 });
  const before = process.memoryUsage().rss;
  for (const [what, call] of [["list", () => api.accounts.list()], ["download", () => api.invoices.download("1")], ["token", () => token.accounts.list()]]) {
    const error = await failure(call());
    assert.equal(error.kind, "decode", `${what}: ${error.message}`);
    assert.match(error.message, /larger than 16777216 bytes/, what);
  }
  const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
  assert.ok(grown < 48, `the process grew by ${grown.toFixed(0)} MB reading three bombs`);
});

test("invoices.download asks for the PDF it gets", async () => {
  const accepts = [];
  const client = new SignicatClient(options({ fetch: (url, init) => (accepts.push(new Headers(init.headers).get("accept")), fetch(url, init)) }));
  const [invoice] = await client.invoices.list();
  const pdf = await client.invoices.download(invoice.invoiceNumber);
  assert.equal(new TextDecoder().decode(pdf.subarray(0, 5)), "%PDF-");
  assert.equal(accepts.at(-1), "application/pdf, application/problem+json");
});

test("a Retry-After longer than the time left fails at once with the API's error and retryAfterMs", async () => {
  const client = new SignicatClient(options());
  await client.accounts.list({ limit: 1 });
  await emu.armFault("429;retry-after=30", { method: "GET", path: "/account-management/accounts", times: 1 });
  const error = await failure(client.accounts.list({ limit: 1, timeoutMs: 5_000 }));
  assert.equal(error.kind, "rate_limited");
  assert.equal(error.status, 429);
  assert.equal(error.retryAfterMs, 30_000);
  assert.equal(error.retryable, true);
});

test("a POST that timed out or was cut after it left is not retryable; a GET is", async () => {
  const client = new SignicatClient(options({ maxRetries: 0 }));
  const org = (await client.organizations.list()).data[0];
  const account = { name: "Maybe once", organizationId: org.id, isSandbox: true, region: "EU", cloud: "GCP" };
  await emu.armFault("slow=3000ms", { method: "POST", path: "/account-management/accounts", times: 1 });
  const slow = await failure(client.accounts.create(account, { timeoutMs: 300 }));
  assert.equal(slow.kind, "timeout");
  assert.equal(slow.retryable, false);
  await emu.armFault("reset", { method: "POST", path: "/account-management/accounts", times: 1 });
  const reset = await failure(client.accounts.create(account));
  assert.equal(reset.kind, "network");
  assert.equal(reset.retryable, false);
  await emu.armFault("502", { method: "POST", path: "/account-management/accounts", times: 1 });
  assert.equal((await failure(client.accounts.create(account))).retryable, false, "a 502 may hide an applied POST");
  await emu.armFault("503", { method: "POST", path: "/account-management/accounts", times: 1 });
  assert.equal((await failure(client.accounts.create(account))).retryable, true, "a 503 was not processed");
  await emu.armFault("slow=3000ms", { method: "GET", path: "/account-management/accounts", times: 1 });
  const get = await failure(client.accounts.list({ limit: 1, timeoutMs: 300 }));
  assert.equal(get.kind, "timeout");
  assert.equal(get.retryable, true);
});

test("an API that refuses every token costs one token request, not one per call", async () => {
  const client = new SignicatClient(options());
  await client.accounts.list({ limit: 1 });
  await emu.revokeTokens();
  await client.accounts.list({ limit: 1 });
  const before = (await emu.stats()).tokenRequests;
  await emu.revokeTokens();
  for (let i = 0; i < 10; i += 1) {
    const error = await failure(client.accounts.list({ limit: 1 }));
    assert.equal(error.status, 401);
  }
  assert.equal((await emu.stats()).tokenRequests - before, 0, "no token request for a token younger than 30 s");
});

test("after a failed token request the next call waits before asking again", async () => {
  const client = new SignicatClient(options({ maxRetries: 0 }));
  await emu.armFault("503", { path: "/auth/open/connect/token", times: 5 });
  const before = (await emu.stats()).tokenRequests;
  const first = await failure(client.accounts.list({ limit: 1 }));
  assert.equal(first.kind, "auth");
  const second = await failure(client.accounts.list({ limit: 1, timeoutMs: 100 }));
  assert.equal(second.kind, "timeout", "the backoff outlasts a short call");
  assert.equal((await emu.stats()).tokenRequests - before, 1, "one token request");
  await fetch(`${emulator.origin}/emulator/faults`, { method: "DELETE" });
  await new Promise((resolve) => setTimeout(resolve, 600));
  assert.equal((await client.accounts.list({ limit: 1 })).data.length, 1, "the client recovers");
});

test("plain http is refused for hosts other than this machine", () => {
  for (const baseUrl of ["http://api.signicat.com/account-management", "http:///auth/open/connect/token"]) {
    assert.throws(() => new SignicatClient({ baseUrl, accessToken: "t" }), (e) => e instanceof SignicatError && e.kind === "config");
  }
  assert.ok(new SignicatClient({ baseUrl: "http://localhost:1/x", accessToken: "t" }));
});

test("plain http is allowed only where the WHATWG URL parser finds a loopback host", () => {
  const tricky = [
    "http://evil.example\\.localhost/x",
    "http://localhost\\@evil.example/x",
    "http://evil.example\\@localhost/x",
    "http://localhost@evil.example/x",
    "http://app.localhost/x",
    "http://127.0.0.1.evil.example/x",
    "http://127.0.0.1%2eevil.example/x",
    "http://evil.example%2f.localhost/x",
    "http://evil.example#@localhost/x",
    "http://evil.example?@localhost/x",
    "http://[::1]@evil.example/x",
    "HTTP://LOCALHOST:8787/x",
    "http://127.0.0.1:8787/x",
    "http://[::1]:8787/x",
  ];
  const loopback = (hostname) => hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  let allowed = 0;
  for (const baseUrl of tricky) {
    let client;
    try {
      client = new SignicatClient({ baseUrl, accessToken: "t" });
    } catch (error) {
      assert.equal(error.kind, "config", baseUrl);
      continue;
    }
    allowed += 1;
    assert.ok(client && loopback(new URL(baseUrl).hostname), `${baseUrl} was allowed, but fetch would go to ${new URL(baseUrl).hostname}`);
  }
  assert.equal(allowed, 4, "the plain loopback URLs and the one whose backslash ends the host");
});

test("one client keeps working after every kind of error", async () => {
  const client = new SignicatClient(options({ maxRetries: 0 }));
  const works = async (after) => assert.equal((await client.accounts.list({ limit: 1 })).data.length, 1, `works after ${after}`);
  const kinds = [];
  const expect = async (kind, call) => {
    const error = await failure(call());
    assert.equal(error.kind, kind, error.message);
    kinds.push(kind);
    await works(kind);
  };
  const path = "/account-management/accounts";
  await expect("validation", () => client.accounts.create({ name: "" }));
  await expect("api", () => client.accounts.get("a-ppge-missing"));
  await emu.armFault("403", { method: "GET", path, times: 1 });
  await expect("auth", () => client.accounts.list({ limit: 1 }));
  await emu.armFault("429", { method: "GET", path, times: 1 });
  await expect("rate_limited", () => client.accounts.list({ limit: 1 }));
  await emu.armFault("reset", { method: "GET", path, times: 1 });
  await expect("network", () => client.accounts.list({ limit: 1 }));
  await emu.armFault("slow=2000ms", { method: "GET", path, times: 1 });
  await expect("timeout", () => client.accounts.list({ limit: 1, timeoutMs: 200 }));
  await expect("aborted", () => client.accounts.list({ limit: 1, signal: AbortSignal.abort() }));
  await emu.armFault("truncate", { method: "GET", path, times: 1 });
  await expect("decode", () => client.accounts.list({ limit: 1 }));
  assert.deepEqual(kinds, ["validation", "api", "auth", "rate_limited", "network", "timeout", "aborted", "decode"]);
});
