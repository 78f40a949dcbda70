// `calls` gets of accounts with `inFlight` of them outstanding at any moment, in a fresh
// Node process, after a warm-up of the same shape. Prints `{ callsPerSecond, errors, rssHighWater }`,
// the RSS measured from just after the first call (token and module loaded).
import { rssHighWater } from "../lib/rss.mjs";
import { fetchToken, plainClient, sdkClient } from "../lib/contenders.mjs";

const { contender, entryUrl, env, accountIds, inFlight, calls, warmupCalls } = JSON.parse(process.argv[2]);

async function getAccount() {
  if (contender === "sdk") {
    const { SignicatClient } = await import(entryUrl);
    const client = sdkClient(SignicatClient, env);
    return (id) => client.accounts.get(id);
  }
  const client = plainClient(env, await fetchToken(env));
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
const errors = await drive(get, calls);
const ms = performance.now() - start;
console.log(JSON.stringify({ callsPerSecond: (calls / ms) * 1000, errors: errors + warmupErrors, rssHighWater: memory.stop().growth }));
