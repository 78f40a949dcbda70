// `import` creates every row of a file once: checked first, journalled before each create is
// sent, resumable after Ctrl-C, a crash or kill -9, honest about creates whose outcome is unknown.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { accountNames, against, run, setRandomFaults, start, startEmulator } from "./helpers.mjs";

const ROOT_ORGANIZATION = "o-p-vmNfUQi6K5e4ogaE3XuG";
const dir = mkdtempSync(join(tmpdir(), "signicat-am-import-"));

/** A CSV of `count` sandbox accounts named `${prefix} 1`…, and the names. */
function accountsCsv(name, prefix, count) {
  const names = Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);
  const file = join(dir, name);
  writeFileSync(file, `name,organizationId,isSandbox,region,cloud\n${names.map((n) => `${n},${ROOT_ORGANIZATION},true,EU,GCP`).join("\n")}\n`);
  return { file, names };
}

/** Each name's count in the emulator's listing, the duplicates, and the names it lacks. */
async function census(emulator, names) {
  const counts = await accountNames(emulator);
  return {
    duplicates: names.filter((n) => (counts.get(n) ?? 0) > 1),
    missing: names.filter((n) => !counts.has(n)),
  };
}

/** The names the summary lists as unknown (`check whether account "…" … exists`). */
/**
 * Starts an import of `file` with 4 in flight and returns once its journal records `count`
 * creates, or once it ended first (`exited`, then, is its result).
 */
async function importUntilCreated(args, env, file, count) {
  const { child, done } = start([...args, "import", "accounts", file, "--concurrency", "4"], { env });
  const journal = `${file}.journal`;
  let exited;
  done.then((result) => (exited = result));
  while (!exited && (!existsSync(journal) || (readFileSync(journal, "utf8").match(/"created"/g) ?? []).length < count)) await sleep(10);
  return { child, done, exited };
}

const unknownNames = (stderr) => [...stderr.matchAll(/outcome unknown .*: check whether account "([^"]+)" in organization \S+ exists$/gm)].map((m) => m[1]);

describe("import against the HTTP emulator", () => {
  let emulator;
  before(async () => {
    emulator = await startEmulator({ args: ["--seed", "7"] });
  });
  after(() => emulator?.stop());

  test("a file with bad rows: every issue with its line and column, and nothing is sent", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      [
        "name,organizationId,isSandbox,region,cloud",
        `Team 1,${ROOT_ORGANIZATION},true,EU,GCP`,
        `Team 2,${ROOT_ORGANIZATION},maybe,US,GCP`,
        `"Team`,
        `3",${ROOT_ORGANIZATION},true,EU,AWS`,
        `,${ROOT_ORGANIZATION},true,EU,GCP`,
        "",
      ].join("\n"),
    );
    await emulator.clearStats();
    const { args, env } = against(emulator);
    const result = await run([...args, "import", "accounts", file], { env });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      [
        `${file}:3:3: isSandbox: isSandbox must be true or false`,
        `${file}:3:4: region: region must be EU`,
        `${file}:4:5: cloud: cloud must be one of GCP, OTC`,
        `${file}:6:1: name: name is required`,
        "signicat-am: 4 issues in 3 of 4 rows: nothing was sent",
        "",
      ].join("\n"),
    );
    const stats = await emulator.stats();
    assert.equal(stats.tokenRequests, 0, "not even a token was asked for");
    assert.deepEqual(Object.keys(stats.counts).filter((key) => key.startsWith("POST")), []);
    assert.ok(!existsSync(`${file}.journal`), "no journal for a run that sent nothing");

    const lines = join(dir, "bad.jsonl");
    writeFileSync(lines, `{"name":"x","organizationId":"${ROOT_ORGANIZATION}","isSandbox":true,"region":"US","cloud":"GCP"}\n{"name": 1\n\n{"name":"y","organizationId":"${ROOT_ORGANIZATION}","isSandbox":"yes","region":"EU","cloud":"GCP","extra":1}\n`);
    const asJson = await run([...args, "import", "accounts", lines, "--format", "json"], { env });
    assert.equal(asJson.code, 1);
    const report = JSON.parse(asJson.stdout);
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.issues.map((i) => [i.line, i.column, i.field]),
      [[1, 74, "region"], [2, 11, ""], [4, 57, "isSandbox"], [4, 103, "extra"]],
    );
    assert.equal((await emulator.stats()).totalRequests, 0);
  });

  test("--dry-run checks and sends nothing", async () => {
    const { file } = accountsCsv("dry.csv", "Dry", 5);
    await emulator.clearStats();
    const { args, env } = against(emulator);
    const result = await run([...args, "import", "accounts", file, "--dry-run"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, "5 rows are valid; nothing was sent (--dry-run)\n");
    assert.equal((await emulator.stats()).totalRequests, 0);
  });

  test("a run killed mid-way (SIGKILL) and resumed: no duplicates, no row lost", { timeout: 120_000 }, async () => {
    const { file, names } = accountsCsv("killed.csv", "Killed", 400);
    // Every answer a little late, so that the run is still going when it is killed.
    await setRandomFaults(emulator, "slow=15ms@1");
    const { args, env } = against(emulator);
    const { child, done, exited } = await importUntilCreated(args, env, file, 100);
    assert.equal(exited, undefined, `the run ended before it was killed: ${exited?.stderr}`);
    child.kill("SIGKILL");
    assert.equal((await done).signal, "SIGKILL");
    await setRandomFaults(emulator, "");
    const before = await census(emulator, names);
    assert.ok(before.missing.length > 0, "the run was killed after it had finished");

    const again = await run([...args, "import", "accounts", file], { env });
    assert.equal(again.code, 2, "without --resume an earlier journal is refused");
    assert.match(again.stderr, /add --resume/);

    const resumed = await run([...args, "import", "accounts", file, "--resume", "--concurrency", "4"], { env });
    const summary = /accounts: (\d+) created, (\d+) failed, (\d+) unknown, (\d+) skipped/.exec(resumed.stderr);
    assert.ok(summary, resumed.stderr);
    const [created, failed, unknown, skipped] = summary.slice(1).map(Number);
    console.log(`kill -9 and --resume: ${skipped} skipped (made before the kill), ${created} created, ${unknown} unknown (in flight at the kill), ${failed} failed`);
    assert.equal(failed, 0);
    assert.ok(unknown <= 4, "at most the creates in flight are unknown");
    assert.equal(created + unknown + skipped, 400);
    assert.equal(resumed.code, unknown ? 1 : 0);

    const after = await census(emulator, names);
    assert.deepEqual(after.duplicates, [], "a row was created twice");
    // Every row exists, or is listed by name for the user to check: none is lost silently.
    const listed = unknownNames(resumed.stderr);
    assert.equal(listed.length, unknown);
    assert.deepEqual(after.missing.filter((n) => !listed.includes(n)), [], "rows lost");
    console.log(`kill -9 and --resume: duplicates ${after.duplicates.length}, lost ${after.missing.filter((n) => !listed.includes(n)).length}`);
  });

  test("Ctrl-C: the creates in flight finish, the rest wait for --resume, none is unknown", { timeout: 120_000 }, async () => {
    const { file, names } = accountsCsv("interrupted.csv", "Interrupted", 300);
    await setRandomFaults(emulator, "slow=15ms@1");
    const { args, env } = against(emulator);
    const { child, done } = await importUntilCreated(args, env, file, 50);
    child.kill("SIGINT");
    const stopped = await done;
    await setRandomFaults(emulator, "");
    assert.equal(stopped.code, 1);
    assert.match(stopped.stderr, /^stopping: waiting for the creates already sent/m);
    assert.match(stopped.stderr, /accounts: \d+ created, 0 failed, 0 unknown, 0 skipped \(created by an earlier run\), \d+ not sent\n/);
    assert.match(stopped.stderr, /run it again with --resume/);

    const resumed = await run([...args, "import", "accounts", file, "--resume"], { env });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, /accounts: \d+ created, 0 failed, 0 unknown, \d+ skipped/);
    const { duplicates, missing } = await census(emulator, names);
    assert.deepEqual({ duplicates, missing }, { duplicates: [], missing: [] });
  });

  test("a create that timed out after it was sent is named, not sent again by --resume, and sent by --resend-unknown once checked", async () => {
    const { file, names } = accountsCsv("timeout.csv", "Timeout", 3);
    // The first create is answered after the command has stopped waiting for it.
    await emulator.armFault("slow=1500ms", { method: "POST", path: "/account-management/accounts", times: 1 });
    const { args, env } = against(emulator);
    const first = await run([...args, "--timeout", "500", "import", "accounts", file, "--concurrency", "1"], { env });
    assert.equal(first.code, 1);
    assert.match(first.stderr, new RegExp(`:2: outcome unknown \\(.*\\): check whether account "Timeout 1" in organization ${ROOT_ORGANIZATION} exists\n`));
    assert.match(first.stderr, /accounts: 2 created, 0 failed, 1 unknown, 0 skipped/);
    await sleep(1500);
    await emulator.clearStats();
    const resumed = await run([...args, "import", "accounts", file, "--resume"], { env });
    assert.equal(resumed.code, 1);
    assert.match(resumed.stderr, /accounts: 0 created, 0 failed, 1 unknown, 2 skipped/);
    assert.equal((await emulator.stats()).counts["POST /account-management/accounts"], undefined, "a create was sent again");
    // The user checks, as the message asks: the emulator dropped the create with its connection.
    assert.deepEqual((await census(emulator, names)).missing, ["Timeout 1"]);
    const resent = await run([...args, "import", "accounts", file, "--resume", "--resend-unknown"], { env });
    assert.equal(resent.code, 0, resent.stderr);
    assert.match(resent.stderr, /accounts: 1 created, 0 failed, 0 unknown, 2 skipped/);
    assert.deepEqual(await census(emulator, names), { duplicates: [], missing: [] });
  });

  test("1 000 rows under 503 and connection resets: no duplicates, unknown creates named", { timeout: 120_000 }, async () => {
    const { file, names } = accountsCsv("faults.csv", "Faulty", 1000);
    await setRandomFaults(emulator, "503=0.05,reset=0.02", 19);
    const { args, env } = against(emulator);
    const result = await run([...args, "import", "accounts", file, "--concurrency", "8", "--format", "json"], { env });
    await setRandomFaults(emulator, "");
    const summary = JSON.parse(result.stdout);
    assert.equal(result.code, summary.failed.length + summary.unknown.length > 0 ? 1 : 0, result.stderr);
    assert.equal(summary.created.length + summary.failed.length + summary.unknown.length, 1000);
    // A reset after the request left is a create of unknown outcome: named, never sent again.
    for (const row of summary.unknown) assert.match(row.lookFor, /^account "Faulty \d+" in organization /);
    const { duplicates, missing } = await census(emulator, names);
    console.log(`1 000 rows under faults: ${summary.created.length} created, ${summary.failed.length} failed, ${summary.unknown.length} unknown; duplicates ${duplicates.length}`);
    assert.deepEqual(duplicates, [], "a row was created twice");
    const created = new Set(summary.created.map((row) => names[row.line - 2]));
    assert.deepEqual(missing.filter((n) => created.has(n)), [], "a row reported created is not there");
    assert.ok(summary.created.length >= 900, `${summary.created.length} created`);

    // The user checks the named ones, finds none of them (a reset create is not made here), and sends them.
    const unknown = summary.unknown.map((row) => names[row.line - 2]);
    assert.deepEqual(missing.filter((n) => !unknown.includes(n)).length, summary.failed.length);
    assert.ok(unknown.every((n) => missing.includes(n)));
    const resent = await run([...args, "import", "accounts", file, "--resume", "--resend-unknown", "--concurrency", "8"], { env });
    // Rows that failed were never made, so --resume sends them again with the unknown ones.
    assert.equal(resent.code, 0, resent.stderr);
    assert.match(resent.stderr, new RegExp(`accounts: ${summary.failed.length + summary.unknown.length} created, 0 failed, 0 unknown, ${summary.created.length} skipped`));
    const after = await census(emulator, names);
    console.log(`1 000 rows under faults, after --resume --resend-unknown: duplicates ${after.duplicates.length}, missing ${after.missing.length}`);
    assert.deepEqual(after, { duplicates: [], missing: [] });
  });
});

describe("import with --emulator", () => {
  test("accounts, contacts (JSON lines) and organizations, with a summary", async () => {
    const { file } = accountsCsv("local.csv", "Local", 3);
    const accounts = await run(["--emulator", "import", "accounts", file, "--format", "json"]);
    assert.equal(accounts.code, 0, accounts.stderr);
    assert.equal(JSON.parse(accounts.stdout).created.length, 3);
    assert.equal(accounts.stderr, "accounts: 3 created, 0 failed, 0 unknown, 0 skipped (created by an earlier run)\n");

    const contacts = join(dir, "contacts.jsonl");
    writeFileSync(contacts, `{"firstName":"Harald","lastName":"Hårfagre","email":"harald@hårfagre.no","roles":["CommercialOwner"]}\n{"firstName":"Olav","lastName":"Tryggvason"}\n`);
    const made = await run(["--emulator", "import", "contacts", contacts]);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stderr, /contacts: 2 created/);

    const organizations = join(dir, "organizations.csv");
    writeFileSync(organizations, `name,parentOrganizationId,country,billingAddress.city,billingAddress.country\nNordlys Sverige,${ROOT_ORGANIZATION},SE,Stockholm,SE\nNordlys Danmark,${ROOT_ORGANIZATION},DK,København,DK\n`);
    const orgs = await run(["--emulator", "import", "organizations", organizations, "--quiet"]);
    assert.equal(orgs.code, 0, orgs.stderr);
    assert.equal(orgs.stderr, "");
    const rows = readFileSync(`${organizations}.journal`, "utf8");
    assert.equal((rows.match(/"state":"created"/g) ?? []).length, 2);
  });

  test("rows the API refuses are failed with why; the journal holds no secret", async () => {
    const file = join(dir, "refused.csv");
    writeFileSync(file, `name,organizationId,isSandbox,region,cloud\nGood,${ROOT_ORGANIZATION},true,EU,GCP\nOrphan,o-p-doesnotexist000000000,true,EU,GCP\n`);
    const result = await run(["--emulator", "import", "accounts", file]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: failed: .*organizationId`, "m"));
    assert.match(result.stderr, /accounts: 1 created, 1 failed, 0 unknown, 0 skipped/);
    const journal = readFileSync(`${file}.journal`, "utf8");
    assert.doesNotMatch(journal, /demo-secret|access_token|Bearer/);
  });
});
