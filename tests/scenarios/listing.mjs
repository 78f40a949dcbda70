// listAll over a large listing: every item exactly once, one page at a time.

import { equal, ok } from "./check.mjs";
import { clientFor } from "./operations.mjs";

export const listing = [
  {
    name: "listAll yields each of 10 000+ accounts exactly once",
    async run({ SignicatClient, env, emu }) {
      const { accounts } = await emu.counts();
      ok(accounts >= 10_000, `the emulator holds 10 000+ live accounts (${accounts})`);
      const client = clientFor(SignicatClient, env);
      const seen = new Set();
      let duplicates = 0;
      for await (const account of client.accounts.listAll({ limit: 1000 })) {
        if (seen.has(account.id)) duplicates += 1;
        seen.add(account.id);
      }
      equal(duplicates, 0, "duplicates");
      equal(seen.size, accounts, "every live account");
      let pages = 0;
      for await (const page of client.accounts.listAll({ limit: 1000 }).byPage()) {
        ok(page.data.length <= 1000, "a page holds at most limit items");
        pages += 1;
      }
      equal(pages, Math.ceil(seen.size / 1000), "byPage yields every page");
    },
  },
];
