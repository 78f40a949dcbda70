// Concurrency, against plain fetch in the same run:
// - a burst of concurrent `get`s from a fresh client: time, failures, and how many token
//   requests the emulator saw (the SDK shares one pending token fetch);
// - a steady load of gets with a fixed number in flight, in a fresh process per contender
//   (for its RSS high-water), contenders alternating.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { alternate } from "./lib/alternate.mjs";
import { emulatorEnv, fetchToken, plainClient, sdkClient } from "./lib/contenders.mjs";
import { runChild } from "./lib/child.mjs";
import { median } from "./lib/stats.mjs";

/** One burst of `size` concurrent gets; the clock includes the token request. */
async function burst(emulator, accountIds, size, makeGet) {
  await emulator.clearStats();
  const start = performance.now();
  const get = await makeGet();
  const settled = await Promise.allSettled(Array.from({ length: size }, (_, i) => get(accountIds[i % accountIds.length])));
  const ms = performance.now() - start;
  const { tokenRequests } = await emulator.stats();
  return { ms, errors: settled.filter((s) => s.status === "rejected").length, tokenRequests };
}

export async function measureBurst({ SignicatClient, emulator, accountIds, size, runs }) {
  const env = emulatorEnv(emulator);
  const contenders = {
    sdk: async () => {
      const client = sdkClient(SignicatClient, env);
      return (id) => client.accounts.get(id);
    },
    fetch: async () => {
      const client = plainClient(env, await fetchToken(env));
      return (id) => client.getAccount(id);
    },
  };
  const bursts = await alternate(Object.keys(contenders), runs, (name) => burst(emulator, accountIds, size, contenders[name]));
  const summarise = (list) => ({
    ms: median(list.map((b) => b.ms)),
    errors: Math.max(...list.map((b) => b.errors)),
    tokenRequests: Math.max(...list.map((b) => b.tokenRequests)),
  });
  return { size, runs, sdk: summarise(bursts.sdk), fetch: summarise(bursts.fetch) };
}

export async function measureInFlight({ packageDir, nodeEntry, openapiBundle, emulator, accountIds, inFlight, calls, warmupCalls, runs }) {
  const input = {
    entryUrl: pathToFileURL(join(packageDir, nodeEntry)).href,
    openapiUrl: pathToFileURL(openapiBundle).href,
    env: emulatorEnv(emulator),
    accountIds,
    inFlight,
    calls,
    warmupCalls,
  };
  const contenders = ["sdk", "fetch", "fetchAbortable", "openapi"];
  const loads = await alternate(contenders, runs, (contender) => runChild("in-flight", { ...input, contender }));
  const summarise = (list) => ({
    callsPerSecond: median(list.map((l) => l.callsPerSecond)),
    cpuPerCallUs: median(list.map((l) => l.cpuPerCallUs)),
    rssHighWater: median(list.map((l) => l.rssHighWater)),
    errors: Math.max(...list.map((l) => l.errors)),
  });
  return { inFlight, calls, runs, ...Object.fromEntries(contenders.map((c) => [c, summarise(loads[c])])) };
}
