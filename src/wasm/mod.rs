//! `#[wasm_bindgen]` exports only: value conversion and error mapping, no rules.

mod convert;
mod validate;
