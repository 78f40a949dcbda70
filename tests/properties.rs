//! Property tests of everything that reads input from outside: arbitrary JSON and text never
//! make a decoder, a rule, the query reader or the path builder panic, and every refusal is a
//! typed issue with a message. `make fuzz` runs the same properties with many more cases.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Map, Value};
use signicat_account_management::auth::token::{OAuthError, TokenResponse};
use signicat_account_management::http::retry_after;
use signicat_account_management::model::params::Query;
use signicat_account_management::model::schema::Schema;
use signicat_account_management::model::ProblemDetails;
use signicat_account_management::pagination::page_token;
use signicat_account_management::routes::{check_id, query_string, Operation, Route, Visitor};
use signicat_account_management::validate::Body;

/// Any JSON value, nested a few levels, with keys that are sometimes real field names.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("name".to_string()),
        Just("email".to_string()),
        Just("country".to_string()),
        Just("limit".to_string()),
        Just("page".to_string()),
        Just("organizationId".to_string()),
        Just("roles".to_string()),
        Just("access_token".to_string()),
        Just("invalidParams".to_string()),
        ".{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Runs every operation's query reader, body rules and path builder on one input.
struct Everything<'a> {
    value: &'a Value,
    ids: &'a [String],
}

impl Visitor for Everything<'_> {
    type Output = ();
    fn visit<Q: Query, B: Body, R: Schema>(self, route: &'static Route) {
        if let Err(issues) = Q::from_options(Some(self.value)) {
            assert!(!issues.is_empty());
            assert!(issues.iter().all(|i| !i.message.is_empty()), "{issues:?}");
        }
        if let Ok(params) = Q::from_options(Some(self.value)) {
            let query = query_string(&params.pairs());
            assert!(!query.contains(['#', ' ']), "{query}");
        }
        for issue in B::issues(self.value) {
            assert!(!issue.message.is_empty(), "{issue:?}");
        }
        let ids: Vec<&str> = self.ids.iter().map(String::as_str).collect();
        if ids.iter().all(|id| check_id(id).is_ok()) {
            let path = route.fill(&ids);
            // An id never adds a segment, a query or a fragment to the path.
            let segments = route.path.matches('/').count();
            assert_eq!(path.matches('/').count(), segments, "{path}");
            assert!(!path.contains(['?', '#']), "{path}");
        }
    }
}

proptest! {
    #[test]
    fn every_operation_reads_any_json_without_panicking(value in json(), ids in prop::collection::vec(".{0,20}", 0..3)) {
        for op in Operation::ALL {
            op.visit(Everything { value: &value, ids: &ids });
        }
    }

    #[test]
    fn answers_decode_from_any_json(value in json()) {
        let problem = ProblemDetails::read(&&value);
        if let Some(status) = problem.status {
            prop_assert!(value.get("status").is_some(), "{status}");
        }
        if let Some(token) = TokenResponse::read(&&value) {
            prop_assert_eq!(Some(token.access_token.as_str()), value.get("access_token").and_then(Value::as_str));
        }
        let _ = OAuthError::read(&&value);
    }

    #[test]
    fn retry_after_reads_any_text(value in ".{0,40}", date in (0u32..40, 0usize..14, prop_oneof![-99_999i64..99_999, any::<i64>()], 0u32..70, 0u32..70, 0u32..70), now in any::<f64>()) {
        for text in [value.clone(), {
            let (day, month, year, h, m, s) = date;
            let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Foo", ""].get(month).copied().unwrap_or("");
            format!("Sun, {day:02} {month} {year} {h:02}:{m:02}:{s:02} GMT")
        }] {
            if let Some(ms) = retry_after::parse(&text, now) {
                prop_assert!(ms >= 0.0 || ms.is_nan(), "{text}: {ms}");
            }
        }
    }

    #[test]
    fn page_tokens_come_from_any_next(next in ".{0,80}") {
        let token = page_token(&next);
        prop_assert!(token.len() <= next.len() * 3 + 1);
    }
}
