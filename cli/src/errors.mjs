// Exit codes and the one line an error becomes.
import { SignicatError } from "signicat-account-management";

export const EXIT = { ok: 0, failed: 1, usage: 2 };

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  name = "UsageError";
}

/** A run that finished but not wholly (rows or calls failed): exit code 1, already reported. */
export class PartialFailure extends Error {
  name = "PartialFailure";
}

/** The exit code an error means: a body the rules refuse or settings that cannot work are usage mistakes too. */
export function exitCodeOf(error) {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof SignicatError && (error.kind === "validation" || error.kind === "config")) return EXIT.usage;
  return EXIT.failed;
}

/** The error as one line of text, every issue and the API's trace id included. */
export function describe(error) {
  if (error instanceof SignicatError) {
    const parts = [error.message];
    // Each issue once: the message often holds them already.
    const extra = [...(error.issues ?? []).map((i) => [i.field, i.message]), ...(error.invalidParams ?? []).map((p) => [p.name, p.reason])]
      .filter(([, text]) => !error.message.includes(text))
      .map(([field, text]) => `${field}: ${text}`);
    if (extra.length) parts.push([...new Set(extra)].join("; "));
    if (error.traceId) parts.push(`trace id ${error.traceId}`);
    return parts.join(" — ");
  }
  return error?.message ?? String(error);
}

/** The error as JSON for `--format json`: what a program needs to decide, nothing secret. */
export function describeJson(error) {
  const out = { error: { message: describe(error) } };
  if (error instanceof UsageError) out.error.kind = "usage";
  if (error instanceof PartialFailure) out.error.kind = "partial";
  if (error instanceof SignicatError) {
    for (const key of ["kind", "retryable", "status", "code", "title", "detail", "traceId", "operation", "issues", "invalidParams"]) {
      if (error[key] !== undefined) out.error[key] = error[key];
    }
  }
  return JSON.stringify(out);
}
