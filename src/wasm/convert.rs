//! Rust values as plain JS objects, built member by member (no serializer ships in the wasm).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use super::js::get;
use crate::error::{Error, ErrorKind};
use crate::model::InvalidParam;
use crate::validate::ValidationIssue;

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn set_text(object: &Object, key: &str, value: &Option<String>) {
    if let Some(value) = value {
        set(object, key, &JsValue::from_str(value));
    }
}

/// `ValidationIssue[]`.
pub fn issues_to_js(issues: &[ValidationIssue]) -> JsValue {
    let list = Array::new();
    for issue in issues {
        let object = Object::new();
        set(&object, "field", &JsValue::from_str(&issue.field));
        set(&object, "rule", &JsValue::from_str(issue.rule.as_str()));
        set(&object, "message", &JsValue::from_str(&issue.message));
        list.push(&object);
    }
    list.into()
}

fn invalid_params_to_js(params: &[InvalidParam]) -> JsValue {
    let list = Array::new();
    for param in params {
        let object = Object::new();
        set(&object, "name", &JsValue::from_str(&param.name));
        set(&object, "reason", &JsValue::from_str(&param.reason));
        list.push(&object);
    }
    list.into()
}

/// The fields of a `SignicatError` (the facade gives them their class).
pub fn error_to_js(error: &Error) -> JsValue {
    let object = Object::new();
    set(&object, "kind", &JsValue::from_str(error.kind.as_str()));
    set(&object, "message", &JsValue::from_str(&error.message));
    set(&object, "retryable", &JsValue::from_bool(error.retryable));
    if let Some(status) = error.status {
        set(&object, "status", &JsValue::from(status));
    }
    set_text(&object, "code", &error.code);
    set_text(&object, "title", &error.title);
    set_text(&object, "detail", &error.detail);
    set_text(&object, "traceId", &error.trace_id);
    set_text(&object, "type", &error.type_uri);
    if let Some(params) = &error.invalid_params {
        set(&object, "invalidParams", &invalid_params_to_js(params));
    }
    if let Some(issues) = &error.issues {
        set(&object, "issues", &issues_to_js(issues));
    }
    if let Some(ms) = error.retry_after_ms {
        set(&object, "retryAfterMs", &JsValue::from(ms));
    }
    set_text(&object, "operation", &error.operation);
    object.into()
}

/// An error made by [`error_to_js`] and passed through a JS promise, back as an `Error`.
pub fn error_from_js(value: &JsValue) -> Option<Error> {
    let kind = ErrorKind::from_name(&get(value, "kind").as_string()?)?;
    let mut error = Error::new(kind, get(value, "message").as_string()?);
    error.retryable = get(value, "retryable").as_bool().unwrap_or(false);
    error.status = get(value, "status").as_f64().map(|s| s as u16);
    error.code = get(value, "code").as_string();
    error.detail = get(value, "detail").as_string();
    Some(error)
}
