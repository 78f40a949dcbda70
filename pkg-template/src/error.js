// The one error class every failure is an instance of. Its fields come from the Rust
// `Error` (src/error.rs); this file only gives them an `Error` subclass to live in.

import { requestIdOf, shownHeaders } from "./headers.js";

const FIELDS = ["kind", "retryable", "status", "code", "title", "detail", "traceId", "type", "invalidParams", "issues", "retryAfterMs", "operation", "headers", "requestId"];

export class SignicatError extends Error {
  constructor(fields) {
    super(fields.message);
    this.name = "SignicatError";
    for (const field of FIELDS) {
      if (fields[field] !== undefined) this[field] = fields[field];
    }
    this.retryable = Boolean(fields.retryable);
  }
}

/** Whatever a call threw or rejected with, as a SignicatError. */
export function toSignicatError(thrown) {
  if (thrown instanceof SignicatError) return thrown;
  if (thrown && typeof thrown === "object" && typeof thrown.kind === "string" && typeof thrown.message === "string") {
    // An answer's error names its headers (credentials redacted) and request id, not the Response.
    const { response, ...fields } = thrown;
    if (response?.headers) {
      fields.headers = shownHeaders(response.headers);
      fields.requestId = requestIdOf(response.headers) ?? fields.traceId;
    }
    return new SignicatError(fields);
  }
  // A trap inside the wasm is a bug in this SDK, not the caller's input: let it show as one.
  if (typeof WebAssembly !== "undefined" && thrown instanceof WebAssembly.RuntimeError) throw thrown;
  // A JS value the wasm boundary refused before any Rust ran (e.g. a Symbol where text belongs).
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new SignicatError({ kind: "validation", message: `Invalid argument: ${message}`, retryable: false });
}
