//! The response models against the reference samples in `tests/fixtures/`: every sample
//! decodes, the lenient rules hold on the real values, bad input is an error (never a panic)
//! and a decoded value survives serialization unchanged. Request samples pass their rules.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::fs;
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use signicat_account_management::model::{
    Account, Contact, ContactPatchRequest, ContactRequest, CreateAccountRequest,
    CreateOrganizationRequest, Invoice, InvoiceSummary, Organization, OrganizationSummary, Page,
    ProblemDetails, UpdateAccountRequest, UpdateOrganizationRequest, UpdatedOrganization,
};
use signicat_account_management::validate::Validate;

// ---------------------------------------------------------------------------------------------
// Fixture access

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture_text(name: &str) -> String {
    let path = fixtures_dir().join(format!("{name}.json"));
    fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn fixture(name: &str) -> Value {
    serde_json::from_str(&fixture_text(name)).unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn decode<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&fixture_text(name))
        .unwrap_or_else(|err| panic!("{name} does not decode as {}: {err}", type_name::<T>()))
}

fn type_name<T>() -> &'static str {
    std::any::type_name::<T>()
}

// ---------------------------------------------------------------------------------------------
// Which model each sample belongs to

/// A check run on one fixture, named for the model it decodes into.
type Check = fn(&str);

/// Every response sample and the model it must decode into.
const RESPONSES: [(&str, Check); 18] = [
    ("list_accounts.response", response::<Page<Account>>),
    ("create_account.response", response::<Account>),
    ("get_account.response", response::<Account>),
    ("update_account.response", response::<Account>),
    ("delete_account.response", response::<Account>),
    ("list_contacts.response", response::<Page<Contact>>),
    ("create_contact.response", response::<Contact>),
    ("get_contact.response", response::<Contact>),
    ("update_contact.response", response::<Contact>),
    ("patch_contact.response", response::<Contact>),
    ("list_invoices.response", response::<Vec<InvoiceSummary>>),
    ("get_invoice.response", response::<Invoice>),
    // An invoice with lines is also a valid invoice header (the `lines` are ignored).
    ("get_invoice.response", response::<InvoiceSummary>),
    (
        "list_organizations.response",
        response::<Page<OrganizationSummary>>,
    ),
    ("create_organization.response", response::<Organization>),
    ("get_organization.response", response::<Organization>),
    // A full organization is also a valid list item.
    ("get_organization.response", response::<OrganizationSummary>),
    // The reference answers an update with the saved fields (no `id`, with `billingContactId`).
    (
        "update_organization.response",
        response::<UpdatedOrganization>,
    ),
];

/// Every request sample that should pass its validator.
const REQUESTS: [(&str, Check); 6] = [
    ("create_account.request", request::<CreateAccountRequest>),
    ("update_account.request", request::<UpdateAccountRequest>),
    ("create_contact.request", request::<ContactRequest>),
    ("update_contact.request", request::<ContactRequest>),
    (
        "create_organization.request",
        request::<CreateOrganizationRequest>,
    ),
    (
        "update_organization.request",
        request::<UpdateOrganizationRequest>,
    ),
];

/// Decodes, survives truncation and round-trips.
fn response<T>(name: &str)
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let value: T = decode(name);
    assert_round_trip(name, &value);
    assert_truncations_fail::<T>(name);
}

/// Passes its rules, parses into the typed request, and the typed request still passes.
fn request<T>(name: &str)
where
    T: Validate + PartialEq + Debug,
{
    let body = fixture(name);
    let issues = T::issues(&body);
    assert!(issues.is_empty(), "{name}: unexpected issues {issues:#?}");
    let parsed =
        T::parse(body).unwrap_or_else(|issues| panic!("{name} does not parse: {issues:#?}"));
    let rechecked = parsed.check();
    assert!(rechecked.is_empty(), "{name}: check() found {rechecked:#?}");
    assert_round_trip(name, &parsed);
    assert_truncations_fail::<T>(name);
}

fn assert_round_trip<T>(name: &str, value: &T)
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let text = serde_json::to_string(value).unwrap_or_else(|err| panic!("{name}: {err}"));
    let again: T = serde_json::from_str(&text)
        .unwrap_or_else(|err| panic!("{name}: serialized form {text} does not decode: {err}"));
    assert_eq!(&again, value, "{name}: round trip through {text}");
}

/// Every proper prefix of the document (cut at every byte, so also inside strings, numbers,
/// literals and multi-byte characters) is an error, not a panic and not a value.
fn assert_truncations_fail<T: DeserializeOwned + Debug>(name: &str) {
    let text = fixture_text(name);
    let bytes = text.trim_end().as_bytes();
    for cut in 0..bytes.len() {
        if let Ok(value) = serde_json::from_slice::<T>(&bytes[..cut]) {
            panic!(
                "{name} cut at byte {cut} decoded as {}: {value:?}",
                type_name::<T>()
            );
        }
    }
}

#[test]
fn every_response_sample_decodes_round_trips_and_rejects_truncation() {
    for (name, check) in RESPONSES {
        check(name);
    }
}

#[test]
fn every_request_sample_passes_its_rules_and_parses() {
    for (name, check) in REQUESTS {
        check(name);
    }
}

/// The reference's PATCH sample carries `organizationId`, and the seed's PATCH field table
/// lists it; the SDK's `ContactPatchRequest` does not know the field. Fails until it does.
#[test]
fn patch_contact_request_sample_passes_its_rules_and_parses() {
    request::<ContactPatchRequest>("patch_contact.request");
}

#[test]
fn every_fixture_file_is_covered() {
    let covered: BTreeSet<&str> = RESPONSES
        .iter()
        .chain(REQUESTS.iter())
        .map(|(name, _)| *name)
        .chain(["patch_contact.request"])
        .collect();
    let mut files = BTreeSet::new();
    for entry in fs::read_dir(fixtures_dir()).expect("tests/fixtures is readable") {
        let file_name = entry.expect("directory entry").file_name();
        let file_name = file_name.to_string_lossy().into_owned();
        if let Some(stem) = file_name.strip_suffix(".json") {
            files.insert(stem.to_string());
        }
    }
    let uncovered: Vec<&String> = files
        .iter()
        .filter(|f| !covered.contains(f.as_str()))
        .collect();
    assert!(
        uncovered.is_empty(),
        "fixtures without a test: {uncovered:?}"
    );
    assert_eq!(files.len(), 23, "the seed has 23 samples: {files:?}");
}

// ---------------------------------------------------------------------------------------------
// The lenient rules, on the real sample values

#[test]
fn account_list_sample_decodes_leniently() {
    let page: Page<Account> = decode("list_accounts.response");
    assert_eq!(page.next, None, "`next: null` is the last page");
    assert_eq!(page.data.len(), 2);

    let production = &page.data[0];
    assert_eq!(production.id, "a-ppge-ovC1eMDgt0hkgqZUSaPh");
    assert_eq!(production.name, "My Account");
    assert_eq!(
        production.created_date, None,
        "`createdDate: \"\"` is absent"
    );
    assert_eq!(
        production.last_modified_date.as_deref(),
        Some("2022-05-11T11:28:59Z")
    );
    assert!(
        !production.is_soft_deleted,
        "`isSoftDeleted: null` is false"
    );
    assert_eq!(production.soft_deleted_at, None);
    assert!(!production.is_sandbox);
    assert_eq!(production.region, "EU");
    assert_eq!(production.cloud, "GCP");
    assert!(production.enabled);
    assert!(!production.is_delete_protected);
    let organization = production.organization.as_ref().expect("organization");
    assert_eq!(organization.id, "o-p-0TgcUq7CylltM7OkwB4t");
    assert_eq!(organization.name.as_deref(), Some("My Organization"));
    assert_eq!(production.products, None, "list items carry no `products`");

    let sandbox = &page.data[1];
    assert_eq!(sandbox.id, "a-spge-PmN5cDIdq0cz93ZUS276");
    assert!(sandbox.is_sandbox);
    assert!(!sandbox.enabled);
    assert_eq!(sandbox.last_modified_date, None, "`lastModifiedDate: \"\"`");
    assert_eq!(sandbox.organization, None, "`organization: null`");
    assert_eq!(sandbox.products, None);
}

#[test]
fn single_account_samples_decode_with_products() {
    for name in [
        "create_account.response",
        "get_account.response",
        "update_account.response",
        "delete_account.response",
    ] {
        let account: Account = decode(name);
        assert_eq!(account.id, "a-ppge-ovC1eMDgt0hkgqZUSaPh", "{name}");
        assert_eq!(account.created_date, None, "{name}");
        assert!(!account.is_soft_deleted, "{name}");
        assert_eq!(
            account.organization.and_then(|o| o.name).as_deref(),
            Some("My Organization"),
            "{name}"
        );
        assert_eq!(
            account.products,
            Some(
                ["auth", "auth-nbid", "auth-sbid", "sign", "sign-nbid"]
                    .map(String::from)
                    .to_vec()
            ),
            "{name}"
        );
    }
}

#[test]
fn contact_samples_decode_leniently() {
    let page: Page<Contact> = decode("list_contacts.response");
    assert_eq!(page.next, None);
    let [listed] = page.data.as_slice() else {
        panic!("one contact expected: {:?}", page.data);
    };
    assert_eq!(listed.id, "c-p-5831eMDkMehkgq39L3KK");
    assert_eq!(listed.name, "Harald Hårfagre");
    assert_eq!(listed.first_name, "Harald");
    assert_eq!(listed.middle_name, None, "`middleName: \"\"` is absent");
    assert_eq!(listed.last_name, "Hårfagre");
    assert_eq!(listed.email.as_deref(), Some("harald@hårfagre.no"));
    assert_eq!(listed.mobile.as_deref(), Some("+4799999999"));
    assert_eq!(listed.phone, None, "`phone: \"\"` is absent");
    assert_eq!(listed.country.as_deref(), Some("NO"));
    assert_eq!(listed.roles, None, "`roles: null`");
    assert_eq!(
        listed.organization.as_ref().map(|o| o.id.as_str()),
        Some("o-p-0TgcUq7CylltM7OkwB4t")
    );

    for name in [
        "create_contact.response",
        "get_contact.response",
        "update_contact.response",
        "patch_contact.response",
    ] {
        let contact: Contact = decode(name);
        assert_eq!(contact.middle_name, None, "{name}: `middleName: null`");
        assert_eq!(contact.phone, None, "{name}: `phone: null`");
        assert_eq!(contact.roles, None, "{name}: `roles: null`");
        // The list item and the single contact describe the same person.
        assert_eq!(&contact, listed, "{name}");
    }
}

#[test]
fn invoice_samples_decode_with_their_placeholders() {
    let invoices: Vec<InvoiceSummary> = decode("list_invoices.response");
    let [header] = invoices.as_slice() else {
        panic!("one invoice expected: {invoices:?}");
    };
    assert_eq!(header.invoice_number, "string");
    assert_eq!(header.invoice_date.as_deref(), Some("2019-08-24T14:15:22Z"));
    assert_eq!(
        header.invoice_address_country_region_iso_code.as_deref(),
        Some("string")
    );
    for amount in [
        header.total_invoice_amount,
        header.total_charge_amount,
        header.total_discount_amount,
        header.total_tax_amount,
        header.invoice_header_tax_amount,
    ] {
        assert_eq!(amount, Some(0.1));
    }
    assert_eq!(header.settled, Some(true));

    let invoice: Invoice = decode("get_invoice.response");
    assert_eq!(&invoice.summary, header, "the header of the single invoice");
    let [line] = invoice.lines.as_slice() else {
        panic!("one line expected: {:?}", invoice.lines);
    };
    assert_eq!(line.item_number.as_deref(), Some("string"));
    assert_eq!(line.invoiced_quantity, Some(0.1));
    assert_eq!(line.sales_price, Some(0.1));
    assert_eq!(line.line_amount, Some(0.1));
    assert_eq!(
        line.sig_contract_end.as_deref(),
        Some("2019-08-24T14:15:22Z")
    );
}

#[test]
fn organization_list_sample_decodes_leniently() {
    let page: Page<OrganizationSummary> = decode("list_organizations.response");
    assert_eq!(page.next, None);
    let [child, parent] = page.data.as_slice() else {
        panic!("two organizations expected: {:?}", page.data);
    };
    assert_eq!(child.id, "o-p-0TgcUq7CylltM7OkwB4t");
    assert_eq!(
        child.last_modified_date.as_deref(),
        Some("2022-05-01T03:14:39Z")
    );
    assert_eq!(child.entity_id.as_deref(), Some("999000999"));
    assert_eq!(child.entity_vat_number, None);
    assert_eq!(child.entity_legal_name, None);
    assert_eq!(
        child.parent_organization.as_ref().map(|p| p.id.as_str()),
        Some(parent.id.as_str())
    );
    assert_eq!(parent.last_modified_date, None, "`lastModifiedDate: \"\"`");
    assert_eq!(
        parent.parent_organization, None,
        "`parentOrganization: null`"
    );
}

#[test]
fn single_organization_samples_decode_leniently() {
    for name in ["create_organization.response", "get_organization.response"] {
        let org: Organization = decode(name);
        assert_eq!(org.summary.id, "o-p-0TgcUq7CylltM7OkwB4t", "{name}");
        assert_eq!(org.summary.name, "My Organization", "{name}");
        assert_eq!(org.summary.country.as_deref(), Some("NO"), "{name}");
        assert!(org.child_organizations.is_empty(), "{name}: `[ ]`");
        assert_eq!(org.website, None, "{name}");
        assert_eq!(org.billing_email.as_deref(), Some("billing@myorg.com"));
        let address = org.billing_address.as_ref().expect("billingAddress");
        assert_eq!(address.city.as_deref(), Some("Bergen"), "{name}");
        assert_eq!(address.region, None, "{name}: `region: null`");
        let billing = org.billing_contact.as_ref().expect("billingContact");
        assert_eq!(billing.email.as_deref(), Some("harald@hårfagre.no"));
        assert_eq!(billing.roles, None, "{name}: `roles: null`");
        assert_eq!(org.accounts.len(), 2, "{name}");
        assert!(
            org.accounts.iter().all(|a| !a.is_soft_deleted),
            "{name}: `isSoftDeleted: null` is false"
        );
        assert!(org.accounts[1].is_sandbox, "{name}");
        assert_eq!(
            org.contacts.as_slice(),
            std::slice::from_ref(billing),
            "{name}"
        );
    }
}

/// The reference answers an update with its fields as saved: no `id`, with `billingContactId`.
/// That is what `organizations.update` resolves to, every field kept.
#[test]
fn update_organization_answers_with_the_saved_fields() {
    let answer: UpdatedOrganization = decode("update_organization.response");
    assert_eq!(answer.id, None);
    assert_eq!(answer.name.as_deref(), Some("My Organization"));
    assert_eq!(
        answer.billing_contact_id.as_deref(),
        Some("c-p-5831eMDkMehkgq39L3KK")
    );
    assert_eq!(answer.entity_vat_number, None);
    let city = answer.billing_address.and_then(|a| a.city);
    assert_eq!(city.as_deref(), Some("Bergen"));
    let full: UpdatedOrganization = decode("get_organization.response");
    assert_eq!(full.id.as_deref(), Some("o-p-0TgcUq7CylltM7OkwB4t"));
}

/// Members Signicat may add later are ignored at every level, and change nothing.
#[test]
fn unknown_members_are_tolerated_everywhere() {
    fn with_extras(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut map: serde_json::Map<String, Value> = map
                    .iter()
                    .map(|(k, v)| (k.clone(), with_extras(v)))
                    .collect();
                map.insert("addedLater".into(), json!({"nested": [1, "two", null]}));
                map.insert("anotherFlag".into(), Value::Null);
                Value::Object(map)
            }
            Value::Array(items) => Value::Array(items.iter().map(with_extras).collect()),
            other => other.clone(),
        }
    }
    fn same<T: DeserializeOwned + PartialEq + Debug>(name: &str) {
        let plain: T = decode(name);
        let extended: T = serde_json::from_value(with_extras(&fixture(name)))
            .unwrap_or_else(|err| panic!("{name} with extra members: {err}"));
        assert_eq!(extended, plain, "{name}");
    }
    same::<Page<Account>>("list_accounts.response");
    same::<Account>("get_account.response");
    same::<Page<Contact>>("list_contacts.response");
    same::<Contact>("get_contact.response");
    same::<Vec<InvoiceSummary>>("list_invoices.response");
    same::<Invoice>("get_invoice.response");
    same::<Page<OrganizationSummary>>("list_organizations.response");
    same::<Organization>("get_organization.response");
}

#[test]
fn quirks_beyond_the_samples_decode_leniently() {
    // `next` as a bare token, as a URL, and as an empty string.
    for (next, expected) in [
        (json!("eyJwYWdlIjoyfQ"), Some("eyJwYWdlIjoyfQ")),
        (
            json!("https://api.signicat.com/account-management/accounts?page=2"),
            Some("https://api.signicat.com/account-management/accounts?page=2"),
        ),
        (json!(""), None),
        (Value::Null, None),
    ] {
        let page: Page<Account> = serde_json::from_value(json!({"data": [], "next": next}))
            .unwrap_or_else(|err| panic!("next = {next}: {err}"));
        assert_eq!(page.next.as_deref(), expected, "next = {next}");
    }

    // `data: null` is an empty page; a page without `data` is not a page.
    let page: Page<Contact> = serde_json::from_value(json!({"data": null})).expect("page");
    assert!(page.data.is_empty());
    assert!(serde_json::from_value::<Page<Contact>>(json!({})).is_err());

    // Lists of an organization sent as `null` are empty.
    let org: Organization = serde_json::from_value(json!({
        "id": "o-p-1",
        "name": "Org",
        "childOrganizations": null,
        "accounts": null,
        "contacts": null,
    }))
    .expect("organization");
    assert!(org.child_organizations.is_empty() && org.accounts.is_empty());
    assert!(org.contacts.is_empty());

    // `isSoftDeleted: null` and `isDeleteProtected: null` are false; a soft-deleted account
    // keeps its timestamp.
    let account: Account = serde_json::from_value(json!({
        "id": "a-ppge-1",
        "name": "A",
        "isSandbox": false,
        "region": "EU",
        "cloud": "GCP",
        "enabled": true,
        "isDeleteProtected": null,
        "isSoftDeleted": true,
        "softDeletedAt": "2024-01-02T03:04:05Z",
    }))
    .expect("account");
    assert!(!account.is_delete_protected);
    assert!(account.is_soft_deleted);
    assert_eq!(
        account.soft_deleted_at.as_deref(),
        Some("2024-01-02T03:04:05Z")
    );

    // A role Signicat adds later still decodes in a response.
    let contact: Contact =
        serde_json::from_value(json!({"id": "c-p-1", "name": "A B", "firstName": "A", "lastName": "B", "roles": ["Other", "DataProtectionOfficer"]}))
            .expect("contact");
    assert_eq!(
        contact.roles,
        Some(vec!["Other".into(), "DataProtectionOfficer".into()])
    );
}

// ---------------------------------------------------------------------------------------------
// Bodies that are not what the model expects

#[test]
fn malformed_bodies_are_errors_not_panics() {
    fn rejects<T: DeserializeOwned + Debug>(body: &str) {
        if let Ok(value) = serde_json::from_str::<T>(body) {
            panic!("{body} decoded as {}: {value:?}", type_name::<T>());
        }
    }
    for body in [
        "",
        "null",
        "[]",
        "\"a-ppge-1\"",
        "{}",
        r#"{"id": 7}"#,
        r#"{"id": null}"#,
        r#"{"id": "a-ppge-1", "isSandbox": "false"}"#,
        r#"{"id": "a-ppge-1", "products": "auth"}"#,
        r#"{"id": "a-ppge-1", "organization": "o-p-1"}"#,
        "<html><body>502 Bad Gateway</body></html>",
    ] {
        rejects::<Account>(body);
    }
    for body in [
        "null",
        r#"{"data": {}}"#,
        r#"{"data": [{"name": "no id"}]}"#,
        r#"{"data": [], "next": 2}"#,
    ] {
        rejects::<Page<Account>>(body);
    }
    for body in [r#"{"invoiceNumber": 1}"#, r#"{"invoices": []}"#] {
        rejects::<Vec<InvoiceSummary>>(body);
    }
    rejects::<Invoice>(r#"{"invoiceNumber": "1", "lines": {}}"#);
    rejects::<Invoice>(r#"{"invoiceNumber": "1", "totalInvoiceAmount": "0.1"}"#);
    rejects::<Organization>(r#"{"id": "o-p-1", "childOrganizations": [{"name": "no id"}]}"#);
    rejects::<Contact>(r#"{"id": "c-p-1", "roles": "Other"}"#);
    rejects::<ProblemDetails>(r#"{"status": "four hundred"}"#);
    rejects::<ProblemDetails>("Bad Request");
}

#[test]
fn problem_details_decode_with_invalid_params_and_unknown_members() {
    let body = json!({
        "type": "https://developer.signicat.com/docs/errors/#invalid_request_parameter",
        "title": "One or more request parameters are invalid",
        "status": 400,
        "detail": "The request body failed validation.",
        "code": "invalid_request_parameter",
        "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "invalidParams": [
            {"name": "name", "reason": "must be at most 80 characters", "value": "x"},
            {"name": "cloud", "reason": "must match GCP|OTC"},
            {"reason": "a parameter without a name"}
        ],
        "errors": {"Name": ["The field Name must be a string with a maximum length of 80."]},
        "instance": "/account-management/accounts",
        "vendorExtension": {"retryable": false},
    });
    let problem: ProblemDetails = serde_json::from_value(body).expect("problem details");
    assert_eq!(problem.status, Some(400));
    assert_eq!(problem.code.as_deref(), Some("invalid_request_parameter"));
    assert_eq!(
        problem.type_uri.as_deref(),
        Some("https://developer.signicat.com/docs/errors/#invalid_request_parameter")
    );
    assert_eq!(
        problem.trace_id.as_deref(),
        Some("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    );
    assert_eq!(
        problem.instance.as_deref(),
        Some("/account-management/accounts")
    );
    let params = problem.invalid_params.as_deref().expect("invalidParams");
    let names: Vec<(&str, &str)> = params
        .iter()
        .map(|p| (p.name.as_str(), p.reason.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("name", "must be at most 80 characters"),
            ("cloud", "must match GCP|OTC"),
            ("", "a parameter without a name"),
        ]
    );
    let errors = problem.errors.as_ref().expect("errors");
    assert_eq!(errors["Name"].len(), 1);
    assert_round_trip("problem details", &problem);

    // The smallest problem bodies: everything is optional.
    for body in [json!({}), json!({"title": "Unauthorized", "status": 401})] {
        let problem: ProblemDetails = serde_json::from_value(body.clone()).expect("problem");
        assert_eq!(problem.invalid_params, None, "{body}");
    }
}
