// `SignicatClient`: namespaces over the wasm `ClientCore`, errors as `SignicatError`, and
// `listAll()` iterators. Validation, auth, retries and decoding all happen in Rust.

import { toSignicatError } from "./error.js";

export function createClientClass(wasm) {
  return class SignicatClient {
    #core;

    constructor(options = {}) {
      try {
        this.#core = new wasm.ClientCore(options);
      } catch (thrown) {
        throw toSignicatError(thrown);
      }
      const call = (method) => (...args) => this.#call(method, args);
      const pages = (method) => (options) => paginate(call(method), options);

      this.accounts = Object.freeze({
        list: call("listAccounts"),
        listAll: pages("listAccounts"),
        get: call("getAccount"),
        create: call("createAccount"),
        update: call("updateAccount"),
        delete: call("deleteAccount"),
        undelete: call("undeleteAccount"),
      });
      this.contacts = Object.freeze({
        list: call("listContacts"),
        listAll: pages("listContacts"),
        get: call("getContact"),
        create: call("createContact"),
        update: call("updateContact"),
        patch: call("patchContact"),
      });
      this.organizations = Object.freeze({
        list: call("listOrganizations"),
        listAll: pages("listOrganizations"),
        get: call("getOrganization"),
        create: call("createOrganization"),
        update: call("updateOrganization"),
      });
      this.invoices = Object.freeze({
        list: call("listInvoices"),
        get: call("getInvoice"),
        download: call("downloadInvoice"),
      });
      Object.freeze(this);
    }

    async #call(method, args) {
      try {
        return await this.#core[method](...args);
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
