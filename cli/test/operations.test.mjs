// Every operation from the command line, against the HTTP emulator and with --emulator
// (the in-process one, whose state lasts one command), as a user sees it: exit codes, data
// on stdout, messages on stderr.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { against, canFakeTerminal, jsonl, run, runOnTerminal, startEmulator } from "./helpers.mjs";

const ROOT_ORGANIZATION = "o-p-vmNfUQi6K5e4ogaE3XuG";
const ACCOUNT = "a-ppge-MPfm05tUemL4fs5HRqR4";
const CONTACT = "c-p-oIukplvkwdpIsQ0KnaCo";
const INVOICE = "INV-2025-100001";

let emulator;
before(async () => {
  emulator = await startEmulator({ args: ["--seed", "7"] });
});
after(() => emulator?.stop());

const modes = {
  "the HTTP emulator": () => against(emulator),
  "--emulator": () => ({ args: ["--emulator"], env: {} }),
};

/** Runs the command in a mode and parses its JSON output; fails with its stderr otherwise. */
async function json(mode, args) {
  const { args: base, env } = modes[mode]();
  const result = await run([...base, ...args, "--format", "json"], { env });
  assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

for (const mode of Object.keys(modes)) {
  describe(`every operation, ${mode}`, () => {
    test("accounts list, list --all, get", async () => {
      const page = await json(mode, ["accounts", "list", "--limit", "3"]);
      assert.equal(page.length, 3);
      const all = await json(mode, ["accounts", "list", "--all", "--limit", "2"]);
      assert.ok(all.length > 3);
      assert.equal(new Set(all.map((a) => a.id)).size, all.length, "an account was listed twice");
      const account = await json(mode, ["accounts", "get", ACCOUNT]);
      assert.equal(account.id, ACCOUNT);
      assert.equal(account.name, "Group Administration");
    });

    test("accounts create, update, delete, get --deleted, undelete", async () => {
      const name = `CLI ${mode} ${Date.now()}`;
      const created = await json(mode, ["accounts", "create", "--name", name, "--organization", ROOT_ORGANIZATION, "--sandbox", "--region", "EU", "--cloud", "GCP"]);
      assert.equal(created.name, name);
      assert.equal(created.isSandbox, true);
      // In-process, each command starts from the seed: the later steps use a seeded account there.
      const id = mode === "--emulator" ? ACCOUNT : created.id;
      const updated = await json(mode, ["accounts", "update", id, "--name", `${name} (EU)`, "--disable"]);
      assert.equal(updated.name, `${name} (EU)`);
      assert.equal(updated.enabled, false);
      const kept = await json(mode, ["accounts", "update", id, "--enable"]);
      assert.equal(kept.enabled, true, "update without --name keeps the name and enables");
      const deleted = await json(mode, ["accounts", "delete", id]);
      assert.equal(deleted.isSoftDeleted, true);
      if (mode === "--emulator") {
        const [softDeleted] = await json(mode, ["accounts", "list", "--deleted"]);
        assert.equal((await json(mode, ["accounts", "get", softDeleted.id, "--deleted"])).isSoftDeleted, true);
        assert.equal((await json(mode, ["accounts", "undelete", softDeleted.id])).isSoftDeleted, false);
      } else {
        assert.equal((await json(mode, ["accounts", "get", id, "--deleted"])).isSoftDeleted, true);
        assert.equal((await json(mode, ["accounts", "undelete", id])).isSoftDeleted, false);
      }
    });

    test("contacts list, get, create, update, patch", async () => {
      const contacts = await json(mode, ["contacts", "list", "--all"]);
      assert.ok(contacts.some((c) => c.id === CONTACT));
      assert.equal((await json(mode, ["contacts", "get", CONTACT])).firstName, "Ingrid");
      const created = await json(mode, ["contacts", "create", "--first-name", "Harald", "--last-name", "Hårfagre", "--email", "harald@hårfagre.no", "--role", "CommercialOwner", "--role", "FinancialContact"]);
      assert.deepEqual(created.roles, ["CommercialOwner", "FinancialContact"]);
      const id = mode === "--emulator" ? CONTACT : created.id;
      const replaced = await json(mode, ["contacts", "update", id, "--first-name", "Olav", "--last-name", "Tryggvason"]);
      assert.equal(replaced.name, "Olav Tryggvason");
      assert.equal(replaced.email, undefined, "a replacement clears what it leaves out");
      const patched = await json(mode, ["contacts", "patch", id, "--mobile", "+4791234567"]);
      assert.equal(patched.mobile, "+4791234567");
      assert.equal(patched.firstName, mode === "--emulator" ? "Ingrid" : "Olav");
    });

    test("organizations list, get, create, update", async () => {
      const organizations = await json(mode, ["organizations", "list", "--all"]);
      assert.ok(organizations.some((o) => o.id === ROOT_ORGANIZATION));
      const root = await json(mode, ["organizations", "get", ROOT_ORGANIZATION, "--deleted-accounts"]);
      assert.equal(root.id, ROOT_ORGANIZATION);
      const child = await json(mode, ["organizations", "create", "--parent", ROOT_ORGANIZATION, "--name", "Nordlys Sverige", "--country", "SE", "--data", '{"billingAddress":{"city":"Stockholm","country":"SE"}}']);
      assert.equal(child.name, "Nordlys Sverige");
      assert.equal(child.billingAddress.city, "Stockholm");
      const id = mode === "--emulator" ? ROOT_ORGANIZATION : child.id;
      const updated = await json(mode, ["organizations", "update", id, "--billing-email", "faktura@nordlys.example"]);
      assert.equal(updated.billingEmail, "faktura@nordlys.example");
    });

    test("invoices list, get, download --out", async () => {
      const invoices = await json(mode, ["invoices", "list", "--after", "2020-01-01"]);
      assert.ok(invoices.some((i) => i.invoiceNumber === INVOICE));
      const invoice = await json(mode, ["invoices", "get", INVOICE]);
      assert.ok(Array.isArray(invoice.lines) && invoice.lines.length > 0);
      const out = join(mkdtempSync(join(tmpdir(), "signicat-am-")), "invoice.pdf");
      const { args, env } = modes[mode]();
      const downloaded = await run([...args, "invoices", "download", INVOICE, "--out", out], { env });
      assert.equal(downloaded.code, 0, downloaded.stderr);
      assert.equal(downloaded.stdout, "", "nothing but data on stdout");
      assert.match(downloaded.stderr, /wrote \d+ bytes to/);
      assert.equal(readFileSync(out).subarray(0, 5).toString(), "%PDF-");
    });

    test("formats: table, JSON lines and CSV with chosen fields", async () => {
      const { args, env } = modes[mode]();
      const table = await run([...args, "accounts", "list", "--limit", "2", "--format", "table"], { env });
      assert.match(table.stdout.split("\n")[0], /^id\s+name\s+isSandbox\s+region/);
      assert.match(table.stdout, /Group Administration/);
      assert.match(table.stderr, /^more: --page \S+ \(or --all\)$/m);
      const lines = await run([...args, "accounts", "list", "--limit", "2", "--format", "jsonl", "--fields", "id,organization.name"], { env });
      assert.deepEqual(jsonl(lines.stdout)[0], { id: ACCOUNT, "organization.name": "Nordlys Group" });
      const csv = await run([...args, "contacts", "list", "--limit", "2", "--format", "csv", "--fields", "id,name,roles"], { env });
      assert.equal(csv.stdout.split("\n")[0], "id,name,roles");
      assert.equal(csv.stdout.trim().split("\n").length, 3);
      const details = await run([...args, "accounts", "get", ACCOUNT, "--format", "table"], { env });
      assert.match(details.stdout, /^organization\.name\s+Nordlys Group$/m);
      const piped = await run([...args, "accounts", "get", ACCOUNT], { env });
      assert.equal(JSON.parse(piped.stdout).id, ACCOUNT, "JSON when stdout is not a terminal");
    });
  });
}

describe("conventions", () => {
  test("--help of every command shows an example; --version names both packages", async () => {
    const commands = [[], ["accounts"], ["contacts"], ["organizations"], ["invoices"], ["export"], ["import"]];
    for (const resource of ["accounts", "contacts", "organizations"]) commands.push([resource, "list"], [resource, "get"], [resource, "create"], [resource, "update"]);
    commands.push(["accounts", "delete"], ["accounts", "undelete"], ["contacts", "patch"], ["invoices", "list"], ["invoices", "get"], ["invoices", "download"]);
    for (const command of commands) {
      const help = await run([...command, "--help"]);
      assert.equal(help.code, 0, command.join(" "));
      assert.match(help.stdout, /Examples?:\n\s+\$ signicat-am /, `${command.join(" ")} --help has no example`);
    }
    const version = await run(["--version"]);
    assert.match(version.stdout, /^\d+\.\d+\.\d+ \(signicat-account-management \d+\.\d+\.\d+\)\n$/);
  });

  test("on a terminal: a table, and a progress bar unless NO_COLOR or --quiet", { skip: !canFakeTerminal && "no `script` to fake a terminal" }, async () => {
    const table = runOnTerminal(["--emulator", "accounts", "list", "--limit", "2"]);
    assert.equal(table.code, 0, table.output);
    assert.match(table.output, /^id\s+name\s+isSandbox\s+region\s+cloud\s+enabled\s+isSoftDeleted\s+organization\.name\r?$/m);
    const dir = mkdtempSync(join(tmpdir(), "signicat-am-tty-"));
    const args = ["--emulator", "--emulator-accounts", "5000", "export", "accounts", "--out"];
    const bar = runOnTerminal([...args, join(dir, "a.csv")]);
    assert.equal(bar.code, 0, bar.output);
    assert.match(bar.output, /exporting accounts \d+ \| \d+\/s/);
    for (const [label, extra, env] of [["NO_COLOR", [], { NO_COLOR: "1" }], ["--quiet", ["--quiet"], {}]]) {
      const plain = runOnTerminal([...args, join(dir, `${label}.csv`), ...extra], { env });
      assert.equal(plain.code, 0, plain.output);
      assert.doesNotMatch(plain.output, /exporting accounts|\u001b/, `a bar with ${label}`);
    }
  });

  test("usage mistakes exit 2 with one line; failed calls exit 1; --format json makes errors JSON", async () => {
    const unknown = await run(["accounts", "lst"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'lst'/);
    const noCredentials = await run(["accounts", "list"]);
    assert.equal(noCredentials.code, 2);
    assert.equal(noCredentials.stderr, "signicat-am: error: set SIGNICAT_CLIENT_ID and SIGNICAT_CLIENT_SECRET (or use --emulator to try the commands without an account)\n");
    const insecure = await run(["--base-url", "http://example.com/account-management", "accounts", "list"], { env: { SIGNICAT_CLIENT_ID: "id", SIGNICAT_CLIENT_SECRET: "secret-value" } });
    assert.equal(insecure.code, 2);
    assert.equal(insecure.stderr, "signicat-am: error: baseUrl must be an https:// URL (http:// only for localhost, 127.0.0.1 or ::1)\n");
    const invalid = await run(["--emulator", "accounts", "create", "--name", "Team A", "--region", "US"]);
    assert.equal(invalid.code, 2);
    assert.equal(invalid.stderr.split("\n").length, 2, "one line");
    assert.match(invalid.stderr, /organizationId is required; isSandbox is required; region must be EU; cloud is required/);
    const missing = await run(["--emulator", "accounts", "get", "a-nope"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^signicat-am: error: accounts\.get failed with HTTP 404: .* — trace id \w+\n$/);
    const asJson = await run(["--emulator", "accounts", "get", "a-nope", "--format", "json"]);
    assert.equal(asJson.code, 1);
    assert.equal(asJson.stdout, "");
    const { error } = JSON.parse(asJson.stderr);
    assert.equal(error.kind, "api");
    assert.equal(error.status, 404);
    const usageJson = await run(["accounts", "list", "--limit", "0", "--format", "json"]);
    assert.equal(usageJson.code, 2);
    assert.equal(JSON.parse(usageJson.stderr.split("\n")[0]).error.kind, "usage");
  });

  test("no secret is printed, whatever the outcome, with SIGNICAT_LOG=debug", async () => {
    const { args, env } = against(emulator);
    const secret = emulator.clientSecret;
    const ok = await run([...args, "accounts", "list", "--limit", "1", "--format", "json"], { env: { ...env, SIGNICAT_LOG: "debug" } });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /accounts\.list/, "SIGNICAT_LOG=debug logs the call on stderr");
    assert.equal(JSON.parse(ok.stdout).length, 1, "stdout holds the data alone");
    const quiet = await run([...args, "accounts", "list", "--limit", "1", "--format", "json"], { env });
    assert.doesNotMatch(quiet.stderr, /accounts\.list/, "no log without SIGNICAT_LOG");
    const wrong = await run([...args, "accounts", "list"], { env: { ...env, SIGNICAT_CLIENT_SECRET: "wrong-secret-123", SIGNICAT_LOG: "debug" } });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /refused the client credentials/);
    for (const result of [ok, wrong]) {
      for (const text of [result.stdout, result.stderr]) {
        assert.ok(!text.includes(secret) && !text.includes("wrong-secret-123"), "a secret was printed");
      }
    }
  });
});
