// The command tree of `signicat-am`. Data goes to stdout, messages and progress to stderr;
// exit codes: 0 done, 1 some rows or calls failed, 2 the command was called wrongly.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";

import { openClient } from "./client.mjs";
import { EXIT, PartialFailure, UsageError, describe, describeJson, exitCodeOf } from "./errors.mjs";
import { invoiceWindow, prefetched, runExport } from "./export.mjs";
import { FORMATS, createWriter, outputSettings, writeText } from "./output.mjs";
import { RESOURCES } from "./resources.mjs";

const require = createRequire(import.meta.url);
const VERSION = require("../package.json").version;
const SDK_VERSION = require("signicat-account-management/package.json").version;

const positiveInt = (name, max = Infinity) => (value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1${max < Infinity ? ` to ${max}` : ""}`);
  return n;
};
const collect = (value, previous = []) => [...previous, value];
const example = (...lines) => `\nExample${lines.length > 1 ? "s" : ""}:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** `--data` as JSON text or `@file.json`: the base of a body that flags add to. */
function dataOption(text) {
  if (text === undefined) return {};
  const source = text.startsWith("@") ? readFileSync(text.slice(1), "utf8") : text;
  let value;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--data is not JSON: ${error.message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new UsageError("--data must be a JSON object");
  return value;
}

/** A body from `--data` and the flags given (`[option name, body field]`). */
function bodyFrom(opts, fields) {
  const body = dataOption(opts.data);
  for (const [option, field] of fields) if (opts[option] !== undefined) body[field] = opts[option];
  return body;
}

export async function main(argv, { stdout = process.stdout, stderr = process.stderr } = {}) {
  const jsonErrors = argv.some((arg, i) => arg === "--format=json" || (arg === "--format" && argv[i + 1] === "json"));
  let code = EXIT.ok;
  let cleanup = () => {};

  const program = new Command("signicat-am")
    .description("The Signicat Account Management API from a terminal: accounts, contacts, organizations and invoices; exports and imports.\nCredentials come from SIGNICAT_CLIENT_ID and SIGNICAT_CLIENT_SECRET; --emulator tries everything without an account.")
    .version(`${VERSION} (signicat-account-management ${SDK_VERSION})`, "-V, --version")
    .addOption(new Option("--format <format>", "output: a table on a terminal, JSON otherwise").choices(FORMATS))
    .option("--fields <list>", "only these fields, comma-separated (dotted for nested: organization.name)")
    .option("-q, --quiet", "no progress and no messages but errors")
    .option("--emulator", "run against the in-process emulator (seeded, in memory for this command only)")
    .option("--emulator-accounts <n>", "with --emulator: this many extra accounts, to try paging and exports", positiveInt("--emulator-accounts", 1_000_000))
    .option("--base-url <url>", "the API's base URL (Signicat's by default)")
    .option("--token-url <url>", "the token endpoint (Signicat's by default)")
    .option("--timeout <ms>", "per call, retries included (30000)", positiveInt("--timeout"))
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
      outputError: (text, write) => write(jsonErrors ? `${JSON.stringify({ error: { kind: "usage", message: text.replace(/^error: /, "").trim() } })}\n` : text),
    })
    .addHelpText(
      "after",
      `${example("signicat-am --emulator accounts list", "signicat-am accounts list --all --format csv > accounts.csv", "signicat-am import accounts new-accounts.csv --concurrency 4")}
Environment: SIGNICAT_CLIENT_ID, SIGNICAT_CLIENT_SECRET, SIGNICAT_LOG (error|warn|info|debug), NO_COLOR.
Exit codes: 0 done, 1 some rows or calls failed, 2 the command was called wrongly.
`,
    );

  /** Runs a command's body with the client, writing its failure as one line. */
  const action = (fn) => async (...args) => {
    const command = args.at(-1);
    const opts = command.optsWithGlobals();
    let session;
    const client = async () => {
      session ??= await openClient(opts, { stderr });
      cleanup = session.close;
      return session.client;
    };
    await fn({ opts, args: args.slice(0, -2), client });
  };

  const output = async (opts, resource, items, { single = false } = {}) => {
    const { format, fields } = outputSettings(opts, stdout);
    const writer = createWriter({ stream: stdout, format, fields, columns: format === "csv" ? RESOURCES[resource].csvColumns : RESOURCES[resource].columns, single });
    await writer.page(items);
    await writer.end();
  };

  const listCommand = (parent, resource, extra = (c) => c) =>
    extra(
      parent
        .command("list")
        .description(`list ${resource}, a page at a time or --all`)
        .option("--limit <n>", "items per page (1-1000)", positiveInt("--limit", 1000))
        .option("--page <token>", "continue from the `next` token a listing printed")
        .option("--all", "every page, one in memory at a time"),
    ).action(
      action(async ({ opts, client }) => {
        const c = await client();
        const query = {};
        if (opts.limit) query.limit = opts.limit;
        if (opts.page) query.page = opts.page;
        if (opts.deleted) query.deleted = true;
        const { format, fields } = outputSettings(opts, stdout);
        const writer = createWriter({ stream: stdout, format, fields, columns: format === "csv" ? RESOURCES[resource].csvColumns : RESOURCES[resource].columns });
        if (opts.all) {
          query.limit ??= 1000;
          const pages = (async function* () {
            for await (const page of c[resource].listAll(query).byPage()) yield page.data;
          })();
          for await (const items of prefetched(pages)) await writer.page(items);
        } else {
          const page = await c[resource].list(query);
          await writer.page(page.data);
          if (page.next && !opts.quiet) stderr.write(`more: --page ${page.next} (or --all)\n`);
        }
        await writer.end();
      }),
    );

  const getCommand = (parent, resource, name, extra = (c) => c) =>
    extra(parent.command(`get <${name}>`).description(`one ${RESOURCES[resource].singular}`)).action(
      action(async ({ opts, args: [id], client }) => {
        const query = {};
        if (opts.deleted) query.deleted = true;
        if (opts.deletedAccounts) query.deletedAccounts = true;
        await output(opts, resource, [await (await client())[resource].get(id, query)], { single: true });
      }),
    );

  // ---- accounts
  const accounts = program.command("accounts").description("list, show, create, rename, enable or disable, delete and undelete accounts");
  accounts.addHelpText("after", example("signicat-am accounts list --all --fields id,name --format csv"));
  listCommand(accounts, "accounts", (c) => c.option("--deleted", "only soft-deleted accounts").addHelpText("after", example("signicat-am accounts list --limit 20", "signicat-am accounts list --all --format jsonl | wc -l")));
  getCommand(accounts, "accounts", "account-id", (c) => c.option("--deleted", "also a soft-deleted account").addHelpText("after", example("signicat-am accounts get a-ppge-MPfm05tUemL4fs5HRqR4 --format json")));
  const accountFields = [["name", "name"], ["organization", "organizationId"], ["sandbox", "isSandbox"], ["region", "region"], ["cloud", "cloud"]];
  accounts
    .command("create")
    .description("create an account")
    .option("--name <name>", "the account's name")
    .option("--organization <id>", "the organization it belongs to")
    .option("--sandbox", "a sandbox account")
    .option("--no-sandbox", "a production account")
    .option("--region <region>", "EU")
    .option("--cloud <cloud>", "GCP or OTC")
    .option("--data <json>", "the body as JSON (or @file.json); flags override its fields")
    .addHelpText("after", example('signicat-am accounts create --name "Team A" --organization o-p-vmNfUQi6K5e4ogaE3XuG --sandbox --region EU --cloud GCP'))
    .action(action(async ({ opts, client }) => output(opts, "accounts", [await (await client()).accounts.create(bodyFrom(opts, accountFields))], { single: true })));
  accounts
    .command("update <account-id>")
    .description("rename, enable or disable an account (its name is kept when --name is not given)")
    .option("--name <name>", "the new name")
    .option("--enable", "enable it")
    .option("--disable", "disable it")
    .addHelpText("after", example('signicat-am accounts update a-ppge-MPfm05tUemL4fs5HRqR4 --name "Team A (EU)" --disable'))
    .action(
      action(async ({ opts, args: [id], client }) => {
        if (opts.enable && opts.disable) throw new UsageError("--enable and --disable together");
        const c = await client();
        const body = { name: opts.name ?? (await c.accounts.get(id)).name };
        if (opts.enable) body.enabled = true;
        if (opts.disable) body.enabled = false;
        await output(opts, "accounts", [await c.accounts.update(id, body)], { single: true });
      }),
    );
  for (const [verb, what] of [["delete", "soft-delete an account (undelete restores it)"], ["undelete", "restore a soft-deleted account"]]) {
    accounts
      .command(`${verb} <account-id>`)
      .description(what)
      .addHelpText("after", example(`signicat-am accounts ${verb} a-ppge-MPfm05tUemL4fs5HRqR4`))
      .action(action(async ({ opts, args: [id], client }) => output(opts, "accounts", [await (await client()).accounts[verb](id)], { single: true })));
  }

  // ---- contacts
  const contacts = program.command("contacts").description("list, show, create, replace and change contacts");
  contacts.addHelpText("after", example("signicat-am contacts list --all --format csv"));
  listCommand(contacts, "contacts", (c) => c.addHelpText("after", example("signicat-am contacts list --fields id,name,email")));
  getCommand(contacts, "contacts", "contact-id", (c) => c.addHelpText("after", example("signicat-am contacts get c-p-oIukplvkwdpIsQ0KnaCo")));
  const contactFields = [["organization", "organizationId"], ["firstName", "firstName"], ["middleName", "middleName"], ["lastName", "lastName"], ["email", "email"], ["mobile", "mobile"], ["phone", "phone"], ["country", "country"], ["role", "roles"]];
  const contactOptions = (command) =>
    command
      .option("--organization <id>", "the organization (the root one when left out on create)")
      .option("--first-name <name>")
      .option("--middle-name <name>")
      .option("--last-name <name>")
      .option("--email <address>")
      .option("--mobile <number>")
      .option("--phone <number>")
      .option("--country <code>", "ISO 3166-1 alpha-2, e.g. NO")
      .option("--role <role>", "Other, CommercialOwner, MainTechnicalContact or FinancialContact (repeatable)", collect)
      .option("--data <json>", "the body as JSON (or @file.json); flags override its fields");
  contactOptions(contacts.command("create").description("create a contact"))
    .addHelpText("after", example("signicat-am contacts create --first-name Harald --last-name Hårfagre --email harald@hårfagre.no --role CommercialOwner"))
    .action(action(async ({ opts, client }) => output(opts, "contacts", [await (await client()).contacts.create(bodyFrom(opts, contactFields))], { single: true })));
  contactOptions(contacts.command("update <contact-id>").description("replace a contact: fields left out are cleared"))
    .addHelpText("after", example("signicat-am contacts update c-p-oIukplvkwdpIsQ0KnaCo --first-name Ingrid --last-name Sæther --email ingrid@example.com"))
    .action(action(async ({ opts, args: [id], client }) => output(opts, "contacts", [await (await client()).contacts.update(id, bodyFrom(opts, contactFields))], { single: true })));
  contactOptions(contacts.command("patch <contact-id>").description("change only the fields given"))
    .addHelpText("after", example("signicat-am contacts patch c-p-oIukplvkwdpIsQ0KnaCo --mobile +4791234567"))
    .action(action(async ({ opts, args: [id], client }) => output(opts, "contacts", [await (await client()).contacts.patch(id, bodyFrom(opts, contactFields))], { single: true })));

  // ---- organizations
  const organizations = program.command("organizations").description("list, show, create and change organizations");
  organizations.addHelpText("after", example("signicat-am organizations list --all"));
  listCommand(organizations, "organizations", (c) => c.addHelpText("after", example("signicat-am organizations list --format json")));
  getCommand(organizations, "organizations", "organization-id", (c) =>
    c.option("--deleted-accounts", "include soft-deleted accounts").addHelpText("after", example("signicat-am organizations get o-p-vmNfUQi6K5e4ogaE3XuG --format json")),
  );
  const organizationFields = [["name", "name"], ["parent", "parentOrganizationId"], ["website", "website"], ["entityId", "entityId"], ["vatNumber", "entityVatNumber"], ["legalName", "entityLegalName"], ["country", "country"], ["billingEmail", "billingEmail"], ["billingContact", "billingContactId"]];
  const organizationOptions = (command) =>
    command
      .option("--name <name>")
      .option("--website <url>")
      .option("--entity-id <id>")
      .option("--vat-number <number>")
      .option("--legal-name <name>")
      .option("--country <code>", "ISO 3166-1 alpha-2, e.g. NO")
      .option("--billing-email <address>")
      .option("--data <json>", "the body as JSON (or @file.json, e.g. with billingAddress); flags override its fields");
  organizationOptions(organizations.command("create").description("create a child organization").option("--parent <id>", "the parent organization"))
    .addHelpText("after", example('signicat-am organizations create --parent o-p-vmNfUQi6K5e4ogaE3XuG --name "Nordlys Sverige" --country SE'))
    .action(action(async ({ opts, client }) => output(opts, "organizations", [await (await client()).organizations.create(bodyFrom(opts, organizationFields))], { single: true })));
  organizationOptions(organizations.command("update <organization-id>").description("change the fields given").option("--billing-contact <contact-id>"))
    .addHelpText("after", example("signicat-am organizations update o-p-hsH7MyYBrhnjEUhI4veB --billing-email faktura@nordlys.example"))
    .action(action(async ({ opts, args: [id], client }) => output(opts, "organizations", [await (await client()).organizations.update(id, bodyFrom(opts, organizationFields))], { single: true })));

  // ---- invoices
  const invoices = program.command("invoices").description("list and show invoices, download their PDF");
  invoices.addHelpText("after", example("signicat-am invoices list --after 2025-01-01"));
  const windowOptions = (command) =>
    command.option("--after <date>", "dated on or after (ISO 8601 date or date-time)").option("--before <date>", "dated on or before (now by default)");
  windowOptions(invoices.command("list").description("invoices dated in a window"))
    .option("--all", "accepted for symmetry: invoices come in one answer")
    .addHelpText("after", example("signicat-am invoices list --after 2025-01-01 --before 2025-06-30 --format csv"))
    .action(action(async ({ opts, client }) => output(opts, "invoices", await (await client()).invoices.list(invoiceWindow(opts)))));
  invoices
    .command("get <invoice-number>")
    .description("one invoice with its lines")
    .addHelpText("after", example("signicat-am invoices get INV-2025-100001"))
    .action(action(async ({ opts, args: [number], client }) => output(opts, "invoices", [await (await client()).invoices.get(number)], { single: true })));
  invoices
    .command("download <invoice-number>")
    .description("the invoice's PDF, to --out FILE (or to stdout in a pipe)")
    .option("--out <file>", "where to write the PDF (- for stdout)")
    .addHelpText("after", example("signicat-am invoices download INV-2025-100001 --out invoice.pdf"))
    .action(
      action(async ({ opts, args: [number], client }) => {
        const toStdout = opts.out === "-" || (opts.out === undefined && !stdout.isTTY);
        if (!toStdout && opts.out === undefined) throw new UsageError("give --out FILE: a PDF is not for a terminal");
        const pdf = await (await client()).invoices.download(number);
        if (toStdout) await writeText(stdout, pdf);
        else {
          await writeFile(opts.out, pdf);
          if (!opts.quiet) stderr.write(`wrote ${pdf.length} bytes to ${opts.out}\n`);
        }
      }),
    );

  // ---- export and import
  program
    .command("export <resource>")
    .description("every item of accounts, contacts, organizations or invoices to a .csv or .jsonl file, a page at a time")
    .requiredOption("--out <file>", "FILE.csv or FILE.jsonl")
    .option("--page-size <n>", "items per request (1-1000)", positiveInt("--page-size", 1000), 1000)
    .option("--deleted", "accounts: only the soft-deleted ones")
    .option("--after <date>", "invoices: dated on or after")
    .option("--before <date>", "invoices: dated on or before")
    .addHelpText("after", example("signicat-am export accounts --out accounts.csv", "signicat-am export invoices --after 2025-01-01 --out invoices.jsonl"))
    .action(
      action(async ({ opts, args: [resource], client }) => {
        if (!RESOURCES[resource]) throw new UsageError(`export what? accounts, contacts, organizations or invoices, not ${resource}`);
        await runExport(await client(), resource, opts, { stderr });
      }),
    );
  program
    .command("import <resource> <file>")
    .description(
      "create accounts, contacts or organizations from a .csv (a header row of field names) or .jsonl file; every row is checked first, and a journal beside the file (FILE.journal) makes --resume safe",
    )
    .option("--dry-run", "check every row and stop")
    .option("--concurrency <n>", "creates in flight at once (one client, one token)", positiveInt("--concurrency", 64), 4)
    .option("--resume", "continue the run the journal records: created rows are skipped, unanswered ones are listed, not sent")
    .option("--resend-unknown", "with --resume: send again the rows whose outcome was unknown, once you have checked none of them exists")
    .option("--retries <n>", "times a create the API did not apply (503, 429) is tried again", (v) => (v === "0" ? 0 : positiveInt("--retries", 10)(v)), 3)
    .addHelpText(
      "after",
      `${example("signicat-am import accounts accounts.csv --dry-run", "signicat-am import accounts accounts.csv --concurrency 8", "signicat-am import accounts accounts.csv --resume")}
A CSV for accounts: name,organizationId,isSandbox,region,cloud
Contacts: firstName,lastName,email,roles (roles separated by ;); organizations: name,parentOrganizationId,billingAddress.city, …
`,
    )
    .action(
      action(async ({ opts, args: [resource, file], client }) => {
        if (!RESOURCES[resource]?.importable) throw new UsageError(`import what? accounts, contacts or organizations, not ${resource}`);
        if (opts.resendUnknown && !opts.resume) throw new UsageError("--resend-unknown goes with --resume");
        // Loaded for an import alone: the CSV reader is not every command's cost.
        const { runImport } = await import("./import.mjs");
        await runImport(client, resource, file, opts, { stdout, stderr });
      }),
    );

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error?.code === "EPIPE") {
      // The reader of stdout has gone (`| head`): nothing is left to say to anyone.
    } else if (error instanceof CommanderError) {
      code = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      code = exitCodeOf(error);
      if (jsonErrors) stderr.write(`${describeJson(error)}\n`);
      else stderr.write(`signicat-am: ${error instanceof PartialFailure ? "" : "error: "}${describe(error)}\n`);
    }
  } finally {
    cleanup();
  }
  return code;
}
