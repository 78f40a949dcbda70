//! The router, plus what every handler shares: path ids, JSON bodies checked
//! by the SDK's rules, and list pages with their `next` link.
//!
//! The API's paths and methods come from the SDK's one route table (`routes::Operation`);
//! only `GET /accounts` is documented upstream, the rest are inferred (see spec/README.md).

mod accounts;
mod backend;
mod contacts;
mod emulator;
mod invoices;
mod organizations;
mod token;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::header::{CONNECTION, CONTENT_TYPE, HOST};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, on as on_method, post, put, MethodFilter, MethodRouter};
use axum::Router;
use serde_json::Value;
use signicat_account_management::routes::{Method as SdkMethod, Operation, Route};
use signicat_account_management::validate::Validate;

use crate::app::{App, NextStyle, API_PREFIX, BACKEND_TOKEN_PATH, EMULATOR_PREFIX, TOKEN_PATH};
use crate::host::BodyTimeout;
use crate::pagination::{self, Cursor, Listing};
use crate::problem::Problem;
use crate::query::Query;
use crate::{cors, inject, stats, wire};

/// The handler of each operation of the SDK's route table; the match is exhaustive, so an
/// operation added to the table does not build until the emulator answers it.
fn handler(op: Operation) -> MethodRouter<Arc<App>> {
    use Operation::*;
    let on = |route: &Route| match route.method {
        SdkMethod::Get => MethodFilter::GET,
        SdkMethod::Post => MethodFilter::POST,
        SdkMethod::Put => MethodFilter::PUT,
        SdkMethod::Patch => MethodFilter::PATCH,
        SdkMethod::Delete => MethodFilter::DELETE,
    };
    let filter = on(op.route());
    match op {
        ListAccounts => on_method(filter, accounts::list),
        CreateAccount => on_method(filter, accounts::create),
        GetAccount => on_method(filter, accounts::get),
        UpdateAccount => on_method(filter, accounts::update),
        DeleteAccount => on_method(filter, accounts::delete),
        UndeleteAccount => on_method(filter, accounts::undelete),
        ListContacts => on_method(filter, contacts::list),
        CreateContact => on_method(filter, contacts::create),
        GetContact => on_method(filter, contacts::get),
        UpdateContact => on_method(filter, contacts::replace),
        PatchContact => on_method(filter, contacts::patch),
        ListInvoices => on_method(filter, invoices::list),
        GetInvoice => on_method(filter, invoices::get),
        DownloadInvoice => on_method(filter, invoices::pdf),
        ListOrganizations => on_method(filter, organizations::list),
        CreateOrganization => on_method(filter, organizations::create),
        GetOrganization => on_method(filter, organizations::get),
        UpdateOrganization => on_method(filter, organizations::update),
    }
}

/// Every route of the emulator, for either front end: the API, the token endpoint, the page
/// backend and the test controls under `/emulator`, behind fault injection, CORS and stats.
pub fn router(app: Arc<App>) -> Router {
    // Operations on one path share a method router, as axum routes a path once.
    let mut paths: Vec<(&str, MethodRouter<Arc<App>>)> = Vec::new();
    for op in Operation::ALL {
        let path = op.route().path;
        match paths.iter_mut().find(|(p, _)| *p == path) {
            Some((_, methods)) => *methods = std::mem::take(methods).merge(handler(*op)),
            None => paths.push((path, handler(*op))),
        }
    }
    let api = paths
        .into_iter()
        .fold(Router::new(), |api, (path, methods)| {
            api.route(path, methods)
        })
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(app.clone(), token::require_bearer))
        .layer(axum::middleware::map_response(with_request_id));
    let emulator = Router::new()
        .route("/health", get(emulator::health))
        .route("/reset", post(emulator::reset))
        .route("/revoke-tokens", post(emulator::revoke_tokens))
        .route("/stats", get(emulator::stats).delete(emulator::clear_stats))
        .route(
            "/faults",
            get(emulator::faults)
                .post(emulator::arm_fault)
                .delete(emulator::clear_faults),
        )
        .route("/faults/random", put(emulator::set_random_faults))
        .route("/clock", get(emulator::clock).post(emulator::advance_clock))
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed);
    Router::new()
        .nest(API_PREFIX, api)
        .route(TOKEN_PATH, post(token::issue))
        .route(BACKEND_TOKEN_PATH, get(backend::token).post(backend::token))
        .nest(EMULATOR_PREFIX, emulator)
        .fallback(static_or_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(app.clone(), inject::layer))
        .layer(from_fn_with_state(app.clone(), cors::layer))
        .layer(from_fn_with_state(app.clone(), stats::layer))
        .with_state(app)
}

/// Every API answer names itself, as APIs do for support tickets: `x-request-id`.
async fn with_request_id(mut response: Response) -> Response {
    if let Ok(id) = axum::http::HeaderValue::from_str(&crate::rng::trace_id()) {
        response.headers_mut().insert("x-request-id", id);
    }
    response
}

async fn no_route(method: Method, uri: Uri) -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "Not found",
        format!("No operation matches {method} {}.", uri.path()),
    )
}

async fn method_not_allowed(method: Method, uri: Uri) -> Problem {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Method not allowed",
        format!("{method} is not allowed on {}.", uri.path()),
    )
}

async fn static_or_not_found(State(app): State<Arc<App>>, method: Method, uri: Uri) -> Response {
    match &app.config.fallback {
        Some(fallback) => fallback(method, uri.path().to_string()).await,
        None => no_route(method, uri).await.into_response(),
    }
}

/// A resource id from the path, percent-decoded; a malformed one is a 400 problem.
pub struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(Id(id)),
            Err(err) => Err(Problem::param("path", err.body_text())),
        }
    }
}

/// A JSON request body; unreadable or non-JSON bodies are 4xx problems.
pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.to_ascii_lowercase());
        if let Some(content_type) = content_type {
            let essence = content_type
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            if essence != "application/json" && !essence.ends_with("+json") {
                return Err(Problem::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Unsupported media type",
                    format!("Send the body as application/json, not {essence}."),
                ));
            }
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(body_problem)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(invalid_body("A JSON request body is required."));
        }
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|err| invalid_body(format!("The request body is not valid JSON: {err}.")))
    }
}

fn invalid_body(detail: impl Into<String>) -> Problem {
    Problem::new(
        StatusCode::BAD_REQUEST,
        "invalid_request_body",
        "Invalid request body",
        detail,
    )
}

/// The problem for a body that could not be read: too large, cut off, or never sent whole.
fn body_problem(err: BytesRejection) -> Problem {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&err);
    while let Some(error) = source {
        if error.is::<BodyTimeout>() {
            return Problem::new(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                "Request timeout",
                "The request body did not arrive in time.",
            )
            .with_header(CONNECTION, "close");
        }
        source = error.source();
    }
    if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "Payload too large",
            err.body_text(),
        )
    } else {
        invalid_body(err.body_text())
    }
}

/// The typed request, or a 400 listing every issue the SDK's rules found.
pub fn checked<T: Validate>(body: Value) -> Result<T, Problem> {
    T::parse(body).map_err(Problem::from_issues)
}

/// Top-level fields sent as `null`: for partial updates, "clear this field".
pub fn nulls(body: &Value) -> Vec<String> {
    body.as_object()
        .map(|map| {
            map.iter()
                .filter(|(_, v)| v.is_null())
                .map(|(k, _)| k.clone())
                .collect()
        })
        .unwrap_or_default()
}

pub fn json(value: Value) -> Response {
    let mut response = (StatusCode::OK, value.to_string()).into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// The authority clients used to reach us, so URL-style `next` links work through
/// `localhost` as well as `127.0.0.1`, under the configured origin's scheme (the in-process
/// emulator answers an https origin).
fn origin(app: &App, headers: &HeaderMap) -> String {
    let host = headers.get(HOST).and_then(|h| h.to_str().ok()).filter(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    });
    let scheme = app
        .config
        .origin
        .split_once("://")
        .map_or("http", |(scheme, _)| scheme);
    match host {
        Some(host) => format!("{scheme}://{host}"),
        None => app.config.origin.clone(),
    }
}

/// Where a listing resumes, from its `limit` and `page` token; a 400 when they do not fit.
pub fn paging(
    listing: Listing,
    query: &Query,
    token: Option<&str>,
) -> Result<(usize, Option<u64>), Problem> {
    pagination::resolve(listing, query.integer("limit")?, token)
        .map_err(|(name, reason)| Problem::param(name, reason))
}

/// One page of `listing` as JSON, with `next` (a token or a URL, per `--next-style`) when
/// more items follow `next_after`.
pub fn page(
    app: &App,
    headers: &HeaderMap,
    path: &str,
    listing: Listing,
    limit: usize,
    data: Vec<Value>,
    next_after: Option<u64>,
) -> Response {
    let next = next_after
        .map(|after| Cursor {
            listing,
            limit,
            after,
        })
        .map(|cursor| match app.config.next_style {
            NextStyle::Token => cursor.encode(),
            NextStyle::Url => {
                let mut query = form_urlencoded::Serializer::new(String::new());
                query.append_pair("limit", &cursor.limit.to_string());
                if cursor.listing == Listing::DeletedAccounts {
                    query.append_pair("deleted", "true");
                }
                query.append_pair("page", &cursor.encode());
                format!(
                    "{}{API_PREFIX}{path}?{}",
                    origin(app, headers),
                    query.finish()
                )
            }
        });
    json(wire::page(data, next))
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use futures_util::{stream, FutureExt};

    use super::*;

    fn read_json(body: Body) -> Result<JsonBody, Problem> {
        let request = Request::builder()
            .method("POST")
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .unwrap();
        JsonBody::from_request(request, &()).now_or_never().unwrap()
    }

    #[test]
    fn a_body_the_front_end_gave_up_on_is_a_408_and_other_failures_are_not() {
        let timed_out = stream::iter([Ok(Bytes::from("{\"a\":")), Err(BodyTimeout)]);
        let problem = read_json(Body::from_stream(timed_out)).err().unwrap();
        assert_eq!(problem.status, StatusCode::REQUEST_TIMEOUT);
        assert_eq!(problem.code, "request_timeout");

        let failed = stream::iter([Err::<Bytes, _>(std::io::Error::other("reset"))]);
        let problem = read_json(Body::from_stream(failed)).err().unwrap();
        assert_eq!(problem.status, StatusCode::BAD_REQUEST);
        assert!(read_json(Body::from("{}")).is_ok());
    }
}
