// The package's public exports, shared by every entry (browser, Node ESM, Node CommonJS).
// Ergonomics only: the rules live in Rust and reach JS through the wasm exports.

import { createClientClass } from "./client.js";
import { SignicatError } from "./error.js";
import { methodsOf } from "./operations.js";

/**
 * Builds the public exports from an initialised wasm-bindgen module.
 *
 * @param {typeof import("../wasm/signicat_account_management.js")} wasm the generated
 *   module's exports (`ClientCore`, `operations`, `validate`), ready to call
 * @returns the object whose keys the entries export by name
 */
export function createApi(wasm) {
  const methods = methodsOf(wasm.operations());
  return { SignicatClient: createClientClass(wasm, methods), SignicatError, validate: createValidate(wasm, methods) };
}

/**
 * `validate.*`: the rules of each operation that sends a body, named after it
 * (`accounts.create` gives `validate.createAccount`); each returns `ValidationIssue[]`.
 */
function createValidate(wasm, methods) {
  const validators = {};
  for (const { index, validator } of methods) {
    if (validator) validators[validator] = (input) => wasm.validate(index, input);
  }
  return Object.freeze(validators);
}
