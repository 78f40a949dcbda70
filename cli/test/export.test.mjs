// `export` streams a listing to a file a page at a time: 100 000 accounts in flat memory.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { parse } from "csv-parse/sync";
import { SignicatClient } from "signicat-account-management";

import { against, jsonl, run, start, startEmulator } from "./helpers.mjs";

const MB = 1e6;
const dir = mkdtempSync(join(tmpdir(), "signicat-am-export-"));
let emulator;
before(async () => {
  emulator = await startEmulator({ args: ["--seed", "7", "--accounts", "100000"] });
});
after(() => emulator?.stop());

test("100 000 accounts to CSV with flat memory, every account once", { timeout: 120_000 }, async () => {
  const { args, env } = against(emulator);
  // The same command over a few items: its peak is what the process needs anyway.
  const small = await run([...args, "export", "organizations", "--out", join(dir, "organizations.csv")], { env, measureMemory: true });
  assert.equal(small.code, 0, small.stderr);
  const out = join(dir, "accounts.csv");
  const big = await run([...args, "export", "accounts", "--out", out], { env, measureMemory: true });
  assert.equal(big.code, 0, big.stderr);
  assert.equal(big.stdout, "");
  assert.doesNotMatch(big.stderr, /\r|\u001b/, "no progress bar when stderr is not a terminal");

  const text = readFileSync(out, "utf8");
  assert.match(text, /^id,name,organization\.id,organization\.name,isSandbox,region,cloud,enabled,/);
  const records = parse(text, { columns: true });
  const ids = new Set(records.map((record) => record.id));
  assert.equal(ids.size, records.length, "an account was exported twice");
  // What the SDK lists is what the file must hold: the live accounts (the seed soft-deletes some).
  const client = new SignicatClient({ baseUrl: emulator.baseUrl, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  let listed = 0;
  let found = 0;
  for await (const account of client.accounts.listAll({ limit: 1000 })) {
    listed += 1;
    found += ids.has(account.id) ? 1 : 0;
  }
  assert.deepEqual({ listed, found }, { listed: ids.size, found: ids.size }, "the file and the listing differ");
  assert.ok(ids.size > 90_000, `${ids.size} accounts exported`);
  assert.equal(big.stderr, `exported ${ids.size} accounts to ${out}\n`);
  assert.ok(!existsSync(`${out}.partial`));

  const growth = big.peakRss - small.peakRss;
  console.log(`export: ${ids.size} accounts, peak RSS ${(big.peakRss / MB).toFixed(1)} MB against ${(small.peakRss / MB).toFixed(1)} MB for a few organizations (+${(growth / MB).toFixed(1)} MB)`);
  if (big.peakRss > 0) assert.ok(growth < 64 * MB, `memory grew by ${(growth / MB).toFixed(1)} MB over 100 000 accounts`);
});

test("JSON lines, --fields, invoices and the in-process emulator; an export stopped or failed leaves no file", async () => {
  const { args, env } = against(emulator);
  const out = join(dir, "contacts.jsonl");
  const contacts = await run([...args, "export", "contacts", "--out", out, "--fields", "id,name,organization.id", "--quiet"], { env });
  assert.equal(contacts.code, 0, contacts.stderr);
  assert.equal(contacts.stderr, "", "--quiet prints nothing");
  const items = jsonl(readFileSync(out, "utf8"));
  assert.ok(items.length > 0);
  assert.deepEqual(Object.keys(items[0]), ["id", "name", "organization.id"]);

  const invoices = join(dir, "invoices.csv");
  const local = await run(["--emulator", "export", "invoices", "--after", "2020-01-01", "--out", invoices]);
  assert.equal(local.code, 0, local.stderr);
  assert.match(readFileSync(invoices, "utf8"), /^invoiceNumber,invoiceDate,/);

  const wrongName = await run(["--emulator", "export", "accounts", "--out", join(dir, "accounts.xlsx")]);
  assert.equal(wrongName.code, 2);
  assert.match(wrongName.stderr, /--out must end in \.csv or \.jsonl/);

  const stopped = join(dir, "stopped.csv");
  const { child, done } = start([...args, "export", "accounts", "--out", stopped], { env });
  while (!existsSync(`${stopped}.partial`) && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill("SIGINT");
  assert.equal((await done).code, 130);
  assert.ok(!existsSync(stopped) && !existsSync(`${stopped}.partial`), "Ctrl-C left a file behind");

  const failed = join(dir, "failed.csv");
  const refused = await run(["--base-url", emulator.baseUrl, "--token-url", emulator.tokenUrl, "export", "accounts", "--out", failed], {
    env: { ...env, SIGNICAT_CLIENT_SECRET: "not-the-secret" },
  });
  assert.equal(refused.code, 1);
  assert.ok(!existsSync(failed) && !existsSync(`${failed}.partial`), "a failed export left a file behind");
});
