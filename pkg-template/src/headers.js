// Headers as the wasm reads them (a plain object of strings), and as logs and errors show
// them: credentials replaced, whatever a server or a middleware put there.

/** Names whose values are credentials, shown as `[redacted]` wherever headers are shown. */
const SECRET = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);

/**
 * `Headers`, `[name, value][]` or a plain object of strings, as the wasm takes them: one flat
 * list, `[name, value, …]`. `Authorization` is the client's own: a caller's would be overwritten
 * or outlive a token refresh, so it is refused, as is anything but text.
 */
export function headerList(headers) {
  if (headers === undefined || headers === null) return undefined;
  const isHeaders = typeof Headers !== "undefined" && headers instanceof Headers;
  if (typeof headers !== "object") throw configError("headers must be an object of header names and string values");
  const entries = isHeaders ? [...headers.entries()] : Array.isArray(headers) ? headers : Object.entries(headers);
  const list = [];
  for (const entry of entries) {
    const [name, value] = Array.isArray(entry) ? entry : [];
    if (typeof name !== "string" || typeof value !== "string") throw configError("headers must be an object of header names and string values");
    if (name.toLowerCase() === "authorization") throw configError("headers must not set Authorization: the client sends its own token");
    list.push(name, value);
  }
  return list;
}

function configError(message) {
  return { kind: "config", message, retryable: false };
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
