// `make bench`: every benchmark in one run, one table on standard output, and BENCHMARKS.md.
// `--smoke` runs the same code with tiny counts and writes nothing (`make test-bench`).
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";

import { count } from "./lib/format.mjs";
import { machine } from "./machine.mjs";
import { CLI_COLUMNS, TESTING_COLUMNS, cliRows, missed, rows, table, testingRows } from "./report.mjs";
import { FULL, SMOKE, root, runBenchmarks } from "./suite.mjs";

const smoke = process.argv.includes("--smoke");
const started = performance.now();
const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
// Other work on the machine shows in every figure: say how busy it was.
const [loadAtStart] = loadavg();

const { results, manifest } = await runBenchmarks(smoke ? SMOKE : FULL, (step) => console.log(`--- ${step}`));
const list = rows(results);
const testingTable = table(testingRows(results), TESTING_COLUMNS);
const cliList = cliRows(results);
const cliTable = table(cliList, CLI_COLUMNS);
const minutes = (performance.now() - started) / 60_000;

console.log(`\n${table(list)}\n\n${testingTable}\n\n${cliTable}\n`);
console.log(`${smoke ? "Smoke run (tiny counts, figures mean nothing)" : "Full run"}: ${minutes.toFixed(1)} min`);
if (smoke) process.exit(0);

const facts = machine(root, { chromium: results.browserStartup.version, packageManifest: manifest, loadAtStart });
const misses = missed([...list, ...cliList]);
writeFileSync(
  join(root, "BENCHMARKS.md"),
  `# Benchmarks

Written by \`make bench\` (\`bench/run.mjs\`) on ${date}: every figure below comes from that one
run of ${minutes.toFixed(1)} minutes. The goals are those of issue 7 (the lean core);
✓ marks a goal this run meets, ✗ one it misses. Timings are never asserted anywhere.

${table(list)}

${misses.length === 0 ? "Every goal is met in this run." : `Missed in this run:\n\n${misses.join("\n")}`}

## The testing entry

\`signicat-account-management/testing\` (\`createEmulator\`, the emulator in the test's own
process) beside the HTTP emulator (\`target/release/signicat-emulator\`), the two front ends of
one core, in the same run. No goals: these say what a test suite pays for either.

${testingTable}

## The command line

\`signicat-am export accounts\` (\`cli/\`, the SDK as the command line installs it) beside the SDK's own
\`listAll()\` over the same accounts and page size, each a fresh process timed from spawn to exit.
The goal is issue 19's.

${cliTable}

## Machine and versions

| | |
|---|---|
${Object.entries(facts).map(([name, value]) => `| ${name} | ${value} |`).join("\n")}

## How each figure is measured

- **Sizes**: the \`.wasm\` and the wasm-bindgen glue of the package, gzip -9; the browser entry
  bundled by esbuild (minified, the \`.wasm\` a separate asset) against the openapi-fetch client
  (types generated from \`spec/account-management.yaml\` by openapi-typescript, calls
  type-checked with tsc, bundled and minified by esbuild); \`npm pack\` of \`pkg/\`. KB and MB are
  1000 and 1 000 000 bytes.
- **Per call**: one emulator on loopback; the SDK, plain \`fetch\` + \`.json()\` and openapi-fetch
  (both with a token fetched beforehand, the SDK with its cached one) call in turn, the order
  rotating each round: ${FULL.perCall.warmupRounds} warm-up rounds, then ${count(FULL.perCall.rounds)} timed rounds.
- **Pure CPU**: the SDK's \`accounts.list\` with a \`fetch\` option that answers at once with a new
  \`Response\` over a real 50-account page (and a static \`accessToken\`, so no socket and no token
  request) against \`JSON.parse\` of the same text, and \`Response#json()\`; the same SDK call over an
  empty page shows what a call costs before any decoding. tinybench, ${FULL.decode.timeMs} ms per task.
- **Start-up**: Node, ${FULL.nodeStartup.runs} fresh processes per contender, alternating, timed from before
  \`import()\` of the package (or nothing, for fetch) to the end of the import and to the end of
  the first \`get\`, token included.
  Chromium (headless, playwright-core), ${FULL.browserStartup.runs} fresh browser contexts per contender:
  a module page on the emulator's origin (\`--serve\`) imports the package and awaits \`ready\`
  (fetch, compile and init of the \`.wasm\`), then makes the first call; Resource Timing tells
  when the \`.wasm\` had arrived, after the entry module that asks for it. Cold is the page's
  first load in its context; warm, the same page loaded again in that context (the emulator
  serves files with \`no-cache\` and no validator, so the browser fetches them again). A third
  page is the SDK's with the package README's two preload links in its \`<head>\`
  (\`modulepreload\` for the entry, \`preload as="fetch"\` for the \`.wasm\`); as those start both
  requests before its module runs, it is also timed from the navigation, beside the SDK's page
  without them.
- **Listing**: an emulator with \`--accounts ${count(FULL.listing.accounts)}\` (a listing shows the live ones; the
  seed soft-deletes a few); each walk in a fresh process
  (${FULL.listing.runs} per contender, alternating): \`listAll({ limit: 100 })\` against a loop over \`next\`
  with fetch. RSS growth is the highest \`process.memoryUsage.rss()\` seen (every 10 ms and every
  page) minus the value after the first call.
- **The command line**: an emulator with \`--accounts ${count(FULL.cliExport.accounts)}\`; ${FULL.cliExport.runs} runs per contender,
  alternating, each a fresh Node process timed from spawn to exit (start-up, token and every page
  included): \`signicat-am --quiet export accounts --page-size 1000 --out FILE.csv\` (and \`.jsonl\`),
  which writes each page while the next is fetched, against a script that imports the same
  package and counts \`listAll({ limit: 1000 })\`. The file's rows are checked against the count.
  Peak RSS is the kernel's high-water mark (\`VmHWM\` in \`/proc/PID/status\`, read every 10 ms).
- **Concurrency**: ${count(FULL.burst.size)} concurrent \`get\`s from a fresh client (${FULL.burst.runs} bursts per contender,
  alternating), timed from creating the client, token included; token requests as counted by
  the emulator's \`/emulator/stats\`. Then ${FULL.inFlight.inFlight} \`get\`s in flight for ${count(FULL.inFlight.calls)} calls after
  ${count(FULL.inFlight.warmupCalls)} warm-up calls, a fresh process per contender (${FULL.inFlight.runs} each, alternating); the RSS
  high-water is measured from after the first call.
- **The testing entry**: its \`.wasm\` (\`pkg/testing/wasm/\`) raw and gzip -9. Start-up: ${FULL.testingStartup.runs} fresh
  Node processes per contender, alternating: from before \`import()\` of the testing entry to the
  answer of \`await emulator.health()\` after \`createEmulator({ seed: 7 })\`, against spawning the
  emulator binary (\`--port 0 --seed 7\`, as \`tests/support/emulator.mjs\` does, that module's
  import included) until its announcement line. The in-process figure is split where the
  import and \`createEmulator()\` return: Node compiles the wasm's functions as they first run,
  so \`createEmulator()\` holds that as well as the seeding, and the first answer holds Node's first
  \`Request\` and \`Response\` (loaded lazily), which a test pays at its first \`fetch\` either way.
  The same again with \`accounts: ${count(FULL.testingStartup.accounts)}\` and \`--accounts ${FULL.testingStartup.accounts}\`. Per call: a
  SignicatClient on \`emulator.clientOptions()\` and one on the HTTP emulator of **Per call**
  (seed 7 both, so the same ids; tokens cached), interleaved the same way:
  ${FULL.testingPerCall.warmupRounds} warm-up rounds, then ${count(FULL.testingPerCall.rounds)} timed rounds.
- Medians over runs; p99 is nearest-rank.

## Reproduce

\`\`\`sh
make bench        # installs what is missing, builds, runs everything and rewrites this file
make test-bench   # the same benchmarks with tiny counts (part of make test)
\`\`\`

${readFileSync(join(root, "bench", "findings.md"), "utf8").trim()}
`,
);
console.log("wrote BENCHMARKS.md");
