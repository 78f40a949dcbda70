// The testing entry (`signicat-account-management/testing`, the emulator in-process) against
// the HTTP emulator, the two front ends of one core: the per-call cost of the same
// SignicatClient calls answered in-process or on loopback.
import { sdkCalls } from "./lib/contenders.mjs";
import { measurePerCall } from "./per-call.mjs";

// The suite's HTTP emulator runs with this seed: the same seed gives both the same ids.
const SEED = 7;

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
