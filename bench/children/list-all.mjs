// The SDK's own walk over every account, `listAll({ limit })`, in a fresh Node process from
// its import on: what `signicat-am export` is compared with. Prints `{ items }`.
const { entryUrl, env, limit } = JSON.parse(process.argv[2]);
const { SignicatClient } = await import(entryUrl);
const client = new SignicatClient({ baseUrl: env.baseUrl, tokenUrl: env.tokenUrl, clientId: env.clientId, clientSecret: env.clientSecret });
let items = 0;
for await (const account of client.accounts.listAll({ limit })) if (account.id) items += 1;
console.log(JSON.stringify({ items }));
