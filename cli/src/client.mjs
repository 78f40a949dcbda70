// One SignicatClient for a run: credentials from the environment (never an argument, which
// `ps` shows to everyone), or the in-process emulator of the package's /testing entry.
import { Console } from "node:console";
import { createRequire } from "node:module";

import { SignicatClient, SignicatError } from "signicat-account-management";

import { UsageError } from "./errors.mjs";

const VERSION = createRequire(import.meta.url)("../package.json").version;

/** The seed of `--emulator`, so that ids listed by one command work in the next. */
export const EMULATOR_SEED = 7;

const LEVELS = ["off", "error", "warn", "info", "debug"];

/**
 * `{ client, close }` for the global options. SIGNICAT_LOG goes to the SDK's `logLevel`, its
 * lines to stderr; an SDK without logging options gets a line per attempt from a hook instead.
 */
export async function openClient(options, { stderr = process.stderr } = {}) {
  let base;
  let close = () => {};
  if (options.emulator) {
    const { createEmulator } = await import("signicat-account-management/testing");
    const emulator = createEmulator({ seed: EMULATOR_SEED, accounts: options.emulatorAccounts ?? 0 });
    await emulator.ready;
    base = emulator.clientOptions();
    close = () => emulator.close();
  } else {
    const clientId = process.env.SIGNICAT_CLIENT_ID;
    const clientSecret = process.env.SIGNICAT_CLIENT_SECRET;
    if (!clientId || !clientSecret) {
      throw new UsageError("set SIGNICAT_CLIENT_ID and SIGNICAT_CLIENT_SECRET (or use --emulator to try the commands without an account)");
    }
    base = { clientId, clientSecret };
    if (options.baseUrl) base.baseUrl = options.baseUrl;
    if (options.tokenUrl) base.tokenUrl = options.tokenUrl;
  }
  if (options.timeout !== undefined) base.timeoutMs = options.timeout;

  // The SDK logs through `logger` (console by default, whose info and debug go to stdout): here
  // every line goes to stderr, so stdout keeps only data.
  const level = process.env.SIGNICAT_LOG?.trim().toLowerCase();
  const logging = { logger: new Console({ stdout: stderr, stderr }), appInfo: { name: "signicat-am", version: VERSION } };
  if (level && LEVELS.includes(level)) logging.logLevel = level;
  try {
    return { client: new SignicatClient({ ...base, ...logging }), close };
  } catch (error) {
    if (!(error instanceof SignicatError && error.kind === "config" && /\b(logLevel|logger|appInfo)\b.*not a client option/.test(error.message))) throw error;
  }
  // An SDK from before these options: one stderr line per attempt from the response hook.
  if (level === "info" || level === "debug") {
    base.onResponse = (e) => stderr.write(`signicat: ${e.operation} ${e.method} ${e.url} attempt ${e.attempt}: ${e.status} in ${Math.round(e.durationMs)} ms\n`);
  }
  return { client: new SignicatClient(base), close };
}
