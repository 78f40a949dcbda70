// The testing entry (`signicat-account-management/testing`, the emulator in-process) against
// the HTTP emulator, the two front ends of one core: start-up, each in fresh Node processes,
// and the per-call cost of the same SignicatClient calls answered in-process or on loopback.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { alternate } from "./lib/alternate.mjs";
import { sdkCalls } from "./lib/contenders.mjs";
import { runChild } from "./lib/child.mjs";
import { median } from "./lib/stats.mjs";
import { measurePerCall } from "./per-call.mjs";

// The suite's HTTP emulator runs with this seed: the same seed gives both the same ids.
const SEED = 7;

/**
 * Median start-up in ms, from before the import (or the spawn) to the first answer (or the
 * announcement), with the seed alone and with `accounts` extra accounts; `importMs` and
 * `createdMs` are when the import and `createEmulator()` had returned.
 */
export async function measureTestingStartup({ packageDir, testingEntry, accounts, runs }) {
  const entryUrl = pathToFileURL(join(packageDir, testingEntry)).href;
  const inputs = {
    inProcess: { contender: "in-process", entryUrl, seed: SEED },
    http: { contender: "http", seed: SEED },
    inProcessSeeded: { contender: "in-process", entryUrl, seed: SEED, accounts },
    httpSeeded: { contender: "http", seed: SEED, accounts },
  };
  const samples = await alternate(Object.keys(inputs), runs, (name) => runChild("testing-startup", inputs[name]));
  const ms = (name) => median(samples[name].map((s) => s.ms));
  return {
    inProcess: ms("inProcess"),
    importMs: median(samples.inProcess.map((s) => s.importMs)),
    createdMs: median(samples.inProcess.map((s) => s.createdMs)),
    http: ms("http"),
    inProcessSeeded: ms("inProcessSeeded"),
    httpSeeded: ms("httpSeeded"),
    accounts,
    runs,
  };
}

/**
 * `accounts.get` and `accounts.list({ limit: 50 })` through a SignicatClient on
 * `createEmulator({ seed: 7 }).clientOptions()` against `httpClient` (a SignicatClient on the
 * suite's HTTP emulator), rounds interleaved as in bench/per-call.mjs.
 */
export async function measureTestingPerCall({ createEmulator, SignicatClient, httpClient, accountId, rounds, warmupRounds }) {
  const emulator = createEmulator({ seed: SEED });
  try {
    return await measurePerCall({
      contenders: { inProcess: sdkCalls(new SignicatClient(emulator.clientOptions())), http: sdkCalls(httpClient) },
      accountId,
      rounds,
      warmupRounds,
    });
  } finally {
    emulator.close();
  }
}
