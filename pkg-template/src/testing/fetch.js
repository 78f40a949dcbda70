// The emulator's `fetch`: a real `Request` in, the wasm's `handle` in between, a real
// `Response` out. What a socket would do to a fetch (a reset, a body cut short, an abort
// while waiting) is shown the way Node's and browsers' fetch show it.

// Statuses whose responses have no body (Fetch standard, "null body status").
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch-compatible function answering only URLs under `origin`, through `exchange(method,
 * url, headers, body)`, which resolves to the wasm's `{ status, headers, body, ending }`.
 */
export function createFetch(origin, exchange) {
  return async function fetch(input, init) {
    const request = new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    const url = new URL(request.url);
    if (url.origin !== origin) {
      throw new TypeError(`emulator.fetch: ${request.url} is outside the emulator's origin ${origin}; a test never reaches the network through it`);
    }
    const headers = [];
    for (const [name, value] of request.headers) headers.push(name, value);
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    signal.throwIfAborted();

    const answer = await abortable(exchange(request.method, request.url, headers, body), signal);
    if (answer.ending === "reset") throw connectionReset();
    if (answer.status < 200 || answer.status > 599) {
      throw new TypeError("fetch failed", { cause: new Error(`the emulator answered with status ${answer.status}, which fetch cannot represent`) });
    }
    const responseHeaders = new Headers();
    for (let i = 0; i + 1 < answer.headers.length; i += 2) responseHeaders.append(answer.headers[i], answer.headers[i + 1]);
    const bodyless = NULL_BODY.has(answer.status) || request.method === "HEAD";
    const stream = bodyless ? null : bodyStream(answer.body, answer.ending === "truncated", signal);
    const response = new Response(stream, { status: answer.status, headers: responseHeaders });
    // A constructed Response has an empty `url`; fetch's names what was fetched.
    Object.defineProperty(response, "url", { value: request.url, enumerable: true });
    return response;
  };
}

/** `promise`, or the signal's reason as soon as it aborts (the exchange itself runs on, as a server's would). */
function abortable(promise, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** What Node's fetch rejects with when the server resets the connection before answering. */
function connectionReset() {
  const cause = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" });
  return new TypeError("fetch failed", { cause });
}

/** What reading a body fails with when the connection drops mid-body (Node's fetch says "terminated"). */
function connectionClosed() {
  const cause = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
  return new TypeError("terminated", { cause });
}

/**
 * The body as a stream: the bytes, then the end, or (truncated) an error once they are read;
 * an abort before it has been read errors it, as it does a fetched body.
 */
function bodyStream(bytes, truncated, signal) {
  let onAbort;
  return new ReadableStream({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      if (!truncated) controller.close();
      onAbort = () => controller.error(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
    },
    pull(controller) {
      signal.removeEventListener("abort", onAbort);
      if (truncated) controller.error(connectionClosed());
    },
    cancel() {
      signal.removeEventListener("abort", onAbort);
    },
  });
}
