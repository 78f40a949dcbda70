//! Applies faults to API and token requests: the `x-emulator-fault` header first, then the
//! armed queue, then the random `--faults`. Status and HTML faults answer without running
//! the operation, so a test can tell that a refused POST changed nothing.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, StreamExt};

use crate::app::{App, API_PREFIX, BACKEND_TOKEN_PATH, TOKEN_PATH};
use crate::cors;
use crate::faults::{Fault, Source};
use crate::host::Ending;
use crate::problem::Problem;
use crate::stats::{self, RequestRecord};

pub const FAULT_HEADER: &str = "x-emulator-fault";
/// The largest body a `truncate` fault buffers before cutting it.
const TRUNCATE_LIMIT: usize = 64 * 1024 * 1024;

/// Which fault hit a response, for the stats.
#[derive(Debug, Clone)]
pub struct Injected(pub String);

fn applies(path: &str) -> bool {
    path == TOKEN_PATH
        || path == BACKEND_TOKEN_PATH
        || path == API_PREFIX
        || path.starts_with(&format!("{API_PREFIX}/"))
}

pub async fn layer(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if !applies(&path) || cors::is_preflight(request.method(), request.headers()) {
        return next.run(request).await;
    }
    let method = request.method().to_string();
    let chosen = match request.headers().get(FAULT_HEADER) {
        Some(value) => match value
            .to_str()
            .map_err(|e| e.to_string())
            .and_then(|v| v.parse::<Fault>())
        {
            Ok(fault) => Some((fault, Source::Header)),
            Err(reason) => {
                return Problem::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_fault",
                    "Invalid fault",
                    format!("{FAULT_HEADER}: {reason}"),
                )
                .into_response()
            }
        },
        None => app.faults().next(&method, &path),
    };
    let Some((fault, _source)) = chosen else {
        return next.run(request).await;
    };
    let label = fault.to_string();
    let mut response = match fault {
        Fault::Status {
            status,
            retry_after,
        } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            Problem::status(status, retry_after).into_response()
        }
        Fault::Html { status } => {
            html(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY))
        }
        Fault::Slow(delay) => {
            app.host().sleep(delay).await;
            next.run(request).await
        }
        Fault::Truncate => truncate(&app, next.run(request).await).await,
        Fault::Reset => {
            stats::record(
                &app,
                RequestRecord {
                    method,
                    path,
                    status: 0,
                    fault: Some(label),
                    headers: stats::kept_headers(request.headers()),
                },
            );
            // The front end owns the connection: it resets it instead of answering.
            let mut response = StatusCode::NO_CONTENT.into_response();
            response.extensions_mut().insert(Ending::Reset);
            return response;
        }
    };
    response.extensions_mut().insert(Injected(label));
    response
}

/// A proxy's error page, as clients meet it in front of real APIs.
fn html(status: StatusCode) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error");
    let code = status.as_u16();
    let page = format!(
        "<!DOCTYPE html>\n<html><head><title>{code} {reason}</title></head>\n<body>\n<center><h1>{code} {reason}</h1></center>\n<hr><center>nginx</center>\n</body></html>\n"
    );
    let mut response = (status, page).into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// Sends the first half of the body under the full Content-Length, then fails the stream:
/// over TCP hyper closes the connection mid-body, in-process the body stream errors.
async fn truncate(app: &App, response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, TRUNCATE_LIMIT).await {
        Ok(bytes) => bytes,
        Err(err) => {
            return Problem::internal(format!("cannot buffer the body to truncate: {err}"))
                .into_response()
        }
    };
    let head = bytes.slice(..bytes.len() / 2);
    parts
        .headers
        .insert(CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    let first = stream::iter([Ok::<_, io::Error>(head)]);
    let pause = app.host().sleep(Duration::from_millis(30));
    let cut = stream::once(async {
        // A pause first, so the half body is flushed before the connection drops.
        pause.await;
        Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "body truncated by fault injection",
        ))
    });
    Response::from_parts(parts, Body::from_stream(first.chain(cut)))
}
