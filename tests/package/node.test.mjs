// The packed package in Node: `import`, `require`, both at once, and which entry each
// resolver picks from the conditional exports.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";

import { assertValidationResults, consumerProject, resolvedFiles } from "./support.mjs";

let project;
before(() => {
  project = consumerProject();
});

function runNode(script) {
  return JSON.parse(execFileSync(process.execPath, [script], { cwd: project, encoding: "utf8" }));
}

test("Node ESM: import { validate } works without init()", () => {
  const results = runNode("esm.mjs");
  assert.ok(results.exports.includes("validate"), `exports: ${results.exports}`);
  assert.deepEqual(results.undefinedExports, []);
  assertValidationResults(results);
});

test("Node CommonJS: require() works synchronously", () => {
  const results = runNode("cjs.cjs");
  assert.deepEqual(results.undefinedExports, []);
  assertValidationResults(results);
});

test("ESM and CommonJS export the same names", () => {
  assert.deepEqual(runNode("esm.mjs").exports, runNode("cjs.cjs").exports);
});

test("import and require in one program share one instance", () => {
  assert.deepEqual(runNode("mixed.mjs"), { sameInstance: true });
});

test("Node reads the .wasm beside the browser entry, and takes the embedded bytes where that file is gone", () => {
  const installed = join(project, "node_modules", "signicat-account-management");
  const validates = `const { validate } = require("./entries/node.cjs");
    console.log(JSON.stringify(validate.createAccount({ name: "", organizationId: "o-1", isSandbox: true, region: "EU", cloud: "GCP" }).map((i) => i.field)));`;
  for (const removed of ["wasm/signicat_account_management_bg.wasm.cjs", "entries/signicat_account_management_bg.wasm"]) {
    const copy = mkdtempSync(join(tmpdir(), "signicat-node-wasm-"));
    try {
      cpSync(installed, copy, { recursive: true });
      rmSync(join(copy, removed));
      const fields = execFileSync(process.execPath, ["-e", validates], { cwd: copy, encoding: "utf8" });
      assert.deepEqual(JSON.parse(fields), ["name"], `without ${removed}`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
});

test("resolvers pick the right entry from the conditional exports", async () => {
  const entry = (platform) => resolvedFiles(project, "signicat-account-management", platform, "entries");
  const prefix = "node_modules/signicat-account-management/entries/";
  const browser = await entry("browser");
  assert.ok(browser.some((input) => input.endsWith(`${prefix}browser.js`)), `browser bundle: ${browser}`);
  const node = await entry("node");
  assert.ok(node.some((input) => input.endsWith(`${prefix}node.js`)), `node bundle: ${node}`);
});

test("the tarball holds the entries, the glue, the types, the main .wasm and the testing entry's, nothing else", () => {
  const files = execFileSync("tar", ["-tzf", join(project, tarball())], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((file) => file.replace(/^package\//, ""))
    .sort();
  for (const required of [
    "entries/browser.js",
    "entries/node.cjs",
    "entries/node.js",
    "entries/edge.js",
    "entries/signicat_account_management_bg.wasm",
    "index.d.cts",
    "index.d.ts",
    "package.json",
    "src/facade.js",
    "wasm/signicat_account_management.d.cts",
    "wasm/signicat_account_management.d.ts",
    "wasm/signicat_account_management.js",
    "wasm/signicat_account_management_bg.wasm.cjs",
    "testing.d.ts",
    "testing.d.cts",
    "testing/browser.js",
    "testing/node.cjs",
    "testing/node.js",
    "testing/wasm/signicat_emulator_wasm.cjs",
    "testing/wasm/signicat_emulator_wasm.d.cts",
    "testing/wasm/signicat_emulator_wasm.d.ts",
    "testing/wasm/signicat_emulator_wasm.js",
    "src/testing/emulator.js",
  ]) {
    assert.ok(files.includes(required), `${required} missing from the tarball: ${files}`);
  }
  assert.deepEqual(files.filter((file) => /(^|\/)\.|stamp|\.tgz$/.test(file)), []);
  assert.deepEqual(files.filter((file) => file.endsWith(".wasm")), ["entries/signicat_account_management_bg.wasm", "testing/wasm/signicat_emulator_wasm_bg.wasm"]);
});

function tarball() {
  const found = readdirSync(project).filter((name) => name.endsWith(".tgz"));
  assert.equal(found.length, 1, `one tarball in ${project}: ${found}`);
  return found[0];
}
