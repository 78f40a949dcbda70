// The command line's `export accounts` (cli/, a fresh `signicat-am` process writing CSV and
// JSON lines) against the SDK's own `listAll()` walking the same accounts in a fresh Node
// process, the same page size, each timed from spawn to exit; the contenders alternate.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { alternate } from "./lib/alternate.mjs";
import { emulatorEnv } from "./lib/contenders.mjs";
import { median } from "./lib/stats.mjs";
import { startEmulator } from "../tests/support/emulator.mjs";

const PAGE_SIZE = 1000;
const root = fileURLToPath(new URL("../", import.meta.url));
const cli = join(root, "cli", "bin", "signicat-am.mjs");
const listAllChild = fileURLToPath(new URL("./children/list-all.mjs", import.meta.url));

/** Runs a Node script to its end: wall time, the kernel's RSS high-water mark (Linux), stdout. */
function timed(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let peakRss = 0;
    const child = execFile(process.execPath, args, { env: { ...process.env, ...env }, maxBuffer: 1 << 20, timeout: 240_000 }, (error, stdout, stderr) => {
      clearInterval(timer);
      if (error) reject(new Error(`${args.join(" ")} failed: ${error.message}\n${stderr}`));
      else resolve({ ms: performance.now() - started, peakRss, stdout });
    });
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (match) peakRss = Math.max(peakRss, Number(match[1]) * 1024);
      } catch {}
    }, 10);
  });
}

export async function measureCliExport({ nodeEntry, accounts, runs }) {
  const emulator = await startEmulator({ args: ["--seed", "7", "--accounts", String(accounts)] });
  const dir = mkdtempSync(join(tmpdir(), "bench-cli-export-"));
  try {
    const env = emulatorEnv(emulator);
    // The SDK exactly as the command line loads it: cli/node_modules, which is pkg/.
    const entryUrl = pathToFileURL(join(root, "cli", "node_modules", "signicat-account-management", nodeEntry)).href;
    const credentials = { SIGNICAT_CLIENT_ID: env.clientId, SIGNICAT_CLIENT_SECRET: env.clientSecret };
    const cliArgs = (file) => [cli, "--base-url", env.baseUrl, "--token-url", env.tokenUrl, "--quiet", "export", "accounts", "--page-size", String(PAGE_SIZE), "--out", join(dir, file)];
    const lines = (file) => readFileSync(join(dir, file), "utf8").trimEnd().split("\n").length;

    // One untimed walk first, so that no contender pays for the emulator's first pass.
    const { items } = JSON.parse((await timed([listAllChild, JSON.stringify({ entryUrl, env, limit: PAGE_SIZE })])).stdout);
    const samples = await alternate(["listAll", "csv", "jsonl"], runs, async (contender) => {
      if (contender === "listAll") {
        const walk = await timed([listAllChild, JSON.stringify({ entryUrl, env, limit: PAGE_SIZE })]);
        if (JSON.parse(walk.stdout).items !== items) throw new Error(`listAll walked ${JSON.parse(walk.stdout).items} accounts, then ${items}`);
        return walk;
      }
      const file = `accounts.${contender}`;
      const exported = await timed(cliArgs(file), credentials);
      // One header line in the CSV; a name with a line break would be quoted over two lines, the seed has none.
      const rows = lines(file) - (contender === "csv" ? 1 : 0);
      if (rows !== items) throw new Error(`export wrote ${rows} ${contender} rows, listAll walked ${items} accounts`);
      return exported;
    });
    const summarise = (list) => ({
      itemsPerSecond: median(list.map((s) => (items / s.ms) * 1000)),
      ms: median(list.map((s) => s.ms)),
      peakRss: median(list.map((s) => s.peakRss)),
    });
    return { items, pageSize: PAGE_SIZE, runs, listAll: summarise(samples.listAll), csv: summarise(samples.csv), jsonl: summarise(samples.jsonl) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}
