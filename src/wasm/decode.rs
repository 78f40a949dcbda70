//! A successful answer as what the caller receives: the runtime parses the JSON once, and
//! the operation's schema checks and normalises the parsed value in place.

use wasm_bindgen::JsValue;
use web_sys::Response;

use super::body;
use super::cancel::Cancel;
use crate::error::Error;
use crate::http::response::decode_error;
use crate::model::schema::{normalise, Shape};
use crate::routes::{Returns, Route};

pub async fn answer(
    route: &Route,
    shape: &Shape,
    response: &Response,
    cancel: &Cancel,
) -> Result<JsValue, Error> {
    match route.returns {
        Returns::Bytes => body::bytes(response, cancel, route.name)
            .await
            .map(JsValue::from),
        Returns::Json => {
            let value = body::json(response, cancel, route.name).await?;
            normalise(&value, shape).map_err(|mismatch| {
                decode_error(
                    route.name,
                    response.status(),
                    &body::content_type(response),
                    &mismatch.message(),
                )
            })?;
            Ok(value)
        }
    }
}
