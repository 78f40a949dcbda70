// Starts the local Signicat emulator (the release build of emulator/) for a test suite and
// drives its test endpoints. Plain ESM for Node 20+, no dependencies.
//
//   const emu = await startEmulator({ args: ["--seed", "7"] });
//   const client = new SignicatClient({ baseUrl: emu.baseUrl, tokenUrl: emu.tokenUrl,
//     clientId: emu.clientId, clientSecret: emu.clientSecret });
//   await emu.armFault("503", { method: "POST", path: "/account-management/accounts" });
//   ...
//   await emu.stop();

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const exe = process.platform === "win32" ? ".exe" : "";

/** Where the helper expects the binary: `cargo build --release -p signicat-emulator` puts it there. */
export const emulatorBinary = fileURLToPath(new URL(`../../target/release/signicat-emulator${exe}`, import.meta.url));

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** The `SignicatClient` options that reach a started emulator, with `extra` on top. */
export function clientOptions(emulator, extra = {}) {
  const { baseUrl, tokenUrl, clientId, clientSecret } = emulator;
  return { baseUrl, tokenUrl, clientId, clientSecret, ...extra };
}

/**
 * Spawns the emulator on a free port (`--port 0` plus `args`) and resolves once it has
 * announced its addresses. `env` is added to the current environment.
 *
 * The process is unreferenced and runs with `--exit-with-stdin`, so a test run that forgets
 * `stop()` (or crashes) still exits, and the emulator follows it.
 */
export async function startEmulator({ args = [], env } = {}) {
  if (!existsSync(emulatorBinary)) {
    throw new Error(`${emulatorBinary} does not exist: run \`cargo build --release -p signicat-emulator\` first`);
  }
  const child = spawn(emulatorBinary, ["--port", "0", "--exit-with-stdin", ...args], {
    env: env ? { ...process.env, ...env } : process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });

  const announced = await new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`signicat-emulator did not start: ${reason}${stderr ? `\n${stderr.trim()}` : ""}`));
    };
    const timer = setTimeout(() => fail(`no announcement within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.once("error", (error) => fail(error.message));
    exited.then(({ code, signal }) => fail(`it exited (${signal ?? `code ${code}`})`));
    lines.once("line", (line) => {
      if (settled) return;
      try {
        const value = JSON.parse(line);
        settled = true;
        clearTimeout(timer);
        resolve(value);
      } catch {
        fail(`its first line is not JSON: ${line}`);
      }
    });
  });
  // Later lines are for people; keep reading so the pipe never fills up.
  lines.on("line", () => {});
  for (const handle of [child, child.stdin, child.stdout, child.stderr]) handle.unref?.();

  const { origin, baseUrl, tokenUrl, clientId, clientSecret } = announced;

  /** Calls an /emulator endpoint and returns its JSON; a non-2xx answer throws with the body. */
  async function admin(method, path, body) {
    const response = await fetch(`${origin}/emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /emulator${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : {};
  }

  let stopping;
  /** Ends the process (SIGTERM, then SIGKILL after 5 s) and waits until it has exited. */
  function stop() {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      const result = await exited;
      clearTimeout(timer);
      return result;
    })();
    return stopping;
  }

  return {
    origin,
    baseUrl,
    tokenUrl,
    clientId,
    clientSecret,
    /** The child process, for tests that need its pid or exit code. */
    process: child,
    stop,
    /** Back to the seeded data; armed faults and stats are cleared, tokens stay valid. */
    reset: () => admin("POST", "/reset"),
    /**
     * Arms a fault for the next matching requests. `spec` is the fault text ("503",
     * "429;retry-after=1", "reset", "truncate", "html", "slow=200ms", "500") or a whole
     * `{ fault, times, method, path }` object; `options` adds `times` (default 1), `method`
     * and `path` (exact, or a prefix when it ends with `*`).
     */
    armFault: (spec, options = {}) =>
      admin("POST", "/faults", typeof spec === "string" ? { fault: spec, ...options } : { ...spec, ...options }),
    clearFaults: () => admin("DELETE", "/faults"),
    /** `{ tokenRequests, totalRequests, counts: { "METHOD /path": n }, requests: [{ method, path, status, fault? }] }` */
    stats: () => admin("GET", "/stats"),
    clearStats: () => admin("DELETE", "/stats"),
    /** Invalidates every issued token: the next API call answers 401. */
    revokeTokens: () => admin("POST", "/revoke-tokens"),
    /** `{ status, seed, rootOrganizationId, counts, ... }` */
    health: () => admin("GET", "/health"),
  };
}
