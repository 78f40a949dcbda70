// `SignicatClient`: namespaces over the wasm `ClientCore`, errors as `SignicatError`,
// `listAll()` iterators, `.withResponse()`, and the layers a caller opts into (middleware,
// logs, traces). Validation, auth, retries and decoding all happen in Rust.

import { createDispatch } from "./dispatch.js";
import { toSignicatError } from "./error.js";
import { headerList, requestIdOf } from "./headers.js";
import { createLog } from "./log.js";
import { CLIENT_ALIASES, CLIENT_OPTIONS, unknownOptions } from "./options.js";
import { createTracer, endOperation } from "./trace.js";

export function createClientClass(wasm, methods) {
  return class SignicatClient {
    #core;
    #log;
    #tracer;

    constructor(options = {}) {
      try {
        const unknown = options && typeof options === "object" ? unknownOptions(options, CLIENT_OPTIONS, CLIENT_ALIASES, "a client option") : [];
        if (unknown.length > 0) throw { kind: "config", message: unknown.map((u) => u.message).join(". "), retryable: false };
        const middleware = checkedMiddleware(options?.middleware);
        this.#log = options && typeof options === "object" ? createLog(options) : undefined;
        this.#tracer = createTracer();
        const layered = middleware.length > 0 || this.#log?.debugs || this.#tracer;
        const internals = {
          dispatch: layered ? createDispatch({ middleware, fetch: options.fetch, log: this.#log, tracer: this.#tracer }) : undefined,
          observe: this.#log ? (_call, event) => this.#log.attempt(event) : undefined,
          product: options?.appInfo === undefined ? undefined : productOf(options.appInfo),
        };
        const given = options && typeof options === "object" && options.headers !== undefined ? { ...options, headers: headerList(options.headers) } : options;
        this.#core = new wasm.ClientCore(given, internals);
      } catch (thrown) {
        throw toSignicatError(thrown);
      }
      const namespaces = {};
      for (const { index, namespace, method, paged, params, body, options: names, aliases } of methods) {
        const at = params.length + (body ? 1 : 0);
        const known = { names, aliases };
        const call = (...args) => this.#call(index, `${namespace}.${method}`, args, at, known);
        const target = (namespaces[namespace] ??= {});
        target[method] = call;
        if (paged) target.listAll = (options) => paginate(call, options);
      }
      for (const [name, namespace] of Object.entries(namespaces)) this[name] = Object.freeze(namespace);
      Object.freeze(this);
    }

    /** One call: its data, with `.withResponse()` for the answer it came in. */
    #call(index, operation, args, optionsAt, known) {
      const options = args[optionsAt];
      if (options && typeof options === "object") {
        const unknown = unknownOptions(options, known.names, known.aliases, "an option of this method");
        if (unknown.length > 0) return rejected(invalidOptions(operation, unknown));
        if (options.headers !== undefined) {
          try {
            args[optionsAt] = { ...options, headers: headerList(options.headers) };
          } catch (thrown) {
            return rejected(toSignicatError(thrown));
          }
        }
      }
      const trace = this.#tracer?.operation(operation);
      const call = { operation, attempts: 0, trace };
      let answered;
      try {
        answered = this.#core.call(index, args, call);
      } catch (thrown) {
        answered = Promise.reject(thrown);
      }
      const settled = answered.then(trace && ((pair) => (endOperation(trace.span), pair)), (thrown) => {
        const error = toSignicatError(thrown);
        trace && endOperation(trace.span, error);
        throw error;
      });
      const data = settled.then((pair) => pair[0]);
      // Whichever of the two the caller awaits, the other must not report an unhandled rejection.
      data.catch(() => {});
      // The metadata is read only when asked for: most calls never look at it.
      const withResponse = () => settled.then(([data, response]) => ({ data, response, requestId: requestIdOf(response.headers) }));
      return Object.assign(data, { withResponse });
    }

    // Nothing of the client's state (credentials included) is printable.
    toJSON() {
      return { name: "SignicatClient" };
    }

    [Symbol.for("nodejs.util.inspect.custom")]() {
      return "SignicatClient {}";
    }
  };
}

/** A promise that rejects with `error` and offers `.withResponse()`, as every call's does. */
function rejected(error) {
  const whole = Promise.reject(error);
  const data = whole.then(() => undefined);
  data.catch(() => {});
  whole.catch(() => {});
  return Object.assign(data, { withResponse: () => whole });
}

/** The `validation` error for options a method does not take: nothing was sent. */
function invalidOptions(operation, unknown) {
  return toSignicatError({
    kind: "validation",
    message: `Invalid input for ${operation}: ${unknown.map((u) => u.message).join("; ")}`,
    retryable: false,
    operation,
    issues: unknown.map(({ name, message }) => ({ field: name, rule: "unknown", message })),
    invalidParams: unknown.map(({ name, message }) => ({ name, reason: message })),
  });
}

/** `appInfo` as a User-Agent product, `name/version (url)`, with nothing a header cannot hold. */
function productOf(appInfo) {
  const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const { name, version, url } = appInfo ?? {};
  const fits = token.test(name ?? "") && (version === undefined || token.test(version)) && (url === undefined || /^[\x20-\x27\x2a-\x7e]+$/.test(url));
  if (typeof appInfo !== "object" || !fits) {
    throw { kind: "config", message: "appInfo must be { name, version?, url? }: name and version without spaces or slashes, url printable", retryable: false };
  }
  return `${name}${version === undefined ? "" : `/${version}`}${url === undefined ? "" : ` (${url})`}`;
}

function checkedMiddleware(middleware) {
  if (middleware === undefined || middleware === null) return [];
  if (!Array.isArray(middleware) || !middleware.every((m) => typeof m === "function")) {
    throw { kind: "config", message: "middleware must be a list of functions (request, next) => Promise<Response>", retryable: false };
  }
  return [...middleware];
}

/**
 * Every item of a listing, one page in memory at a time; `byPage()` yields the pages.
 * `list` is the namespace's `list`, `options` its options (a `page` starts mid-way).
 */
function paginate(list, options = {}) {
  async function* byPage() {
    let page = options.page;
    // A server that hands out a token it already gave would otherwise loop forever.
    const seen = new Set();
    for (;;) {
      const result = await list({ ...options, page });
      yield result;
      if (!result.next) return;
      if (seen.has(result.next)) {
        throw toSignicatError({ kind: "decode", message: "The API sent a page token it had sent before; stopping the listing", retryable: false });
      }
      seen.add(result.next);
      page = result.next;
    }
  }
  return {
    byPage,
    async *[Symbol.asyncIterator]() {
      for await (const result of byPage()) yield* result.data;
    },
  };
}
