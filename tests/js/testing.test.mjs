// What only the in-process emulator (`signicat-account-management/testing`) has: its options,
// its clock, its controls as methods, its secrets kept out of print, and its independence
// from any other emulator. Its fetch is tested in testing-fetch.test.mjs.

import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";

import { SignicatClient, SignicatError } from "../support/package.mjs";
import { createEmulator } from "../support/testing.mjs";

const organizationOf = async (client) => (await client.organizations.list()).data[0].id;
const newAccount = (organizationId, name) => ({ name, organizationId, isSandbox: true, region: "EU", cloud: "GCP" });

test("a client made from clientOptions() lists the seeded accounts, with one token request", async () => {
  const emulator = createEmulator({ seed: 7, accounts: 120 });
  await emulator.ready;
  assert.equal(emulator.origin, "https://signicat-emulator.test");
  assert.equal(emulator.baseUrl, "https://signicat-emulator.test/account-management");
  assert.equal(emulator.tokenUrl, "https://signicat-emulator.test/auth/open/connect/token");
  const client = new SignicatClient(emulator.clientOptions());
  const { counts } = await emulator.health();
  let listed = 0;
  for await (const account of client.accounts.listAll({ limit: 50 })) listed += account.id ? 1 : 0;
  assert.equal(listed, counts.accounts);
  assert.ok(listed >= 120, `the 120 extra accounts are there (${listed})`);
  assert.equal((await emulator.stats()).tokenRequests, 1);
  emulator.close();
});

test("advanceClock past a token's lifetime: the next call is refused, the client renews its token and succeeds", async () => {
  const emulator = createEmulator({ seed: 7, tokenTtl: 600 });
  const client = new SignicatClient(emulator.clientOptions());
  await client.accounts.list({ limit: 1 });
  await emulator.advanceClock("11m");
  assert.equal((await client.accounts.list({ limit: 1 })).data.length, 1);
  const { tokenRequests, requests } = await emulator.stats();
  assert.equal(tokenRequests, 2, "a second token after the first expired");
  assert.deepEqual(
    requests.filter((r) => r.path === "/account-management/accounts").map((r) => r.status),
    [200, 401, 200],
    "the expired token was refused once",
  );
  emulator.close();
});

test("advanceClock moves now() and dates new records by as much; milliseconds or a duration", async () => {
  const emulator = createEmulator({ seed: 7 });
  const client = new SignicatClient(emulator.clientOptions());
  const before = await emulator.now();
  assert.ok(before instanceof Date && !Number.isNaN(before.getTime()));
  const moved = await emulator.advanceClock("2h");
  assert.ok(moved - before >= 2 * 3600_000, `${moved.toISOString()} is 2 h after ${before.toISOString()}`);
  const further = await emulator.advanceClock(90_000);
  assert.ok(further - moved >= 90_000, "a number is milliseconds");
  const account = await client.accounts.create(newAccount(await organizationOf(client), "Later"));
  assert.ok(new Date(account.createdDate) >= further, `created ${account.createdDate}, the clock said ${further.toISOString()}`);
  await assert.rejects(emulator.advanceClock("soon"), (error) => error.status === 400 && /advance/.test(error.message));
  await assert.rejects(emulator.advanceClock(-1), TypeError);
  await assert.rejects(emulator.advanceClock(null), TypeError);
  emulator.close();
});

test("the client secret appears in neither util.inspect nor JSON.stringify, yet reaches the client", async () => {
  const secret = "s3cret-4711";
  const emulator = createEmulator({ seed: 7, clientSecret: secret });
  for (const text of [inspect(emulator, { showHidden: true, depth: 10, getters: true }), JSON.stringify(emulator), String(emulator), Object.keys(emulator).join()]) {
    assert.ok(!text.includes(secret), text);
  }
  assert.match(inspect(emulator), /signicat-emulator\.test/, "inspect still says which emulator it is");
  assert.equal(emulator.clientSecret, secret);
  assert.equal(emulator.clientOptions().clientSecret, secret);
  const client = new SignicatClient(emulator.clientOptions());
  assert.equal((await client.accounts.list({ limit: 1 })).data.length, 1);
  emulator.close();
});

test("two emulators share nothing: data, tokens and stats are each their own", async () => {
  const [one, two] = [createEmulator({ seed: 7 }), createEmulator({ seed: 7 })];
  const [first, second] = [new SignicatClient(one.clientOptions()), new SignicatClient(two.clientOptions())];
  const ids = async (client) => (await client.accounts.list({ limit: 100 })).data.map((a) => a.id);
  assert.deepEqual(await ids(first), await ids(second), "the same seed gives the same data");
  const created = await first.accounts.create(newAccount(await organizationOf(first), "Only in one"));
  assert.ok((await ids(first)).includes(created.id));
  assert.ok(!(await ids(second)).includes(created.id), "the other emulator does not have it");
  await one.revokeTokens();
  const before = (await two.stats()).tokenRequests;
  await second.accounts.list({ limit: 1 });
  assert.equal((await two.stats()).tokenRequests, before, "revoking in one leaves the other's tokens valid");
  assert.equal((await one.stats()).tokenRequests, 1);
  one.close();
  assert.equal((await second.accounts.list({ limit: 1 })).data.length, 1, "closing one leaves the other running");
  two.close();
});

test("options of the wrong type throw a TypeError naming the option; bad values an Error from the emulator", () => {
  const wrong = [
    [null, /options must be an object/],
    ["seed=7", /options must be an object/],
    [{ seed: -1 }, /seed must be/],
    [{ seed: 1.5 }, /seed must be/],
    [{ seed: 7n }, /seed must be/],
    [{ accounts: "10" }, /accounts must be/],
    [{ clientId: "" }, /clientId must be/],
    [{ clientSecret: 42 }, /clientSecret must be/],
    [{ tokenTtl: 0 }, /tokenTtl must be/],
    [{ nextStyle: "cursor" }, /nextStyle must be/],
    [{ faults: ["503=0.1"] }, /faults must be/],
    [{ faultSeed: "1" }, /faultSeed must be/],
    [{ origin: 8787 }, /origin must be/],
    [{ origin: "signicat-emulator.test" }, /origin must be an absolute URL/],
    [{ origin: "https://signicat-emulator.test/account-management" }, /origin must be a scheme and a host only/],
    [{ origin: "ftp://signicat-emulator.test" }, /origin must be a scheme and a host only/],
    [{ seeed: 7 }, /unknown option seeed/],
  ];
  for (const [options, message] of wrong) {
    assert.throws(() => createEmulator(options), (error) => error instanceof TypeError && message.test(error.message), inspect(options));
  }
  for (const options of [{ faults: "teapot=0.5" }, { tokenTtl: 10 ** 9 }, { accounts: 10 ** 9 }]) {
    assert.throws(() => createEmulator(options), (error) => error instanceof Error && error.message.startsWith("createEmulator: "), inspect(options));
  }
  assert.equal(createEmulator({ origin: "http://localhost:8787/", seed: undefined }).origin, "http://localhost:8787");
});

test("the controls: faults armed, listed, cleared and drawn at random; a refused control rejects with the body", async () => {
  const emulator = createEmulator({ seed: 7 });
  const client = new SignicatClient(emulator.clientOptions({ maxRetries: 0 }));
  const path = "/account-management/contacts";
  const armed = await emulator.armFault("503", { method: "GET", path, times: 2 });
  assert.deepEqual(armed.armed.map((a) => [a.fault.split(";")[0], a.times, a.method, a.path]), [["503", 2, "GET", path]]);
  const error = await client.contacts.list().catch((e) => e);
  assert.ok(error instanceof SignicatError);
  assert.equal(error.status, 503);
  assert.equal((await emulator.clearFaults()).armed.length, 0);
  assert.equal((await client.contacts.list({ limit: 1 })).data.length, 1, "cleared: the second one never came");
  await emulator.armFault({ fault: "500", path: "/account-management/*" });
  assert.equal((await client.organizations.list().catch((e) => e)).status, 500, "a whole { fault, path } object");

  await emulator.setRandomFaults("503=1", 7);
  assert.equal((await client.accounts.list().catch((e) => e)).status, 503);
  assert.equal((await emulator.setRandomFaults("")).random, "");
  assert.equal((await client.accounts.list({ limit: 1 })).data.length, 1);

  await emulator.clearStats();
  assert.equal((await emulator.stats()).totalRequests, 0);
  const refused = await emulator.armFault("teapot").catch((e) => e);
  assert.ok(refused instanceof Error && refused.status === 400, String(refused));
  assert.match(refused.message, /POST \/emulator\/faults answered 400: .*teapot/);
  assert.match(refused.body, /teapot/);
  await assert.rejects(emulator.armFault(503), TypeError);
  await assert.rejects(emulator.setRandomFaults("503=1", -1), TypeError);
  emulator.close();
});

test("reset() restores the seeded data; the faults option applies from the first request", async () => {
  const emulator = createEmulator({ seed: 7 });
  const client = new SignicatClient(emulator.clientOptions());
  const created = await client.accounts.create(newAccount(await organizationOf(client), "Gone after reset"));
  await emulator.reset();
  assert.equal((await client.accounts.get(created.id).catch((e) => e)).status, 404);
  emulator.close();

  const faulty = createEmulator({ seed: 7, faults: "503=1", faultSeed: 1 });
  const refused = await new SignicatClient(faulty.clientOptions({ maxRetries: 0 })).accounts.list().catch((e) => e);
  assert.ok(refused instanceof SignicatError, String(refused));
  assert.equal(refused.status, 503);
  assert.match((await faulty.health()).randomFaults, /^503/);
  faulty.close();
});

test("close() refuses later requests as a stopped server would, and lets the ones in flight finish", async () => {
  const emulator = createEmulator({ seed: 7 });
  const client = new SignicatClient(emulator.clientOptions({ maxRetries: 0 }));
  // emulator.fetch hands a request without a body to the emulator before it returns.
  const inFlight = emulator.fetch(`${emulator.baseUrl}/accounts`, { headers: { "x-emulator-fault": "slow=300ms" } });
  emulator.close();
  emulator.close();
  assert.equal((await inFlight).status, 401, "the request in flight is answered");
  const refused = await emulator.fetch(`${emulator.origin}/emulator/health`).catch((e) => e);
  assert.ok(refused instanceof TypeError && /closed/.test(refused.cause?.message), String(refused));
  const error = await client.accounts.list().catch((e) => e);
  assert.equal(error.kind, "network");
  await assert.rejects(emulator.stats(), TypeError);

  const disposed = createEmulator({ seed: 7 });
  disposed[Symbol.dispose]();
  await assert.rejects(disposed.health(), TypeError);
});
