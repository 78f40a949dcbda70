use serde::Serialize;
use wasm_bindgen::JsValue;

/// Rust value to a plain JS value: maps become objects, absent options stay `undefined`.
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    // Our models hold only strings, numbers, booleans, lists and maps, which always serialize.
    value.serialize(&serializer).unwrap_or(JsValue::UNDEFINED)
}

/// A JS value as JSON, for validation; `None` for values JSON cannot hold (functions, symbols, bigints).
pub fn to_json(value: JsValue) -> Option<serde_json::Value> {
    serde_wasm_bindgen::from_value(value).ok()
}
