use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// An RFC 7807 problem-details body, as the API answers every error.
/// All members are optional; unknown members are ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetails {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
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
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub reason: String,
}
