// The layer between the wasm and `fetch` for every API attempt, when the client has
// middleware, debug logs or a tracer: the attempt as a standard `Request`, through each
// middleware in order, then the last step adds what no middleware may see or change: the
// token, and `traceparent`. Token requests never come here (the wasm sends them itself).

import { endAttempt, traceparent } from "./trace.js";

/**
 * `dispatch(call, authorization, request)`, as the wasm calls it instead of `fetch`: the
 * `request` (built by the wasm) holds no token, `authorization` is the header's value, `call`
 * the facade's per-call context (`{ operation, attempts, trace }`).
 */
export function createDispatch({ middleware, fetch, log, tracer }) {
  const send = fetch ?? ((url, init) => globalThis.fetch(url, init));

  async function last(call, authorization, request) {
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
    log?.debugs && log.request(call.operation, request, body);
    const headers = new Headers(request.headers);
    headers.set("authorization", authorization);
    const span = call.trace && tracer.attempt(call.trace, request, ++call.attempts);
    const parent = span && traceparent(span);
    // Set last, replacing whatever a middleware put there: the span is this attempt's.
    if (parent) headers.set("traceparent", parent);
    const init = { method: request.method, headers, body, signal: request.signal, redirect: request.redirect };
    let response;
    try {
      response = await send(request.url, init);
    } catch (error) {
      span && endAttempt(span, undefined, error);
      throw error;
    }
    span && endAttempt(span, response);
    if (log?.debugs) log.response(call.operation, response, await response.clone().text().catch(() => undefined));
    return response;
  }

  return function dispatch(call, authorization, request) {
    const step = (index) => (request) => {
      if (!(request instanceof Request)) throw new TypeError("a middleware must pass a Request to next");
      return index < middleware.length ? middleware[index](request, step(index + 1)) : last(call, authorization, request);
    };
    try {
      return Promise.resolve(step(0)(request));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
