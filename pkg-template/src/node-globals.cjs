// What the Node entries take from here rather than from the global object, which a test
// environment replaces: Jest's jsdom has no TextDecoder, TextEncoder, fetch, Headers, Request
// or Response. A global object with fetch keeps its own (a mock or polyfill put there is
// used); one without gets those of the Node process's main context, which Node 18+ has.
"use strict";
const { TextDecoder, TextEncoder } = require("node:util");

const web = typeof globalThis.fetch === "function" ? globalThis : require("node:vm").runInThisContext("globalThis");

module.exports = {
  TextDecoder,
  TextEncoder,
  // Looked up at each call, so a fetch a test sets on the global object later is the one called.
  fetch: (url, init) => (typeof globalThis.fetch === "function" ? globalThis.fetch : web.fetch)(url, init),
  Headers: web.Headers,
  Request: web.Request,
  Response: web.Response,
  ReadableStream: web.ReadableStream,
  // Fetch takes the signal of its own realm's controller; a caller's signal may be any realm's.
  AbortController: web.AbortController,
};
