//! `--serve` mode's stand-in for a customer's own backend: the page it serves asks here for a
//! short-lived access token, so the client secret stays on the server and never reaches a browser.

use std::sync::Arc;

use axum::extract::State;
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::app::App;
use crate::problem::Problem;

pub async fn token(
    State(app): State<Arc<App>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if !app.config.page_backend {
        return super::no_route(method, uri).await.into_response();
    }
    if !same_origin(&headers) {
        // A real backend hands tokens only to its own pages; any page could otherwise borrow them.
        return Problem::new(
            StatusCode::FORBIDDEN,
            "cross_origin",
            "Forbidden",
            "Tokens are only handed to pages served from this origin.",
        )
        .into_response();
    }
    let (token, expires_in) = app.tokens().issue(app.clock.now_ms());
    let body = json!({ "accessToken": token, "expiresIn": expires_in });
    super::token::uncached_json(StatusCode::OK, &body)
}

/// Whether the request comes from a page on this origin (or from no page at all, like curl).
fn same_origin(headers: &HeaderMap) -> bool {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if text("sec-fetch-site").is_some_and(|site| site != "same-origin" && site != "none") {
        return false;
    }
    match (text(ORIGIN.as_str()), text(HOST.as_str())) {
        (None, _) => true,
        (Some(origin), Some(host)) => origin == format!("http://{host}"),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_its_own_pages_get_tokens() {
        assert!(same_origin(&headers(&[("host", "127.0.0.1:8787")])));
        assert!(same_origin(&headers(&[
            ("host", "127.0.0.1:8787"),
            ("origin", "http://127.0.0.1:8787"),
            ("sec-fetch-site", "same-origin"),
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "127.0.0.1:8787"),
            ("origin", "http://evil.example"),
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "127.0.0.1:8787"),
            ("sec-fetch-site", "cross-site"),
        ])));
        assert!(!same_origin(&headers(&[(
            "origin",
            "http://127.0.0.1:8787"
        )])));
    }
}
