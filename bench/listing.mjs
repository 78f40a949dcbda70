// A long listing: listAll() over every account of an emulator started with
// `--accounts N`, 100 per page, against a plain paging loop over fetch. Each walk runs in
// its own fresh process so that its memory growth is its own; the contenders alternate.
import { pathToFileURL } from "node:url";
import { join } from "node:path";

import { alternate } from "./lib/alternate.mjs";
import { emulatorEnv } from "./lib/contenders.mjs";
import { runChild } from "./lib/child.mjs";
import { median } from "./lib/stats.mjs";
import { startEmulator } from "../tests/support/emulator.mjs";

const PAGE_SIZE = 100;

export async function measureListing({ packageDir, nodeEntry, accounts, runs }) {
  const emulator = await startEmulator({ args: ["--seed", "7", "--accounts", String(accounts)] });
  try {
    const input = { entryUrl: pathToFileURL(join(packageDir, nodeEntry)).href, env: emulatorEnv(emulator), limit: PAGE_SIZE };
    const { sdk, fetch } = await alternate(["sdk", "fetch"], runs, (contender) => runChild("listing", { ...input, contender }));
    if (sdk.some((w) => w.items !== fetch[0].items)) throw new Error(`listAll yielded ${sdk.map((w) => w.items)} items, the paging loop ${fetch[0].items}`);
    const summarise = (list) => ({
      itemsPerSecond: median(list.map((w) => (w.items / w.ms) * 1000)),
      rssGrowth: median(list.map((w) => w.rssGrowth)),
    });
    return { items: fetch[0].items, pageSize: PAGE_SIZE, runs, sdk: summarise(sdk), fetch: summarise(fetch) };
  } finally {
    await emulator.stop();
  }
}
