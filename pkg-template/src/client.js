// `SignicatClient`: namespaces over the wasm `ClientCore`, errors as `SignicatError`, and
// `listAll()` iterators. Validation, auth, retries and decoding all happen in Rust.

import { toSignicatError } from "./error.js";

export function createClientClass(wasm, methods) {
  return class SignicatClient {
    #core;

    constructor(options = {}) {
      try {
        this.#core = new wasm.ClientCore(options);
      } catch (thrown) {
        throw toSignicatError(thrown);
      }
      const namespaces = {};
      for (const { index, namespace, method, paged } of methods) {
        const call = (...args) => this.#call(index, args);
        const target = (namespaces[namespace] ??= {});
        target[method] = call;
        if (paged) target.listAll = (options) => paginate(call, options);
      }
      for (const [name, namespace] of Object.entries(namespaces)) this[name] = Object.freeze(namespace);
      Object.freeze(this);
    }

    async #call(index, args) {
      try {
        return await this.#core.call(index, args);
      } catch (thrown) {
        throw toSignicatError(thrown);
      }
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
