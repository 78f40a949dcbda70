// `calls` gets of accounts with `inFlight` of them outstanding at any moment, in a fresh
// Node process, after a warm-up of the same shape. Prints `{ callsPerSecond, cpuPerCallUs,
// errors, rssHighWater }`: the process's CPU time (user and system) over the timed calls, and
// the RSS measured from just after the first call (token and module loaded).
import { rssHighWater } from "../lib/rss.mjs";
import { fetchToken, plainClient, sdkClient } from "../lib/contenders.mjs";

const { contender, entryUrl, openapiUrl, env, accountIds, inFlight, calls, warmupCalls } = JSON.parse(process.argv[2]);

async function getAccount() {
  if (contender === "sdk") {
    const { SignicatClient } = await import(entryUrl);
    const client = sdkClient(SignicatClient, env);
    return (id) => client.accounts.get(id);
  }
  if (contender === "openapi") {
    const { createAccountManagementClient } = await import(openapiUrl);
    const client = createAccountManagementClient(env.baseUrl, await fetchToken(env));
    return (id) => client.getAccount(id);
  }
  // "fetchAbortable": plain fetch that aborts each request at the SDK's default timeout.
  const client = plainClient(env, await fetchToken(env), contender === "fetchAbortable" ? { timeoutMs: 30_000 } : {});
  return (id) => client.getAccount(id);
}

/** Runs `count` calls through `inFlight` workers; returns the number that failed. */
async function drive(get, count) {
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next < count) {
      const id = accountIds[next++ % accountIds.length];
      try {
        await get(id);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return errors;
}

const get = await getAccount();
await get(accountIds[0]);
const memory = rssHighWater();
const warmupErrors = await drive(get, warmupCalls);
const start = performance.now();
const cpu = process.cpuUsage();
const errors = await drive(get, calls);
const used = process.cpuUsage(cpu);
const ms = performance.now() - start;
const cpuPerCallUs = (used.user + used.system) / calls;
console.log(JSON.stringify({ callsPerSecond: (calls / ms) * 1000, cpuPerCallUs, errors: errors + warmupErrors, rssHighWater: memory.stop().growth }));
