// The `./testing` export stays out of apps: no condition of the main export reaches a file of
// the testing entry (its folder, its facade, its types), read from the packed package's
// import graph, and a page that imports only the main entry never requests the emulator's
// .wasm. The testing entry itself loads it at the first createEmulator(), in Chromium.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { serve } from "./server.mjs";
import { consumerProject, resolvedFiles } from "./support.mjs";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const EMULATOR_WASM = "testing/wasm/signicat_emulator_wasm_bg.wasm";

let project;
let pkg;
let manifest;
before(() => {
  project = consumerProject();
  pkg = join(project, "node_modules", "signicat-account-management");
  manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
});

/** Every file an `exports` entry names, by its condition path ("types.import", "browser", …). */
function leaves(target, path = []) {
  if (typeof target === "string") return [[path.join("."), target]];
  return Object.entries(target).flatMap(([condition, next]) => leaves(next, [...path, condition]));
}

// Whatever makes a file load another: static and dynamic imports, re-exports, require (also
// through createRequire), type
// imports in .d.ts, and the `new URL(…, import.meta.url)` the glue fetches its .wasm with.
const MODULES = [
  /\bimport\s+(?:type\s+)?(?:[\w*\s{},$]+\s+from\s+)?["']([^"']+)["']/g,
  /\bexport\s+(?:type\s+)?[\w*\s{},$]*\s+from\s+["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  /\bcreateRequire\([^)]*\)\(\s*["']([^"']+)["']\s*\)/g,
  /\/\/\/\s*<reference\s+path=["']([^"']+)["']/g,
];
const URLS = /\bnew URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g;
const builtins = new Set(builtinModules);

/** The file a relative specifier names; in declarations `x.js` and `x.cjs` stand for `x.d.ts` and `x.d.cts`. */
function resolveFile(from, specifier) {
  // A bundler's query (the edge entry's `.wasm?module`) names the same file.
  const path = resolve(dirname(from), specifier.replace(/\?[^/]*$/, ""));
  const candidates = [path, path.replace(/\.js$/, ".d.ts"), path.replace(/\.cjs$/, ".d.cts"), `${path}.js`, `${path}.d.ts`];
  const found = candidates.find((candidate) => existsSync(candidate));
  assert.ok(found, `${relative(pkg, from)} refers to ${specifier}, which is not in the package`);
  return found;
}

/** The files the package's own name (or a subpath of it) stands for: its declarations from a .d.ts, else its code. */
function selfReference(from, specifier) {
  const subpath = specifier === manifest.name ? "." : `.${specifier.slice(manifest.name.length)}`;
  const target = manifest.exports[subpath];
  assert.ok(target, `${relative(pkg, from)} imports ${specifier}, which the package does not export`);
  const declaration = /\.d\.c?ts$/.test(from);
  return leaves(target)
    .filter(([condition]) => condition.startsWith("types") === declaration)
    .map(([, file]) => join(pkg, file));
}

/** Every file of the package that loading `start` can reach, as paths relative to the package. */
function reachable(start) {
  const seen = new Set();
  const queue = [join(pkg, start)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith(".wasm")) continue;
    const source = readFileSync(file, "utf8");
    for (const pattern of MODULES) {
      for (const [, specifier] of source.matchAll(pattern)) {
        if (builtins.has(specifier) || specifier.startsWith("node:")) continue;
        if (specifier === manifest.name || specifier.startsWith(`${manifest.name}/`)) {
          queue.push(...selfReference(file, specifier));
          continue;
        }
        assert.ok(specifier.startsWith("."), `${relative(pkg, file)} imports ${specifier}, neither a file of the package nor a Node module`);
        queue.push(resolveFile(file, specifier));
      }
    }
    for (const [, url] of source.matchAll(URLS)) queue.push(resolveFile(file, url));
  }
  return [...seen].map((file) => relative(pkg, file));
}

const isTesting = (file) => file.startsWith("testing/") || file.startsWith("src/testing/") || /^testing\.d\.c?ts$/.test(file);

test("no condition of the main export reaches a file of the testing entry", () => {
  const conditions = leaves(manifest.exports["."]);
  assert.ok(conditions.length >= 7, `conditions: ${conditions.map(([name]) => name)}`);
  for (const [condition, start] of conditions) {
    const files = reachable(start);
    assert.deepEqual(files.filter(isTesting), [], `exports["."].${condition} (${start}) reaches these`);
    if (["browser", "worker", "default", "workerd", "edge-light"].includes(condition)) {
      assert.ok(files.includes("entries/signicat_account_management_bg.wasm"), `the walk follows the entry to its .wasm: ${files}`);
    }
  }
});

test("the testing export reaches its own .wasm and glue, and the main entry only through its types", () => {
  for (const [condition, start] of leaves(manifest.exports["./testing"])) {
    const files = reachable(start);
    if (condition.startsWith("types")) {
      assert.ok(files.some((file) => /^index\.d\.c?ts$/.test(file)), `${condition}: the client's option types come from the main declarations`);
      continue;
    }
    const glue = condition === "node.require" || condition === "node.import" ? "testing/wasm/signicat_emulator_wasm.cjs" : EMULATOR_WASM;
    assert.ok(files.includes(glue), `exports["./testing"].${condition} reaches ${glue}: ${files}`);
    assert.deepEqual(files.filter((file) => file.startsWith("wasm/") || file.startsWith("entries/")), [], `${condition} loads nothing of the main entry`);
  }
});

test("Node: import and require of the testing entry share one module, and it answers", () => {
  const results = JSON.parse(execFileSync(process.execPath, ["testing-mixed.mjs"], { cwd: project, encoding: "utf8" }));
  assert.deepEqual(results, { sameInstance: true, accounts: 2 });
});

test("resolvers pick the testing entry's file for each platform", async () => {
  const resolved = (platform) => resolvedFiles(project, "signicat-account-management/testing", platform, "testing");
  const prefix = "node_modules/signicat-account-management/testing/";
  assert.ok((await resolved("browser")).some((input) => input.endsWith(`${prefix}browser.js`)));
  assert.ok((await resolved("node")).some((input) => input.endsWith(`${prefix}node.js`)));
});

let server;
let browser;
before(async () => {
  server = await serve(consumerProject());
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a fixture page and resolves to its `window.results` and the path of every request it made. */
async function open(fixture, { blockWasm = false } = {}) {
  const page = await browser.newPage();
  if (blockWasm) await page.route("**/*.wasm", (route) => route.abort());
  const requested = [];
  const problems = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${server.url}${fixture}`);
  const results = await page
    .waitForFunction(() => window.results, null, { timeout: 20_000 })
    .then((handle) => handle.jsonValue())
    .catch((error) => assert.fail(`${fixture} never finished: ${error.message}\n${problems.join("\n")}`));
  await page.close();
  assert.deepEqual(problems, []);
  return { results, requested };
}

test("a page importing only the main entry never requests the emulator's .wasm", async () => {
  const { results, requested } = await open("main-only.html");
  assert.equal(results.call, "network", "the page ran its client");
  assert.ok(requested.some((path) => path.endsWith("/entries/signicat_account_management_bg.wasm")), `requests: ${requested}`);
  assert.deepEqual(requested.filter((path) => path.includes("/testing/") || path.includes("signicat_emulator_wasm")), []);
});

test("the testing entry loads the emulator's .wasm at the first createEmulator(), and a client lists from it", async () => {
  const { results, requested } = await open("testing.html");
  assert.deepEqual(results.beforeCreate.filter((path) => path.includes("signicat_emulator_wasm")), [], "importing it loads no .wasm");
  assert.ok(results.afterCreate.some((path) => path.endsWith(`/${EMULATOR_WASM}`)), `loaded: ${results.afterCreate}`);
  assert.equal(results.accounts, 3);
  assert.equal(results.tokenRequests, 1);
  assert.ok(requested.some((path) => path.endsWith(`/${EMULATOR_WASM}`)));
});

test("when the emulator's .wasm cannot load, ready and every method reject and say why", async () => {
  const { results } = await open("testing-no-wasm.html", { blockWasm: true });
  for (const [what, outcome] of Object.entries(results)) {
    assert.match(outcome, /^Error: signicat-account-management\/testing: the emulator's WebAssembly failed to load/, what);
  }
});
