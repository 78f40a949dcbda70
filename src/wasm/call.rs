//! One operation from first attempt to final answer: drives `http::attempt` over fetch,
//! with the token, the headers and the hooks.

use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, Response};

use super::auth::Auth;
use super::cancel::{Cancel, GuardError};
use super::js::{clear_timeout, get, now_ms, object, sleep};
use super::transport::{self, Exchange, SendError};
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
}

/// What one call sends.
pub struct Call {
    pub route: &'static Route,
    pub ids: Vec<String>,
    pub query: Pairs,
    pub body: Option<String>,
}

/// The last argument of every method: `{ signal?, timeoutMs? }`, possibly beside query parameters.
pub struct RequestOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: Option<f64>,
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
        Ok(RequestOptions { signal, timeout_ms })
    }
}

impl Client {
    /// Sends `call` until the attempt state machine says it is done or failed. The response
    /// comes back with the call's `Cancel`, which must stay alive while its body is read.
    pub async fn send(
        &self,
        call: &Call,
        options: RequestOptions,
    ) -> Result<(Response, Cancel), Error> {
        let route = call.route;
        let ids: Vec<&str> = call.ids.iter().map(String::as_str).collect();
        let path = route.fill(&ids);
        let mut url = String::with_capacity(self.settings.base_url.len() + path.len() + 32);
        url.push_str(&self.settings.base_url);
        url.push_str(&path);
        url.push_str(&query_string(&call.query));
        let timeout_ms = options.timeout_ms.unwrap_or(self.settings.timeout_ms);
        let cancel = Cancel::new(options.signal, timeout_ms, self.fetch.is_none())?;
        let deadline = now_ms() + timeout_ms;
        let mut attempts = Attempts::new(
            route.method,
            self.settings.max_retries,
            self.auth.can_renew(),
        );
        let fail = |error: Error| error.with_operation(route.name);
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
                    match decide(&mut attempts, event) {
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
            let mut headers = vec![
                ("authorization", bearer.as_str()),
                ("accept", route.accepts()),
            ];
            if call.body.is_some() {
                headers.push(("content-type", "application/json"));
            }
            if let Some(agent) = &self.user_agent {
                headers.push(("user-agent", agent.as_str()));
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
            let response = match transport::send(&exchange, self.fetch.as_ref(), &cancel).await {
                Ok(response) => response,
                Err(SendError::Stopped(error)) => return Err(fail(error)),
                Err(SendError::Network { refused, error }) => {
                    match decide(&mut attempts, Event::NetworkError { refused }) {
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
            match decide(&mut attempts, event) {
                Next::Done => return Ok((response, cancel)),
                Next::Renew if self.auth.refused(&token) => transport::discard(&response),
                Next::Renew => {
                    let error = transport::error_from(&response, &cancel, route.name).await;
                    return Err(fail(error));
                }
                Next::Retry { wait_ms } => {
                    transport::discard(&response);
                    self.pause(&cancel, wait_ms).await.map_err(fail)?;
                }
                Next::Fail => {
                    let mut error = transport::error_from(&response, &cancel, route.name).await;
                    error.retry_after_ms = retry_after_ms;
                    // 429 and 503 say the request was not processed; other answers may hide an applied POST.
                    error.retryable &= repeat_is_safe(route.method, matches!(status, 429 | 503));
                    return Err(fail(error));
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
