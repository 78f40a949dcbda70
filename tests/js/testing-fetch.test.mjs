// The in-process emulator's fetch, as code that calls fetch sees it: any input and body type,
// real Responses, aborts, and the socket faults (a reset, a body cut short) shown as fetch
// shows them. Never the network: a URL outside the emulator's origin is refused.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { SignicatClient, SignicatError } from "../support/package.mjs";
import { createEmulator } from "../support/testing.mjs";

let emulator;
let bearer;
before(async () => {
  emulator = createEmulator({ seed: 7 });
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: emulator.clientId, client_secret: emulator.clientSecret });
  const token = await (await emulator.fetch(emulator.tokenUrl, { method: "POST", body: form })).json();
  bearer = `Bearer ${token.access_token}`;
});
after(() => emulator?.close());

const accounts = () => `${emulator.baseUrl}/accounts?limit=2`;

test("a URL string, a URL or a Request, called detached, answers with a real Response", async () => {
  const { fetch } = emulator;
  for (const input of [accounts(), new URL(accounts()), new Request(accounts(), { headers: { authorization: bearer } })]) {
    const response = await fetch(input, input instanceof Request ? undefined : { headers: { authorization: bearer } });
    assert.ok(response instanceof Response);
    assert.equal(response.status, 200);
    assert.equal(response.ok, true);
    assert.equal(response.url, accounts());
    assert.equal(response.headers.get("content-type"), "application/json");
    assert.equal((await response.json()).data.length, 2);
    assert.equal(response.bodyUsed, true);
  }
  const head = await fetch(`${emulator.origin}/emulator/health`, { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(head.body, null, "a HEAD answer has no body");
});

test("request bodies of every fetch body type arrive whole", async () => {
  const json = (fault) => JSON.stringify({ fault, path: "/nowhere" });
  const bytes = (fault) => new TextEncoder().encode(json(fault));
  const headers = { "content-type": "application/json" };
  const bodies = {
    string: json("500"),
    Blob: new Blob([json("501")], { type: "application/json" }),
    ArrayBuffer: bytes("502").buffer,
    Uint8Array: bytes("503"),
    DataView: new DataView(bytes("504").buffer),
    ReadableStream: new Blob([json("505")]).stream(),
  };
  await emulator.clearFaults();
  for (const [kind, body] of Object.entries(bodies)) {
    const response = await emulator.fetch(`${emulator.origin}/emulator/faults`, { method: "POST", headers, body, duplex: "half" });
    assert.equal(response.status, 200, `${kind}: ${await response.clone().text()}`);
  }
  const request = new Request(`${emulator.origin}/emulator/faults`, { method: "POST", headers, body: json("506") });
  assert.equal((await emulator.fetch(request)).status, 200, "a Request with a body");
  const { armed } = await (await emulator.fetch(`${emulator.origin}/emulator/faults`)).json();
  assert.deepEqual(armed.map((a) => a.fault.split(";")[0]), ["500", "501", "502", "503", "504", "505", "506"]);
  await emulator.clearFaults();
  const form = await emulator.fetch(emulator.tokenUrl, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: emulator.clientId, client_secret: "wrong" }),
  });
  assert.equal(form.status, 401, "URLSearchParams arrive as a form");
  assert.equal((await form.json()).error, "invalid_client");
});

test("a URL outside the emulator's origin rejects with a TypeError naming it; nothing is sent", async () => {
  await emulator.clearStats();
  for (const url of ["https://api.signicat.com/account-management/accounts", "http://signicat-emulator.test/account-management/accounts", "https://signicat-emulator.test:8443/"]) {
    await assert.rejects(emulator.fetch(url), (error) => error instanceof TypeError && error.message.includes(url) && error.message.includes(emulator.origin));
  }
  await assert.rejects(emulator.fetch("/account-management/accounts"), TypeError, "a relative URL has no origin in Node");
  const client = new SignicatClient({ clientId: emulator.clientId, clientSecret: emulator.clientSecret, fetch: emulator.fetch, maxRetries: 0 });
  const error = await client.accounts.list().catch((e) => e);
  assert.ok(error instanceof SignicatError, String(error));
  assert.equal(error.kind, "network");
  assert.match(error.message, /https:\/\/api\.signicat\.com\/auth\/open\/connect\/token is outside the emulator's origin/, "the message says why");
  assert.equal((await emulator.stats()).totalRequests, 0, "nothing reached the emulator");
});

test("an aborted signal rejects with its reason: before sending, while a slow fault holds the answer, and before the body is read", async () => {
  await emulator.clearStats();
  const aborted = new AbortController();
  aborted.abort();
  const early = await emulator.fetch(accounts(), { signal: aborted.signal }).catch((e) => e);
  assert.ok(early instanceof DOMException && early.name === "AbortError", String(early));
  assert.equal((await emulator.stats()).totalRequests, 0, "an already aborted request is not sent");

  const waiting = new AbortController();
  const reason = new Error("the test gave up");
  const pending = emulator.fetch(accounts(), { headers: { authorization: bearer, "x-emulator-fault": "slow=1s" }, signal: waiting.signal });
  waiting.abort(reason);
  assert.equal(await pending.catch((e) => e), reason, "the signal's own reason");

  const reading = new AbortController();
  const response = await emulator.fetch(accounts(), { headers: { authorization: bearer }, signal: reading.signal });
  reading.abort();
  await assert.rejects(response.text(), (error) => error.name === "AbortError");
  const page = await (await emulator.fetch(accounts(), { headers: { authorization: bearer } })).json();
  assert.equal(page.data.length, 2, "the emulator answers the next request");
});

test("a reset fault rejects as Node's fetch does when the connection is reset", async () => {
  const error = await emulator.fetch(accounts(), { headers: { authorization: bearer, "x-emulator-fault": "reset" } }).catch((e) => e);
  assert.ok(error instanceof TypeError, String(error));
  assert.equal(error.message, "fetch failed");
  assert.equal(error.cause?.code, "ECONNRESET");
});

test("a truncated body delivers its first part, then fails with a TypeError", async () => {
  const response = await emulator.fetch(accounts(), { headers: { authorization: bearer, "x-emulator-fault": "truncate" } });
  assert.equal(response.status, 200, "the status and headers arrived");
  const announced = Number(response.headers.get("content-length"));
  const reader = response.body.getReader();
  const first = await reader.read();
  assert.equal(first.done, false);
  assert.ok(first.value.byteLength > 0 && first.value.byteLength < announced, `${first.value.byteLength} of ${announced} bytes`);
  await assert.rejects(reader.read(), TypeError);
  const again = await emulator.fetch(accounts(), { headers: { authorization: bearer, "x-emulator-fault": "truncate" } });
  await assert.rejects(again.json(), TypeError, "json() fails as it does on a dropped connection");
});

test("with nextStyle \"url\", a page's next URL is the emulator's own and fetches the next page", async () => {
  const paged = createEmulator({ seed: 7, nextStyle: "url" });
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: paged.clientId, client_secret: paged.clientSecret });
  const { access_token: token } = await (await paged.fetch(paged.tokenUrl, { method: "POST", body: form })).json();
  const headers = { authorization: `Bearer ${token}` };
  const first = await (await paged.fetch(`${paged.baseUrl}/accounts?limit=2`, { headers })).json();
  assert.ok(first.next.startsWith(`${paged.baseUrl}/accounts?`), first.next);
  const second = await (await paged.fetch(first.next, { headers })).json();
  assert.equal(second.data.length, 2);
  assert.ok(second.data.every((a) => !first.data.some((b) => b.id === a.id)), "the next page holds other accounts");
  paged.close();
});

