//! One operation from first attempt to final answer: drives `http::attempt` over fetch,
//! with the token, the headers and the hooks.

use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, Response};

use super::auth::Auth;
use super::body;
use super::cancel::{Cancel, GuardError};
use super::js::{clear_timeout, get, now_ms, object, sleep};
use super::transport::{self, Exchange, SendError, Sender};
use crate::config::{self, Settings};
use crate::error::Error;
use crate::http::attempt::{Attempts, Event, Next};
use crate::http::retry::repeat_is_safe;
use crate::http::retry_after;
use crate::model::Pairs;
use crate::routes::{query_string, Route};
use std::rc::Rc;

pub struct Client {
    pub settings: Settings,
    pub auth: Rc<Auth>,
    pub fetch: Option<Function>,
    pub on_request: Option<Function>,
    pub on_response: Option<Function>,
    /// Sent only outside browsers, which forbid setting it.
    pub user_agent: Option<String>,
    /// The `headers` option, sent with every call after the SDK's own.
    pub headers: Vec<(String, String)>,
    /// The facade's layer under the middleware, called for every API attempt instead of
    /// `fetch` as `dispatch(context, authorization, url, init)`: `init` holds no token, so
    /// nothing above the layer's last step ever sees one. Token requests never pass it.
    pub dispatch: Option<Function>,
    /// The facade's logs and traces: `observe(context, event)` after every attempt, with
    /// what the client decided.
    pub observe: Option<Function>,
}

/// What one call sends.
pub struct Call {
    pub route: &'static Route,
    pub ids: Vec<String>,
    pub query: Pairs,
    pub body: Option<String>,
    /// The facade's value for this call, handed back to `dispatch` and `observe`.
    pub context: JsValue,
}

/// A call's failure, with the answer it came from when there was one.
pub type Failure = (Error, Option<Response>);

/// The last argument of every method: `{ signal?, timeoutMs?, headers?, maxRetries? }`,
/// possibly beside query parameters.
pub struct RequestOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: Option<f64>,
    pub headers: Vec<(String, String)>,
    pub max_retries: Option<u32>,
}

/// Headers as the facade hands them over: `[name, value, name, value, …]`, already checked
/// (strings, and no `Authorization`, which is the client's own).
pub fn header_list(value: &JsValue) -> Vec<(String, String)> {
    let Some(list) = value.dyn_ref::<js_sys::Array>() else {
        return Vec::new();
    };
    let text = |at: u32| list.get(at).as_string().unwrap_or_default();
    (0..list.length() / 2)
        .map(|pair| (text(pair * 2), text(pair * 2 + 1)))
        .collect()
}

impl RequestOptions {
    pub fn from_js(options: &JsValue) -> Result<RequestOptions, Error> {
        let signal = get(options, "signal");
        let signal = match signal.is_undefined() || signal.is_null() {
            true => None,
            false => Some(
                signal
                    .dyn_into::<AbortSignal>()
                    .map_err(|_| Error::config("signal must be an AbortSignal"))?,
            ),
        };
        let timeout = get(options, "timeoutMs");
        let timeout_ms = match timeout.is_undefined() {
            true => None,
            false => config::timeout(Some(timeout.as_f64().unwrap_or(f64::NAN)))?,
        };
        let retries = get(options, "maxRetries");
        let max_retries = match retries.is_undefined() {
            true => None,
            false => Some(config::max_retries(retries.as_f64().unwrap_or(f64::NAN))?),
        };
        Ok(RequestOptions {
            signal,
            timeout_ms,
            headers: header_list(&get(options, "headers")),
            max_retries,
        })
    }
}

impl Client {
    /// Sends `call` until the attempt state machine says it is done or failed. The response
    /// comes back with the call's `Cancel`, which must stay alive while its body is read.
    pub async fn send(
        &self,
        call: &Call,
        options: RequestOptions,
    ) -> Result<(Response, Cancel), Failure> {
        let route = call.route;
        let ids: Vec<&str> = call.ids.iter().map(String::as_str).collect();
        let path = route.fill(&ids);
        let mut url = String::with_capacity(self.settings.base_url.len() + path.len() + 32);
        url.push_str(&self.settings.base_url);
        url.push_str(&path);
        url.push_str(&query_string(&call.query));
        let timeout_ms = options.timeout_ms.unwrap_or(self.settings.timeout_ms);
        let fail = |error: Error| (error.with_operation(route.name), None);
        // A caller's fetch or middleware may ignore the signal; only the runtime's own is trusted to.
        let honours_signal = self.fetch.is_none() && self.dispatch.is_none();
        let cancel = Cancel::new(options.signal, timeout_ms, honours_signal).map_err(fail)?;
        let deadline = now_ms() + timeout_ms;
        let mut attempts = Attempts::new(
            route.method,
            options.max_retries.unwrap_or(self.settings.max_retries),
            self.auth.can_renew(),
        );
        loop {
            let attempt = attempts.start();
            let decide = |attempts: &mut Attempts, event| {
                attempts.after(event, js_sys::Math::random(), deadline - now_ms())
            };
            let token = match self.auth.token(&cancel).await {
                Ok(token) => token,
                Err(error) => {
                    let event = Event::TokenFailed {
                        retryable: error.retryable,
                    };
                    let next = decide(&mut attempts, event);
                    self.observe(call, &url, attempt, None, now_ms(), next, Some(&error));
                    match next {
                        Next::Retry { wait_ms } => {
                            self.pause(&cancel, wait_ms).await.map_err(fail)?;
                            continue;
                        }
                        _ => return Err(fail(error)),
                    }
                }
            };
            let mut bearer = String::from("Bearer ");
            bearer.push_str(token.expose());
            let mut headers = vec![("accept", route.accepts())];
            // Beneath the dispatch layer's middleware the token is added by its last step.
            let via = match &self.dispatch {
                Some(dispatch) => Some(
                    dispatch
                        .bind2(
                            &JsValue::UNDEFINED,
                            &call.context,
                            &JsValue::from_str(&bearer),
                        )
                        .unchecked_into::<Function>(),
                ),
                None => {
                    headers.push(("authorization", bearer.as_str()));
                    None
                }
            };
            if call.body.is_some() {
                headers.push(("content-type", "application/json"));
            }
            if let Some(agent) = &self.user_agent {
                headers.push(("user-agent", agent.as_str()));
            }
            // The caller's headers come last, so they win over the SDK's defaults.
            for (name, value) in self.headers.iter().chain(&options.headers) {
                headers.push((name.as_str(), value.as_str()));
            }
            let exchange = Exchange {
                method: route.method,
                url: &url,
                headers,
                body: call.body.as_deref(),
            };
            self.hook(&self.on_request, call, &url, attempt, None);
            if !route.method.is_idempotent() {
                cancel.mark_unrepeatable();
            }
            let started = now_ms();
            let sender = match &via {
                Some(layer) => Sender::Layer(layer),
                None => Sender::Fetch(self.fetch.as_ref()),
            };
            let response = match transport::send(&exchange, sender, &cancel).await {
                Ok(response) => response,
                Err(SendError::Stopped(error)) => return Err(fail(error)),
                Err(SendError::Network { refused, error }) => {
                    let next = decide(&mut attempts, Event::NetworkError { refused });
                    self.observe(call, &url, attempt, None, started, next, Some(&error));
                    match next {
                        Next::Retry { wait_ms } => {
                            self.pause(&cancel, wait_ms).await.map_err(fail)?;
                            continue;
                        }
                        _ => {
                            let mut error = error;
                            error.retryable &= repeat_is_safe(route.method, refused);
                            return Err(fail(error));
                        }
                    }
                }
            };
            let status = response.status();
            let duration = now_ms() - started;
            self.hook(
                &self.on_response,
                call,
                &url,
                attempt,
                Some((status, duration)),
            );
            let retry_after_ms = match response.ok() {
                true => None,
                false => response
                    .headers()
                    .get("retry-after")
                    .ok()
                    .flatten()
                    .and_then(|value| retry_after::parse(&value, now_ms())),
            };
            let event = Event::Answer {
                status,
                retry_after_ms,
            };
            let next = decide(&mut attempts, event);
            self.observe(call, &url, attempt, Some(status), started, next, None);
            match next {
                Next::Done => return Ok((response, cancel)),
                Next::Renew if self.auth.refused(&token) => transport::discard(&response),
                Next::Renew => {
                    let error = body::error_from(&response, &cancel, route.name).await;
                    return Err((error.with_operation(route.name), Some(response)));
                }
                Next::Retry { wait_ms } => {
                    transport::discard(&response);
                    self.pause(&cancel, wait_ms).await.map_err(fail)?;
                }
                Next::Fail => {
                    let mut error = body::error_from(&response, &cancel, route.name).await;
                    error.retry_after_ms = retry_after_ms;
                    // 429 and 503 say the request was not processed; other answers may hide an applied POST.
                    error.retryable &= repeat_is_safe(route.method, matches!(status, 429 | 503));
                    return Err((error.with_operation(route.name), Some(response)));
                }
            }
        }
    }

    /// Waits `ms` before the next attempt, unless the call is stopped meanwhile.
    async fn pause(&self, cancel: &Cancel, ms: f64) -> Result<(), Error> {
        let (wake, timer) = sleep(ms);
        let waited = cancel.guard(wake).await;
        // A call stopped mid-wait must not leave its timer holding the process open.
        clear_timeout(&timer);
        match waited {
            Err(GuardError::Stopped(error)) => Err(error),
            _ => Ok(()),
        }
    }

    /// Tells the facade how an attempt ended and what the client decided; never a header.
    #[allow(clippy::too_many_arguments)] // One event's fields, each from a different step.
    fn observe(
        &self,
        call: &Call,
        url: &str,
        attempt: u32,
        status: Option<u16>,
        started: f64,
        next: Next,
        error: Option<&Error>,
    ) {
        let Some(observe) = &self.observe else { return };
        let (decision, wait_ms) = match next {
            Next::Done => ("done", None),
            Next::Renew => ("renew", None),
            Next::Retry { wait_ms } => ("retry", Some(wait_ms)),
            Next::Fail => ("fail", None),
        };
        let mut fields = vec![
            ("operation", JsValue::from_str(call.route.name)),
            ("method", JsValue::from_str(call.route.method.as_str())),
            ("url", JsValue::from_str(url)),
            ("attempt", JsValue::from(attempt)),
            ("durationMs", JsValue::from(now_ms() - started)),
            ("decision", JsValue::from_str(decision)),
        ];
        if let Some(status) = status {
            fields.push(("status", JsValue::from(status)));
        }
        if let Some(wait_ms) = wait_ms {
            fields.push(("waitMs", JsValue::from(wait_ms.round())));
        }
        if let Some(error) = error {
            fields.push(("error", JsValue::from_str(&error.message)));
        }
        let _ = observe.call2(&JsValue::UNDEFINED, &call.context, &object(&fields));
    }

    /// Tells a hook about an attempt. Hooks see no headers, so never a token; a hook that throws is ignored.
    fn hook(
        &self,
        hook: &Option<Function>,
        call: &Call,
        url: &str,
        attempt: u32,
        answer: Option<(u16, f64)>,
    ) {
        let Some(hook) = hook else { return };
        let mut fields = vec![
            ("operation", JsValue::from_str(call.route.name)),
            ("method", JsValue::from_str(call.route.method.as_str())),
            ("url", JsValue::from_str(url)),
            ("attempt", JsValue::from(attempt)),
        ];
        if let Some((status, duration_ms)) = answer {
            fields.push(("status", JsValue::from(status)));
            fields.push(("durationMs", JsValue::from(duration_ms)));
        }
        let _ = hook.call1(&JsValue::UNDEFINED, &object(&fields));
    }
}
