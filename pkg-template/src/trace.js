// OpenTelemetry, when the application has registered a tracer provider with
// `@opentelemetry/api`: a span per operation and an HTTP client span per attempt, with W3C
// `traceparent` sent so the API's trace joins the caller's. Nothing is imported: the API keeps
// its registry on a global symbol, which any compatible copy finds, so a page or a bundle
// without OpenTelemetry loads nothing for it.

const REGISTRY = Symbol.for("opentelemetry.js.api.1");
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");
const KIND_INTERNAL = 0;
const KIND_CLIENT = 2;
const STATUS_ERROR = 2;

/** The root context of the OpenTelemetry API, for when no context manager is registered. */
class Context {
  #values;
  constructor(values = new Map()) {
    this.#values = values;
  }
  getValue(key) {
    return this.#values.get(key);
  }
  setValue(key, value) {
    return new Context(new Map(this.#values).set(key, value));
  }
  deleteValue(key) {
    const values = new Map(this.#values);
    values.delete(key);
    return new Context(values);
  }
}

/** A tracer for this package, or `undefined` when the application registered none. */
export function createTracer() {
  const api = globalThis[REGISTRY];
  if (!api?.trace?.getTracer) return undefined;
  const tracer = api.trace.getTracer("signicat-account-management");
  const active = () => api.context?.active?.() ?? new Context();
  return {
    /** The operation's span, a child of whatever span is active where the method was called. */
    operation(name) {
      const parent = active();
      const span = tracer.startSpan(name, { kind: KIND_INTERNAL, attributes: { "signicat.operation": name } }, parent);
      return { span, context: parent.setValue(SPAN_KEY, span) };
    },
    /** An HTTP client span for one attempt, under the operation's. */
    attempt(call, request, attempt) {
      const url = new URL(request.url);
      const attributes = {
        "http.request.method": request.method,
        "server.address": url.hostname,
        "server.port": Number(url.port || (url.protocol === "https:" ? 443 : 80)),
        "url.full": request.url,
      };
      if (attempt > 1) attributes["http.request.resend_count"] = attempt - 1;
      return tracer.startSpan(request.method, { kind: KIND_CLIENT, attributes }, call.context);
    },
  };
}

/** `traceparent` for a span, as W3C Trace Context writes it. */
export function traceparent(span) {
  const { traceId, spanId, traceFlags } = span.spanContext();
  if (!/^[0-9a-f]{32}$/.test(traceId) || /^0+$/.test(traceId)) return undefined;
  return `00-${traceId}-${spanId}-${(traceFlags & 1 ? "01" : "00")}`;
}

/** Ends an attempt's span with its answer, or with what went wrong. */
export function endAttempt(span, response, error) {
  if (response) {
    span.setAttribute("http.response.status_code", response.status);
    if (response.status >= 400) {
      span.setAttribute("error.type", String(response.status));
      span.setStatus({ code: STATUS_ERROR });
    }
  } else {
    span.setAttribute("error.type", error?.name ?? "Error");
    span.setStatus({ code: STATUS_ERROR, message: error?.message });
  }
  span.end();
}

/** Ends an operation's span; a failure carries the error's kind. */
export function endOperation(span, error) {
  if (error) {
    span.setAttribute("error.type", error.kind ?? "Error");
    span.setStatus({ code: STATUS_ERROR, message: error.message });
  }
  span.end();
}
