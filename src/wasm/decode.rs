//! A JSON answer as what the caller receives, after lenient decoding.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::Response;

use super::cancel::Cancel;
use super::convert::to_js;
use super::transport;
use crate::error::Error;
use crate::http::response::decode_error;
use crate::model::Page;
use crate::pagination::page_token;
use crate::routes::{Returns, Route};

/// Turns a JSON body into what the caller receives, after lenient decoding.
pub type Decode = fn(&str) -> Result<JsValue, String>;

pub fn decode<T: DeserializeOwned + Serialize>(body: &str) -> Result<JsValue, String> {
    serde_json::from_str::<T>(body)
        .map(|typed| to_js(&typed))
        .map_err(|e| e.to_string())
}

/// A page, with `next` reduced to the token to pass back as `page`.
pub fn decode_page<T: DeserializeOwned + Serialize>(body: &str) -> Result<JsValue, String> {
    let mut page = serde_json::from_str::<Page<T>>(body).map_err(|e| e.to_string())?;
    page.next = page.next.as_deref().map(page_token);
    Ok(to_js(&page))
}

/// The body of a successful answer as what `route` returns.
pub async fn answer(
    route: &Route,
    response: &Response,
    cancel: &Cancel,
    decode: Decode,
) -> Result<JsValue, Error> {
    let context = format!("{} {}", route.method.as_str(), route.name);
    match route.returns {
        Returns::Bytes => transport::bytes(response, cancel, &context)
            .await
            .map(JsValue::from),
        Returns::Json => {
            let body = transport::json_text(response, cancel, &context).await?;
            decode(&body).map_err(|reason| {
                decode_error(
                    &context,
                    response.status(),
                    &transport::content_type(response),
                    &reason,
                )
            })
        }
    }
}
