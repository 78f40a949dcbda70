//! One operation from first attempt to final answer: token, hooks, retries, 401 renewal.

use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, Response};

use super::auth::Auth;
use super::cancel::{Cancel, GuardError};
use super::js::{clear_timeout, get, now_ms, object, sleep};
use super::transport::{self, Exchange, SendError};
use crate::config::{self, Settings};
use crate::error::Error;
use crate::http::retry::{delay_ms, should_retry, Outcome};
use crate::http::retry_after;
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
    pub route: Route,
    pub ids: Vec<String>,
    pub query: Vec<(&'static str, String)>,
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
    /// Sends `call` until it succeeds or the retry policy gives up. The response comes back
    /// with the call's `Cancel`, which must stay alive while its body is read.
    pub async fn send(
        &self,
        call: &Call,
        options: RequestOptions,
    ) -> Result<(Response, Cancel), Error> {
        let method = call.route.method;
        let ids: Vec<&str> = call.ids.iter().map(String::as_str).collect();
        let url = format!(
            "{}{}{}",
            self.settings.base_url,
            call.route.fill(&ids),
            query_string(&call.query)
        );
        let context = format!("{} {}", method.as_str(), call.route.fill(&ids));
        let cancel = Cancel::new(
            options.signal,
            options.timeout_ms.unwrap_or(self.settings.timeout_ms),
        )?;
        let max_retries = self.settings.max_retries;
        let mut retries = 0;
        let mut renewed = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let token = match self.auth.token(&cancel).await {
                Ok(token) => token,
                // Nothing reached the API yet, so even a POST may try again.
                Err(error) if error.retryable && retries < max_retries => {
                    retries += 1;
                    self.pause(&cancel, call, retries, None).await?;
                    continue;
                }
                Err(error) => return Err(error.with_operation(call.route.name)),
            };
            let bearer = format!("Bearer {}", token.expose());
            let mut headers = vec![
                ("authorization", bearer.as_str()),
                ("accept", "application/json"),
            ];
            if call.body.is_some() {
                headers.push(("content-type", "application/json"));
            }
            if let Some(agent) = &self.user_agent {
                headers.push(("user-agent", agent.as_str()));
            }
            let exchange = Exchange {
                method,
                url: &url,
                headers,
                body: call.body.as_deref(),
            };
            self.hook(&self.on_request, call, &url, attempt, None);
            let started = now_ms();
            let response = match transport::send(&exchange, self.fetch.as_ref(), &cancel).await {
                Ok(response) => response,
                Err(SendError::Stopped(error)) => return Err(error.with_operation(call.route.name)),
                Err(SendError::Network { refused, error }) => {
                    if should_retry(
                        method,
                        Outcome::NetworkError { refused },
                        retries,
                        max_retries,
                    ) {
                        retries += 1;
                        self.pause(&cancel, call, retries, None).await?;
                        continue;
                    }
                    return Err(error.with_operation(call.route.name));
                }
            };
            let status = response.status();
            self.hook(
                &self.on_response,
                call,
                &url,
                attempt,
                Some((status, now_ms() - started)),
            );
            if response.ok() {
                return Ok((response, cancel));
            }
            // A 401 means the token was refused before anything ran, so any method may repeat once.
            if status == 401 && !renewed && self.auth.can_renew() {
                renewed = true;
                self.auth.refused(&token);
                transport::discard(&response);
                continue;
            }
            if should_retry(method, Outcome::Status(status), retries, max_retries) {
                retries += 1;
                let wait = response.headers().get("retry-after").ok().flatten();
                let wait = wait.and_then(|value| retry_after::parse(&value, now_ms()));
                transport::discard(&response);
                self.pause(&cancel, call, retries, wait).await?;
                continue;
            }
            return Err(transport::error_from(&response, &cancel, &context)
                .await
                .with_operation(call.route.name));
        }
    }

    /// Waits before retry number `retry`, unless the call is stopped meanwhile.
    async fn pause(
        &self,
        cancel: &Cancel,
        call: &Call,
        retry: u32,
        retry_after_ms: Option<f64>,
    ) -> Result<(), Error> {
        let (wake, timer) = sleep(delay_ms(retry, retry_after_ms, js_sys::Math::random()));
        let waited = cancel.guard(wake).await;
        // A call stopped mid-wait must not leave its timer holding the process open.
        clear_timeout(&timer);
        match waited {
            Err(GuardError::Stopped(error)) => Err(error.with_operation(call.route.name)),
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
