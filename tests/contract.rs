//! The routing table against the contract kept in `spec/account-management.yaml`:
//! every operation of the contract is routed, and every route is in the contract.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_yaml_ng::Value;
use signicat_account_management::routes::{self, Returns};

const SPEC: &str = include_str!("../spec/account-management.yaml");
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn spec() -> Value {
    serde_yaml_ng::from_str(SPEC).expect("the contract is valid YAML")
}

fn contract_operations(spec: &Value) -> BTreeSet<(String, String)> {
    let paths = spec["paths"].as_mapping().expect("paths");
    let mut operations = BTreeSet::new();
    for (path, item) in paths {
        for method in METHODS {
            if item.get(method).is_some() {
                operations.insert((
                    method.to_uppercase(),
                    path.as_str().expect("path").to_string(),
                ));
            }
        }
    }
    operations
}

#[test]
fn every_contract_operation_has_exactly_one_route() {
    let contract = contract_operations(&spec());
    let table: BTreeSet<(String, String)> = routes::ALL
        .iter()
        .map(|r| (r.method.as_str().to_string(), r.path.to_string()))
        .collect();
    assert_eq!(table.len(), routes::ALL.len(), "no route is listed twice");
    assert_eq!(table, contract);
}

#[test]
fn only_the_invoice_document_is_not_json() {
    let spec = spec();
    for route in routes::ALL {
        let operation = &spec["paths"][route.path][route.method.as_str().to_lowercase()];
        let content = &operation["responses"]["200"]["content"];
        let returns = if content.get("application/json").is_some() {
            Returns::Json
        } else {
            Returns::Bytes
        };
        assert_eq!(returns, route.returns, "{}", route.name);
    }
}

#[test]
fn path_parameters_match_the_contract() {
    let spec = spec();
    for route in routes::ALL {
        let declared: Vec<String> = spec["paths"][route.path]["parameters"]
            .as_sequence()
            .map(|params| {
                params
                    .iter()
                    .filter_map(|p| p["$ref"].as_str())
                    .filter_map(|r| {
                        spec["components"]["parameters"][r.rsplit('/').next().unwrap_or("")]["name"]
                            .as_str()
                    })
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let routed: Vec<String> = route.params().map(str::to_string).collect();
        assert_eq!(routed, declared, "{}", route.name);
    }
}
