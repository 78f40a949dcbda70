//! Every error the API answers: RFC 7807 problem details built on the SDK's own model.

use axum::http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use signicat_account_management::model::{InvalidParam, ProblemDetails};
use signicat_account_management::validate::ValidationIssue;

use crate::rng;
use crate::store::StoreError;

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, Clone)]
pub struct Problem {
    pub status: StatusCode,
    pub code: &'static str,
    pub title: &'static str,
    pub detail: String,
    pub invalid_params: Option<Vec<InvalidParam>>,
    pub headers: Vec<(HeaderName, String)>,
}

impl Problem {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Problem {
            status,
            code,
            title,
            detail: detail.into(),
            invalid_params: None,
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// A 400 naming every rejected parameter.
    pub fn invalid(detail: impl Into<String>, params: Vec<InvalidParam>) -> Self {
        let mut problem = Problem::new(
            StatusCode::BAD_REQUEST,
            "invalid_request_parameter",
            "Invalid request parameter",
            detail,
        );
        problem.invalid_params = Some(params);
        problem
    }

    /// One rejected query or body parameter.
    pub fn param(name: &str, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        Problem::invalid(
            format!("{name} {reason}"),
            vec![InvalidParam {
                name: name.to_string(),
                reason,
            }],
        )
    }

    /// Every issue the SDK's validation found in a request body.
    pub fn from_issues(issues: Vec<ValidationIssue>) -> Self {
        let count = issues.len();
        let params = issues
            .into_iter()
            .map(|issue| InvalidParam {
                name: issue.field,
                reason: issue.message,
            })
            .collect();
        let noun = if count == 1 { "problem" } else { "problems" };
        Problem::invalid(format!("The request body has {count} {noun}."), params)
    }

    pub fn not_found(what: &str, id: &str) -> Self {
        Problem::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "Resource not found",
            format!("No {what} with id {id:?}."),
        )
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        let detail = detail.into();
        let challenge = format!(
            "Bearer error=\"invalid_token\", error_description=\"{}\"",
            detail.replace('"', "'")
        );
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "Unauthorized",
            detail,
        )
        .with_header(WWW_AUTHENTICATE, challenge)
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::CONFLICT, code, "Conflict", detail)
    }

    pub fn internal(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "Internal server error",
            detail,
        )
    }

    /// An injected or real error status, with `Retry-After` when given.
    pub fn status(status: StatusCode, retry_after: Option<u64>) -> Self {
        let (code, title, detail) = match status.as_u16() {
            429 => (
                "too_many_requests",
                "Too many requests",
                "Rate limit exceeded; retry later.",
            ),
            503 => (
                "service_unavailable",
                "Service unavailable",
                "The service is temporarily unavailable; retry later.",
            ),
            502 => ("bad_gateway", "Bad gateway", "An upstream service failed."),
            504 => (
                "gateway_timeout",
                "Gateway timeout",
                "An upstream service timed out.",
            ),
            500 => (
                "internal_error",
                "Internal server error",
                "An unexpected error occurred.",
            ),
            s if s >= 500 => (
                "server_error",
                "Server error",
                "The server failed to handle the request.",
            ),
            _ => ("request_error", "Request error", "The request was refused."),
        };
        let problem = Problem::new(status, code, title, detail);
        match retry_after {
            Some(secs) => problem.with_header(RETRY_AFTER, secs.to_string()),
            None => problem,
        }
    }

    pub fn details(&self) -> ProblemDetails {
        ProblemDetails {
            type_uri: Some(format!("urn:signicat-emulator:problem:{}", self.code)),
            title: Some(self.title.to_string()),
            status: Some(self.status.as_u16()),
            detail: Some(self.detail.clone()),
            code: Some(self.code.to_string()),
            trace_id: Some(rng::trace_id()),
            instance: None,
            invalid_params: self.invalid_params.clone(),
            errors: None,
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.details()).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
        response
    }
}

impl From<StoreError> for Problem {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound { what, id } => Problem::not_found(what, &id),
            StoreError::Conflict { code, detail } => Problem::conflict(code, detail),
            StoreError::Invalid { field, reason } => Problem::param(field, reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use signicat_account_management::model::CreateAccountRequest;
    use signicat_account_management::validate::Validate;

    #[test]
    fn every_issue_becomes_an_invalid_param() {
        let issues = CreateAccountRequest::parse(serde_json::json!({"name": "", "cloud": "AWS"}))
            .unwrap_err();
        let problem = Problem::from_issues(issues.clone());
        let details = problem.details();
        let params = details.invalid_params.unwrap();
        assert_eq!(params.len(), issues.len());
        assert!(params.len() >= 4);
        assert_eq!(details.status, Some(400));
        assert_eq!(details.code.as_deref(), Some("invalid_request_parameter"));
        assert_eq!(details.trace_id.map(|t| t.len()), Some(32));
    }

    #[test]
    fn retry_after_is_a_header() {
        let problem = Problem::status(StatusCode::TOO_MANY_REQUESTS, Some(3));
        let response = problem.into_response();
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers()[RETRY_AFTER], "3");
        assert_eq!(response.headers()[CONTENT_TYPE], PROBLEM_JSON);
    }
}
