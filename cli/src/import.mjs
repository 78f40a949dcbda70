// `import`: rows of a CSV or JSONL file created one by one. Every row is checked with the
// SDK's rules first and nothing is sent while any issue remains; then each create is
// journalled before it is sent, so a resumed run never sends a row that may exist already.
import { createReadStream, existsSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

import { parse } from "csv-parse";
import { SignicatError } from "signicat-account-management";

import { describe, PartialFailure, UsageError } from "./errors.mjs";
import { journalPath, openJournal, readJournal, rowKeys } from "./journal.mjs";
import { createProgress, progressEnabled } from "./progress.mjs";
import { RESOURCES, bodyFromCsv } from "./resources.mjs";

/** Rows of the file (`{ line, body }`) and every issue met reading them (`{ line, column, field, message }`). */
export async function readRows(resource, file) {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  if (/\.csv$/i.test(file)) return readCsv(resource, file);
  if (/\.(jsonl|ndjson)$/i.test(file)) return readJsonl(file);
  throw new UsageError(`the file must end in .csv or .jsonl: ${file}`);
}

async function readCsv(resource, file) {
  const rows = [];
  const issues = [];
  let headers = [];
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      columns: (header) => (headers = header.map((h) => h.trim())),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  try {
    for await (const { record, info } of parser) {
      // info.lines is where the record ends; a quoted cell may span lines.
      const inner = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
      const line = info.lines - inner;
      if (info.invalid_field_length > 0 && Object.keys(record).length !== headers.length) {
        issues.push({ line, column: headers.length + 1, field: "", message: `the row has a different number of cells than the header's ${headers.length}` });
      }
      const body = bodyFromCsv(resource, record);
      rows.push({ line, body, columnOf: (field) => columnOfCsv(headers, field) });
    }
  } catch (error) {
    issues.push({ line: error.lines ?? 0, column: error.column ?? 0, field: "", message: `not readable as CSV: ${error.message}` });
  }
  if (headers.length === 0 && issues.length === 0) issues.push({ line: 1, column: 1, field: "", message: "the file has no header row" });
  return { rows, issues, headers };
}

/** The 1-based column of a validator's field (`roles[1]`, `billingAddress.city`), or 0 when the file has none. */
function columnOfCsv(headers, field) {
  const bare = field.replace(/\[\d+\]$/, "");
  let index = headers.indexOf(bare);
  if (index < 0) index = headers.findIndex((h) => h.startsWith(`${bare}.`) || bare.startsWith(`${h}.`));
  return index + 1;
}

async function readJsonl(file) {
  const rows = [];
  const issues = [];
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (!text.trim()) continue;
    let body;
    try {
      body = JSON.parse(text);
    } catch (error) {
      const at = /position (\d+)/.exec(error.message);
      issues.push({ line, column: at ? Number(at[1]) + 1 : 1, field: "", message: `not JSON: ${error.message}` });
      continue;
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      issues.push({ line, column: 1, field: "", message: "each line must be one JSON object" });
      continue;
    }
    rows.push({ line, body, columnOf: (field) => text.indexOf(JSON.stringify(field.split(/[.[]/)[0])) + 1 });
  }
  return { rows, issues };
}

/** Every row checked with the SDK's validator: the issues with their lines and columns. */
export function checkRows(resource, rows) {
  const spec = RESOURCES[resource];
  const issues = [];
  for (const row of rows) {
    for (const issue of spec.validateCreate(row.body)) {
      issues.push({ line: row.line, column: row.columnOf(issue.field), field: issue.field, rule: issue.rule, message: issue.message });
    }
  }
  return issues;
}

/**
 * What a failed create means: "retry" (the SDK says it was not applied and may succeed
 * later), "unknown" (it was sent and may have been made), or "failed" (it was not made).
 */
export function outcomeOf(error) {
  if (!(error instanceof SignicatError)) return "unknown";
  // The SDK sets retryable only when nothing was applied (a 503, a token endpoint that failed).
  if (error.retryable) return "retry";
  if (["validation", "config", "auth"].includes(error.kind)) return "failed";
  if (["network", "timeout", "aborted", "decode"].includes(error.kind)) return "unknown";
  if (error.kind === "api" && (error.status === 502 || error.status === 504)) return "unknown";
  return "failed";
}

const location = (file, issue) => `${file}:${issue.line}${issue.column > 0 ? `:${issue.column}` : ""}`;

/** The whole command: check, then (unless --dry-run) create every row not done yet. */
export async function runImport(openClient, resource, file, options, { stdout = process.stdout, stderr = process.stderr } = {}) {
  const spec = RESOURCES[resource];
  const json = options.format === "json";
  const say = (text) => {
    if (!options.quiet) stderr.write(`${text}\n`);
  };

  const { rows, issues: readIssues } = await readRows(resource, file);
  const issues = [...readIssues, ...checkRows(resource, rows)].sort((a, b) => a.line - b.line || a.column - b.column);
  if (issues.length > 0) {
    const bad = new Set(issues.map((i) => i.line)).size;
    const total = new Set([...rows.map((r) => r.line), ...issues.map((i) => i.line)]).size;
    if (json) stdout.write(`${JSON.stringify({ file, valid: false, rows: total, issues })}\n`);
    else for (const issue of issues) stderr.write(`${location(file, issue)}: ${issue.field ? `${issue.field}: ` : ""}${issue.message}\n`);
    throw new PartialFailure(`${issues.length} ${issues.length === 1 ? "issue" : "issues"} in ${bad} of ${total} rows: nothing was sent`);
  }
  const keys = rowKeys(rows.map((r) => r.body));
  rows.forEach((row, i) => {
    row.key = keys[i];
    row.lookFor = spec.lookFor(row.body);
  });
  if (options.dryRun) {
    if (json) stdout.write(`${JSON.stringify({ file, valid: true, rows: rows.length, issues: [] })}\n`);
    say(`${rows.length} ${rows.length === 1 ? "row is" : "rows are"} valid; nothing was sent (--dry-run)`);
    return;
  }

  const path = journalPath(file);
  const earlier = readJournal(path);
  if (earlier.size > 0 && !options.resume) {
    throw new UsageError(`${path} records an earlier run of this import: add --resume to continue it (rows already created are skipped), or move the journal away to start afresh`);
  }
  const summary = { created: [], failed: [], unknown: [], skipped: [] };
  const pending = [];
  for (const row of rows) {
    const last = earlier.get(row.key);
    if (last?.state === "created") summary.skipped.push({ line: row.line, id: last.id });
    else if ((last?.state === "sending" || last?.state === "unknown") && !options.resendUnknown) {
      summary.unknown.push({ line: row.line, lookFor: row.lookFor, why: last.why ?? "the run stopped after it was sent" });
    } else pending.push(row);
  }

  const client = await openClient();
  const journal = openJournal(path, { resource, file: basename(file) });
  const progress = await createProgress({ enabled: progressEnabled(options, stderr), label: `importing ${resource}`, total: pending.length, stream: stderr });
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(130);
    stopping = true;
    progress.stop();
    stderr.write("stopping: waiting for the creates already sent (Ctrl-C again to quit now; --resume continues)\n");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const retries = options.retries ?? 3;
  const createOne = async (row) => {
    for (let attempt = 1; ; attempt += 1) {
      journal.sending(row, attempt);
      try {
        const made = await spec.create(client, row.body);
        journal.created(row, made.id);
        summary.created.push({ line: row.line, id: made.id });
        return;
      } catch (error) {
        const outcome = outcomeOf(error);
        const why = describe(error);
        if (outcome === "retry" && attempt <= retries && !stopping) {
          // Not applied, says the SDK: a later attempt may succeed; the API's wait wins.
          await sleep(error.retryAfterMs ?? Math.random() * 250 * 2 ** attempt);
          continue;
        }
        if (outcome === "unknown") {
          journal.unknown(row, why);
          summary.unknown.push({ line: row.line, lookFor: row.lookFor, why });
        } else {
          journal.failed(row, why);
          summary.failed.push({ line: row.line, lookFor: row.lookFor, why });
        }
        return;
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (!stopping && next < pending.length) {
      const row = pending[next++];
      await createOne(row);
      progress.increment();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, Math.max(pending.length, 1)) }, worker));
  } finally {
    progress.stop();
    journal.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const notStarted = pending.length - next;
  report(summary, { file, resource, json, notStarted, journal: path, stdout, stderr, quiet: options.quiet });
  if (summary.failed.length || summary.unknown.length || notStarted) {
    throw new PartialFailure(
      notStarted ? `stopped with ${notStarted} rows not sent: run it again with --resume` : "some rows were not created: see above",
    );
  }
}

function report(summary, { file, resource, json, notStarted, journal, stdout, stderr, quiet }) {
  const sort = (list) => list.sort((a, b) => a.line - b.line);
  for (const list of Object.values(summary)) sort(list);
  if (json) {
    stdout.write(`${JSON.stringify({ file, resource, journal, ...summary, notStarted })}\n`);
  }
  for (const f of summary.failed) stderr.write(`${file}:${f.line}: failed: ${f.why}\n`);
  for (const u of summary.unknown) stderr.write(`${file}:${u.line}: outcome unknown (${u.why}): check whether ${u.lookFor} exists\n`);
  if (summary.unknown.length) {
    stderr.write(`${summary.unknown.length} ${summary.unknown.length === 1 ? "create was" : "creates were"} sent without an answer and will not be sent again; once you have checked that none of them exists, --resume --resend-unknown sends them\n`);
  }
  if (!quiet || summary.failed.length || summary.unknown.length) {
    stderr.write(
      `${resource}: ${summary.created.length} created, ${summary.failed.length} failed, ${summary.unknown.length} unknown, ${summary.skipped.length} skipped (created by an earlier run)${notStarted ? `, ${notStarted} not sent` : ""}\n`,
    );
  }
}
