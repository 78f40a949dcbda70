// One cold start in a fresh Node process: from before the import to the first completed
// call (token included). Prints `{ ms, importMs }`.
const start = performance.now();
const { contender, entryUrl, env, accountId } = JSON.parse(process.argv[2]);
let importMs = 0;

if (contender === "sdk") {
  const { SignicatClient } = await import(entryUrl);
  importMs = performance.now() - start;
  const client = new SignicatClient({ baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret });
  await client.accounts.get(accountId);
} else {
  const { fetchToken, plainClient } = await import("../lib/contenders.mjs");
  await plainClient(env, await fetchToken(env)).getAccount(accountId);
}
console.log(JSON.stringify({ ms: performance.now() - start, importMs }));
