//! One HTTP exchange, over fetch or through the facade's dispatch layer; `body` reads the answer.

use gloo_net::http::{Headers, Method as HttpMethod, RequestBuilder};
use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{RequestInit, RequestRedirect, Response};

use super::cancel::{Cancel, GuardError};
use super::js::{fetch, get, message_of};
use crate::error::{Error, ErrorKind};
use crate::json::text;
use crate::routes::Method;

pub struct Exchange<'a> {
    pub method: Method,
    pub url: &'a str,
    pub headers: Vec<(&'a str, &'a str)>,
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

/// Where an attempt goes: `fetch(url, init)` (the caller's `fetch` or the runtime's), or the
/// facade's dispatch layer, which takes a standard `Request` for its middleware.
#[derive(Clone, Copy)]
pub enum Sender<'a> {
    Fetch(Option<&'a Function>),
    Layer(&'a Function),
}

pub async fn send(
    exchange: &Exchange<'_>,
    sender: Sender<'_>,
    cancel: &Cancel,
) -> Result<Response, SendError> {
    let headers = header_list(&exchange.headers).map_err(SendError::Stopped)?;
    let sent = match sender {
        Sender::Fetch(custom) => {
            // `fetch(url, init)`: a `Request` made here would be copied again inside fetch.
            let init = RequestInit::new();
            init.set_method(exchange.method.as_str());
            init.set_headers(&headers);
            init.set_signal(Some(cancel.signal()));
            // The API never redirects; following one would carry the Authorization header elsewhere.
            // "manual" and a refusal below, as workerd rejects "error" before sending anything.
            init.set_redirect(RequestRedirect::Manual);
            if let Some(body) = exchange.body {
                init.set_body(&JsValue::from_str(body));
            }
            fetch(custom, exchange.url, &init)
        }
        Sender::Layer(layer) => {
            let request = layered_request(exchange, headers, cancel).map_err(SendError::Stopped)?;
            call_layer(layer, &request)
        }
    };
    match cancel.guard_io(sent).await {
        Ok(response) => match response.dyn_into::<Response>() {
            Ok(response) if is_redirect(&response) => {
                Err(SendError::Stopped(redirect_refused(exchange, &response)))
            }
            Ok(response) => Ok(response),
            Err(_) => Err(SendError::Stopped(not_a_response())),
        },
        Err(GuardError::Stopped(error)) => Err(SendError::Stopped(error)),
        Err(GuardError::Rejected(error)) => {
            let refused = is_refused(&error);
            let cause = cause_message(&error);
            let hint = match contains(&cause, "redirect") {
                true => " (the server answered with a redirect, which is refused: the API never redirects, so check the URL)",
                false => "",
            };
            let message = text(&[
                &exchange.method.as_str(),
                &" ",
                &exchange.url,
                &" got no response: ",
                &cause,
                &hint,
            ]);
            Err(SendError::Network {
                refused,
                error: Error::new(ErrorKind::Network, message),
            })
        }
    }
}

/// The attempt as a `Request`, built by gloo-net, for the dispatch layer's middleware; the
/// same method, headers, signal and redirect rule as the plain path.
fn layered_request(
    exchange: &Exchange<'_>,
    headers: web_sys::Headers,
    cancel: &Cancel,
) -> Result<web_sys::Request, Error> {
    let builder = RequestBuilder::new(exchange.url)
        .method(match exchange.method {
            Method::Get => HttpMethod::GET,
            Method::Post => HttpMethod::POST,
            Method::Put => HttpMethod::PUT,
            Method::Patch => HttpMethod::PATCH,
            Method::Delete => HttpMethod::DELETE,
        })
        .headers(Headers::from_raw(headers))
        .abort_signal(Some(cancel.signal()))
        .redirect(RequestRedirect::Manual);
    let built = match exchange.body {
        Some(body) => builder.body(body),
        None => builder.build(),
    };
    built
        .map(web_sys::Request::from)
        .map_err(|_| Error::config("This runtime could not make a Request of the attempt"))
}

/// `layer(request)`; a synchronous throw becomes a rejection.
fn call_layer(layer: &Function, request: &web_sys::Request) -> js_sys::Promise {
    match layer.call1(&JsValue::UNDEFINED, request) {
        Ok(value) => js_sys::Promise::resolve(&value),
        Err(error) => js_sys::Promise::reject(&error),
    }
}

/// `response.type` as text: web-sys's enum would bring its conversion's panic into the wasm.
pub(super) fn response_type(response: &Response) -> String {
    get(response, "type").as_string().unwrap_or_default()
}

/// A redirect as `redirect: "manual"` shows it: a 3xx (Node, Deno, Bun, workerd), or in
/// browsers an `opaqueredirect` whose status reads 0. A 304 only answers a conditional request.
fn is_redirect(response: &Response) -> bool {
    match response.status() {
        0 => response_type(response) == "opaqueredirect",
        status => (300..400).contains(&status) && status != 304,
    }
}

/// The error for a redirect, which is an answer, not a network failure; repeating the call
/// would meet it again, so it is not retryable.
fn redirect_refused(exchange: &Exchange<'_>, response: &Response) -> Error {
    discard(response);
    let status = response.status();
    let location = response.headers().get("location").ok().flatten();
    let (to, target) = match &location {
        Some(location) => (" to ", location.as_str()),
        None => ("", ""),
    };
    let (open, code, close) = match status {
        0 => ("", String::new(), ""),
        _ => (" (", text(&[&(status as usize), &to, &target]), ")"),
    };
    let mut error = Error::new(
        ErrorKind::Network,
        text(&[
            &exchange.method.as_str(),
            &" ",
            &exchange.url,
            &" was answered with a redirect",
            &open,
            &code,
            &close,
            &", which this client refuses: it was not followed, so the token went no further (the API never redirects, so check the URL)",
        ]),
    );
    error.retryable = false;
    error
}

/// The request headers; a value `fetch` refuses (a control character in a token, say) is an
/// error here rather than an exception thrown through the wasm.
fn header_list(pairs: &[(&str, &str)]) -> Result<web_sys::Headers, Error> {
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
    pub(super) static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(JsValue)> =
        wasm_bindgen::closure::Closure::new(|_: JsValue| {});
}

/// Whether `needle` occurs in `text`, without the substring searcher `str::contains` brings in.
fn contains(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
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

pub(super) fn cause_message(error: &JsValue) -> String {
    let cause = get(error, "cause");
    match cause.is_object() {
        true => text(&[&message_of(error), &" (", &message_of(&cause), &")"]),
        false => message_of(error),
    }
}
