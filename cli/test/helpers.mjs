// Runs `signicat-am` as a user does, as its own process, and reads what it printed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export { startEmulator } from "../../tests/support/emulator.mjs";

export const bin = fileURLToPath(new URL("../bin/signicat-am.mjs", import.meta.url));

/** The environment of a run: nothing of the caller's Signicat settings, plus `env`. */
function environment(env) {
  const base = { ...process.env };
  for (const key of Object.keys(base)) if (key.startsWith("SIGNICAT_") || key === "NO_COLOR") delete base[key];
  return { ...base, ...env };
}

/** Starts the command; `{ child, done }` where done resolves to `{ code, signal, stdout, stderr, peakRss }`. */
export function start(args, { env = {}, cwd, measureMemory = false } = {}) {
  const child = spawn(process.execPath, [bin, ...args], { env: environment(env), cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  let peakRss = 0;
  // The kernel's high-water mark of the process's resident memory, read until it exits.
  const status = `/proc/${child.pid}/status`;
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, "utf8"));
      if (match) peakRss = Math.max(peakRss, Number(match[1]) * 1024);
    } catch {}
  };
  const timer = measureMemory && existsSync("/proc/self/status") ? setInterval(sample, 10) : undefined;
  const done = new Promise((resolve) =>
    child.once("close", (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stdout, stderr, peakRss });
    }),
  );
  return { child, done };
}

export const run = (args, options) => start(args, options).done;

/** Whether `script` (util-linux) is there to give a command a terminal. */
export const canFakeTerminal = spawnSync("script", ["--version"]).status === 0;

/** Runs the command on a pseudo-terminal (stdout and stderr both): what a person sees. */
export function runOnTerminal(args, { env = {} } = {}) {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const result = spawnSync("script", ["-qec", quoted, "/dev/null"], { env: environment(env), encoding: "utf8", timeout: 60_000 });
  return { code: result.status, output: result.stdout };
}

/** Options and credentials that point the command at a started HTTP emulator. */
export function against(emulator) {
  return {
    args: ["--base-url", emulator.baseUrl, "--token-url", emulator.tokenUrl],
    env: { SIGNICAT_CLIENT_ID: emulator.clientId, SIGNICAT_CLIENT_SECRET: emulator.clientSecret },
  };
}

/** JSON lines as values. */
export const jsonl = (text) => text.split("\n").filter(Boolean).map((line) => JSON.parse(line));

/** Switches the emulator's random faults off (or to `spec`). */
export async function setRandomFaults(emulator, spec, seed) {
  const response = await fetch(`${emulator.origin}/emulator/faults/random`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(seed === undefined ? { spec } : { spec, seed }),
  });
  if (!response.ok) throw new Error(`setting random faults answered ${response.status}`);
}

/** How often each account name appears in a listing of every account, through the command. */
export async function accountNames(emulator) {
  const { args, env } = against(emulator);
  const listed = await run([...args, "accounts", "list", "--all", "--format", "jsonl", "--fields", "name"], { env });
  if (listed.code !== 0) throw new Error(`listing failed: ${listed.stderr}`);
  const counts = new Map();
  for (const { name } of jsonl(listed.stdout)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}
