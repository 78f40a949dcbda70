// Shared by the packed-package tests: where the package is installed, which files a bundler
// resolves an import to, and what its answers to the fixture bodies must look like.
import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { build } from "esbuild";

/** The fresh project the packed tarball is installed in (scripts/consumer.sh), with the fixtures copied in. */
export function consumerProject() {
  const dir = process.env.PKG_CONSUMER;
  assert.ok(dir, "PKG_CONSUMER (the project the package is installed in) is not set: run make test-package");
  cpSync(new URL("./fixtures", import.meta.url), dir, { recursive: true });
  return dir;
}

export const VALIDATORS = [
  "createAccount",
  "createContact",
  "createOrganization",
  "patchContact",
  "updateAccount",
  "updateContact",
  "updateOrganization",
];

/**
 * The package's files under `folder` that esbuild, bundling for `platform`, reaches from
 * `import … from specifier` in `project`: which entry the conditional exports picked.
 */
export async function resolvedFiles(project, specifier, platform, folder) {
  const result = await build({
    stdin: { contents: `export * from "${specifier}";`, resolveDir: project },
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform,
    target: "es2022",
    external: ["*.wasm", "node:*"],
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs).filter((input) => input.includes(`/${folder}/`));
}

/** What every runtime must answer for fixtures/bodies.json. */
export function assertValidationResults(results) {
  assert.deepEqual(results.validators, VALIDATORS);
  assert.deepEqual(results.valid, []);
  const invalid = results.invalid.map(({ field, rule }) => [field, rule]);
  assert.deepEqual(invalid, [
    ["name", "required"],
    ["region", "enum"],
  ]);
  for (const issue of results.invalid) {
    assert.deepEqual(Object.keys(issue).sort(), ["field", "message", "rule"]);
    assert.equal(typeof issue.message, "string");
    assert.ok(issue.message.length > 0);
  }
  assert.deepEqual(
    results.notAnObject.map(({ field, rule }) => [field, rule]),
    [["", "type"]],
  );
}

