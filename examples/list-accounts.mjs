// Lists every account, page after page, with the totals per kind.
//
//   make example                      # against a local emulator, started and stopped for you
//   SIGNICAT_CLIENT_ID=… SIGNICAT_CLIENT_SECRET=… node examples/list-accounts.mjs   # against Signicat
//
// SIGNICAT_BASE_URL and SIGNICAT_TOKEN_URL point it at another server (the emulator prints both).

import { SignicatClient, SignicatError } from "signicat-account-management";

const client = new SignicatClient({
  baseUrl: process.env.SIGNICAT_BASE_URL,
  tokenUrl: process.env.SIGNICAT_TOKEN_URL,
  clientId: process.env.SIGNICAT_CLIENT_ID,
  clientSecret: process.env.SIGNICAT_CLIENT_SECRET,
});

try {
  const counts = { production: 0, sandbox: 0, disabled: 0 };
  for await (const account of client.accounts.listAll({ limit: 200 })) {
    counts[account.isSandbox ? "sandbox" : "production"] += 1;
    if (!account.enabled) counts.disabled += 1;
    if (counts.production + counts.sandbox <= 10) {
      console.log(`${account.id}  ${account.isSandbox ? "sandbox   " : "production"}  ${account.name}`);
    }
  }
  console.log(`\n${counts.production} production and ${counts.sandbox} sandbox accounts (${counts.disabled} disabled)`);
} catch (error) {
  if (!(error instanceof SignicatError)) throw error;
  console.error(`${error.kind}: ${error.message}`);
  process.exitCode = 1;
}
