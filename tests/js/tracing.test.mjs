// OpenTelemetry with the SDK's own in-memory exporter, registered globally the way an
// application does: a span per operation under the caller's, an HTTP client span per attempt
// under it with the semantic conventions' attributes, and the `traceparent` the emulator received.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

import { admin, countRequests } from "../scenarios/admin.mjs";
import { clientOptions, startEmulator } from "../support/emulator.mjs";
import { SignicatClient, SignicatError } from "../support/package.mjs";

const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const tracer = trace.getTracer("the application");

let emulator;
let emu;
before(async () => {
  emulator = await startEmulator({ args: ["--seed", "7"] });
  emu = admin(emulator.origin);
});
after(() => emulator?.stop());

/** Runs `work` inside an active span of the application's, and returns that span. */
function inSpan(name, work) {
  return tracer.startActiveSpan(name, async (span) => {
    try {
      await work();
    } finally {
      span.end();
    }
    return span;
  });
}

const spansUnder = (spanId) => exporter.getFinishedSpans().filter((s) => s.parentSpanContext?.spanId === spanId);

test("an operation span under the caller's, an HTTP span under it, and the traceparent the API received", async () => {
  exporter.reset();
  const tokens = new Set();
  const fetch = (url, init) => {
    const authorization = new Headers(init?.headers).get("authorization");
    if (authorization) tokens.add(authorization);
    return globalThis.fetch(url, init);
  };
  const client = new SignicatClient(clientOptions(emulator, { fetch }));
  const job = await inSpan("nightly job", () => client.accounts.list({ limit: 2 }));

  const [operation] = spansUnder(job.spanContext().spanId);
  assert.equal(operation?.name, "accounts.list", "the operation's span is a child of the caller's");
  assert.equal(operation.attributes["signicat.operation"], "accounts.list");
  const [http] = spansUnder(operation.spanContext().spanId);
  assert.equal(http?.name, "GET");
  assert.equal(http.kind, 2, "a client span");
  const url = new URL(emulator.baseUrl);
  assert.equal(http.attributes["http.request.method"], "GET");
  assert.equal(http.attributes["server.address"], url.hostname);
  assert.equal(http.attributes["server.port"], Number(url.port));
  assert.equal(http.attributes["url.full"], `${emulator.baseUrl}/accounts?limit=2`);
  assert.equal(http.attributes["http.response.status_code"], 200);
  assert.equal(http.attributes["http.request.resend_count"], undefined, "a first attempt is no resend");

  const { requests } = await emu.stats();
  const received = requests.filter((r) => r.path.endsWith("/accounts")).at(-1).headers.traceparent;
  assert.equal(received, `00-${job.spanContext().traceId}-${http.spanContext().spanId}-01`, "the API's trace joins the caller's");
  assert.ok(!requests.some((r) => r.path.endsWith("/connect/token") && r.headers?.traceparent), "token requests carry no traceparent");

  const everything = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes, s.events, s.status]));
  assert.ok(tokens.size > 0);
  for (const token of tokens) assert.ok(!everything.includes(token.slice(7)), "no token in any span");
  assert.ok(!everything.includes(emulator.clientSecret), "no secret in any span");
});

test("a retried attempt is a second HTTP span with its resend count; a failed call marks the operation", async () => {
  exporter.reset();
  const client = new SignicatClient(clientOptions(emulator));
  await emu.armFault("503", { method: "GET", path: "/account-management/contacts", times: 1 });
  const job = await inSpan("retry", () => client.contacts.list({ limit: 1 }));
  const [operation] = spansUnder(job.spanContext().spanId);
  const attempts = spansUnder(operation.spanContext().spanId).sort((a, b) => (a.attributes["http.request.resend_count"] ?? 0) - (b.attributes["http.request.resend_count"] ?? 0));
  assert.deepEqual(attempts.map((s) => s.attributes["http.response.status_code"]), [503, 200]);
  assert.equal(attempts[0].attributes["error.type"], "503");
  assert.equal(attempts[0].status.code, 2, "an error status on the failed attempt");
  assert.equal(attempts[1].attributes["http.request.resend_count"], 1);
  assert.equal(operation.status.code, 0, "the operation succeeded");

  exporter.reset();
  const failing = await inSpan("missing", () => client.contacts.get("c-p-doesnotexist").catch((error) => assert.ok(error instanceof SignicatError)));
  const [failed] = spansUnder(failing.spanContext().spanId);
  assert.equal(failed.status.code, 2, "a failed operation has an error status");
  assert.equal(failed.attributes["error.type"], "api");
  assert.equal(countRequests(await emu.stats(), "GET", "/contacts/c-p-doesnotexist"), 1);
});
