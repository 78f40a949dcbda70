//! What a caller passes in (ids, query parameters, bodies), checked before anything is sent.

use js_sys::Promise;
use wasm_bindgen::JsValue;

use super::convert::{from_js, to_js, to_json};
use crate::error::Error;
use crate::model::Query;
use crate::routes::{check_id, Route};
use crate::validate::{Rule, Validate, ValidationIssue};

pub fn reject(error: Error) -> Promise {
    Promise::reject(&to_js(&error))
}

fn invalid(route: &Route, field: &str, message: String) -> Error {
    Error::validation(
        route.name,
        vec![ValidationIssue {
            field: field.into(),
            rule: Rule::Type,
            message,
        }],
    )
}

/// The query of an operation from its options argument (absent: defaults), checked.
pub fn query<P: Query>(
    route: &Route,
    options: &JsValue,
) -> Result<Vec<(&'static str, String)>, Error> {
    let params: P = match options.is_undefined() || options.is_null() {
        true => P::default(),
        // Through JSON, so a `Date` arrives as its ISO string and a `signal` is left out.
        false => {
            from_js(options).map_err(|e| invalid(route, "", format!("Invalid options: {e}")))?
        }
    };
    let issues = params.issues();
    if !issues.is_empty() {
        return Err(Error::validation(route.name, issues));
    }
    Ok(params.pairs())
}

/// A request body checked against the contract's rules, as JSON text.
pub fn body<T: Validate>(route: &Route, input: JsValue) -> Result<Option<String>, Error> {
    let Some(json) = to_json(&input) else {
        return Err(invalid(
            route,
            "",
            "The request body must be a plain object of JSON values".into(),
        ));
    };
    // The rules admit only the contract's fields, so the checked JSON is exactly what is sent.
    let issues = T::issues(&json);
    if !issues.is_empty() {
        return Err(Error::validation(route.name, issues));
    }
    serde_json::to_string(&json)
        .map(Some)
        .map_err(|e| Error::config(e.to_string()))
}

/// Path parameters, each a string that cannot leave its path segment.
pub fn path_ids(route: &Route, ids: &[JsValue]) -> Result<Vec<String>, Error> {
    route
        .params()
        .zip(ids)
        .map(|(name, id)| {
            let id = id
                .as_string()
                .ok_or_else(|| invalid(route, name, format!("{name} must be a string")))?;
            check_id(&id).map_err(|why| invalid(route, name, format!("{name} {why}")))?;
            Ok(id)
        })
        .collect()
}
