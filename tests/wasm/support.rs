//! Calls this wasm module's exports by their JS names, with JS values in and out.

use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// A JS value from JSON text, as a caller would build it in JS.
pub fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

fn export(name: &str) -> JsValue {
    Reflect::get(&wasm_bindgen::exports(), &JsValue::from_str(name))
        .expect("the wasm exports are an object")
}

/// Calls the export `name` (e.g. `validateCreateAccount`) with `input`. With reference types
/// (externref) the exports take and return JS values directly, and the JS glue passes them
/// through untouched, so this is exactly what a JS caller runs.
pub fn call(name: &str, input: &JsValue) -> Result<JsValue, JsValue> {
    assert!(
        !export("__wbindgen_externrefs").is_undefined(),
        "the module was built without externref, so its exports take heap indices, not JS values"
    );
    let function: Function = export(name)
        .dyn_into()
        .unwrap_or_else(|_| panic!("the wasm module exports no function named {name}"));
    function.call1(&JsValue::UNDEFINED, input)
}

/// One `ValidationIssue` as JS sees it.
#[derive(Debug, PartialEq, Eq)]
pub struct Issue {
    pub field: String,
    pub rule: String,
    pub message: String,
}

/// Calls a `validate*` export, which must not throw, and reads back its issues, checking
/// they are a JS array of objects with string `field`, `rule` and `message`.
pub fn validate(name: &str, input: &JsValue) -> Vec<Issue> {
    let value = call(name, input).unwrap_or_else(|err| panic!("{name} threw {err:?}"));
    assert!(
        Array::is_array(&value),
        "{name} returned {value:?}, not an array"
    );
    Array::from(&value)
        .iter()
        .map(|item| {
            let text = |key: &str| {
                Reflect::get(&item, &JsValue::from_str(key))
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_else(|| panic!("issue {item:?} has no string `{key}`"))
            };
            Issue {
                field: text("field"),
                rule: text("rule"),
                message: text("message"),
            }
        })
        .collect()
}
