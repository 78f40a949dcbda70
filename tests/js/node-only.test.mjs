// What only Node can show: util.inspect, token expiry on a short TTL, refused connections.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createServer } from "node:net";
import { inspect } from "node:util";

import { admin, countRequests } from "../scenarios/admin.mjs";
import { clientOptions, startEmulator } from "../support/emulator.mjs";
import { SignicatClient, SignicatError } from "../support/package.mjs";

let emulator;
before(async () => {
  emulator = await startEmulator({ args: ["--seed", "7", "--token-ttl", "2"] });
});
after(() => emulator?.stop());

const options = () => clientOptions(emulator);

test("the secret is absent from util.inspect and JSON.stringify of the client and its errors", async () => {
  const client = new SignicatClient(options());
  for (const text of [inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client)]) {
    assert.ok(!text.includes(emulator.clientSecret), text);
  }
  const error = await client.accounts.get("a-ppge-missing").catch((e) => e);
  assert.ok(error instanceof SignicatError);
  assert.ok(!inspect(error, { showHidden: true, depth: 10 }).includes(emulator.clientSecret));
  assert.ok(!inspect(error, { showHidden: true, depth: 10 }).toLowerCase().includes("bearer"));
});

test("a token is renewed before it expires", async () => {
  const emu = admin(emulator.origin);
  const client = new SignicatClient(options());
  const before = (await emu.stats()).tokenRequests;
  await client.accounts.list({ limit: 1 });
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  await client.accounts.list({ limit: 1 });
  assert.equal((await emu.stats()).tokenRequests - before, 2, "a second token after the first expired");
});

test("a refused connection is a retryable network error; a refused POST may be retried", async () => {
  // A port that was free a moment ago refuses the connection (port 9 is one fetch blocks before connecting).
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  const client = new SignicatClient({ baseUrl: `http://127.0.0.1:${port}/account-management`, accessToken: "t", maxRetries: 1 });
  const error = await client.accounts.create({ name: "A", organizationId: "o-p-1", isSandbox: true, region: "EU", cloud: "GCP" }).catch((e) => e);
  assert.ok(error instanceof SignicatError);
  assert.equal(error.kind, "network");
  assert.equal(error.retryable, true);
});

test("a bad configuration is a config error thrown by the constructor", () => {
  assert.throws(() => new SignicatClient({ clientId: "x" }), (e) => e instanceof SignicatError && e.kind === "config");
  assert.throws(() => new SignicatClient({ accessToken: "t", baseUrl: "ftp://x" }), (e) => e.kind === "config");
  assert.throws(() => new SignicatClient({ accessToken: "t", timeoutMs: -1 }), (e) => e.kind === "config");
});

test("in Node a client secret needs no opt-in and requests name the SDK in User-Agent", async () => {
  const seen = [];
  const client = new SignicatClient({ ...options(), fetch: (url, init) => (seen.push(new Headers(init.headers).get("user-agent")), fetch(url, init)) });
  await client.accounts.list({ limit: 1 });
  assert.match(seen.at(-1), /^signicat-account-management\/\d+\.\d+\.\d+/);
});

// Browsers resend a request themselves when a reused connection is reset before any answer,
// so only outside a browser can the SDK alone decide that a POST is not repeated.
test("a POST whose connection is reset is reported, not sent again", async () => {
  const emu = admin(emulator.origin);
  const client = new SignicatClient(options());
  const org = (await client.organizations.list()).data[0];
  await emu.armFault("reset", { method: "POST", path: "/account-management/accounts", times: 1 });
  const before = countRequests(await emu.stats(), "POST", "/accounts");
  const error = await client.accounts
    .create({ name: "Reset", organizationId: org.id, isSandbox: true, region: "EU", cloud: "GCP" })
    .catch((e) => e);
  assert.ok(error instanceof SignicatError);
  assert.equal(error.kind, "network");
  assert.equal(error.retryable, false, "the POST may have been applied, so a retry could duplicate it");
  assert.equal(countRequests(await emu.stats(), "POST", "/accounts") - before, 1, "the POST was sent once");
});

test("hostile input never throws past the boundary and leaves the client working", async () => {
  const { validate } = await import("../support/package.mjs");
  const circular = {};
  circular.self = circular;
  const throwing = new Proxy({}, { ownKeys() { throw new Error("boom"); } });
  const client = new SignicatClient(options());
  for (const input of [circular, throwing, 10n, Symbol("x"), () => {}, undefined, null, "text", [1, 2]]) {
    const issues = validate.createAccount(input);
    assert.ok(Array.isArray(issues) && issues.length > 0, `${String(typeof input)} gives issues`);
    const error = await client.accounts.create(input).catch((e) => e);
    assert.ok(error instanceof SignicatError, `${String(typeof input)} rejects with a SignicatError`);
    assert.equal(error.kind, "validation");
    const listed = await client.accounts.list(input === undefined || input === null ? undefined : { limit: input }).catch((e) => e);
    assert.ok(listed instanceof SignicatError || Array.isArray(listed.data));
  }
  assert.equal((await client.accounts.list({ limit: 1 })).data.length, 1, "the client still works");
});

test("a token that cannot go in a header is refused, and the call still settles", async () => {
  assert.throws(() => new SignicatClient({ baseUrl: emulator.baseUrl, accessToken: "abc\r\nx-evil: 1" }), (e) => e.kind === "config");
  const client = new SignicatClient({ baseUrl: emulator.baseUrl, getToken: async () => "tøken\n" });
  const error = await client.accounts.list({ timeoutMs: 2_000 }).catch((e) => e);
  assert.ok(error instanceof SignicatError);
  assert.equal(error.kind, "auth");
  assert.ok(!error.message.includes("tøken"), "the token is not repeated");
});

test("a call stopped during a retry wait leaves no timer behind", async () => {
  const emu = admin(emulator.origin);
  const client = new SignicatClient(options());
  await client.accounts.list({ limit: 1 });
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
  const before = timers();
  await emu.armFault("503;retry-after=20", { method: "GET", path: "/account-management/accounts", times: 1 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const error = await client.accounts.list({ limit: 1, signal: controller.signal }).catch((e) => e);
  assert.equal(error.kind, "aborted");
  assert.equal(error.operation, "accounts.list");
  assert.equal(timers(), before, "no timer outlives the call");
});

test("SIGNICAT_LOG turns logging on without a code change, and a wrong value is warned about, not thrown", async () => {
  const { execFile } = await import("node:child_process");
  const { join } = await import("node:path");
  const { packageDir, entry } = await import("../support/package.mjs");
  const script = `
    const { SignicatClient } = await import(${JSON.stringify(join(packageDir, entry("node", "import")))});
    const client = new SignicatClient(${JSON.stringify(options())});
    await client.contacts.list({ limit: 1 });`;
  const run = (level) =>
    new Promise((resolve, reject) =>
      execFile(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, SIGNICAT_LOG: level } }, (error, stdout, stderr) =>
        error ? reject(error) : resolve(stdout + stderr),
      ),
    );
  const info = await run("info");
  assert.match(info, /signicat contacts\.list GET .*\/contacts\?limit=1 → 200 in \d+ ms \(attempt 1\): done/);
  assert.ok(!info.includes(emulator.clientSecret), "no secret in the output");
  const wrong = await run("loud");
  assert.match(wrong, /SIGNICAT_LOG=loud is not one of off, error, warn, info, debug/);
  assert.doesNotMatch(wrong, /contacts\.list GET/, "and logging stays off");
});

test("a middleware that never answers still ends at the call's timeout or abort", async () => {
  const stuck = () => new Promise(() => {});
  const client = new SignicatClient({ ...options(), middleware: [stuck], maxRetries: 0 });
  const timedOut = await client.accounts.list({ limit: 1, timeoutMs: 200 }).catch((e) => e);
  assert.equal(timedOut.kind, "timeout", String(timedOut));
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const stopped = await client.accounts.list({ limit: 1, signal: controller.signal }).catch((e) => e);
  assert.equal(stopped.kind, "aborted", String(stopped));
});
