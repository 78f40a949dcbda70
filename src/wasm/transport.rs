//! One HTTP exchange over fetch (built with gloo-net), and reading its body.

use gloo_net::http::{Headers, Method as GlooMethod, RequestBuilder};
use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Response;

use super::cancel::{Cancel, GuardError};
use super::js::{fetch, get, message_of};
use crate::error::{Error, ErrorKind};
use crate::http::response::{decode_error, is_json};
use crate::json::text;
use crate::model::ProblemDetails;
use crate::routes::Method;

pub struct Exchange<'a> {
    pub method: Method,
    pub url: &'a str,
    pub headers: Vec<(&'static str, &'a str)>,
    pub body: Option<&'a str>,
}

/// How an exchange failed before any response arrived.
pub enum SendError {
    /// No response. `refused` when the connection was refused, so nothing was sent.
    Network {
        refused: bool,
        error: Error,
    },
    Stopped(Error),
}

pub async fn send(
    exchange: &Exchange<'_>,
    custom_fetch: Option<&Function>,
    cancel: &Cancel,
) -> Result<Response, SendError> {
    let method = match exchange.method {
        Method::Get => GlooMethod::GET,
        Method::Post => GlooMethod::POST,
        Method::Put => GlooMethod::PUT,
        Method::Patch => GlooMethod::PATCH,
        Method::Delete => GlooMethod::DELETE,
    };
    let signal = cancel.signal();
    let headers = header_list(&exchange.headers).map_err(SendError::Stopped)?;
    let builder = RequestBuilder::new(exchange.url)
        .method(method)
        .headers(Headers::from_raw(headers))
        .abort_signal(Some(&signal));
    let request = match exchange.body {
        Some(body) => builder.body(body),
        None => builder.build(),
    }
    .map_err(|_| {
        SendError::Stopped(Error::config(text(&[
            &"Could not build the request to ",
            &exchange.url,
        ])))
    })?;
    match cancel.guard(fetch(custom_fetch, &request.into())).await {
        Ok(response) => response
            .dyn_into::<Response>()
            .map_err(|_| SendError::Stopped(not_a_response())),
        Err(GuardError::Stopped(error)) => Err(SendError::Stopped(error)),
        Err(GuardError::Rejected(error)) => {
            let refused = is_refused(&error);
            let message = text(&[
                &exchange.method.as_str(),
                &" ",
                &exchange.url,
                &" got no response: ",
                &cause_message(&error),
            ]);
            Err(SendError::Network {
                refused,
                error: Error::new(ErrorKind::Network, message),
            })
        }
    }
}

/// The request headers; a value `fetch` refuses (a control character in a token, say) is an
/// error here rather than an exception thrown through the wasm.
fn header_list(pairs: &[(&'static str, &str)]) -> Result<web_sys::Headers, Error> {
    let headers =
        web_sys::Headers::new().map_err(|_| Error::config("This runtime has no Headers"))?;
    for (name, value) in pairs {
        headers.set(name, value).map_err(|_| {
            let what = if *name == "authorization" {
                "The access token"
            } else {
                *name
            };
            Error::new(
                ErrorKind::Auth,
                text(&[&what, &" cannot be sent in an HTTP header"]),
            )
        })?;
    }
    Ok(headers)
}

/// Lets go of a response whose body nobody will read, so its connection can be reused.
pub fn discard(response: &Response) {
    if let Some(body) = response.body() {
        IGNORE.with(|ignore| {
            let _ = body.cancel().catch(ignore);
        });
    }
}

thread_local! {
    /// A rejection handler that does nothing, shared, so a discarded body can never raise
    /// an unhandled rejection.
    static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(JsValue)> =
        wasm_bindgen::closure::Closure::new(|_: JsValue| {});
}

fn not_a_response() -> Error {
    Error::config("The fetch function did not resolve to a Response")
}

/// Node's fetch (undici) puts the socket error in `cause`; `ECONNREFUSED` means nothing was sent.
fn is_refused(error: &JsValue) -> bool {
    let cause = get(error, "cause");
    let first = get(&get(&cause, "errors"), "0");
    [get(&cause, "code"), get(&first, "code")]
        .iter()
        .any(|code| code.as_string().as_deref() == Some("ECONNREFUSED"))
}

fn cause_message(error: &JsValue) -> String {
    let cause = get(error, "cause");
    match cause.is_object() {
        true => text(&[&message_of(error), &" (", &message_of(&cause), &")"]),
        false => message_of(error),
    }
}

pub fn content_type(response: &Response) -> String {
    response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The body as bytes, without copying it into wasm memory.
pub async fn bytes(
    response: &Response,
    cancel: &Cancel,
    context: &str,
) -> Result<js_sys::Uint8Array, Error> {
    let promise = response
        .array_buffer()
        .map_err(|e| body_error(response, context, &e))?;
    match cancel.guard(promise).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer)),
        Err(GuardError::Stopped(error)) => Err(error),
        Err(GuardError::Rejected(e)) => Err(body_error(response, context, &e)),
    }
}

fn body_error(response: &Response, context: &str, error: &JsValue) -> Error {
    let reason = text(&[&"the body was cut off (", &cause_message(error), &")"]);
    decode_error(context, response.status(), &content_type(response), &reason)
}

/// The body of a JSON answer, parsed by the runtime; anything but whole JSON is a `decode` error.
pub async fn json(response: &Response, cancel: &Cancel, context: &str) -> Result<JsValue, Error> {
    let content_type = content_type(response);
    if !is_json(&content_type) {
        discard(response);
        return Err(decode_error(
            context,
            response.status(),
            &content_type,
            "expected JSON",
        ));
    }
    let promise = response
        .json()
        .map_err(|e| body_error(response, context, &e))?;
    match cancel.guard(promise).await {
        Ok(value) => Ok(value),
        Err(GuardError::Stopped(error)) => Err(error),
        Err(GuardError::Rejected(e)) => {
            let syntax = get(&e, "name").as_string().as_deref() == Some("SyntaxError");
            let reason = match syntax {
                true => text(&[&"not JSON (", &message_of(&e), &")"]),
                false => text(&[&"the body was cut off (", &cause_message(&e), &")"]),
            };
            Err(decode_error(
                context,
                response.status(),
                &content_type,
                &reason,
            ))
        }
    }
}

/// The error for a non-2xx answer, carrying its problem details when the body has them.
pub async fn error_from(response: &Response, cancel: &Cancel, context: &str) -> Error {
    let status = response.status();
    let problem = match json(response, cancel, context).await {
        Ok(body) => Some(ProblemDetails::read(&body)),
        Err(stopped) if matches!(stopped.kind, ErrorKind::Timeout | ErrorKind::Aborted) => {
            return stopped
        }
        Err(_) => None,
    };
    Error::from_status(status, problem, context)
}
