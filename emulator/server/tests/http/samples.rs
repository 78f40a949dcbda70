//! The contract accepts the API reference's own samples (tests/fixtures): each request sample
//! against its operation's request schema, each response sample against its 200 answer, checked
//! by the jsonschema crate. The operation of a sample comes from the SDK's route table.

use std::path::PathBuf;

use hyper::body::Bytes;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::HeaderMap;
use serde_json::Value;
use signicat_account_management::routes::ALL;

use crate::support::{contract, Reply};

/// The sample's file stem of an operation: `accounts.list` → `list_accounts`, `accounts.get` → `get_account`.
fn stem(name: &str) -> String {
    let (namespace, method) = name.split_once('.').unwrap();
    match method {
        "list" => format!("list_{namespace}"),
        _ => format!("{method}_{}", namespace.trim_end_matches('s')),
    }
}

fn sample(name: &str) -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(path).ok()?;
    Some(serde_json::from_str(&text).unwrap())
}

#[test]
fn the_contract_accepts_every_sample_of_the_reference() {
    let (mut requests, mut responses) = (0, 0);
    let mut failures = Vec::new();
    for route in ALL {
        let stem = stem(route.name);
        let method = route.method.as_str();
        if let Some(body) = sample(&format!("{stem}.request")) {
            let errors = contract().request_errors(method, route.path, &body);
            if !errors.is_empty() {
                failures.push(format!("{stem}.request: {}", errors.join("; ")));
            }
            requests += 1;
        }
        if let Some(body) = sample(&format!("{stem}.response")) {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            let reply = Reply {
                status: 200,
                headers,
                body: Bytes::from(body.to_string()),
            };
            let checked = std::panic::catch_unwind(|| contract().check(method, route.path, &reply));
            if let Err(why) = checked {
                let why = why.downcast_ref::<String>().cloned().unwrap_or_default();
                failures.push(format!(
                    "{stem}.response: {}",
                    why.lines().take(3).collect::<Vec<_>>().join(" ")
                ));
            }
            responses += 1;
        }
    }
    assert_eq!((requests, responses), (7, 16), "every sample was checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
