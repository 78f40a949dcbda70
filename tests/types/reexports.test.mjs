// index.d.ts must re-export every type the wasm-bindgen declarations hold, so a model added
// in Rust is never missing from the package's types.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const consumer = process.env.PKG_CONSUMER;
assert.ok(consumer, "PKG_CONSUMER (the project the package is installed in) is not set: run make test-types");
const pkg = join(consumer, "node_modules", "signicat-account-management");

// Not part of the public surface: wasm-bindgen's loader types, and `Error`, the data behind
// the `SignicatError` class (re-exporting it would shadow the global `Error`).
const internal = new Set(["InitInput", "InitOutput", "SyncInitInput", "Error"]);

const declared = (file) =>
  [...readFileSync(join(pkg, file), "utf8").matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);

for (const entry of ["index.d.ts", "index.d.cts"]) {
  test(`${entry} re-exports every generated type`, () => {
    const index = readFileSync(join(pkg, entry), "utf8");
    const generated = [
      ...declared("wasm/signicat_account_management.d.cts"),
      ...declared("wasm/signicat_account_management.d.ts"),
    ];
    const missing = [...new Set(generated)].filter(
      (name) => !internal.has(name) && !new RegExp(`^\\s*${name},?$|[{,]\\s*${name}\\s*[,}]`, "m").test(index),
    );
    assert.deepEqual(missing, [], `add these to pkg-template/index.d.ts: ${missing.join(", ")}`);
  });
}
