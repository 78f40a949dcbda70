// createEmulator: the API emulator in-process, answering its own `fetch`, with the test
// controls of the HTTP emulator's /emulator endpoints as methods. Every entry (browser,
// Node ESM, Node CommonJS) builds it from its own way of loading the emulator's wasm.

import { createFetch } from "./fetch.js";
import { emulatorOptions } from "./options.js";

const DEFAULT_CLIENT_ID = "demo-client";
const DEFAULT_CLIENT_SECRET = "demo-secret";
const dispose = Symbol.dispose ?? Symbol.for("Symbol.dispose");

/**
 * `createEmulator(options)` over a `runtime`: `loaded()` gives the wasm-bindgen module once it
 * is instantiated (else undefined), `load()` a promise of it.
 */
export function emulatorFactory(runtime) {
  return function createEmulator(options) {
    return new Emulator(emulatorOptions(options), runtime);
  };
}

class Emulator {
  #inner;
  #clientSecret;
  #inFlight = 0;
  #closed = false;

  constructor(options, runtime) {
    const wasmOptions = { clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, ...options };
    this.origin = wasmOptions.origin;
    this.baseUrl = `${this.origin}/account-management`;
    this.tokenUrl = `${this.origin}/auth/open/connect/token`;
    this.clientId = wasmOptions.clientId;
    this.#clientSecret = wasmOptions.clientSecret;
    // Where the wasm is already instantiated (always in Node), a bad option throws here.
    const glue = runtime.loaded();
    if (glue) {
      this.#inner = new glue.Emulator(wasmOptions);
      this.ready = Promise.resolve();
    } else {
      this.ready = runtime.load().then((module) => {
        if (!this.#closed) this.#inner = new module.Emulator(wasmOptions);
      });
      // A test that never awaits `ready` sees a failure at its first call, not as an unhandled rejection.
      this.ready.catch(() => {});
    }
    this.fetch = createFetch(this.origin, (...request) => this.#exchange(request));
    Object.freeze(this);
  }

  /** The client secret the token endpoint accepts; kept off the object so it never prints. */
  get clientSecret() {
    return this.#clientSecret;
  }

  /** `SignicatClient` options that reach this emulator, with `extra` on top. */
  clientOptions(extra = {}) {
    const { baseUrl, tokenUrl, clientId, fetch } = this;
    // The emulator's credentials guard nothing, so a browser test needs no opt-in of its own.
    return { baseUrl, tokenUrl, clientId, clientSecret: this.#clientSecret, fetch, dangerouslyAllowBrowser: true, ...extra };
  }

  async #exchange([method, url, headers, body]) {
    if (!this.#inner && !this.#closed) await this.ready;
    if (this.#closed) throw new TypeError("fetch failed", { cause: new Error("createEmulator: this emulator was closed") });
    this.#inFlight += 1;
    try {
      return await this.#inner.handle(method, url, headers, body);
    } finally {
      this.#inFlight -= 1;
      if (this.#closed && this.#inFlight === 0) this.#free();
    }
  }

  /** Calls an /emulator endpoint and returns its JSON; a non-2xx answer rejects with the body. */
  async #control(method, path, body) {
    const response = await this.fetch(`${this.origin}/emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw Object.assign(new Error(`${method} /emulator${path} answered ${response.status}: ${text}`), { status: response.status, body: text });
    }
    return text ? JSON.parse(text) : {};
  }

  reset() {
    return this.#control("POST", "/reset");
  }

  armFault(spec, options = {}) {
    if (typeof spec !== "string" && (spec === null || typeof spec !== "object")) {
      return Promise.reject(new TypeError(`armFault: the fault must be a string such as "503" or a { fault, times, method, path } object, not ${typeof spec}`));
    }
    if (options === null || typeof options !== "object") {
      return Promise.reject(new TypeError("armFault: the options must be an object: { times, method, path }"));
    }
    const body = typeof spec === "string" ? { fault: spec, ...options } : { ...spec, ...options };
    // Arming answers only with counts, and callers of armFault read the queue, so it is fetched after.
    return this.#control("POST", "/faults", body).then(() => this.#control("GET", "/faults"));
  }

  clearFaults() {
    return this.#control("DELETE", "/faults");
  }

  setRandomFaults(spec, seed) {
    if (typeof spec !== "string") return Promise.reject(new TypeError(`setRandomFaults: the spec must be a string such as "503=0.2" ("" switches them off), not ${typeof spec}`));
    if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
      return Promise.reject(new TypeError(`setRandomFaults: the seed must be a whole number, 0 or more, not ${seed}`));
    }
    return this.#control("PUT", "/faults/random", seed === undefined ? { spec } : { spec, seed });
  }

  revokeTokens() {
    return this.#control("POST", "/revoke-tokens");
  }

  stats() {
    return this.#control("GET", "/stats");
  }

  clearStats() {
    return this.#control("DELETE", "/stats");
  }

  health() {
    return this.#control("GET", "/health");
  }

  /** Moves the emulator's clock forward by `by` (milliseconds, or a duration such as "90s"); resolves to its new time. */
  async advanceClock(by) {
    let advance = by;
    if (typeof by === "number") {
      if (!(Number.isSafeInteger(by) && by >= 0)) throw new TypeError(`advanceClock: a number is whole milliseconds, 0 or more, not ${by}`);
      advance = `${by}ms`;
    } else if (typeof by !== "string") {
      throw new TypeError(`advanceClock: give milliseconds or a duration such as "90s", "2m", "1h", not ${typeof by}`);
    }
    return new Date((await this.#control("POST", "/clock", { advance })).now);
  }

  /** The emulator's time: the real time plus every advanceClock so far. */
  async now() {
    return new Date((await this.#control("GET", "/clock")).now);
  }

  /** Frees the wasm once the requests in flight have settled; later requests are refused. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#inFlight === 0) this.#free();
  }

  [dispose]() {
    this.close();
  }

  #free() {
    this.#inner?.free();
    this.#inner = undefined;
  }

  // Neither shows the client secret.
  toJSON() {
    const { origin, baseUrl, tokenUrl, clientId } = this;
    return { origin, baseUrl, tokenUrl, clientId };
  }

  [Symbol.for("nodejs.util.inspect.custom")]() {
    return `Emulator ${JSON.stringify(this.toJSON())}`;
  }
}
