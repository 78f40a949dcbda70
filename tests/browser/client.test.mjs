// The shared scenarios (tests/scenarios) in headless Chromium: the package's browser entry on
// one origin calling the emulator on another (CORS with Authorization), over real HTTP; then
// the same lists against the in-process emulator of the package's `./testing` browser entry,
// with no emulator process at all.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";

import { browserOnly } from "../scenarios/browser.mjs";
import { decoding } from "../scenarios/decoding.mjs";
import { layers } from "../scenarios/layers.mjs";
import { listing } from "../scenarios/listing.mjs";
import { operations } from "../scenarios/operations.mjs";
import { options } from "../scenarios/options.mjs";
import { resilience } from "../scenarios/resilience.mjs";
import { samples } from "../scenarios/samples.mjs";
import { serve } from "../package/server.mjs";
import { startEmulator } from "../support/emulator.mjs";
import { entry, packageDir, subpathEntry } from "../support/package.mjs";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const PAGE = `<!doctype html>
<script type="module">
  import { SignicatClient, SignicatError, ready, validate } from "./pkg/${entry("browser")}";
  import { createEmulator } from "./pkg/${subpathEntry("./testing", "browser")}";
  import { admin } from "./scenarios/admin.mjs";
  import { browserOnly } from "./scenarios/browser.mjs";
  import { decoding } from "./scenarios/decoding.mjs";
  import { inProcessContext } from "./scenarios/in-process.mjs";
  import { layers } from "./scenarios/layers.mjs";
  import { listing } from "./scenarios/listing.mjs";
  import { operations } from "./scenarios/operations.mjs";
  import { options } from "./scenarios/options.mjs";
  import { resilience } from "./scenarios/resilience.mjs";
  import { samples } from "./scenarios/samples.mjs";
  const all = [...operations, ...resilience, ...decoding, ...listing, ...browserOnly, ...samples, ...options, ...layers];
  await ready;
  let emulator;
  window.startInProcess = async (options) => {
    emulator = createEmulator(options);
    await emulator.ready;
  };
  window.stopInProcess = () => emulator?.close();
  // env is the HTTP emulator's addresses, or (inProcess) only the extra env of the suite.
  window.runScenario = async (name, env, inProcess) => {
    try {
      const context = inProcess
        ? inProcessContext(emulator, { SignicatClient, SignicatError, validate }, env)
        : { SignicatClient, SignicatError, validate, env, emu: admin(env.origin) };
      await all.find((s) => s.name === name).run(context);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: String(error?.stack ?? error) };
    }
  };
  window.ready = true;
</script>`;

let root;
let site;
let browser;
let page;
const problems = [];

before(async () => {
  root = mkdtempSync(join(tmpdir(), "signicat-browser-"));
  symlinkSync(packageDir, join(root, "pkg"));
  symlinkSync(fileURLToPath(new URL("../scenarios/", import.meta.url)), join(root, "scenarios"));
  symlinkSync(fileURLToPath(new URL("../fixtures/", import.meta.url)), join(root, "fixtures"));
  writeFileSync(join(root, "index.html"), PAGE);
  site = await serve(root);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(site.url);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 20_000 });
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

function suite(title, scenarios, args, extraEnv = {}) {
  describe(title, () => {
    let emulator;
    let env;
    before(async () => {
      // The page is served from another port: its origin must be allowed to call the emulator.
      emulator = await startEmulator({ args: [...args, "--allow-origin", new URL(site.url).origin] });
      env = { ...extraEnv, origin: emulator.origin, baseUrl: emulator.baseUrl, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret };
    });
    after(() => emulator?.stop());
    for (const scenario of scenarios) {
      test(scenario.name, async () => {
        const result = await page.evaluate(([name, env]) => window.runScenario(name, env), [scenario.name, env]);
        assert.ok(result.ok, result.message);
        assert.deepEqual(problems, []);
      });
    }
  });
}

function inProcessSuite(title, scenarios, options, extraEnv = {}) {
  describe(`in-process: ${title}`, () => {
    before(() => page.evaluate((options) => window.startInProcess(options), options));
    after(() => page.evaluate(() => window.stopInProcess()));
    for (const scenario of scenarios) {
      test(scenario.name, async () => {
        const result = await page.evaluate(([name, env]) => window.runScenario(name, env, true), [scenario.name, extraEnv]);
        assert.ok(result.ok, result.message);
        assert.deepEqual(problems, []);
      });
    }
  });
}

const nextAsUrl = resilience.filter((s) => s.name.startsWith("next as a URL"));

suite("operations", [...operations, ...browserOnly], ["--seed", "7"]);
suite("reference samples and options", [...samples, ...options], ["--seed", "7"]);
suite("middleware, metadata and logs", layers, ["--seed", "7"]);
suite("resilience", resilience, ["--seed", "7"]);
suite("decoding", decoding, ["--seed", "7"]);
suite("next as a URL", nextAsUrl, ["--seed", "7", "--next-style", "url"], { nextStyleUrl: true });
suite("listing", listing, ["--seed", "7", "--accounts", "10500"]);

inProcessSuite("operations", [...operations, ...browserOnly], { seed: 7 });
inProcessSuite("reference samples and options", [...samples, ...options], { seed: 7 });
inProcessSuite("middleware, metadata and logs", layers, { seed: 7 });
inProcessSuite("resilience", resilience, { seed: 7 });
inProcessSuite("decoding", decoding, { seed: 7 });
inProcessSuite("next as a URL", nextAsUrl, { seed: 7, nextStyle: "url" }, { nextStyleUrl: true });
inProcessSuite("listing", listing, { seed: 7, accounts: 10_500 });
