// Faults under load: a walk through 10 000 accounts and a run of creates while the emulator
// injects about 10 % of 429/503/resets/truncations, then 5 000 calls with 200 in flight.
// Each test writes one line of figures to standard error; the README's Reliability section
// quotes them.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { admin } from "../scenarios/admin.mjs";
import { clientOptions, startEmulator } from "../support/emulator.mjs";
import { SignicatClient, SignicatError } from "../support/package.mjs";

// Some generated accounts are soft-deleted, which a listing leaves out: 300 more make up for them.
const ACCOUNTS = 10_000;
const FAULTS = "429=0.03,503=0.03,reset=0.02,truncate=0.02";

let emulator;
let emu;
before(async () => {
  emulator = await startEmulator({ args: ["--seed", "3", "--accounts", String(ACCOUNTS + 300), "--fault-seed", "5"] });
  emu = admin(emulator.origin);
});
after(() => emulator?.stop());

const options = (extra) => clientOptions(emulator, extra);

async function randomFaults(spec) {
  const response = await fetch(`${emulator.origin}/emulator/faults/random`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ spec, seed: 5 }),
  });
  assert.equal(response.status < 300, true, `random faults: ${response.status}`);
}

const faultsSeen = (stats) => stats.requests.filter((r) => r.fault).length;

/** A failure the caller can act on: a SignicatError of a known kind with a message. */
function assertClear(error) {
  assert.ok(error instanceof SignicatError, String(error));
  assert.ok(["rate_limited", "api", "network", "decode", "timeout"].includes(error.kind), error.kind);
  assert.ok(error.message.length > 10, error.message);
}

test("walking 10 000 accounts through faults yields each exactly once", async () => {
  const expected = (await emu.counts()).accounts;
  assert.ok(expected >= ACCOUNTS);
  await emu.reset();
  await randomFaults(FAULTS);
  const client = new SignicatClient(options());
  const seen = new Map();
  let page;
  let failures = 0;
  let pages = 0;
  do {
    let result;
    try {
      result = await client.accounts.list({ limit: 100, page });
    } catch (error) {
      assertClear(error);
      failures += 1;
      assert.ok(failures < 200, "the walk makes progress");
      continue;
    }
    pages += 1;
    for (const account of result.data) seen.set(account.id, (seen.get(account.id) ?? 0) + 1);
    page = result.next;
  } while (page);
  const stats = await emu.stats();
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  assert.equal(duplicates, 0, "no account twice");
  assert.equal(seen.size, expected, "no account missing");
  assert.ok(faultsSeen(stats) > 0, "faults were injected");
  process.stderr.write(
    `reliability: walk items=${seen.size} pages=${pages} calls=${stats.totalRequests} faults=${faultsSeen(stats)} failedCalls=${failures} duplicates=${duplicates}\n`,
  );
  await randomFaults("");
});

test("listAll through faults either yields every item once or stops with a clear error", async () => {
  await emu.reset();
  await randomFaults(FAULTS);
  const client = new SignicatClient(options());
  const seen = new Set();
  let stopped;
  try {
    for await (const account of client.accounts.listAll({ limit: 500 })) {
      assert.ok(!seen.has(account.id), "no account twice");
      seen.add(account.id);
    }
  } catch (error) {
    assertClear(error);
    stopped = error;
  }
  if (!stopped) assert.equal(seen.size, (await emu.counts()).accounts, "a finished walk misses nothing");
  await randomFaults("");
});

test("creates under faults never make two accounts, and the client keeps working", async () => {
  await emu.reset();
  const client = new SignicatClient(options());
  const org = (await client.organizations.list()).data[0];
  await randomFaults(FAULTS);
  const tag = `Fault run ${process.pid}`;
  const outcomes = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      client.accounts
        .create({ name: `${tag} ${i}`, organizationId: org.id, isSandbox: true, region: "EU", cloud: "GCP" })
        .then(
          () => "created",
          (error) => (assertClear(error), error.retryable ? "retryable" : "unknown"),
        ),
    ),
  );
  await randomFaults("");
  const stats = await emu.stats();
  const names = new Map();
  for await (const account of client.accounts.listAll({ limit: 1000 })) {
    if (account.name.startsWith(tag)) names.set(account.name, (names.get(account.name) ?? 0) + 1);
  }
  const created = outcomes.filter((o) => o === "created").length;
  const duplicates = [...names.values()].filter((n) => n > 1).length;
  assert.equal(duplicates, 0, "no account twice");
  for (let i = 0; i < outcomes.length; i += 1) {
    if (outcomes[i] === "created") assert.equal(names.get(`${tag} ${i}`), 1, `${tag} ${i} exists`);
    if (outcomes[i] === "retryable") assert.equal(names.get(`${tag} ${i}`), undefined, `${tag} ${i} was not made`);
  }
  assert.ok(created > 0 && created < outcomes.length, `some creates met faults (${created} of ${outcomes.length})`);
  process.stderr.write(
    `reliability: creates=${outcomes.length} created=${created} failed=${outcomes.length - created} faults=${faultsSeen(stats)} duplicates=${duplicates}\n`,
  );
  await emu.armFault("slow=3000ms", { method: "GET", path: "/account-management/accounts", times: 1 });
  const slow = await client.accounts.list({ limit: 1, timeoutMs: 300 }).catch((e) => e);
  assert.equal(slow.kind, "timeout");
  assert.equal((await client.accounts.list({ limit: 3 })).data.length, 3, "the same client works afterwards");
});

/** Heap and array buffers (the wasm memory among them) after a full collection. */
function memory() {
  setFlagsFromString("--expose-gc");
  runInNewContext("gc")();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

test("5 000 calls with 200 in flight: no errors, one token, memory flat", async () => {
  await emu.reset();
  const client = new SignicatClient(options());
  const before = (await emu.stats()).tokenRequests;
  const run = async (calls) => {
    let next = 0;
    let errors = 0;
    const worker = async () => {
      while (next < calls) {
        next += 1;
        await client.accounts.list({ limit: 5 }).catch(() => (errors += 1));
      }
    };
    await Promise.all(Array.from({ length: 200 }, worker));
    return errors;
  };
  let errors = await run(1_000);
  const warm = memory();
  for (let round = 0; round < 4; round += 1) errors += await run(1_000);
  const grown = memory() - warm;
  const tokens = (await emu.stats()).tokenRequests - before;
  assert.equal(errors, 0, "no errors");
  assert.equal(tokens, 1, "one token request");
  assert.ok(grown < 16 * 1024 * 1024, `memory grew by ${grown} bytes`);
  process.stderr.write(`reliability: load calls=5000 inFlight=200 errors=${errors} tokenRequests=${tokens} memoryGrowthBytes=${grown}\n`);
});
