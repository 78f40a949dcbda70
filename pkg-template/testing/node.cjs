// `signicat-account-management/testing` in Node, `require`. The nodejs glue instantiates the
// emulator's wasm synchronously at the first createEmulator(), so there a bad option throws
// at once. scripts/assemble.mjs bundles the ESM facade into this file with esbuild; the glue
// stays a separate file.
const { emulatorFactory } = require("../src/testing/emulator.js");

let glue;
const loaded = () => (glue ??= require("./wasm/signicat_emulator_wasm.cjs"));

module.exports = { createEmulator: emulatorFactory({ loaded, load: async () => loaded() }) };
