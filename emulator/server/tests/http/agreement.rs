//! The SDK and the emulator agree on every rule: bodies and query values generated across the
//! rules' edges (lengths, e-mails, countries, enums, ids, web addresses, dates) are accepted by
//! the emulator exactly when the SDK's rules accept them, over real HTTP, each answer held to the
//! contract. An id that names nothing is the API's to refuse, which no client rule can know, so
//! the ids here name records that exist (or are blank, which both refuse).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};
use signicat_account_management::model::{
    ContactPatchRequest, ContactRequest, CreateAccountRequest, CreateOrganizationRequest,
    ListInvoicesParams, ListParams, Query, UpdateAccountRequest, UpdateOrganizationRequest,
};
use signicat_account_management::validate::Validate;

use crate::support::{segment, Emulator};

const LENGTHS: [usize; 21] = [
    0, 1, 2, 3, 4, 63, 64, 65, 79, 80, 81, 99, 100, 101, 127, 128, 129, 254, 255, 256, 300,
];
const FILLS: [&str; 6] = ["a", "Å", "😀", " ", "\t", "a b"];

/// Text of a length near some field's limit, in characters of one, two or four bytes.
fn text() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&LENGTHS[..]),
        prop::sample::select(&FILLS[..]),
    )
        .prop_map(|(len, fill)| Value::String(fill.chars().cycle().take(len).collect()))
}

/// A value of any JSON type a form or a script might put in a field.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(42)),
        Just(json!(true)),
        Just(json!(["x"])),
        Just(json!({})),
    ]
}

fn field(strategy: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Option<Value>> {
    prop_oneof![
        6 => strategy.prop_map(Some),
        2 => Just(None),
        1 => any_value().prop_map(Some),
    ]
    .boxed()
}

fn email() -> impl Strategy<Value = Value> {
    let local = prop::sample::select(vec![
        "harald", "a.b", "", "a..b", ".a", "a.", "ø", "a+b", "\"q\"", "a b", "x",
    ]);
    let at = prop::sample::select(vec!["@", "", "@@"]);
    let domain = prop::sample::select(vec![
        "hårfagre.no",
        "example.com",
        "localhost",
        "-a.com",
        "a-.com",
        "a.b",
        "",
        "example..com",
        "example.com.",
        "xn--hrfagre-5xa.no",
        "[127.0.0.1]",
    ]);
    let long = prop::sample::select(vec![0usize, 55, 64, 70, 120]);
    (local, at, domain, long).prop_map(|(local, at, domain, long)| {
        Value::String(format!("{}{local}{at}{domain}", "x".repeat(long)))
    })
}

fn country() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[A-Za-z0-9]{2}".prop_map(Value::String),
        prop::sample::select(vec!["NO", "SE", "UK", "XX", "no", "", "N", "NOR"])
            .prop_map(|c| json!(c)),
    ]
}

fn roles() -> impl Strategy<Value = Value> {
    let role = prop::sample::select(vec![
        "Other",
        "CommercialOwner",
        "MainTechnicalContact",
        "FinancialContact",
        "owner",
        "",
        "Other ",
    ]);
    prop_oneof![
        prop::collection::vec(role, 0..4).prop_map(|r| json!(r)),
        Just(json!("Other")),
        Just(json!([1])),
    ]
}

fn website() -> impl Strategy<Value = Value> {
    let scheme = prop::sample::select(vec![
        "",
        "https://",
        "HTTP://",
        " https://",
        "javascript:",
        " JavaScript:",
        "data:",
        "ftp://",
        "mailto:",
        "java\tscript:",
    ]);
    let rest = prop::sample::select(vec![
        "example.com",
        "example.com:8080",
        "",
        "x/y",
        "hårfagre.no/om",
        "a\nb",
    ]);
    (scheme, rest).prop_map(|(scheme, rest)| Value::String(format!("{scheme}{rest}")))
}

fn one_of(values: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop::sample::select(values).prop_map(|v| json!(v))
}

fn flag() -> impl Strategy<Value = Value> {
    prop_oneof![Just(json!(true)), Just(json!(false)), Just(json!("true"))]
}

/// An id that exists, or a blank one.
fn id(real: &str) -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => Just(json!(real)),
        1 => prop::sample::select(vec!["", " ", "\t"]).prop_map(|v| json!(v)),
    ]
}

/// An object from the fields that are present.
fn body(fields: Vec<(&'static str, BoxedStrategy<Option<Value>>)>) -> BoxedStrategy<Value> {
    let (names, values): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    values
        .prop_map(move |values| {
            let map: Map<String, Value> = names
                .iter()
                .zip(values)
                .filter_map(|(name, value)| value.map(|v| (name.to_string(), v)))
                .collect();
            Value::Object(map)
        })
        .boxed()
}

fn person(organization: &str) -> Vec<(&'static str, BoxedStrategy<Option<Value>>)> {
    vec![
        ("organizationId", field(id(organization))),
        ("firstName", field(text())),
        ("middleName", field(text())),
        ("lastName", field(text())),
        ("email", field(email())),
        ("mobile", field(text())),
        ("phone", field(text())),
        ("country", field(country())),
        ("roles", field(roles())),
    ]
}

fn profile(name_required: bool) -> Vec<(&'static str, BoxedStrategy<Option<Value>>)> {
    let name = match name_required {
        true => prop_oneof![9 => text().prop_map(Some), 1 => Just(None)].boxed(),
        false => field(text()),
    };
    let address = body(vec![
        ("street", field(text())),
        ("city", field(text())),
        ("country", field(country())),
    ]);
    vec![
        ("name", name),
        ("website", field(website())),
        ("entityId", field(text())),
        ("entityVatNumber", field(text())),
        ("country", field(country())),
        ("billingEmail", field(email())),
        ("billingAddress", field(address)),
    ]
}

/// Runs `cases` requests of `strategy` and holds the emulator's answer to the SDK's verdict.
fn agree<S: Strategy>(name: &str, strategy: S, send: impl Fn(&S::Value) -> Option<(bool, u16)>) {
    let mut runner = TestRunner::new(Config {
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |value| {
        let Some((sdk_accepts, status)) = send(&value) else {
            return Ok(());
        };
        let emulator_accepts = match status {
            200 => true,
            400 => false,
            other => return Err(TestCaseError::fail(format!("{name}: answered {other}"))),
        };
        prop_assert_eq!(
            sdk_accepts,
            emulator_accepts,
            "{}: the SDK {} what the emulator {}",
            name,
            if sdk_accepts { "accepts" } else { "refuses" },
            if emulator_accepts {
                "accepts"
            } else {
                "refuses"
            }
        );
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

struct World {
    runtime: tokio::runtime::Runtime,
    emu: Emulator,
    root: String,
    organization: String,
    account: String,
    contact: String,
}

impl World {
    fn new() -> World {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let emu = runtime.block_on(async { Emulator::start(&[]) });
        let (root, organization, account, contact) = runtime.block_on(async {
            let root = emu.root_organization().await;
            let page = emu.call("GET", "/organizations", None).await.json();
            let child = page["data"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["parentOrganization"]["id"].is_string())
                .unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string();
            let first = |path: &'static str| {
                let emu = &emu;
                async move {
                    emu.call("GET", path, None).await.json()["data"][0]["id"]
                        .as_str()
                        .unwrap()
                        .to_string()
                }
            };
            let account = first("/accounts?limit=1").await;
            let contact = first("/contacts?limit=1").await;
            (root, child, account, contact)
        });
        World {
            runtime,
            emu,
            root,
            organization,
            account,
            contact,
        }
    }

    fn status(&self, method: &str, path: &str, body: Option<Value>) -> u16 {
        self.runtime
            .block_on(self.emu.call(method, path, body))
            .status
    }

    fn body<T: Validate>(&self, method: &str, path: &str, body: &Value) -> Option<(bool, u16)> {
        let sdk = T::issues(body).is_empty();
        Some((sdk, self.status(method, path, Some(body.clone()))))
    }
}

#[test]
fn the_emulator_accepts_a_body_exactly_when_the_sdk_does() {
    let w = World::new();
    let account = format!("/accounts/{}", segment(&w.account));
    let contact = format!("/contacts/{}", segment(&w.contact));
    let organization = format!("/organizations/{}", segment(&w.organization));

    let create_account = body(vec![
        ("name", field(text())),
        ("organizationId", field(id(&w.organization))),
        ("isSandbox", field(flag())),
        ("region", field(one_of(&["EU", "eu", "US", ""]))),
        ("cloud", field(one_of(&["GCP", "OTC", "gcp", "AWS"]))),
    ]);
    agree("create account", create_account, |b| {
        w.body::<CreateAccountRequest>("POST", "/accounts", b)
    });
    let update_account = body(vec![("name", field(text())), ("enabled", field(flag()))]);
    agree("update account", update_account, |b| {
        w.body::<UpdateAccountRequest>("PUT", &account, b)
    });
    agree("create contact", body(person(&w.organization)), |b| {
        w.body::<ContactRequest>("POST", "/contacts", b)
    });
    agree("replace contact", body(person(&w.organization)), |b| {
        w.body::<ContactRequest>("PUT", &contact, b)
    });
    agree("patch contact", body(person(&w.organization)), |b| {
        w.body::<ContactPatchRequest>("PATCH", &contact, b)
    });
    let mut create_organization = profile(true);
    create_organization.push(("parentOrganizationId", id(&w.root).prop_map(Some).boxed()));
    agree("create organization", body(create_organization), |b| {
        w.body::<CreateOrganizationRequest>("POST", "/organizations", b)
    });
    let mut update_organization = profile(false);
    update_organization.push(("billingContactId", field(id(&w.contact))));
    agree("update organization", body(update_organization), |b| {
        w.body::<UpdateOrganizationRequest>("PUT", &organization, b)
    });
}

fn date() -> impl Strategy<Value = String> {
    let year = prop::sample::select(vec!["2024", "2023", "1900", "2000", "0000", "24", "20245"]);
    let month = prop::sample::select(vec!["01", "02", "04", "12", "13", "00", "1"]);
    let day = prop::sample::select(vec!["01", "28", "29", "30", "31", "32", "00"]);
    let time = prop::sample::select(vec![
        "",
        "T00:00",
        "T23:59:59",
        "t10:00:00.5",
        "T10:00:00.123456789",
        "T24:00",
        "T10:60",
        "T23:59:60",
        "T10:00:00.",
        "T",
        " 10:00",
    ]);
    let zone = prop::sample::select(vec![
        "", "Z", "z", "+01:00", "-23:59", "+24:00", "+1", "-00:30",
    ]);
    (year, month, day, time, zone).prop_map(|(y, m, d, t, z)| format!("{y}-{m}-{d}{t}{z}"))
}

#[test]
fn the_emulator_accepts_a_query_exactly_when_the_sdk_does() {
    let w = World::new();
    let query = |name: &str, value: &str| {
        let value =
            percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC);
        format!("{name}={value}")
    };
    // What the SDK takes from a caller, sent as the SDK sends it, and the same text sent as is.
    agree("invoice dates", date(), |raw| {
        let params = ListInvoicesParams {
            after: Some(raw.clone()),
            before: None,
        };
        let sdk = params.issues().is_empty();
        let as_is = w.status(
            "GET",
            &format!("/invoices?{}", query("invoiceDateAfter", raw)),
            None,
        );
        if sdk {
            let (_, sent) = params.pairs().into_iter().next()?;
            let status = w.status(
                "GET",
                &format!("/invoices?{}", query("invoiceDateBefore", &sent)),
                None,
            );
            if status != 200 {
                return Some((true, status));
            }
        }
        Some((sdk, as_is))
    });
    let limits = prop::sample::select(vec![
        0u32,
        1,
        50,
        1000,
        1001,
        2_147_483_647,
        2_147_483_648,
        u32::MAX,
    ]);
    agree("page sizes", limits, |limit| {
        let params = ListParams {
            limit: Some(*limit),
            page: None,
        };
        let sdk = params.issues().is_empty();
        Some((
            sdk,
            w.status("GET", &format!("/contacts?limit={limit}"), None),
        ))
    });
}
