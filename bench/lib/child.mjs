// Runs a benchmark in a fresh Node process, so that its start-up or its memory is its own,
// and returns the one JSON line it prints.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD_TIMEOUT_MS = 240_000;

/** Runs bench/children/<name>.mjs with `input` (JSON) as its one argument. */
export function runChild(name, input) {
  const script = fileURLToPath(new URL(`../children/${name}.mjs`, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, JSON.stringify(input)], { timeout: CHILD_TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${name} ${JSON.stringify(input.contender)} failed: ${error.message}\n${stderr}`));
        return;
      }
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)));
    });
  });
}
