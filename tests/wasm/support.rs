//! Calls this wasm module's exports by their JS names, with JS values in and out.

use js_sys::{Array, Function, Reflect, JSON};
use signicat_account_management::routes::Operation;
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
pub fn call(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    assert!(
        !export("__wbindgen_externrefs").is_undefined(),
        "the module was built without externref, so its exports take heap indices, not JS values"
    );
    let function: Function = export(name)
        .dyn_into()
        .unwrap_or_else(|_| panic!("the wasm module exports no function named {name}"));
    function.apply(&JsValue::UNDEFINED, &args.iter().collect::<Array>())
}

/// The number of the operation whose body `validator` (e.g. `validateCreateAccount`) checks,
/// named as the facade names it: the method, then the namespace in the singular.
fn operation_of(validator: &str) -> u32 {
    let position = Operation::ALL.iter().position(|op| {
        let route = op.route();
        let (namespace, method) = route
            .name
            .split_once('.')
            .expect("names are namespace.method");
        let singular = namespace.strip_suffix('s').unwrap_or(namespace);
        let mut name = format!("validate{method}{singular}");
        name.get_mut(8..9).expect("ascii").make_ascii_uppercase();
        let at = 8 + method.len();
        name.get_mut(at..at + 1)
            .expect("ascii")
            .make_ascii_uppercase();
        route.sends_body && name == validator
    });
    position.unwrap_or_else(|| panic!("no operation sends a body that {validator} checks")) as u32
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
    let index = JsValue::from(operation_of(name));
    let value = call("validate", &[index, input.clone()])
        .unwrap_or_else(|err| panic!("{name} threw {err:?}"));
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
