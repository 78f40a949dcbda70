// `export`: every item of a listing to a .csv or .jsonl file, one page in memory at a time.
// The next page is fetched while the current one is written; the file appears under its
// name only once it is whole.
import { createWriteStream, rmSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";

import { UsageError } from "./errors.mjs";
import { createWriter } from "./output.mjs";
import { createProgress, progressEnabled } from "./progress.mjs";
import { RESOURCES } from "./resources.mjs";

/** The format a file's name asks for: `.csv`, or `.jsonl`/`.ndjson`. */
export function fileFormat(path) {
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  throw new UsageError(`--out must end in .csv or .jsonl: ${path}`);
}

/** The pages of a resource: `listAll().byPage()`, or the one answer of `invoices.list`. */
export async function* pagesOf(client, resource, options) {
  if (resource === "invoices") {
    yield await client.invoices.list(invoiceWindow(options));
    return;
  }
  const query = { limit: options.pageSize ?? 1000 };
  if (resource === "accounts" && options.deleted) query.deleted = true;
  for await (const page of client[resource].listAll(query).byPage()) yield page.data;
}

export function invoiceWindow(options) {
  const window = {};
  if (options.after) window.after = options.after;
  if (options.before) window.before = options.before;
  return window;
}

/** Pages of `source` with the next one already requested while the caller handles this one. */
export async function* prefetched(source) {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  while (true) {
    const { value, done } = await pending;
    if (done) return;
    pending = iterator.next();
    // A failure of the prefetch is seen when it is awaited; until then it is handled.
    pending.catch(() => {});
    yield value;
  }
}

export async function runExport(client, resource, options, { stderr = process.stderr } = {}) {
  const spec = RESOURCES[resource];
  const format = fileFormat(options.out);
  const fields = options.fields ? options.fields.split(",").map((f) => f.trim()).filter(Boolean) : undefined;
  const partial = `${options.out}.partial`;
  let stream;
  let progress;
  // Ctrl-C leaves no half file behind: the handler is in place before the file exists.
  const onSignal = () => {
    progress?.stop();
    stream?.destroy();
    rmSync(partial, { force: true });
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  stream = createWriteStream(partial);
  const opened = new Promise((resolve, reject) => {
    stream.once("open", resolve);
    stream.once("error", reject);
  });
  await opened;
  const writer = createWriter({ stream, format, fields, columns: spec.csvColumns });
  progress = await createProgress({ enabled: progressEnabled(options, stderr), label: `exporting ${resource}`, stream: stderr });
  try {
    for await (const items of prefetched(pagesOf(client, resource, options))) {
      await writer.page(items);
      progress.update(writer.count);
    }
    await writer.end();
    stream.end();
    await finished(stream);
    await rename(partial, options.out);
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    progress.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (!options.quiet) stderr.write(`exported ${writer.count} ${writer.count === 1 ? spec.singular : resource} to ${options.out}\n`);
  return writer.count;
}
