//! The OAuth 2.0 token endpoint (client credentials) and the bearer check on the API.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, PRAGMA, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::app::{App, SCOPE};
use crate::auth::{self, Credentials, TokenCheck};
use crate::problem::Problem;

/// A JSON answer that no cache may keep: what token endpoints send (RFC 6749 5.1).
pub fn uncached_json(status: StatusCode, body: &serde_json::Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// An OAuth error, in the token endpoint's own format (RFC 6749 5.2), not problem details.
fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    uncached_json(
        status,
        &json!({ "error": error, "error_description": description }),
    )
}

pub async fn issue(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(err) => return super::body_problem(err).into_response(),
    };
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let from_header = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(auth::basic);
    let used_basic = from_header.is_some();
    let credentials = match (from_header, field("client_id")) {
        (Some(basic), Some(id)) if basic.client_id != id => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "The client is identified twice, differently (Basic header and form).",
            )
        }
        (Some(basic), _) => basic,
        (None, Some(id)) => Credentials {
            client_id: id,
            client_secret: field("client_secret").unwrap_or_default(),
        },
        (None, None) => {
            return with_basic_challenge(oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Client authentication is required: HTTP Basic or client_id and client_secret in the form.",
            ))
        }
    };
    let known = credentials.client_id == app.config.client_id
        && auth::same_secret(&credentials.client_secret, &app.config.client_secret);
    if !known {
        let response = oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Unknown client or wrong client secret.",
        );
        return if used_basic {
            with_basic_challenge(response)
        } else {
            response
        };
    }
    match field("grant_type").as_deref() {
        Some("client_credentials") => {}
        Some(other) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                &format!("Grant type {other:?} is not supported; use client_credentials."),
            )
        }
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "grant_type is required.",
            )
        }
    }
    if let Some(scope) = field("scope") {
        if let Some(unknown) = scope.split_ascii_whitespace().find(|s| *s != SCOPE) {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_scope",
                &format!("Scope {unknown:?} is not available; use {SCOPE}."),
            );
        }
    }
    let (token, expires_in) = app.tokens().issue(app.clock.now_ms());
    let body = json!({
        "access_token": token,
        "expires_in": expires_in,
        "token_type": "Bearer",
        "scope": SCOPE,
    });
    uncached_json(StatusCode::OK, &body)
}

fn with_basic_challenge(mut response: Response) -> Response {
    response.headers_mut().insert(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Basic realm=\"signicat-emulator\""),
    );
    response
}

/// Every API call needs a live token from [`issue`].
pub async fn require_bearer(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let header = request
        .headers()
        .get(AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or_default());
    let token = match header {
        None => {
            return Problem::unauthorized(
                "An access token is required: send Authorization: Bearer <token>.",
            )
            .into_response()
        }
        Some(value) => match auth::bearer(value) {
            Some(token) => token,
            None => {
                return Problem::unauthorized("The Authorization header must be Bearer <token>.")
                    .into_response()
            }
        },
    };
    let check = app.tokens().check(token, app.clock.now_ms());
    match check {
        TokenCheck::Valid => next.run(request).await,
        TokenCheck::Expired => {
            Problem::unauthorized("The access token has expired.").into_response()
        }
        TokenCheck::Unknown => {
            Problem::unauthorized("The access token is not valid (unknown or revoked).")
                .into_response()
        }
    }
}
