// The context a scenario gets against an in-process emulator (createEmulator from the
// package's `./testing` export): the same env as over HTTP, plus the emulator's fetch.

import { admin } from "./admin.mjs";

export function inProcessContext(emulator, { SignicatClient, SignicatError, validate }, extraEnv = {}) {
  const { origin, baseUrl, tokenUrl, clientId, clientSecret, fetch } = emulator;
  const env = { ...extraEnv, origin, baseUrl, tokenUrl, clientId, clientSecret, fetch };
  return { SignicatClient, SignicatError, validate, env, emu: admin(origin, fetch) };
}
