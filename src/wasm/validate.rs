//! `validate.*`: the request rules, for forms and for checking input before a call.

use wasm_bindgen::prelude::*;

use super::convert::{to_js, to_json};
use crate::model::*;
use crate::validate::{Rule, Validate, ValidationIssue};

fn issues<T: Validate>(input: JsValue) -> JsValue {
    let found = match to_json(&input) {
        Some(body) => T::issues(&body),
        None => vec![ValidationIssue {
            field: String::new(),
            rule: Rule::Type,
            message: "The request body must be a plain object of JSON values".into(),
        }],
    };
    to_js(&found)
}

#[wasm_bindgen(js_name = validateCreateAccount, unchecked_return_type = "ValidationIssue[]")]
pub fn validate_create_account(input: JsValue) -> JsValue {
    issues::<CreateAccountRequest>(input)
}

#[wasm_bindgen(js_name = validateUpdateAccount, unchecked_return_type = "ValidationIssue[]")]
pub fn validate_update_account(input: JsValue) -> JsValue {
    issues::<UpdateAccountRequest>(input)
}

#[wasm_bindgen(js_name = validateCreateContact, unchecked_return_type = "ValidationIssue[]")]
pub fn validate_create_contact(input: JsValue) -> JsValue {
    issues::<ContactRequest>(input)
}

#[wasm_bindgen(js_name = validateUpdateContact, unchecked_return_type = "ValidationIssue[]")]
pub fn validate_update_contact(input: JsValue) -> JsValue {
    issues::<ContactRequest>(input)
}

#[wasm_bindgen(js_name = validatePatchContact, unchecked_return_type = "ValidationIssue[]")]
pub fn validate_patch_contact(input: JsValue) -> JsValue {
    issues::<ContactPatchRequest>(input)
}

#[wasm_bindgen(js_name = validateCreateOrganization, unchecked_return_type = "ValidationIssue[]")]
pub fn validate_create_organization(input: JsValue) -> JsValue {
    issues::<CreateOrganizationRequest>(input)
}

#[wasm_bindgen(js_name = validateUpdateOrganization, unchecked_return_type = "ValidationIssue[]")]
pub fn validate_update_organization(input: JsValue) -> JsValue {
    issues::<UpdateOrganizationRequest>(input)
}
