//! `validate*` exports: request bodies in as JS values, `ValidationIssue[]` out.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use crate::support::{js, validate};

fn account(name: &str) -> JsValue {
    let body = js(r#"{"organizationId":"o-1","isSandbox":true,"region":"EU","cloud":"GCP"}"#);
    Reflect::set(&body, &"name".into(), &name.into()).expect("set name");
    body
}

#[wasm_bindgen_test]
fn a_valid_create_account_body_has_no_issues() {
    assert_eq!(validate("validateCreateAccount", &account("Team A")), []);
}

#[wasm_bindgen_test]
fn an_invalid_create_account_body_lists_every_issue() {
    let body = js(r#"{"name":"","isSandbox":"yes","region":"US","cloud":"GCP","colour":"red"}"#);
    let found = validate("validateCreateAccount", &body);
    let rules: Vec<(&str, &str)> = found
        .iter()
        .map(|i| (i.field.as_str(), i.rule.as_str()))
        .collect();
    for expected in [
        ("name", "required"),
        ("organizationId", "required"),
        ("isSandbox", "type"),
        ("region", "enum"),
        ("colour", "unknown"),
    ] {
        assert!(rules.contains(&expected), "{expected:?} not in {found:?}");
    }
    assert!(found.iter().all(|i| !i.message.is_empty()), "{found:?}");
}

#[wasm_bindgen_test]
fn names_are_measured_in_characters_not_bytes() {
    let exactly_80 = "ø".repeat(80);
    assert_eq!(validate("validateCreateAccount", &account(&exactly_80)), []);

    let found = validate("validateCreateAccount", &account(&"ø".repeat(81)));
    let rules: Vec<(&str, &str)> = found
        .iter()
        .map(|i| (i.field.as_str(), i.rule.as_str()))
        .collect();
    assert_eq!(rules, [("name", "maxLength")], "{found:?}");
}

#[wasm_bindgen_test]
fn an_internationalised_email_domain_is_accepted() {
    let contact =
        js(r#"{"firstName":"Harald","lastName":"Hårfagre","email":"harald@hårfagre.no"}"#);
    assert_eq!(validate("validateCreateContact", &contact), []);
    assert_eq!(validate("validatePatchContact", &contact), []);
}

#[wasm_bindgen_test]
fn a_value_that_is_not_an_object_gives_a_type_issue_instead_of_throwing() {
    let not_objects = [
        JsValue::from_f64(42.0),
        JsValue::from_str(r#"{"name":"Team A"}"#),
        JsValue::NULL,
        JsValue::UNDEFINED,
        js("[]"),
        Function::new_no_args("return 1").into(),
    ];
    for input in &not_objects {
        let found = validate("validateCreateAccount", input);
        assert!(
            found.iter().any(|i| i.field.is_empty() && i.rule == "type"),
            "{input:?} gave {found:?}"
        );
    }
}

#[wasm_bindgen_test]
fn every_validator_is_exported_and_checks_its_input() {
    for name in [
        "validateCreateAccount",
        "validateUpdateAccount",
        "validateCreateContact",
        "validateUpdateContact",
        "validatePatchContact",
        "validateCreateOrganization",
        "validateUpdateOrganization",
    ] {
        let found = validate(name, &JsValue::from_f64(42.0));
        assert!(found.iter().any(|i| i.rule == "type"), "{name}: {found:?}");
        validate(name, &Object::new().into());
    }
}
