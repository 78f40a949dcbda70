//! Reading an answer's body: JSON parsed by the runtime, bytes, and the cap on its size,
//! counted as it is read when the declared length cannot be trusted.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ReadableStreamDefaultReader, Response};

use super::cancel::{Cancel, GuardError};
use super::js::{get, message_of};
use super::transport::{cause_message, discard, response_type, IGNORE};
use crate::error::{Error, ErrorKind};
use crate::http::response::{decode_error, is_json};
use crate::json::text;
use crate::model::ProblemDetails;

pub fn content_type(response: &Response) -> String {
    response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// A body larger than this is refused: a broken or hostile server must not exhaust the
/// memory of the process (an out-of-memory trap in the wasm would leave the call unsettled).
pub const MAX_BODY_BYTES: f64 = 16.0 * 1024.0 * 1024.0;

/// The `Content-Length` the server declared, if it did.
fn declared_length(response: &Response) -> Option<f64> {
    let value = response.headers().get("content-length").ok().flatten()?;
    // As an integer: parsing a float would pull the float parser into the wasm.
    value.trim().parse::<u64>().ok().map(|n| n as f64)
}

fn too_large(response: &Response, context: &str) -> Error {
    let reason = text(&[
        &"the body is larger than ",
        &(MAX_BODY_BYTES as usize),
        &" bytes, the most this client reads",
    ]);
    decode_error(context, response.status(), &content_type(response), &reason)
}

/// Whether `Content-Length` is the size of the body as read: not when the body is compressed
/// (it is then the compressed size), nor when the runtime hides `Content-Encoding` (a
/// cross-origin answer in a browser), as fetch inflates the body before handing it over.
fn length_is_read_size(response: &Response) -> bool {
    let visible = !matches!(response_type(response).as_str(), "cors" | "opaque");
    let encoding = response.headers().get("content-encoding").ok().flatten();
    visible && encoding.is_none_or(|e| e.eq_ignore_ascii_case("identity"))
}

/// Whether the body may be read whole: its declared length is within the limit and is the
/// size it reads to. A declared length over the limit is an error, and the body is let go
/// unread; otherwise (`false`) the body must be read with a count of the bytes it yields.
fn within_limit(response: &Response, context: &str) -> Result<bool, Error> {
    match declared_length(response) {
        Some(length) if length > MAX_BODY_BYTES => {
            discard(response);
            Err(too_large(response, context))
        }
        Some(_) => Ok(length_is_read_size(response)),
        None => Ok(false),
    }
}

/// Reads a body chunk by chunk, counting the bytes it yields, and gives up once they pass the limit.
async fn read_counted(
    response: &Response,
    cancel: &Cancel,
    context: &str,
) -> Result<Uint8Array, Error> {
    let Some(body) = response.body() else {
        return Ok(Uint8Array::new_with_length(0));
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut chunks = Vec::new();
    let mut total = 0u32;
    loop {
        let chunk = match cancel.guard_io(reader.read()).await {
            Ok(chunk) => chunk,
            Err(GuardError::Stopped(error)) => return Err(error),
            Err(GuardError::Rejected(e)) => return Err(body_error(response, context, &e)),
        };
        if get(&chunk, "done").is_truthy() {
            break;
        }
        let Ok(part) = get(&chunk, "value").dyn_into::<Uint8Array>() else {
            return Err(body_error(
                response,
                context,
                &JsValue::from_str("not bytes"),
            ));
        };
        total = total.saturating_add(part.length());
        if f64::from(total) > MAX_BODY_BYTES {
            IGNORE.with(|ignore| {
                let _ = reader.cancel().catch(ignore);
            });
            return Err(too_large(response, context));
        }
        chunks.push(part);
    }
    let whole = Uint8Array::new_with_length(total);
    let mut at = 0;
    for part in chunks {
        whole.set(&part, at);
        at += part.length();
    }
    Ok(whole)
}

/// The body as bytes, without copying it into wasm memory.
pub async fn bytes(
    response: &Response,
    cancel: &Cancel,
    context: &str,
) -> Result<js_sys::Uint8Array, Error> {
    if !within_limit(response, context)? {
        return read_counted(response, cancel, context).await;
    }
    let promise = response
        .array_buffer()
        .map_err(|e| body_error(response, context, &e))?;
    match cancel.guard_io(promise).await {
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
    let parsed = match within_limit(response, context)? {
        true => {
            let promise = response
                .json()
                .map_err(|e| body_error(response, context, &e))?;
            cancel.guard_io(promise).await
        }
        // Parsed by the runtime all the same, from the counted bytes, in one step.
        false => {
            let counted = read_counted(response, cancel, context).await?;
            parse_utf8(&counted).map_err(GuardError::Rejected)
        }
    };
    match parsed {
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

#[wasm_bindgen]
extern "C" {
    type TextDecoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextDecoder;

    /// UTF-8 to a JS string that stays in JS, a leading BOM dropped, as `Response#json()` reads.
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &Uint8Array) -> js_sys::JsString;

    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_text(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

thread_local! {
    static DECODER: TextDecoder = TextDecoder::new();
}

/// JSON from UTF-8 bytes, by the runtime's own decoder and parser.
fn parse_utf8(bytes: &Uint8Array) -> Result<JsValue, JsValue> {
    DECODER.with(|decoder| parse_text(&decoder.decode(bytes)))
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
