// One walk over every account, 100 per page, in a fresh Node process: the SDK's listAll()
// or a plain paging loop over fetch. Prints `{ items, ms, rssGrowth }`.
import { rssHighWater } from "../lib/rss.mjs";
import { fetchToken, plainClient, sdkClient } from "../lib/contenders.mjs";

const { contender, entryUrl, env, limit } = JSON.parse(process.argv[2]);

/** Yields each page's items; the first call (token, connection) happens before the clock starts. */
async function prepare() {
  if (contender === "sdk") {
    const { SignicatClient } = await import(entryUrl);
    const client = sdkClient(SignicatClient, env);
    await client.accounts.list({ limit: 1 });
    return () => client.accounts.listAll({ limit });
  }
  const client = plainClient(env, await fetchToken(env));
  await client.listAccounts({ limit: 1 });
  return async function* walk() {
    let page;
    do {
      const result = await client.listAccounts({ limit, page });
      yield* result.data;
      page = result.next;
    } while (page);
  };
}

const walk = await prepare();
const memory = rssHighWater();
const start = performance.now();
let items = 0;
for await (const account of walk()) {
  if (account.id) items += 1;
  if (items % limit === 0) memory.sample();
}
const ms = performance.now() - start;
console.log(JSON.stringify({ items, ms, rssGrowth: memory.stop().growth }));
