//! Who may call: the emulator runs on developers' machines, so a page they happen to visit
//! must not drive it. Only its own origin and `--allow-origin` ones may call from a browser,
//! and a `Host` other than its own loopback names (DNS rebinding) is refused. For those,
//! preflights are answered here and every response says which headers a page may see.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, HOST, ORIGIN, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::{Access, App};
use crate::problem::Problem;

pub const ALLOW_METHODS: &str = "GET, POST, PUT, PATCH, DELETE";
pub const ALLOW_HEADERS: &str = "authorization, content-type, accept, x-emulator-fault";
/// Longest `Access-Control-Request-Headers` echoed back; a page's own headers fit easily.
const REQUESTED_HEADERS_LIMIT: usize = 1024;
pub const EXPOSE_HEADERS: &str =
    "retry-after, content-type, content-length, www-authenticate, x-request-id";

/// The headers a preflight may send: the SDK's own, and whatever else an allowed page asks for
/// (its middleware's correlation ids, `traceparent`), as long as the list is a short list of names.
fn allowed_headers(requested: &Option<HeaderValue>) -> HeaderValue {
    let names = requested
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= REQUESTED_HEADERS_LIMIT)
        .filter(|v| {
            v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b',' | b' '))
        });
    match names {
        Some(names) if !names.trim().is_empty() => {
            HeaderValue::from_str(&format!("{ALLOW_HEADERS}, {names}"))
                .unwrap_or(HeaderValue::from_static(ALLOW_HEADERS))
        }
        _ => HeaderValue::from_static(ALLOW_HEADERS),
    }
}

/// Whether a request is a CORS preflight rather than a real call.
pub fn is_preflight(method: &Method, headers: &HeaderMap) -> bool {
    method == Method::OPTIONS && headers.contains_key(ACCESS_CONTROL_REQUEST_METHOD)
}

/// Why a request is refused before it reaches a handler, if it is.
fn refusal(access: &Access, headers: &HeaderMap) -> Option<(&'static str, String)> {
    let text = |name| {
        headers
            .get(name)
            .map(|v| v.to_str().unwrap_or("?").to_ascii_lowercase())
    };
    match text(HOST) {
        Some(host) if access.allowed_hosts.contains(&host) => {}
        host => {
            return Some((
                "wrong_host",
                format!(
                    "Host {} is not this server's; it answers to {}",
                    host.unwrap_or_default(),
                    access.allowed_hosts.join(", ")
                ),
            ))
        }
    }
    match text(ORIGIN) {
        Some(origin) if !allowed(&access.allowed_origins, &origin) => Some((
            "cross_origin",
            format!("pages from {origin} may not call this emulator; start it with --allow-origin {origin} to allow them"),
        )),
        _ => None,
    }
}

/// Whether `origin` is listed, or matches a listed `scheme://host:*` on any port.
fn allowed(origins: &[String], origin: &str) -> bool {
    origins
        .iter()
        .any(|allowed| match allowed.strip_suffix('*') {
            Some(prefix) if prefix.ends_with(':') => origin
                .strip_prefix(prefix)
                .is_some_and(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())),
            _ => allowed == origin,
        })
}

pub async fn layer(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    // In-process there is no page, hence no origin to check and no CORS to answer.
    let Some(access) = &app.config.access else {
        return next.run(request).await;
    };
    if let Some((code, detail)) = refusal(access, request.headers()) {
        return Problem::new(StatusCode::FORBIDDEN, code, "Forbidden", detail).into_response();
    }
    let origin = request
        .headers()
        .get(ORIGIN)
        .cloned()
        .unwrap_or(HeaderValue::from_static("*"));
    if is_preflight(request.method(), request.headers()) {
        let private_network = request
            .headers()
            .get("access-control-request-private-network")
            .is_some();
        let requested = request
            .headers()
            .get(ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned();
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(
            ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static(ALLOW_METHODS),
        );
        headers.insert(ACCESS_CONTROL_ALLOW_HEADERS, allowed_headers(&requested));
        headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        headers.insert(VARY, HeaderValue::from_static("origin"));
        if private_network {
            // Chrome asks before a public page may call a loopback server; only allowed origins get here.
            headers.insert(
                "access-control-allow-private-network",
                HeaderValue::from_static("true"),
            );
        }
        return response;
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.insert(
        ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSE_HEADERS),
    );
    headers.append(VARY, HeaderValue::from_static("origin"));
    response
}
