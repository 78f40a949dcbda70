// Node, `import`: the very same instance as `require` (entries/node.cjs), so a program
// that mixes both sees one wasm module and one set of classes (`instanceof` holds).
import { createRequire } from "node:module";

const api = createRequire(import.meta.url)("./node.cjs");

// scripts/assemble.mjs rewrites this list from the keys of node.cjs's exports.
export const { validate } = api;
