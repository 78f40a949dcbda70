// The packed package in headless Chromium: a plain <script type="module"> page (import map,
// no bundler) and a module worker, served over HTTP as a user would.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { serve } from "./server.mjs";
import { assertValidationResults, consumerProject } from "./support.mjs";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let server;
let browser;
before(async () => {
  server = await serve(consumerProject());
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("a <script type=module> page and a worker validate without init(), once ready", async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (["error", "warning"].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const fromPackage = new Set();
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.includes("/signicat-account-management/")) fromPackage.add(pathname.replace(/^.*\/signicat-account-management\//, ""));
  });

  await page.goto(server.url);
  const results = await page
    .waitForFunction(() => window.results, null, { timeout: 20_000 })
    .then((handle) => handle.jsonValue())
    .catch((error) => assert.fail(`the page never finished: ${error.message}\n${problems.join("\n")}`));

  assert.deepEqual(problems, []);
  assert.ok(results.exports.includes("validate"), `exports: ${results.exports}`);
  assertValidationResults(results);
  assert.deepEqual(results.inWorker.valid, []);
  assert.deepEqual(results.inWorker.invalid, results.invalid);
  assert.match(results.beforeReady, /still loading; `await ready`/);
  assert.equal(results.earlyCall, "SignicatError config");
  // One module with no imports, and the .wasm beside it: no chain of requests before the .wasm.
  assert.deepEqual([...fromPackage].sort(), ["entries/browser.js", "entries/signicat_account_management_bg.wasm"]);
  await page.close();
});

test("when the .wasm cannot load, ready rejects and validate and client calls say why", async () => {
  const page = await browser.newPage();
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(`${server.url}no-wasm.html`);
  const results = await page.waitForFunction(() => window.results, null, { timeout: 20_000 }).then((handle) => handle.jsonValue());
  assert.equal(results.ready, "rejected");
  assert.match(results.validate, /WebAssembly failed to load/);
  assert.match(results.call, /^SignicatError config: .*WebAssembly failed to load/);
  await page.close();
});

test("a server that labels the .wasm otherwise still gets it loaded, from its bytes; one that answers 404 makes ready reject saying so", async () => {
  const relabelled = await browser.newPage();
  await relabelled.route("**/*.wasm", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await relabelled.goto(server.url);
  const results = await relabelled.waitForFunction(() => window.results, null, { timeout: 20_000 }).then((handle) => handle.jsonValue());
  assertValidationResults(results);
  await relabelled.close();

  const missing = await browser.newPage();
  await missing.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "not here" }));
  await missing.goto(`${server.url}no-wasm.html`);
  const failed = await missing.waitForFunction(() => window.results, null, { timeout: 20_000 }).then((handle) => handle.jsonValue());
  assert.equal(failed.ready, "rejected");
  assert.match(failed.validate, /WebAssembly failed to load: failed to fetch Wasm: 404/);
  await missing.close();
});
