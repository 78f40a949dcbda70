// Browsers, web workers and bundlers. No top-level await, so the module evaluates at once
// (a worker's `onmessage` is set before its first message arrives, and bundlers whose output
// format has no top-level await can take it); the .wasm starts loading on import.
//
// scripts/assemble.mjs bundles this file with the glue and the facade into one module with no
// imports, so the .wasm request leaves as soon as the entry runs, not after a chain of modules.
// The .wasm sits beside the entry, and `new URL("…", import.meta.url)` stays literal: bundlers
// follow it and copy the file. Client calls wait for `ready` by themselves; `validate.*` is
// synchronous, so it throws until `ready` has resolved.
import { wasmModule } from "./browser-wasm.js";
import init, * as glue from "../wasm/signicat_account_management.js";
import { createApi } from "../src/facade.js";

// The wasm's operations() table, written by scripts/assemble.mjs, so that the client's
// namespaces and validators exist before the wasm has loaded.
const OPERATIONS = [];

let loaded = false;
let failure;
const loading = init({ module_or_path: wasmModule }).then(
  () => {
    loaded = true;
  },
  (error) => {
    failure = error;
    throw error;
  },
);
// A page that never awaits `ready` sees a failure at its first call, not as an unhandled rejection.
loading.catch(() => {});

const loadFailure = () => `signicat-account-management: the WebAssembly failed to load: ${failure?.message ?? failure}`;

function loadedOrThrow() {
  if (loaded) return;
  if (failure) throw new Error(loadFailure(), { cause: failure });
  throw new Error("signicat-account-management: the WebAssembly is still loading; `await ready` before calling validate.*");
}

// A client made before the wasm has loaded creates its core (and checks its options) then.
class DeferredCore {
  #core;
  #pending;

  constructor(options, internals) {
    if (loaded) {
      this.#core = new glue.ClientCore(options, internals);
    } else {
      this.#pending = loading.then(() => {
        this.#core = new glue.ClientCore(options, internals);
      });
      this.#pending.catch(() => {});
    }
  }

  async call(index, args, context) {
    if (failure) throw { kind: "config", message: loadFailure(), retryable: false };
    if (!this.#core) await this.#pending;
    return this.#core.call(index, args, context);
  }
}

const api = {
  ...createApi({
    operations: () => OPERATIONS,
    validate: (index, input) => {
      loadedOrThrow();
      return glue.validate(index, input);
    },
    ClientCore: DeferredCore,
    // Registered before any client can exist, so it is in place for the first answer.
    useLooker: (looker) => loading.then(() => glue.useLooker(looker), () => {}),
  }),
  ready: loading,
};

// scripts/assemble.mjs rewrites this list from the keys of the Node entry's exports.
export const { validate } = api;
