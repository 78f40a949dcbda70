//! The one error type every operation fails with, shaped for JS (`SignicatError`).

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::json::text;
use crate::model::{InvalidParam, ProblemDetails};
use crate::validate::ValidationIssue;

/// What went wrong, in the terms a caller acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input broke a rule of the contract; nothing was sent.
    Validation,
    /// The API answered with an error status.
    Api,
    /// The credentials or token were refused (401, 403, or the token endpoint failed).
    Auth,
    /// The API answered 429 and retries ran out.
    RateLimited,
    /// No answer: the connection failed or was cut.
    Network,
    Timeout,
    Aborted,
    /// The answer could not be read as what the operation returns.
    Decode,
    /// The client was set up wrongly.
    Config,
}

impl ErrorKind {
    const NAMES: [(ErrorKind, &'static str); 9] = [
        (ErrorKind::Validation, "validation"),
        (ErrorKind::Api, "api"),
        (ErrorKind::Auth, "auth"),
        (ErrorKind::RateLimited, "rate_limited"),
        (ErrorKind::Network, "network"),
        (ErrorKind::Timeout, "timeout"),
        (ErrorKind::Aborted, "aborted"),
        (ErrorKind::Decode, "decode"),
        (ErrorKind::Config, "config"),
    ];

    /// The name JS sees in `error.kind`.
    pub fn as_str(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(kind, _)| *kind == self)
            .map_or("api", |(_, name)| name)
    }

    pub fn from_name(name: &str) -> Option<ErrorKind> {
        Self::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(kind, _)| *kind)
    }
}

/// A failed operation. Never carries a secret or a token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// Whether trying again later may succeed.
    pub retryable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_params: Option<Vec<InvalidParam>>,
    /// Client-side validation issues, when `kind` is `validation` and nothing was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<ValidationIssue>>,
    /// How long the API asked callers to wait (`Retry-After`), when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<f64>,
    /// The operation, e.g. `accounts.create`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::of(kind, message.into())
    }

    // One copy of the construction, however many places fail: errors are many, and cold.
    #[inline(never)]
    fn of(kind: ErrorKind, message: String) -> Self {
        Error {
            kind,
            message,
            retryable: matches!(
                kind,
                ErrorKind::Network | ErrorKind::Timeout | ErrorKind::RateLimited
            ),
            status: None,
            code: None,
            title: None,
            detail: None,
            trace_id: None,
            type_uri: None,
            invalid_params: None,
            issues: None,
            retry_after_ms: None,
            operation: None,
        }
    }

    pub fn config(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Config, message)
    }

    /// Client-side validation failure: every issue, also as `invalidParams` so callers
    /// handle local and server-side rejections alike.
    pub fn validation(operation: &str, issues: Vec<ValidationIssue>) -> Self {
        let summary: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        let mut error = Error::new(
            ErrorKind::Validation,
            text(&[
                &"Invalid input for ",
                &operation,
                &": ",
                &summary.join("; "),
            ]),
        );
        error.invalid_params = Some(
            issues
                .iter()
                .map(|i| InvalidParam {
                    name: i.field.clone(),
                    reason: i.message.clone(),
                })
                .collect(),
        );
        error.issues = Some(issues);
        error.operation = Some(operation.to_string());
        error
    }

    /// An error status from the API, with its problem details when the body had them.
    pub fn from_status(status: u16, problem: Option<ProblemDetails>, context: &str) -> Self {
        let kind = match status {
            401 | 403 => ErrorKind::Auth,
            429 => ErrorKind::RateLimited,
            _ => ErrorKind::Api,
        };
        let problem = problem.unwrap_or_default();
        let headline = problem
            .detail
            .as_deref()
            .or(problem.title.as_deref())
            .unwrap_or(status_text(status));
        let mut error = Error::new(
            kind,
            text(&[&context, &" failed with HTTP ", &status, &": ", &headline]),
        );
        error.retryable = crate::http::retry::is_retryable_status(status);
        error.status = Some(status);
        error.code = problem.code;
        error.title = problem.title;
        error.detail = problem.detail;
        error.trace_id = problem.trace_id;
        error.type_uri = problem.type_uri;
        // `ProblemDetails::read` has already folded an ASP.NET `errors` map into these.
        error.invalid_params = problem.invalid_params;
        error
    }

    pub fn with_operation(mut self, operation: &str) -> Self {
        self.operation = Some(operation.to_string());
        self
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

fn status_text(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unexpected status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_problem_details_through() {
        let problem = ProblemDetails {
            title: Some("Validation failed".into()),
            detail: Some("name is too long".into()),
            code: Some("invalid_request_parameter".into()),
            trace_id: Some("t-1".into()),
            invalid_params: Some(vec![InvalidParam {
                name: "name".into(),
                reason: "too long".into(),
            }]),
            ..ProblemDetails::default()
        };
        let error = Error::from_status(400, Some(problem), "POST /accounts");
        assert_eq!(error.kind, ErrorKind::Api);
        assert!(!error.retryable);
        assert_eq!(error.code.as_deref(), Some("invalid_request_parameter"));
        assert_eq!(error.trace_id.as_deref(), Some("t-1"));
        assert_eq!(error.invalid_params.as_ref().map(Vec::len), Some(1));
        assert_eq!(
            error.message,
            "POST /accounts failed with HTTP 400: name is too long"
        );
    }

    #[test]
    fn kind_names_match_serde() {
        for (kind, name) in ErrorKind::NAMES {
            assert_eq!(serde_json::to_value(kind).unwrap(), name);
            assert_eq!(ErrorKind::from_name(name), Some(kind));
            assert_eq!(kind.as_str(), name);
        }
    }

    #[test]
    fn maps_statuses_to_kinds() {
        assert_eq!(Error::from_status(401, None, "x").kind, ErrorKind::Auth);
        assert_eq!(Error::from_status(403, None, "x").kind, ErrorKind::Auth);
        assert_eq!(
            Error::from_status(429, None, "x").kind,
            ErrorKind::RateLimited
        );
        assert!(Error::from_status(503, None, "x").retryable);
        assert_eq!(
            Error::from_status(404, None, "x").message,
            "x failed with HTTP 404: Not Found"
        );
    }

    #[test]
    fn flattens_aspnet_error_maps() {
        let body = serde_json::json!({ "errors": { "Name": ["a", "b"] } });
        let error = Error::from_status(400, Some(ProblemDetails::read(&&body)), "x");
        assert_eq!(error.invalid_params.map(|p| p.len()), Some(2));
    }
}
