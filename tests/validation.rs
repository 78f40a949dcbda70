//! The request rules, table by table: every rule of every request body, with both sides of
//! every bound. Each case edits one field of a valid body (a reference sample) and states
//! the single issue it must cause, or that it must cause none.

use serde_json::{json, Map, Value};
use signicat_account_management::model::{
    Cloud, ContactPatchRequest, ContactRequest, ContactRole, CreateAccountRequest,
    CreateOrganizationRequest, Region, UpdateAccountRequest, UpdateOrganizationRequest,
};
use signicat_account_management::validate::{is_email, Rule, Validate, ValidationIssue};

// ---------------------------------------------------------------------------------------------
// Bodies and values

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// `n` ASCII characters.
fn chars(n: usize) -> Value {
    Value::String("x".repeat(n))
}

/// `n` characters of two bytes each: limits count characters, not bytes.
fn multibyte(n: usize) -> Value {
    Value::String("å".repeat(n))
}

/// A well-formed email address of exactly `len` characters (`len` from 70 to 131).
fn email_of_len(len: usize) -> Value {
    let local = "a".repeat(64);
    let domain = format!("{}.no", "b".repeat(len - local.len() - 1 - 3));
    let address = format!("{local}@{domain}");
    assert_eq!(address.chars().count(), len);
    assert!(is_email(&address), "{address}");
    Value::String(address)
}

/// Sets (or, with `None`, removes) the field at a dotted `path` such as `billingAddress.city`.
fn edit(body: &Value, path: &str, value: Option<&Value>) -> Value {
    fn walk(target: &mut Map<String, Value>, keys: &[&str], value: Option<&Value>) {
        match keys {
            [] => {}
            [last] => match value {
                Some(value) => {
                    target.insert((*last).to_string(), value.clone());
                }
                None => {
                    target.remove(*last);
                }
            },
            [first, rest @ ..] => {
                let child = target
                    .entry((*first).to_string())
                    .or_insert_with(|| json!({}));
                if let Value::Object(child) = child {
                    walk(child, rest, value);
                }
            }
        }
    }
    let mut body = body.clone();
    let Value::Object(map) = &mut body else {
        panic!("a base body must be an object: {body}");
    };
    walk(map, &path.split('.').collect::<Vec<_>>(), value);
    body
}

// ---------------------------------------------------------------------------------------------
// Cases

/// One edit of a valid body and what it must cause.
struct Case {
    path: &'static str,
    /// The new value; `None` removes the field.
    value: Option<Value>,
    expect: Expect,
}

enum Expect {
    Valid,
    /// Exactly one issue, at `field`, for `rule`, whose message contains `hint` if given.
    Issue {
        field: String,
        rule: Rule,
        hint: Option<&'static str>,
    },
}

fn valid(path: &'static str, value: Value) -> Case {
    Case {
        path,
        value: Some(value),
        expect: Expect::Valid,
    }
}

fn invalid(path: &'static str, value: Value, rule: Rule) -> Case {
    invalid_at(path, value, path, rule)
}

fn invalid_at(path: &'static str, value: Value, field: &str, rule: Rule) -> Case {
    Case {
        path,
        value: Some(value),
        expect: Expect::Issue {
            field: field.to_string(),
            rule,
            hint: None,
        },
    }
}

fn absent(path: &'static str, expect: Option<Rule>) -> Case {
    Case {
        path,
        value: None,
        expect: match expect {
            None => Expect::Valid,
            Some(rule) => Expect::Issue {
                field: path.to_string(),
                rule,
                hint: None,
            },
        },
    }
}

impl Case {
    /// The message must also contain `hint` (e.g. the upper-case spelling of a country).
    fn hint(mut self, text: &'static str) -> Self {
        if let Expect::Issue { hint, .. } = &mut self.expect {
            *hint = Some(text);
        }
        self
    }

    fn describe(&self) -> String {
        match &self.value {
            Some(Value::String(text)) if text.chars().count() > 20 => {
                let start: String = text.chars().take(8).collect();
                let len = text.chars().count();
                format!("{} = \"{start}…\" ({len} characters)", self.path)
            }
            Some(value) => format!("{} = {value}", self.path),
            None => format!("{} left out", self.path),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Presence {
    Required,
    Optional,
}
use Presence::{Optional, Required};

/// Text of `min..=max` characters: both sides of both bounds, in ASCII and in `å`, blanks,
/// `null`, absence and wrong types.
fn text_cases(path: &'static str, min: usize, max: usize, presence: Presence) -> Vec<Case> {
    let mut cases = vec![
        valid(path, chars(max)),
        invalid(path, chars(max + 1), Rule::MaxLength),
        valid(path, multibyte(max)),
        invalid(path, multibyte(max + 1), Rule::MaxLength),
        invalid(path, json!(42), Rule::Type),
        invalid(path, json!(true), Rule::Type),
        invalid(path, json!(["x"]), Rule::Type),
        invalid(path, json!({"text": "x"}), Rule::Type),
    ];
    if min > 0 {
        cases.push(valid(path, chars(min)));
        cases.push(valid(path, multibyte(min)));
        let empty_rule = match presence {
            Required => Rule::Required,
            Optional => Rule::MinLength,
        };
        cases.push(invalid(path, chars(0), empty_rule));
        if min > 1 {
            cases.push(invalid(path, chars(min - 1), Rule::MinLength));
            cases.push(invalid(path, multibyte(min - 1), Rule::MinLength));
        }
    } else {
        cases.push(valid(path, chars(0)));
    }
    match presence {
        Required => {
            cases.push(absent(path, Some(Rule::Required)));
            cases.push(invalid(path, Value::Null, Rule::Required));
            cases.push(invalid(path, json!(" ".repeat(min.max(1))), Rule::Required));
            cases.push(invalid(path, json!("\t\n "), Rule::Required));
        }
        Optional => {
            cases.push(absent(path, None));
            cases.push(valid(path, Value::Null));
        }
    }
    cases
}

/// The identifier of another resource: non-empty text, never parsed.
fn id_cases(path: &'static str, presence: Presence) -> Vec<Case> {
    let mut cases = vec![
        valid(path, json!("o-p-0TgcUq7CylltM7OkwB4t")),
        valid(path, json!("x")),
        invalid(path, json!(17), Rule::Type),
        invalid(path, json!({"id": "o-p-1"}), Rule::Type),
    ];
    match presence {
        Required => cases.extend([
            absent(path, Some(Rule::Required)),
            invalid(path, Value::Null, Rule::Required),
            invalid(path, json!(""), Rule::Required),
            invalid(path, json!("   "), Rule::Required),
        ]),
        Optional => cases.extend([
            absent(path, None),
            valid(path, Value::Null),
            invalid(path, json!(""), Rule::MinLength),
        ]),
    }
    cases
}

fn bool_cases(path: &'static str, presence: Presence) -> Vec<Case> {
    let mut cases = vec![
        valid(path, json!(true)),
        valid(path, json!(false)),
        invalid(path, json!("false"), Rule::Type),
        invalid(path, json!("true"), Rule::Type),
        invalid(path, json!(0), Rule::Type),
    ];
    match presence {
        Required => cases.extend([
            absent(path, Some(Rule::Required)),
            invalid(path, Value::Null, Rule::Required),
        ]),
        Optional => cases.extend([absent(path, None), valid(path, Value::Null)]),
    }
    cases
}

/// An optional ISO 3166-1 alpha-2 code, assigned and in upper case.
fn country_cases(path: &'static str) -> Vec<Case> {
    vec![
        valid(path, json!("NO")),
        valid(path, json!("SE")),
        valid(path, json!("DE")),
        valid(path, json!("AX")),
        absent(path, None),
        valid(path, Value::Null),
        invalid(path, json!("no"), Rule::Country).hint("NO"),
        invalid(path, json!("Se"), Rule::Country).hint("SE"),
        invalid(path, json!("XX"), Rule::Country),
        invalid(path, json!("UK"), Rule::Country),
        invalid(path, json!("NOR"), Rule::Country),
        invalid(path, json!("N"), Rule::Country),
        invalid(path, json!(""), Rule::Country),
        invalid(path, json!(47), Rule::Type),
    ]
}

/// An optional email address of at most `max` characters; `""` means none.
fn email_cases(path: &'static str, max: usize) -> Vec<Case> {
    let mut cases = vec![
        valid(path, email_of_len(max)),
        invalid(path, email_of_len(max + 1), Rule::MaxLength),
        valid(path, json!("harald@hårfagre.no")),
        valid(path, json!("billing@myorg.com")),
        valid(path, json!("first.last+tag@sub.example.co.uk")),
        valid(path, json!("")),
        valid(path, Value::Null),
        absent(path, None),
        invalid(path, json!(5), Rule::Type),
    ];
    for malformed in [
        "harald",
        "harald@",
        "@hårfagre.no",
        "harald@hårfagre",
        "harald@@hårfagre.no",
        "har ald@hårfagre.no",
        "harald@hårfagre..no",
        ".harald@hårfagre.no",
        "harald@-hårfagre.no",
        "harald@hårfagre.n",
    ] {
        cases.push(invalid(path, json!(malformed), Rule::Email).hint("email"));
    }
    cases
}

/// An optional list of contact roles.
fn role_cases(path: &'static str) -> Vec<Case> {
    let mut cases: Vec<Case> = ContactRole::ALL
        .iter()
        .map(|role| valid(path, json!([role])))
        .collect();
    cases.extend([
        valid(path, json!(ContactRole::ALL)),
        valid(path, json!([])),
        valid(path, Value::Null),
        absent(path, None),
        invalid_at(path, json!(["Other", "Boss"]), "roles[1]", Rule::Enum)
            .hint("MainTechnicalContact"),
        invalid_at(path, json!(["Other", "other"]), "roles[1]", Rule::Enum),
        invalid_at(path, json!(["Other", 3]), "roles[1]", Rule::Type),
        invalid_at(path, json!(["Boss"]), "roles[0]", Rule::Enum),
        invalid(path, json!("Other"), Rule::Type),
    ]);
    cases
}

/// The fields of a person, shared by the full and the partial contact bodies.
fn person_cases(names: Presence) -> Vec<Case> {
    let mut cases = text_cases("firstName", 1, 64, names);
    cases.extend(text_cases("middleName", 0, 64, Optional));
    cases.extend(text_cases("lastName", 1, 64, names));
    cases.extend(email_cases("email", 128));
    cases.extend(text_cases("mobile", 0, 128, Optional));
    cases.extend(text_cases("phone", 0, 128, Optional));
    cases.extend(country_cases("country"));
    cases.extend(role_cases("roles"));
    cases.push(invalid("nickname", json!("Harfagre"), Rule::Unknown));
    cases
}

/// The fields shared by the create and update organization bodies.
fn organization_profile_cases(name: Presence) -> Vec<Case> {
    let mut cases = text_cases("name", 3, 80, name);
    cases.extend(text_cases("website", 0, 255, Optional));
    cases.extend([
        valid("website", json!("https://signicat.com/en")),
        valid("website", json!("HTTP://example.com")),
        valid("website", json!("example.com")),
        invalid("website", json!("javascript:alert(1)"), Rule::Url),
        invalid("website", json!(" JavaScript:alert(1)"), Rule::Url),
        invalid("website", json!("data:text/html,x"), Rule::Url),
        invalid("website", json!("https://example.com/\n"), Rule::Url),
    ]);
    cases.extend(text_cases("entityId", 0, 100, Optional));
    cases.extend(text_cases("entityVatNumber", 0, 255, Optional));
    cases.extend(text_cases("entityLegalName", 0, 255, Optional));
    cases.extend(country_cases("country"));
    cases.extend(email_cases("billingEmail", 80));
    cases.extend([
        absent("billingAddress", None),
        valid("billingAddress", Value::Null),
        valid("billingAddress", json!({})),
        invalid(
            "billingAddress",
            json!("Signistreet 39, 5089 Bergen"),
            Rule::Type,
        ),
        invalid("billingAddress", json!([]), Rule::Type),
        invalid("billingAddress.zip", json!("5089"), Rule::Unknown),
    ]);
    for line in [
        "billingAddress.street",
        "billingAddress.postalCode",
        "billingAddress.city",
        "billingAddress.region",
    ] {
        cases.extend(text_cases(line, 0, 255, Optional));
    }
    cases.extend(country_cases("billingAddress.country"));
    cases
}

// ---------------------------------------------------------------------------------------------
// Running a table

/// Runs every case against `base` and reports all failures at once.
fn run<T: Validate>(base: &Value, cases: &[Case]) {
    assert!(T::issues(base).is_empty(), "the base body must be valid");
    let mut failures = Vec::new();
    for case in cases {
        let body = edit(base, case.path, case.value.as_ref());
        let issues = T::issues(&body);
        if let Err(why) = expectation_met(&case.expect, &issues) {
            failures.push(format!("{}: {why}; got {issues:?}", case.describe()));
        }
        // `parse` agrees with `issues`.
        match (T::parse(body), issues.is_empty()) {
            (Ok(_), true) => {}
            (Err(parse_issues), false) if parse_issues == issues => {}
            (Ok(_), false) => failures.push(format!("{}: parse accepted it", case.describe())),
            (Err(e), _) => failures.push(format!("{}: parse said {e:?}", case.describe())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn expectation_met(expect: &Expect, issues: &[ValidationIssue]) -> Result<(), String> {
    match (expect, issues) {
        (Expect::Valid, []) => Ok(()),
        (Expect::Valid, _) => Err("expected no issue".into()),
        (Expect::Issue { field, rule, hint }, [issue]) => {
            if &issue.field != field || issue.rule != *rule {
                return Err(format!("expected {field}: {rule:?}"));
            }
            readable(issue)?;
            match hint {
                Some(hint) if !issue.message.contains(hint) => {
                    Err(format!("message should mention {hint:?}"))
                }
                _ => Ok(()),
            }
        }
        (Expect::Issue { field, rule, .. }, _) => {
            Err(format!("expected exactly one issue, {field}: {rule:?}"))
        }
    }
}

/// A message is a short sentence that names the field's path and has no debugging residue.
fn readable(issue: &ValidationIssue) -> Result<(), String> {
    let message = &issue.message;
    let names_the_field = if issue.field.is_empty() {
        message.contains("request body")
    } else {
        message.contains(&issue.field)
    };
    let words = message.split_whitespace().count();
    let residue = ["Some(", "None", "Value", "{", "\\\"", "Error"]
        .iter()
        .any(|r| message.contains(r));
    if names_the_field && words >= 3 && !residue && message.trim() == message {
        Ok(())
    } else {
        Err(format!("message {message:?} is not a readable sentence"))
    }
}

fn fields_and_rules(issues: &[ValidationIssue]) -> Vec<(&str, Rule)> {
    issues.iter().map(|i| (i.field.as_str(), i.rule)).collect()
}

// ---------------------------------------------------------------------------------------------
// The tables

#[test]
fn create_account_rules() {
    let mut cases = text_cases("name", 1, 80, Required);
    cases.extend(id_cases("organizationId", Required));
    cases.extend(bool_cases("isSandbox", Required));
    cases.extend([
        valid("region", json!("EU")),
        invalid("region", json!("US"), Rule::Enum).hint("EU"),
        invalid("region", json!("eu"), Rule::Enum),
        invalid("region", json!("EU "), Rule::Enum),
        // A blank enum field reports the allowed values (`enum`), not `required`.
        invalid("region", json!(""), Rule::Enum),
        invalid("region", json!(1), Rule::Type),
        absent("region", Some(Rule::Required)),
        invalid("region", Value::Null, Rule::Required),
        valid("cloud", json!("GCP")),
        valid("cloud", json!("OTC")),
        invalid("cloud", json!("gcp"), Rule::Enum).hint("OTC"),
        invalid("cloud", json!("otc"), Rule::Enum),
        invalid("cloud", json!("AWS"), Rule::Enum),
        invalid("cloud", json!("GCP|OTC"), Rule::Enum),
        invalid("cloud", json!(""), Rule::Enum),
        invalid("cloud", json!(true), Rule::Type),
        absent("cloud", Some(Rule::Required)),
        invalid("cloud", Value::Null, Rule::Required),
        invalid("colour", json!("blue"), Rule::Unknown),
        invalid("enabled", json!(true), Rule::Unknown),
    ]);
    run::<CreateAccountRequest>(&fixture("create_account.request"), &cases);
}

#[test]
fn update_account_rules() {
    let mut cases = text_cases("name", 1, 80, Required);
    cases.extend(bool_cases("enabled", Optional));
    // The account type cannot change after creation, so it is no field of an update.
    cases.push(invalid("isSandbox", json!(true), Rule::Unknown));
    run::<UpdateAccountRequest>(&fixture("update_account.request"), &cases);
}

#[test]
fn contact_rules() {
    let mut cases = id_cases("organizationId", Optional);
    cases.extend(person_cases(Required));
    for base in ["create_contact.request", "update_contact.request"] {
        run::<ContactRequest>(&fixture(base), &cases);
    }
}

#[test]
fn contact_patch_rules() {
    let mut cases = person_cases(Optional);
    cases.push(invalid("id", json!("c-p-1"), Rule::Unknown));
    run::<ContactPatchRequest>(&json!({}), &cases);
}

#[test]
fn create_organization_rules() {
    let mut cases = organization_profile_cases(Required);
    cases.extend(id_cases("parentOrganizationId", Required));
    // The billing contact can only be set by an update.
    cases.push(invalid("billingContactId", json!("c-p-1"), Rule::Unknown));
    run::<CreateOrganizationRequest>(&fixture("create_organization.request"), &cases);
}

#[test]
fn update_organization_rules() {
    let mut cases = organization_profile_cases(Optional);
    cases.extend(id_cases("billingContactId", Optional));
    // The reference's update lists no parent: an organization is not moved by an update.
    cases.push(invalid(
        "parentOrganizationId",
        json!("o-p-1"),
        Rule::Unknown,
    ));
    cases.push(invalid("accounts", json!([]), Rule::Unknown));
    run::<UpdateOrganizationRequest>(&fixture("update_organization.request"), &cases);
}

// ---------------------------------------------------------------------------------------------
// Whole bodies

#[test]
fn minimal_bodies_are_valid() {
    assert_eq!(ContactPatchRequest::issues(&json!({})), []);
    assert_eq!(
        ContactPatchRequest::parse(json!({})),
        Ok(ContactPatchRequest::default())
    );

    let only_billing_contact = json!({"billingContactId": "c-p-5831eMDkMehkgq39L3KK"});
    assert_eq!(UpdateOrganizationRequest::issues(&only_billing_contact), []);
    assert_eq!(
        UpdateOrganizationRequest::parse(only_billing_contact),
        Ok(UpdateOrganizationRequest {
            billing_contact_id: Some("c-p-5831eMDkMehkgq39L3KK".into()),
            ..Default::default()
        })
    );

    assert_eq!(UpdateAccountRequest::issues(&json!({"name": "A"})), []);
    assert_eq!(
        ContactRequest::issues(&json!({"firstName": "H", "lastName": "H"})),
        []
    );
    assert_eq!(
        CreateOrganizationRequest::issues(&json!({"name": "ACME", "parentOrganizationId": "o"})),
        []
    );
}

#[test]
fn a_body_that_is_not_an_object_reports_one_type_issue() {
    fn one_type_issue<T: Validate>(body: &Value) -> Result<(), String> {
        let issues = T::issues(body);
        match issues.as_slice() {
            [issue] if issue.field.is_empty() && issue.rule == Rule::Type => {
                readable(issue)?;
                if issue.message.contains("object") {
                    Ok(())
                } else {
                    Err(format!(
                        "{body}: {:?} should say an object is expected",
                        issue.message
                    ))
                }
            }
            _ => Err(format!("{body}: {issues:?}")),
        }
    }
    let mut failures = Vec::new();
    for body in [
        json!([]),
        json!([{"name": "My Account"}]),
        json!("My Account"),
        json!(""),
        Value::Null,
        json!(42),
        json!(true),
    ] {
        for result in [
            one_type_issue::<CreateAccountRequest>(&body),
            one_type_issue::<UpdateAccountRequest>(&body),
            one_type_issue::<ContactRequest>(&body),
            one_type_issue::<ContactPatchRequest>(&body),
            one_type_issue::<CreateOrganizationRequest>(&body),
            one_type_issue::<UpdateOrganizationRequest>(&body),
        ] {
            failures.extend(result.err());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_problem_is_reported_at_once_in_field_order() {
    let issues = CreateAccountRequest::issues(&json!({
        "extra": true,
        "cloud": "gcp",
        "region": "NORTH",
        "isSandbox": "no",
        "organizationId": "",
        "name": "å".repeat(81),
    }));
    assert_eq!(
        fields_and_rules(&issues),
        [
            ("name", Rule::MaxLength),
            ("organizationId", Rule::Required),
            ("isSandbox", Rule::Type),
            ("region", Rule::Enum),
            ("cloud", Rule::Enum),
            ("extra", Rule::Unknown),
        ]
    );

    let issues = UpdateAccountRequest::issues(&json!({"Name": "My Account", "enabled": "yes"}));
    assert_eq!(
        fields_and_rules(&issues),
        [
            ("name", Rule::Required),
            ("enabled", Rule::Type),
            ("Name", Rule::Unknown),
        ]
    );

    let issues = ContactRequest::issues(&json!({
        "organizationId": 5,
        "firstName": "",
        "middleName": "x".repeat(65),
        "lastName": null,
        "email": "harald.hårfagre.no",
        "mobile": "9".repeat(129),
        "phone": 99999999,
        "country": "no",
        "roles": ["Other", "Boss", 3],
        "nickname": "Lufa",
    }));
    assert_eq!(
        fields_and_rules(&issues),
        [
            ("organizationId", Rule::Type),
            ("firstName", Rule::Required),
            ("middleName", Rule::MaxLength),
            ("lastName", Rule::Required),
            ("email", Rule::Email),
            ("mobile", Rule::MaxLength),
            ("phone", Rule::Type),
            ("country", Rule::Country),
            ("roles[1]", Rule::Enum),
            ("roles[2]", Rule::Type),
            ("nickname", Rule::Unknown),
        ]
    );

    let issues = ContactPatchRequest::issues(&json!({
        "firstName": "",
        "lastName": "x".repeat(65),
        "roles": "Other",
    }));
    assert_eq!(
        fields_and_rules(&issues),
        [
            ("firstName", Rule::MinLength),
            ("lastName", Rule::MaxLength),
            ("roles", Rule::Type),
        ]
    );

    let issues = CreateOrganizationRequest::issues(&json!({
        "name": "AB",
        "website": "x".repeat(256),
        "entityId": "9".repeat(101),
        "country": "XX",
        "billingEmail": "billing@",
        "billingAddress": {"country": "no", "zip": "5089"},
        "billingContactId": "c-p-1",
    }));
    assert_eq!(
        fields_and_rules(&issues),
        [
            ("name", Rule::MinLength),
            ("website", Rule::MaxLength),
            ("entityId", Rule::MaxLength),
            ("country", Rule::Country),
            ("billingEmail", Rule::Email),
            ("billingAddress.country", Rule::Country),
            ("billingAddress.zip", Rule::Unknown),
            ("parentOrganizationId", Rule::Required),
            ("billingContactId", Rule::Unknown),
        ]
    );

    let issues = UpdateOrganizationRequest::issues(&json!({
        "name": "x".repeat(81),
        "entityVatNumber": "x".repeat(256),
        "entityLegalName": 12,
        "billingEmail": email_of_len(81),
        "billingAddress": "Bergen",
        "billingContactId": "",
    }));
    assert_eq!(
        fields_and_rules(&issues),
        [
            ("name", Rule::MaxLength),
            ("entityVatNumber", Rule::MaxLength),
            ("entityLegalName", Rule::Type),
            ("billingEmail", Rule::MaxLength),
            ("billingAddress", Rule::Type),
            ("billingContactId", Rule::MinLength),
        ]
    );
    for issue in &issues {
        assert!(readable(issue).is_ok(), "{issue:?}");
    }
}

/// A code in the wrong case is answered with its upper-case spelling, not the generic hint.
#[test]
fn a_lower_case_country_message_suggests_the_code() {
    fn country_message(body: Value, field: &str) -> String {
        let issues = CreateOrganizationRequest::issues(&body);
        match issues.as_slice() {
            [issue] if issue.field == field && issue.rule == Rule::Country => issue.message.clone(),
            _ => panic!("{body}: {issues:?}"),
        }
    }
    let base = fixture("create_organization.request");
    for field in ["country", "billingAddress.country"] {
        let generic = country_message(edit(&base, field, Some(&json!("XX"))), field);
        assert!(!generic.contains("XX"), "{generic}");
        for (code, suggestion) in [("no", "NO"), ("se", "SE"), ("dE", "DE")] {
            let message = country_message(edit(&base, field, Some(&json!(code))), field);
            assert!(message.contains(suggestion), "{code}: {message}");
            assert_ne!(message, generic, "{code}: the generic hint");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Typed requests, parsing and the wire form of an issue

#[test]
fn parse_returns_the_typed_request_or_every_issue() {
    assert_eq!(
        CreateAccountRequest::parse(fixture("create_account.request")),
        Ok(CreateAccountRequest {
            name: "My Account".into(),
            organization_id: "o-p-0TgcUq7CylltM7OkwB4t".into(),
            is_sandbox: false,
            region: Region::Eu,
            cloud: Cloud::Gcp,
        })
    );
    let contact = ContactRequest::parse(fixture("create_contact.request")).expect("valid");
    assert_eq!(contact.middle_name, None);
    assert_eq!(contact.email.as_deref(), Some("harald@hårfagre.no"));
    assert_eq!(contact.roles, None);
    let with_roles = ContactRequest::parse(json!({
        "firstName": "Harald",
        "lastName": "Hårfagre",
        "roles": ["CommercialOwner", "FinancialContact"],
    }))
    .expect("valid");
    assert_eq!(
        with_roles.roles,
        Some(vec![
            ContactRole::CommercialOwner,
            ContactRole::FinancialContact
        ])
    );

    let bad = json!({"name": "", "cloud": "AWS"});
    let Err(issues) = CreateAccountRequest::parse(bad.clone()) else {
        panic!("{bad} parsed");
    };
    assert_eq!(issues, CreateAccountRequest::issues(&bad));
    assert_eq!(issues.len(), 5, "{issues:?}");
}

#[test]
fn typed_requests_are_checked_too() {
    let account = CreateAccountRequest {
        name: "å".repeat(81),
        organization_id: " ".into(),
        is_sandbox: true,
        region: Region::Eu,
        cloud: Cloud::Otc,
    };
    assert_eq!(
        fields_and_rules(&account.check()),
        [
            ("name", Rule::MaxLength),
            ("organizationId", Rule::Required)
        ]
    );
    let at_limit = CreateAccountRequest {
        name: "å".repeat(80),
        organization_id: "o-p-1".into(),
        ..account
    };
    assert_eq!(at_limit.check(), []);

    assert_eq!(ContactPatchRequest::default().check(), []);
    let patch = ContactPatchRequest {
        country: Some("no".into()),
        email: Some("harald".into()),
        ..Default::default()
    };
    assert_eq!(
        fields_and_rules(&patch.check()),
        [("email", Rule::Email), ("country", Rule::Country)]
    );

    let update = UpdateOrganizationRequest {
        billing_contact_id: Some("c-p-5831eMDkMehkgq39L3KK".into()),
        ..Default::default()
    };
    assert_eq!(update.check(), []);
    let update = UpdateOrganizationRequest {
        name: Some("AB".into()),
        ..update
    };
    assert_eq!(
        fields_and_rules(&update.check()),
        [("name", Rule::MinLength)]
    );
}

#[test]
fn an_issue_serializes_with_a_camel_case_rule() {
    let issues = ContactRequest::issues(
        &json!({"firstName": "H", "lastName": "H", "roles": ["Other", "Boss"]}),
    );
    let wire = serde_json::to_value(&issues).expect("serializable");
    assert_eq!(
        wire,
        json!([{
            "field": "roles[1]",
            "rule": "enum",
            "message": issues[0].message,
        }])
    );
    for (rule, name) in [
        (Rule::Required, "required"),
        (Rule::Type, "type"),
        (Rule::MinLength, "minLength"),
        (Rule::MaxLength, "maxLength"),
        (Rule::Enum, "enum"),
        (Rule::Email, "email"),
        (Rule::Country, "country"),
        (Rule::Unknown, "unknown"),
    ] {
        assert_eq!(
            serde_json::to_value(rule).expect("serializable"),
            json!(name)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Known gaps

/// `Checker::id` is documented as "a non-blank identifier of another resource", but an
/// optional identifier made only of spaces passes (blankness is only checked for required
/// fields). No resource ID is blank, so such a body can only fail at the server.
#[test]
fn optional_ids_must_not_be_blank() {
    let mut failures = Vec::new();
    for (issues, field) in [
        (
            ContactRequest::issues(
                &json!({"organizationId": "   ", "firstName": "H", "lastName": "H"}),
            ),
            "organizationId",
        ),
        (
            UpdateOrganizationRequest::issues(&json!({"billingContactId": "   "})),
            "billingContactId",
        ),
        (
            UpdateOrganizationRequest::issues(&json!({"parentOrganizationId": " "})),
            "parentOrganizationId",
        ),
    ] {
        if !matches!(issues.as_slice(), [issue] if issue.field == field) {
            failures.push(format!(
                "{field} = blank: expected one issue, got {issues:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
