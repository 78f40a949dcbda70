// The package's public exports, shared by every entry (browser, Node ESM, Node CommonJS).
// Ergonomics only: the rules live in Rust and reach JS through the wasm exports.

import { createClientClass } from "./client.js";
import { SignicatError } from "./error.js";

/**
 * Builds the public exports from an initialised wasm-bindgen module.
 *
 * @param {typeof import("../wasm/signicat_account_management.js")} wasm the generated
 *   module's exports (`validateCreateAccount`, ...), ready to call
 * @returns the object whose keys the entries export by name
 */
export function createApi(wasm) {
  return { SignicatClient: createClientClass(wasm), SignicatError, validate: createValidate(wasm) };
}

/** `validate.*`: each request body's rules, returning `ValidationIssue[]` (`[]` when valid). */
function createValidate(wasm) {
  return Object.freeze({
    createAccount: (input) => wasm.validateCreateAccount(input),
    updateAccount: (input) => wasm.validateUpdateAccount(input),
    createContact: (input) => wasm.validateCreateContact(input),
    updateContact: (input) => wasm.validateUpdateContact(input),
    patchContact: (input) => wasm.validatePatchContact(input),
    createOrganization: (input) => wasm.validateCreateOrganization(input),
    updateOrganization: (input) => wasm.validateUpdateOrganization(input),
  });
}
