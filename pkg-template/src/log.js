// The client's log: one line per attempt at `info` (what the client decided after it),
// headers and bodies at `debug`. Lines never hold a token or a secret: the wasm reports
// attempts without headers, and the dispatch layer logs requests before the token is added.

import { shownHeaders } from "./headers.js";

const LEVELS = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
/** Longest body a debug line shows. */
const BODY_LIMIT = 2000;

/**
 * The log of a client, or `undefined` when it is off: the `logLevel` option, else (in Node)
 * `SIGNICAT_LOG`, else off. A wrong option is the caller's bug (it throws); a wrong variable
 * is warned about once and ignored.
 */
export function createLog(options) {
  const logger = options.logger ?? globalThis.console;
  let level = options.logLevel;
  if (level !== undefined && !(level in LEVELS)) {
    throw configError(`logLevel must be one of ${Object.keys(LEVELS).join(", ")}`);
  }
  if (level === undefined) {
    const variable = globalThis.process?.env?.SIGNICAT_LOG;
    if (variable && variable in LEVELS) level = variable;
    else if (variable) logger.warn?.(`signicat: SIGNICAT_LOG=${variable} is not one of ${Object.keys(LEVELS).join(", ")}; logging stays off`);
  }
  if (!level || level === "off") return undefined;
  for (const method of ["error", "warn", "info", "debug"]) {
    if (typeof logger?.[method] !== "function") throw configError(`logger must have a ${method} method`);
  }
  const at = LEVELS[level];
  return {
    debugs: at >= LEVELS.debug,
    /** After an attempt, as the wasm reports it (`observe`). */
    attempt(event) {
      const [line, severity] = describe(event);
      if (LEVELS[severity] <= at) logger[severity](line);
    },
    request(operation, request, body) {
      logger.debug(`signicat ${operation} → ${request.method} ${request.url}`, { headers: shownHeaders(request.headers), body: cut(body) });
    },
    response(operation, response, body) {
      logger.debug(`signicat ${operation} ← ${response.status} ${response.url}`, { headers: shownHeaders(response.headers), body: cut(body) });
    },
  };
}

function configError(message) {
  return { kind: "config", message, retryable: false };
}

function cut(body) {
  return typeof body === "string" && body.length > BODY_LIMIT ? `${body.slice(0, BODY_LIMIT)}…` : body;
}

/** The line for an attempt, and the level it goes out at. */
function describe({ operation, method, url, attempt, status, durationMs, decision, waitMs, error }) {
  const answer = status === undefined ? `no answer (${error})` : `${status}`;
  const head = `signicat ${operation} ${method} ${url} → ${answer} in ${Math.round(durationMs)} ms (attempt ${attempt})`;
  switch (decision) {
    case "retry":
      return [`${head}: retry in ${waitMs} ms`, "warn"];
    case "renew":
      return [`${head}: renew the token and repeat`, "warn"];
    case "fail":
      return [`${head}: fail`, "error"];
    default:
      return [`${head}: done`, "info"];
  }
}
