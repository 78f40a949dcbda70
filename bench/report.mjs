// The tables of a run: each figure of the SDK beside plain fetch (and openapi-fetch where
// it applies), the comparison, the goal and whether this run meets it; then the
// testing entry's figures beside the HTTP emulator's, with no goals.
import { count, kb, mb, ms, msDelta, ratio, sizes, timing, us, usDelta } from "./lib/format.mjs";

const MB = 1e6;
const KB = 1000;

/** A figure that also names its failed calls, if any: a rate over failures would flatter. */
const withErrors = (figure, errors) => (errors > 0 ? `${figure} (${count(errors)} errors)` : figure);

/** A goal: its text, whether `met`, and by how much it is missed otherwise. */
const goal = (text, met, miss) => ({ text, met, miss: met ? undefined : miss });

export function rows(results) {
  const { sizes: size, perCall, decode, nodeStartup, browserStartup, listing, burst, inFlight } = results;
  const list = [];
  const row = (section, figure, cells, target) => list.push({ section, figure, ...cells, goal: target });

  row("size", "`.wasm` raw / gzip", { sdk: sizes(size.wasm) }, goal("gzip ≤ 64 KB", size.wasm.gzip <= 64 * KB, `${kb(size.wasm.gzip - 64 * KB)} over`));
  row("size", "JS glue (wasm-bindgen, web) raw / gzip", { sdk: sizes(size.glue) });
  row("size", "browser JS bundled and minified (esbuild) raw / gzip", { sdk: sizes(size.browserBundle), openapi: sizes(size.openapiBundle) });
  row("size", "packed tarball (`npm pack`)", { sdk: `${kb(size.tarball.raw)} (${kb(size.tarball.unpacked)} unpacked)` });

  for (const [operation, byContender] of Object.entries(perCall)) {
    const r = byContender.sdk.median / byContender.fetch.median;
    row("per call", `\`${operation}\`, median (p99)`, {
      sdk: timing(byContender.sdk),
      fetch: timing(byContender.fetch),
      openapi: timing(byContender.openapi),
      compare: `${ratio(r)} (openapi-fetch ${ratio(byContender.openapi.median / byContender.fetch.median)})`,
    }, goal("ratio ≤ 1.10", r <= 1.1, `ratio ${r.toFixed(2)}, ${(r - 1.1).toFixed(2)} over`));
  }

  row("pure CPU", "decode a 50-account page, median (p99)", {
    sdk: timing(decode.sdk, us),
    fetch: `${timing(decode.json, us)} \`JSON.parse\`; ${timing(decode.responseJson, us)} \`Response#json()\``,
    compare: `${ratio(decode.sdk.median / decode.json.median)} \`JSON.parse\``,
  });
  row("pure CPU", "… the same SDK call over an empty page (the cost of a call without decoding)", {
    sdk: timing(decode.sdkEmpty, us),
    compare: `decoding the 50 accounts: ${us(decode.sdk.median - decode.sdkEmpty.median)}`,
  });
  row("pure CPU", "… and with one middleware that passes the request on (the attempt as a `Request`, built by gloo-net)", {
    sdk: timing(decode.sdkLayered, us),
    compare: `the layer: ${usDelta(decode.sdkLayered.median - decode.sdkEmpty.median)}`,
  });

  const nodeExtra = nodeStartup.sdk - nodeStartup.fetch;
  row("start-up", `Node: import → first call done (incl. token), median of ${nodeStartup.runs}`, {
    sdk: ms(nodeStartup.sdk),
    fetch: ms(nodeStartup.fetch),
    compare: msDelta(nodeExtra),
  }, goal("≤ plain + 10 ms", nodeExtra <= 10, `${ms(nodeExtra - 10)} over`));
  row("start-up", `Node: import alone (load, compile, init of the wasm), median of ${nodeStartup.runs}`, { sdk: ms(nodeStartup.importMs) });
  for (const [cache, label] of [["cold", "cold (a fresh context)"], ["warm", "warm (the page again, same context)"]]) {
    const b = browserStartup[cache];
    row("start-up", `Chromium: import → \`ready\` (fetch, compile, init), ${label}, median of ${browserStartup.runs}`, { sdk: ms(b.importMs) },
      goal("≤ 30 ms", b.importMs <= 30, `${ms(b.importMs - 30)} over`));
    row("start-up", "… of which until the `.wasm` had arrived (the entry first), and after (compile, init)", {
      sdk: `${ms(b.wasmArrivedMs)} + ${ms(b.importMs - b.wasmArrivedMs)}`,
    });
    const p = b.preloaded;
    row("start-up", "… in a page with the package README's two preload links (both requests leave as the page loads): import → `ready`", { sdk: ms(p.importMs) },
      goal("≤ 30 ms", p.importMs <= 30, `${ms(p.importMs - 30)} over`));
    row("start-up", "… navigation → `ready`, with the preload links and without", {
      sdk: `${ms(p.readyAtMs)}, ${ms(b.readyAtMs)}`,
      compare: `the links: ${msDelta(p.readyAtMs - b.readyAtMs)}`,
    });
    row("start-up", `Chromium: import → first call done (incl. token), ${cache}, median of ${browserStartup.runs}`, {
      sdk: ms(b.sdk),
      fetch: ms(b.fetch),
      compare: msDelta(b.sdk - b.fetch),
    });
  }

  const speed = listing.sdk.itemsPerSecond / listing.fetch.itemsPerSecond;
  row("listing", `\`listAll()\` over ${count(listing.items)} accounts (limit ${listing.pageSize}), items/s`, {
    sdk: count(listing.sdk.itemsPerSecond),
    fetch: count(listing.fetch.itemsPerSecond),
    compare: ratio(speed),
  }, goal("≥ 0.9 × plain", speed >= 0.9, `${ratio(speed)} of plain`));
  const listingExtra = listing.sdk.rssGrowth - listing.fetch.rssGrowth;
  row("listing", "RSS growth during that walk", { sdk: mb(listing.sdk.rssGrowth), fetch: mb(listing.fetch.rssGrowth), compare: mb(listingExtra) },
    goal("≤ plain + 10 MB", listingExtra <= 10 * MB, `${mb(listingExtra - 10 * MB)} over`));

  row("concurrency", `${count(burst.size)} concurrent \`get\`s from a fresh client: time`, {
    sdk: ms(burst.sdk.ms),
    fetch: ms(burst.fetch.ms),
    compare: ratio(burst.sdk.ms / burst.fetch.ms),
  });
  row("concurrency", "… errors, token requests", { sdk: `${burst.sdk.errors}, ${burst.sdk.tokenRequests}`, fetch: `${burst.fetch.errors}, ${burst.fetch.tokenRequests}` },
    goal("0, 1", burst.sdk.errors === 0 && burst.sdk.tokenRequests === 1, `${burst.sdk.errors} errors, ${burst.sdk.tokenRequests} token requests`));
  const throughput = inFlight.sdk.callsPerSecond / inFlight.fetch.callsPerSecond;
  const rate = (contender) => inFlight[contender].callsPerSecond / inFlight.fetch.callsPerSecond;
  row("concurrency", `${count(inFlight.inFlight)} \`get\`s in flight, warm: calls/s over ${count(inFlight.calls)}`, {
    sdk: withErrors(count(inFlight.sdk.callsPerSecond), inFlight.sdk.errors),
    fetch: withErrors(count(inFlight.fetch.callsPerSecond), inFlight.fetch.errors),
    openapi: withErrors(count(inFlight.openapi.callsPerSecond), inFlight.openapi.errors),
    compare: `${ratio(throughput)} (openapi-fetch ${ratio(rate("openapi"))})`,
  }, goal("≥ 0.9 × plain", throughput >= 0.9, `${ratio(throughput)} of plain`));
  row("concurrency", "… plain fetch that aborts each request at a 30 s timeout (its own AbortController and timer), calls/s", {
    fetch: withErrors(count(inFlight.fetchAbortable.callsPerSecond), inFlight.fetchAbortable.errors),
    compare: `${ratio(rate("fetchAbortable"))} of plain: what honouring a timeout costs any client`,
  });
  const cpu = (contender) => inFlight[contender].cpuPerCallUs / 1000;
  row("concurrency", "… CPU time of the process per call (user and system), median", {
    sdk: us(cpu("sdk")),
    fetch: `${us(cpu("fetch"))}; ${us(cpu("fetchAbortable"))} aborting at a timeout`,
    openapi: us(cpu("openapi")),
    compare: `${usDelta(cpu("sdk") - cpu("fetch"))} (openapi-fetch ${usDelta(cpu("openapi") - cpu("fetch"))}; the timeout ${usDelta(cpu("fetchAbortable") - cpu("fetch"))})`,
  });
  const inFlightExtra = inFlight.sdk.rssHighWater - inFlight.fetch.rssHighWater;
  row("concurrency", "RSS high-water over those calls", { sdk: mb(inFlight.sdk.rssHighWater), fetch: mb(inFlight.fetch.rssHighWater), compare: mb(inFlightExtra) },
    goal("≤ plain + 25 MB", inFlightExtra <= 25 * MB, `${mb(inFlightExtra - 25 * MB)} over`));
  return list;
}

/** `signicat-am export` (cli/) beside the SDK's own `listAll()` over the same accounts and page size. */
export function cliRows(results) {
  const { cliExport: cli } = results;
  const list = [];
  const row = (section, figure, cells, target) => list.push({ section, figure, ...cells, goal: target });
  for (const [format, label] of [["csv", "CSV"], ["jsonl", "JSON lines"]]) {
    const speed = cli[format].itemsPerSecond / cli.listAll.itemsPerSecond;
    row("export", `to ${label}, ${count(cli.items)} accounts (page ${count(cli.pageSize)}), items/s from spawn to exit, median of ${cli.runs}`, {
      cli: count(cli[format].itemsPerSecond),
      listAll: count(cli.listAll.itemsPerSecond),
      compare: ratio(speed),
    }, goal("≥ 0.9 × listAll", speed >= 0.9, `${ratio(speed)} of listAll`));
    const peak = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
    row("export", `… peak RSS of the process (${label})`, { cli: peak(cli[format].peakRss), listAll: peak(cli.listAll.peakRss), compare: mb(cli[format].peakRss - cli.listAll.peakRss) });
  }
  return list;
}

/** The testing entry (`createEmulator`) beside the HTTP emulator; informational, no goals. */
export function testingRows(results) {
  const { sizes: size, testingStartup: startup, testingPerCall: perCall } = results;
  const list = [];
  const row = (section, figure, cells) => list.push({ section, figure, ...cells });

  row("size", "the testing entry's own `.wasm` (only tests load it) raw / gzip", { inProcess: sizes(size.testingWasm) });

  row("start-up", `Node: \`createEmulator({ seed: 7 })\` → first answer; the binary → its announcement, median of ${startup.runs}`, {
    inProcess: ms(startup.inProcess),
    http: ms(startup.http),
    compare: ratio(startup.inProcess / startup.http),
  });
  row("start-up", "… of which the import (load, init of the wasm), `createEmulator()` (seeding, the wasm's first run), the first answer", {
    inProcess: `${ms(startup.importMs)} + ${ms(startup.createdMs - startup.importMs)} + ${ms(startup.inProcess - startup.createdMs)}`,
  });
  // Beside each figure, what the extra accounts add to the start-up with the seed alone.
  const seeded = (value, base) => `${ms(value)} (${msDelta(value - base)})`;
  row("start-up", `… with ${count(startup.accounts)} extra accounts (\`accounts\`, \`--accounts\`)`, {
    inProcess: seeded(startup.inProcessSeeded, startup.inProcess),
    http: seeded(startup.httpSeeded, startup.http),
    compare: ratio(startup.inProcessSeeded / startup.httpSeeded),
  });

  for (const [operation, byContender] of Object.entries(perCall)) {
    row("per call", `\`${operation}\` through a SignicatClient, median (p99)`, {
      inProcess: timing(byContender.inProcess, us),
      http: timing(byContender.http, us),
      compare: ratio(byContender.inProcess.median / byContender.http.median),
    });
  }
  return list;
}

/** Each table's columns after the section and the figure: a row's key and its heading. */
const COLUMNS = { sdk: "SDK", fetch: "plain fetch", openapi: "openapi-fetch", compare: "SDK vs plain" };
export const CLI_COLUMNS = { cli: "`signicat-am export`", listAll: "the SDK's `listAll()`", compare: "export / listAll" };
export const TESTING_COLUMNS = { inProcess: "in-process (`createEmulator`)", http: "HTTP emulator (loopback)", compare: "in-process / HTTP" };

/** The rows as one Markdown table (which also reads well in a terminal); a section is named once. */
export function table(list, columns = COLUMNS) {
  // The goal columns only where some row has a goal: the testing entry's table has none.
  const goals = list.some((r) => r.goal);
  const heading = ["", "figure", ...Object.values(columns), ...(goals ? ["goal", ""] : [])];
  const cells = list.map((r, i) => [
    r.section === list[i - 1]?.section ? "" : r.section,
    r.figure,
    ...Object.keys(columns).map((key) => r[key] ?? ""),
    ...(goals ? [r.goal?.text ?? "", r.goal ? (r.goal.met ? "✓" : "✗") : ""] : []),
  ]);
  return [heading, heading.map(() => "---"), ...cells].map((line) => `| ${line.join(" | ")} |`).join("\n");
}

/** One line per missed goal, saying by how much. */
export function missed(list) {
  const name = (figure) => figure.replaceAll("`", "").replace(/, median.*$/, "");
  return list.filter((r) => r.goal && !r.goal.met).map((r) => `- ${name(r.figure)}: ${r.goal.miss} (goal ${r.goal.text})`);
}
