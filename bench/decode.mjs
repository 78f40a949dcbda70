// Pure CPU: turning a 50-account page into objects, with no network. The SDK gets a `fetch`
// option that answers at once with a fresh `Response` over the same bytes (a static token,
// so no token request either); the runtime's `JSON.parse` of the text is the floor, and
// `Response#json()` is what a plain fetch caller pays for the same step.
// Each contender runs on its own (tinybench), since nothing here waits on a shared server.
import { Bench } from "tinybench";

const EMPTY_PAGE = JSON.stringify({ data: [], next: null });

/**
 * `page` is `{ body, contentType }`, a real answer of the emulator to `GET /accounts?limit=50`.
 * The same SDK call over an empty page tells the fixed cost of a call from the decoding, and
 * with a pass-through middleware what the layer adds.
 */
export async function measureDecode({ SignicatClient, page, timeMs }) {
  const headers = { "content-type": page.contentType };
  const answering = (body, extra) =>
    new SignicatClient({
      baseUrl: "https://decode.invalid/account-management",
      accessToken: "decode-benchmark",
      fetch: async () => new Response(body, { status: 200, headers }),
      ...extra,
    });
  const full = answering(page.body);
  const empty = answering(EMPTY_PAGE);
  // A middleware that only passes the request on: the price of the layer and its `Request`.
  const layered = answering(EMPTY_PAGE, { middleware: [(request, next) => next(request)] });
  const decoded = await full.accounts.list({ limit: 50 });
  const expected = JSON.parse(page.body).data.length;
  if (decoded.data.length !== expected) throw new Error(`the SDK decoded ${decoded.data.length} of ${expected} accounts`);

  const bench = new Bench({ time: timeMs, warmupTime: Math.min(timeMs, 200), throws: true });
  bench
    .add("sdk", () => full.accounts.list({ limit: 50 }))
    .add("sdkEmpty", () => empty.accounts.list({ limit: 50 }))
    .add("sdkLayered", () => layered.accounts.list({ limit: 50 }))
    .add("json", () => JSON.parse(page.body))
    .add("responseJson", () => new Response(page.body, { status: 200, headers }).json());
  await bench.run();
  return Object.fromEntries(
    bench.tasks.map((task) => [task.name, { median: task.result.latency.p50, p99: task.result.latency.p99, n: task.result.latency.samplesCount }]),
  );
}
