//! What a caller passes in (ids, query parameters, bodies), checked before anything is sent.

use wasm_bindgen::JsValue;

use super::json::snapshot;
use crate::error::Error;
use crate::json::text;
use crate::model::Pairs;
use crate::model::Query;
use crate::routes::{check_id, Route};
use crate::validate::{Body, Rule, ValidationIssue};

pub const NOT_JSON: &str = "The request body must be a plain object of JSON values";

fn invalid(route: &Route, field: &'static str, message: String) -> Error {
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
pub fn query<Q: Query>(route: &Route, options: &JsValue) -> Result<Pairs, Error> {
    let options = match options.is_undefined() || options.is_null() {
        true => None,
        false => match snapshot(options) {
            Some((value, _)) => Some(value),
            None => {
                return Err(invalid(
                    route,
                    "",
                    "Invalid options: not a JSON value".into(),
                ))
            }
        },
    };
    Q::from_options(options)
        .map(|params| params.pairs())
        .map_err(|issues| Error::validation(route.name, issues))
}

/// A request body checked against the contract's rules, as the JSON text to send.
/// The rules admit only the contract's fields, so the checked JSON is exactly what is sent.
pub fn body<B: Body>(route: &Route, input: &JsValue) -> Result<Option<String>, Error> {
    if !B::SENT {
        return Ok(None);
    }
    let Some((value, json)) = snapshot(input) else {
        return Err(invalid(route, "", NOT_JSON.into()));
    };
    let issues = B::issues(value);
    if !issues.is_empty() {
        return Err(Error::validation(route.name, issues));
    }
    Ok(Some(json))
}

/// Path parameters, each a string that cannot leave its path segment.
pub fn path_ids(route: &Route, ids: &[JsValue]) -> Result<Vec<String>, Error> {
    route
        .params()
        .zip(ids.iter().chain(std::iter::repeat(&JsValue::UNDEFINED)))
        .map(|(name, id)| {
            let id = id
                .as_string()
                .ok_or_else(|| invalid(route, name, text(&[&name, &" must be a string"])))?;
            check_id(&id).map_err(|why| invalid(route, name, text(&[&name, &" ", &why])))?;
            Ok(id)
        })
        .collect()
}
