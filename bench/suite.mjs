// Every benchmark of `make bench`, in one run, against the package under test (the packed
// tarball installed in a fresh project, see tests/support/package.mjs).
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { measureCliExport } from "./cli-export.mjs";
import { measureBurst, measureInFlight } from "./concurrency.mjs";
import { emulatorEnv, fetchToken, plainClient, sdkCalls, sdkClient } from "./lib/contenders.mjs";
import { measureDecode } from "./decode.mjs";
import { measureListing } from "./listing.mjs";
import { buildOpenapiClient } from "./openapi/build.mjs";
import { measurePerCall } from "./per-call.mjs";
import { measureSizes } from "./sizes.mjs";
import { measureBrowserStartup, measureNodeStartup } from "./startup.mjs";
import { measureTestingPerCall, measureTestingStartup } from "./testing.mjs";
import { startEmulator } from "../tests/support/emulator.mjs";
import { SignicatClient, entry, manifest, packageDir, subpathEntry } from "../tests/support/package.mjs";

export const root = fileURLToPath(new URL("../", import.meta.url));

/** The counts of the full run (`make bench`, under 10 minutes on 2 cores). */
export const FULL = {
  perCall: { rounds: 1000, warmupRounds: 100 },
  decode: { timeMs: 1000 },
  burst: { size: 1000, runs: 3 },
  inFlight: { inFlight: 200, calls: 20_000, warmupCalls: 2_000, runs: 3 },
  nodeStartup: { runs: 20 },
  browserStartup: { runs: 10 },
  listing: { accounts: 100_000, runs: 3 },
  cliExport: { accounts: 100_000, runs: 5 },
  testingPerCall: { rounds: 1000, warmupRounds: 100 },
  testingStartup: { runs: 20, accounts: 10_000 },
};

/** The same benchmarks with tiny counts, so that `make test` keeps them working. */
export const SMOKE = {
  perCall: { rounds: 5, warmupRounds: 1 },
  decode: { timeMs: 20 },
  burst: { size: 20, runs: 1 },
  inFlight: { inFlight: 5, calls: 50, warmupCalls: 5, runs: 1 },
  nodeStartup: { runs: 1 },
  browserStartup: { runs: 1 },
  listing: { accounts: 500, runs: 1 },
  cliExport: { accounts: 500, runs: 1 },
  testingPerCall: { rounds: 5, warmupRounds: 1 },
  testingStartup: { runs: 1, accounts: 100 },
};

/** Runs every benchmark with `counts`; `log` hears which one is running. */
export async function runBenchmarks(counts, log = () => {}) {
  const nodeEntry = entry("node", "import");
  const browserEntry = entry("browser");
  const testingEntry = subpathEntry("./testing", "node", "import");
  const results = {};

  log("openapi-fetch client: generate, type-check, bundle");
  const openapi = await buildOpenapiClient();
  const { createAccountManagementClient } = await import(pathToFileURL(openapi.bundle).href);

  log("sizes");
  results.sizes = await measureSizes({ packageDir, packDir: process.env.SIGNICAT_PKG ?? join(root, "pkg"), browserEntry, openapiBundle: openapi.bundle });

  const emulator = await startEmulator({ args: ["--seed", "7"] });
  try {
    const env = emulatorEnv(emulator);
    const token = await fetchToken(env);
    const plain = plainClient(env, token);
    const firstPage = await plain.listAccounts({ limit: 50 });
    const accountIds = firstPage.data.map((account) => account.id);
    const sdk = sdkClient(SignicatClient, env);

    log(`per call: ${counts.perCall.rounds} interleaved rounds`);
    results.perCall = await measurePerCall({
      contenders: {
        sdk: sdkCalls(sdk),
        fetch: plain,
        openapi: createAccountManagementClient(env.baseUrl, token),
      },
      accountId: accountIds[0],
      ...counts.perCall,
    });

    log("pure CPU: decoding a 50-account page");
    const response = await fetch(`${env.baseUrl}/accounts?limit=50`, { headers: { authorization: `Bearer ${token}` } });
    const page = { body: await response.text(), contentType: response.headers.get("content-type") };
    results.decode = await measureDecode({ SignicatClient, page, ...counts.decode });

    log(`concurrency: ${counts.burst.size} concurrent gets`);
    results.burst = await measureBurst({ SignicatClient, emulator, accountIds, ...counts.burst });
    log(`concurrency: ${counts.inFlight.inFlight} in flight for ${counts.inFlight.calls} calls`);
    results.inFlight = await measureInFlight({ packageDir, nodeEntry, openapiBundle: openapi.bundle, emulator, accountIds, ...counts.inFlight });

    log(`start-up in Node: ${counts.nodeStartup.runs} runs each`);
    results.nodeStartup = await measureNodeStartup({ packageDir, nodeEntry, env, accountId: accountIds[0], ...counts.nodeStartup });

    // After every figure timed in this process, so that the emulator's wasm is not in its memory for them.
    log(`testing entry: per call, in-process against this emulator, ${counts.testingPerCall.rounds} interleaved rounds`);
    const { createEmulator } = await import(pathToFileURL(join(packageDir, testingEntry)).href);
    results.testingPerCall = await measureTestingPerCall({ createEmulator, SignicatClient, httpClient: sdk, accountId: accountIds[0], ...counts.testingPerCall });
    log(`testing entry: start-up in Node, ${counts.testingStartup.runs} runs each`);
    results.testingStartup = await measureTestingStartup({ packageDir, testingEntry, ...counts.testingStartup });
  } finally {
    await emulator.stop();
  }

  log(`start-up in Chromium: ${counts.browserStartup.runs} runs each`);
  results.browserStartup = await measureBrowserStartup({ packageDir, browserEntry, siteDir: join(root, "build", "bench", "site"), ...counts.browserStartup });

  log(`listing: listAll() over ${counts.listing.accounts} accounts`);
  results.listing = await measureListing({ packageDir, nodeEntry, ...counts.listing });

  log(`command line: signicat-am export over ${counts.cliExport.accounts} accounts against listAll()`);
  results.cliExport = await measureCliExport({ nodeEntry, ...counts.cliExport });

  return { results, manifest };
}
