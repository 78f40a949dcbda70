// The shared scenarios (tests/scenarios) in Node: against a real emulator over HTTP, and the
// same lists against the in-process one (createEmulator().fetch from the packed package).

import { after, before, describe, test } from "node:test";

import { admin } from "../scenarios/admin.mjs";
import { decoding } from "../scenarios/decoding.mjs";
import { inProcessContext } from "../scenarios/in-process.mjs";
import { layers } from "../scenarios/layers.mjs";
import { listing } from "../scenarios/listing.mjs";
import { operations } from "../scenarios/operations.mjs";
import { options } from "../scenarios/options.mjs";
import { resilience } from "../scenarios/resilience.mjs";
import { samples } from "../scenarios/samples.mjs";
import { startEmulator } from "../support/emulator.mjs";
import { SignicatClient, SignicatError, validate } from "../support/package.mjs";
import { createEmulator } from "../support/testing.mjs";

const nextAsUrl = resilience.filter((s) => s.name.startsWith("next as a URL"));

function suite(title, scenarios, args, extraEnv = {}) {
  describe(title, () => {
    let emulator;
    let context;
    before(async () => {
      emulator = await startEmulator({ args });
      const env = { ...extraEnv, origin: emulator.origin, baseUrl: emulator.baseUrl, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret };
      context = { SignicatClient, SignicatError, validate, env, emu: admin(emulator.origin) };
    });
    after(() => emulator?.stop());
    for (const scenario of scenarios) test(scenario.name, () => scenario.run(context));
  });
}

function inProcessSuite(title, scenarios, options, extraEnv = {}) {
  describe(`in-process: ${title}`, () => {
    let emulator;
    let context;
    before(async () => {
      emulator = createEmulator(options);
      await emulator.ready;
      context = inProcessContext(emulator, { SignicatClient, SignicatError, validate }, extraEnv);
    });
    after(() => emulator?.close());
    for (const scenario of scenarios) test(scenario.name, () => scenario.run(context));
  });
}

suite("operations", operations, ["--seed", "7"]);
suite("reference samples and options", [...samples, ...options], ["--seed", "7"]);
suite("middleware, metadata and logs", layers, ["--seed", "7"]);
suite("resilience", resilience, ["--seed", "7"]);
suite("decoding", decoding, ["--seed", "7"]);
suite("next as a URL", nextAsUrl, ["--seed", "7", "--next-style", "url"], { nextStyleUrl: true });
suite("listing", listing, ["--seed", "7", "--accounts", "10500"]);

inProcessSuite("operations", operations, { seed: 7 });
inProcessSuite("reference samples and options", [...samples, ...options], { seed: 7 });
inProcessSuite("middleware, metadata and logs", layers, { seed: 7 });
inProcessSuite("resilience", resilience, { seed: 7 });
inProcessSuite("decoding", decoding, { seed: 7 });
inProcessSuite("next as a URL", nextAsUrl, { seed: 7, nextStyle: "url" }, { nextStyleUrl: true });
inProcessSuite("listing", listing, { seed: 7, accounts: 10_500 });
