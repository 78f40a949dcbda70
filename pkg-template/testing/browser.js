// `signicat-account-management/testing` for browsers, workers and bundlers. The emulator's
// .wasm starts loading at the first createEmulator(), not on import; the glue finds it with
// `new URL(…, import.meta.url)`, which bundlers follow and copy. Nothing of the main entry
// imports this folder, so an app's bundle never holds the emulator.
import init, * as glue from "./wasm/signicat_emulator_wasm.js";
import { emulatorFactory } from "../src/testing/emulator.js";

let instantiated;
let loading;

function load() {
  loading ??= init().then(
    () => (instantiated = glue),
    (error) => {
      throw new Error(`signicat-account-management/testing: the emulator's WebAssembly failed to load: ${error?.message ?? error}`, { cause: error });
    },
  );
  return loading;
}

export const createEmulator = emulatorFactory({ loaded: () => instantiated, load });
