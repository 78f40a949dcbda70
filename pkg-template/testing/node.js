// `signicat-account-management/testing` in Node, `import`: the very same module as `require`
// (testing/node.cjs), so a program that mixes both shares one wasm instance.
import { createRequire } from "node:module";

const api = createRequire(import.meta.url)("./node.cjs");

// scripts/assemble.mjs checks that this list is the keys of node.cjs's exports.
export const { createEmulator } = api;
