// Node, `require`: instantiates the wasm synchronously from the .wasm beside this file, or from
// bytes embedded in the package (wasm/signicat_account_management_bg.wasm.cjs) where a server
// bundler (Next.js's Turbopack) moved the package or rewrote `__dirname`.
// scripts/assemble.mjs bundles the ESM facade and the nodejs glue (which it writes from
// wasm-pack's, the module required here) into this file with esbuild, so a start loads one file.
const wasm = require("../wasm/signicat_account_management.cjs");
const { createApi } = require("../src/facade.js");

// The wasm's operations() table, written by scripts/assemble.mjs: asking the wasm for it at
// every start would run (and compile) that code before the first call.
const OPERATIONS = [];

module.exports = { ...createApi({ ...wasm, operations: () => OPERATIONS }), ready: Promise.resolve() };
