// Headers as the wasm reads them (a plain object of strings), and as logs and errors show
// them: credentials replaced, whatever a server or a middleware put there.

/** Names whose values are credentials, shown as `[redacted]` wherever headers are shown. */
const SECRET = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);

/** `Headers`, `[name, value][]` or a plain object, as a plain object; anything else as it is. */
export function plainHeaders(headers) {
  if (headers == null || typeof headers !== "object") return headers;
  const isHeaders = typeof Headers !== "undefined" && headers instanceof Headers;
  if (!isHeaders && !Array.isArray(headers)) return headers;
  return Object.fromEntries(isHeaders ? headers.entries() : headers);
}

/** A `Headers`' entries as a plain object, credentials redacted. */
export function shownHeaders(headers) {
  const shown = {};
  for (const [name, value] of headers.entries()) shown[name] = SECRET.has(name) ? "[redacted]" : value;
  return shown;
}

/** The id the API gave the answer, for a support ticket. */
export function requestIdOf(headers) {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}
