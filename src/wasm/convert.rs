//! Values cross the wasm boundary as JSON text: the runtime's own `JSON.parse`/`JSON.stringify`
//! on the JS side and serde_json on ours, one serde backend for every type (small and fast).

use js_sys::JSON;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// Rust value to a plain JS value: absent options stay absent (`undefined`).
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| JSON::parse(&text).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// A JS value as JSON; `None` for what JSON cannot hold (cycles, bigints, `undefined` itself).
pub fn to_json(value: &JsValue) -> Option<serde_json::Value> {
    let text = JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// A typed value from a JS value, through JSON.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    let json = to_json(value).ok_or_else(|| "not a JSON value".to_string())?;
    serde_json::from_value(json).map_err(|e| e.to_string())
}
