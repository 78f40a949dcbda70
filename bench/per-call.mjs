// Per-call cost of `accounts.get` and `accounts.list({ limit: 50 })` through the SDK, plain
// fetch and openapi-fetch, against the emulator on loopback.
//
// The calls are interleaved (one of each contender in turn, the order rotating every round)
// rather than run contender after contender as tinybench or mitata would: on a shared,
// noisy machine that is what lets the three see the same load.
import { summary } from "./lib/stats.mjs";

const OPERATIONS = {
  "accounts.get": (client, ids) => client.getAccount(ids.accountId),
  "accounts.list({ limit: 50 })": (client) => client.listAccounts({ limit: 50 }),
};

/** Every contender must answer the same thing, or it is timing an error path. */
function sameAnswer(operation, answers) {
  const shapes = Object.entries(answers).map(([name, answer]) => [name, JSON.stringify(answer.data?.length ?? answer.id)]);
  if (new Set(shapes.map(([, shape]) => shape)).size !== 1) {
    throw new Error(`${operation}: the contenders answered differently: ${JSON.stringify(Object.fromEntries(shapes))}`);
  }
}

/**
 * `contenders` maps a name to `{ getAccount(id), listAccounts({ limit }) }`. Returns, per
 * operation and contender, `{ median, p99, n }` in milliseconds.
 */
export async function measurePerCall({ contenders, accountId, rounds, warmupRounds }) {
  const names = Object.keys(contenders);
  const results = {};
  for (const [operation, call] of Object.entries(OPERATIONS)) {
    const answers = {};
    for (const name of names) answers[name] = await call(contenders[name], { accountId });
    sameAnswer(operation, answers);
    for (let round = 0; round < warmupRounds; round++) {
      for (const name of names) await call(contenders[name], { accountId });
    }
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length];
        const start = performance.now();
        await call(contenders[name], { accountId });
        samples[name].push(performance.now() - start);
      }
    }
    results[operation] = Object.fromEntries(names.map((name) => [name, summary(samples[name])]));
  }
  return results;
}
