//! `validate.*`: the request rules of every operation that sends a body, for forms and for
//! checking input before a call. The facade names them after their operation.

use wasm_bindgen::prelude::*;

use super::client::operation;
use super::convert::issues_to_js;
use super::input::NOT_JSON;
use super::json::snapshot;
use crate::model::{Query, Schema};
use crate::routes::{Route, Visitor};
use crate::validate::{Body, Rule, ValidationIssue};

/// The body rules of an operation, as a plain function.
struct RulesOf;

impl Visitor for RulesOf {
    type Output = fn(JsValue) -> Vec<ValidationIssue>;

    fn visit<Q: Query, B: Body, R: Schema>(self, _: &'static Route) -> Self::Output {
        B::issues::<JsValue>
    }
}

/// Every issue with `input` as the body of operation number `operation_index`; `[]` when valid
/// (and for an operation that sends no body).
#[wasm_bindgen(unchecked_return_type = "ValidationIssue[]")]
pub fn validate(operation_index: u32, input: JsValue) -> JsValue {
    let found = match operation(operation_index) {
        Ok(op) => match snapshot(&input) {
            Some((body, _)) => op.visit(RulesOf)(body),
            None => vec![ValidationIssue {
                field: String::new(),
                rule: Rule::Type,
                message: NOT_JSON.into(),
            }],
        },
        Err(error) => vec![ValidationIssue {
            field: String::new(),
            rule: Rule::Type,
            message: error.message,
        }],
    };
    issues_to_js(&found)
}
