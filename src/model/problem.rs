use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::json::{Json, Type};

/// An RFC 7807 problem-details body, as the API answers every error.
/// All members are optional; unknown members are ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetails {
    /// A URI naming the problem type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_uri: Option<String>,
    /// A short summary of the problem type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// An explanation of this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The API's error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The API's trace id, to quote to Signicat's support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    /// A URI naming this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// The parameters the API rejected, with why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_params: Option<Vec<InvalidParam>>,
    /// ASP.NET-style validation map (field to messages), kept when a server sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "Record<string, string[]>")]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
}

/// One rejected parameter of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InvalidParam {
    /// The parameter, e.g. `name` or `billingAddress.country`.
    #[serde(default)]
    pub name: String,
    /// Why it was rejected.
    #[serde(default)]
    pub reason: String,
}

impl ProblemDetails {
    /// The members of a problem-details body that have the right type; the rest are left out,
    /// since an error answer is reported whatever its body holds. An ASP.NET `errors` map is
    /// read into `invalidParams` when that is absent.
    pub fn read<V: Json>(body: &V) -> ProblemDetails {
        let text = |name: &'static str| body.member(name).and_then(|v| v.text());
        let param = |name: String, reason: Option<String>| InvalidParam {
            name,
            reason: reason.unwrap_or_default(),
        };
        let listed = body.member("invalidParams").and_then(|v| v.items());
        let listed = listed.map(|items| {
            let field = |item: &V, name| item.member(name).and_then(|v| v.text());
            let to_param = |item: &V| {
                param(
                    field(item, "name").unwrap_or_default(),
                    field(item, "reason"),
                )
            };
            items.iter().map(to_param).collect()
        });
        let errors = body.member("errors");
        let mapped = errors
            .filter(|v| v.json_type() == Some(Type::Object))
            .map(|errors| {
                let mut params = Vec::new();
                for (name, reasons) in errors.entries() {
                    for reason in reasons.items().unwrap_or_default() {
                        params.push(param(name.clone(), reason.text()));
                    }
                }
                params
            });
        ProblemDetails {
            type_uri: text("type"),
            title: text("title"),
            status: body
                .member("status")
                .and_then(|v| v.number())
                .filter(|n| n.fract() == 0.0 && (100.0..=599.0).contains(n))
                .map(|n| n as u16),
            detail: text("detail"),
            code: text("code"),
            trace_id: text("traceId"),
            instance: text("instance"),
            invalid_params: listed.or(mapped),
            errors: None,
        }
    }
}
