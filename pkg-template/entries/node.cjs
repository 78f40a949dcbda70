// Node, `require`: instantiates the wasm synchronously from bytes embedded in the package
// (wasm/signicat_account_management_bg.wasm.cjs), so server bundlers that move or rewrite
// `__dirname` (Next.js's Turbopack) have no file to lose. scripts/assemble.mjs bundles the
// ESM facade into this file with esbuild; the wasm glue stays a separate file.
const wasm = require("../wasm/signicat_account_management.cjs");
const { createApi } = require("../src/facade.js");

module.exports = { ...createApi(wasm), ready: Promise.resolve() };
