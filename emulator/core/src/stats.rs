//! What the emulator has answered, so a test can prove how often a client really called.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

use crate::app::{App, BACKEND_TOKEN_PATH, EMULATOR_PREFIX, TOKEN_PATH};
use crate::host::Ending;
use crate::inject::Injected;

/// The newest requests kept in the log; counts are kept for all.
const LOG_LIMIT: usize = 50_000;
/// Distinct `"METHOD /path"` counters; paths are mostly ids, so a scan must not grow them forever.
const COUNTED_PATHS: usize = 10_000;
/// Longer paths are kept cut to this many bytes.
const PATH_LIMIT: usize = 512;
/// Longer methods are kept cut to this many bytes; every method HTTP defines is shorter.
const METHOD_LIMIT: usize = 16;
/// Request headers kept with a request, so a test can see what a client's middleware or
/// tracing sent; never a credential (`authorization`, `cookie` are not among them).
const KEPT_HEADERS: usize = 8;
/// Longer header values are kept cut to this many bytes.
const HEADER_LIMIT: usize = 256;
/// Where requests to paths beyond [`COUNTED_PATHS`] are counted.
const OTHER_PATHS: &str = "(other paths)";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestRecord {
    pub method: String,
    pub path: String,
    /// `0` when the connection was reset without a response.
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// `traceparent`, `tracestate`, `user-agent` and `x-…` headers, as sent (at most 8).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
}

/// The headers of `request` worth keeping (see [`KEPT_HEADERS`]), each cut to its limit.
pub fn kept_headers(request: &axum::http::HeaderMap) -> BTreeMap<String, String> {
    request
        .iter()
        .filter(|(name, _)| {
            let name = name.as_str();
            matches!(name, "traceparent" | "tracestate" | "user-agent") || name.starts_with("x-")
        })
        .take(KEPT_HEADERS)
        .map(|(name, value)| {
            let mut value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            cut(&mut value, HEADER_LIMIT);
            (name.to_string(), value)
        })
        .collect()
}

impl RequestRecord {
    /// Cuts the method and path to their limits, so what a client sends cannot grow the stats.
    fn bound(&mut self) {
        cut(&mut self.method, METHOD_LIMIT);
        cut(&mut self.path, PATH_LIMIT);
    }
}

/// Keeps at most `limit` bytes of `text`, ending on a character boundary.
fn cut(text: &mut String, limit: usize) {
    if text.len() > limit {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

#[derive(Debug, Default)]
pub struct Stats {
    token_requests: u64,
    log: VecDeque<RequestRecord>,
    dropped: u64,
    counts: BTreeMap<String, u64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatsView<'a> {
    pub token_requests: u64,
    pub total_requests: u64,
    /// Per `"METHOD /path"`.
    pub counts: &'a BTreeMap<String, u64>,
    /// In arrival order (the oldest dropped past the log limit).
    pub requests: &'a VecDeque<RequestRecord>,
}

impl Stats {
    pub fn record(&mut self, mut record: RequestRecord, token_request: bool) {
        if token_request {
            self.token_requests += 1;
        }
        record.bound();
        let mut key = format!("{} {}", record.method, record.path);
        if self.counts.len() >= COUNTED_PATHS && !self.counts.contains_key(&key) {
            key = format!("{} {OTHER_PATHS}", record.method);
        }
        *self.counts.entry(key).or_default() += 1;
        if self.log.len() == LOG_LIMIT {
            self.log.pop_front();
            self.dropped += 1;
        }
        self.log.push_back(record);
    }

    pub fn view(&self) -> StatsView<'_> {
        StatsView {
            token_requests: self.token_requests,
            total_requests: self.log.len() as u64 + self.dropped,
            counts: &self.counts,
            requests: &self.log,
        }
    }

    pub fn clear(&mut self) {
        *self = Stats::default();
    }
}

/// Records every request except the /emulator ones, with the fault that hit it.
pub async fn layer(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if path == EMULATOR_PREFIX || path.starts_with(&format!("{EMULATOR_PREFIX}/")) {
        return next.run(request).await;
    }
    let method = request.method().to_string();
    let headers = kept_headers(request.headers());
    let response = next.run(request).await;
    if response.extensions().get::<Ending>().is_some() {
        // Recorded by the fault that reset the connection.
        return response;
    }
    let fault = response.extensions().get::<Injected>().map(|i| i.0.clone());
    let status = response.status().as_u16();
    record(
        &app,
        RequestRecord {
            method,
            path,
            status,
            fault,
            headers,
        },
    );
    response
}

/// Adds one request to the stats, and prints it with `--log`.
pub fn record(app: &App, mut record: RequestRecord) {
    record.bound();
    if app.config.log {
        let fault = record
            .fault
            .as_deref()
            .map(|f| format!(" [fault {f}]"))
            .unwrap_or_default();
        eprintln!(
            "{} {} -> {}{fault}",
            record.method, record.path, record.status
        );
    }
    let token_request =
        (record.method == "POST" && record.path == TOKEN_PATH) || record.path == BACKEND_TOKEN_PATH;
    app.stats().record(record, token_request);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(method: &str, path: &str, status: u16) -> RequestRecord {
        RequestRecord {
            method: method.into(),
            path: path.into(),
            status,
            fault: None,
            headers: BTreeMap::new(),
        }
    }

    #[test]
    fn counts_per_route_and_token_requests() {
        let mut stats = Stats::default();
        stats.record(record("POST", "/auth/open/connect/token", 200), true);
        stats.record(record("GET", "/account-management/accounts", 200), false);
        stats.record(record("GET", "/account-management/accounts", 503), false);
        let view = stats.view();
        assert_eq!(view.token_requests, 1);
        assert_eq!(view.total_requests, 3);
        assert_eq!(view.counts["GET /account-management/accounts"], 2);
        stats.clear();
        assert_eq!(stats.view().total_requests, 0);
    }

    #[test]
    fn counters_and_paths_are_bounded() {
        let mut stats = Stats::default();
        for i in 0..COUNTED_PATHS + 50 {
            stats.record(record("GET", &format!("/x/{i}"), 200), false);
        }
        stats.record(record("GET", &"é".repeat(PATH_LIMIT), 200), false);
        let view = stats.view();
        assert_eq!(view.counts.len(), COUNTED_PATHS + 1);
        assert_eq!(view.counts["GET (other paths)"], 51);
        assert!(view.requests.iter().all(|r| r.path.len() <= PATH_LIMIT));
    }

    #[test]
    fn methods_are_bounded() {
        let mut stats = Stats::default();
        stats.record(record("PROPFIND", "/x", 405), false);
        stats.record(record(&"M".repeat(300_000), "/x", 400), false);
        stats.record(record(&"é".repeat(METHOD_LIMIT), "/x", 400), false);
        let view = stats.view();
        assert_eq!(view.requests[0].method, "PROPFIND");
        assert!(view.requests.iter().all(|r| r.method.len() <= METHOD_LIMIT));
        assert!(view.counts.keys().all(|k| k.len() <= METHOD_LIMIT + 3));
    }

    #[test]
    fn log_is_bounded() {
        let mut stats = Stats::default();
        for _ in 0..LOG_LIMIT + 5 {
            stats.record(record("GET", "/x", 200), false);
        }
        let view = stats.view();
        assert_eq!(view.requests.len(), LOG_LIMIT);
        assert_eq!(view.total_requests, (LOG_LIMIT + 5) as u64);
    }
}
