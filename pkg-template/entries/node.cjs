// Node, `require`: loads the nodejs build synchronously. scripts/assemble.mjs bundles the
// ESM facade into this file with esbuild; the wasm glue stays a separate file.
const wasm = require("../wasm/signicat_account_management.cjs");
const { createApi } = require("../src/facade.js");

module.exports = createApi(wasm);
