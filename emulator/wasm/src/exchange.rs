//! One HTTP exchange between JavaScript and the router: the request from its parts, and the
//! answer with its body read to the end, or to where a fault cut it.

use axum::body::Body;
use axum::http::header::HOST;
use axum::http::{HeaderName, HeaderValue, Method, Request, Uri};
use axum::Router;
use http_body_util::BodyExt;
use serde::Serialize;
use signicat_emulator_core::Ending;
use tower_service::Service;

#[derive(Debug, Serialize)]
pub struct Answer {
    pub status: u16,
    /// Flat name/value pairs, in order, repeats kept.
    pub headers: Vec<String>,
    #[serde(with = "serde_bytes_view")]
    pub body: Vec<u8>,
    /// "complete", "truncated" (the body stream failed after `body`) or "reset".
    pub ending: &'static str,
}

/// A `Vec<u8>` crosses to JavaScript as a `Uint8Array`, not an array of numbers.
mod serde_bytes_view {
    use serde::Serializer;

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }
}

/// The request `fetch` described; the `Host` header comes from the URL, as on the wire.
pub fn request(
    method: &str,
    url: &str,
    headers: &[String],
    body: Vec<u8>,
) -> Result<Request<Body>, String> {
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| format!("{method:?} is not an HTTP method"))?;
    let uri: Uri = url.parse().map_err(|_| format!("{url:?} is not a URL"))?;
    let authority = match (uri.scheme(), uri.authority()) {
        (Some(_), Some(authority)) => authority.clone(),
        _ => return Err(format!("{url:?} is not an absolute URL")),
    };
    let target: Uri = uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/")
        .parse()
        .map_err(|_| format!("{url:?} is not a URL"))?;
    let mut request = Request::builder()
        .method(method)
        .uri(target)
        .body(Body::from(body))
        .map_err(|e| e.to_string())?;
    let map = request.headers_mut();
    for pair in headers.chunks(2) {
        let [name, value] = pair else {
            return Err("headers must come in name/value pairs".into());
        };
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("{name:?} is not a header name"))?;
        let value = HeaderValue::from_str(value)
            .map_err(|_| format!("the value of {name} is not a header value"))?;
        map.append(name, value);
    }
    let host = HeaderValue::from_str(authority.as_str()).map_err(|e| e.to_string())?;
    map.insert(HOST, host);
    Ok(request)
}

/// Runs `request` through the router and reads the whole answer.
pub async fn answer(mut router: Router, request: Request<Body>) -> Answer {
    let response = match router.call(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .flat_map(|(name, value)| {
            [
                name.as_str().to_string(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            ]
        })
        .collect();
    if response.extensions().get::<Ending>() == Some(&Ending::Reset) {
        return Answer {
            status: 0,
            headers: Vec::new(),
            body: Vec::new(),
            ending: "reset",
        };
    }
    let mut body = response.into_body();
    let mut bytes = Vec::new();
    let mut ending = "complete";
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => {
                if let Some(data) = frame.data_ref() {
                    bytes.extend_from_slice(data);
                }
            }
            Err(_) => {
                ending = "truncated";
                break;
            }
        }
    }
    Answer {
        status,
        headers,
        body: bytes,
        ending,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use futures_executor::block_on;
    use signicat_emulator_core::{routes, App};

    use super::*;
    use signicat_emulator_core::{clock, Host};

    use crate::host::JsHost;
    use crate::options::Options;

    const ORIGIN: &str = "https://signicat-emulator.test";

    fn router() -> Router {
        let config = Options {
            origin: ORIGIN.into(),
            seed: Some(7),
            ..Options::default()
        }
        .config()
        .unwrap();
        let store = App::seeded(&config, clock::from_ms(JsHost.now_ms()));
        routes::router(Arc::new(App::new(config, store, Arc::new(JsHost), None)))
    }

    fn call(router: &Router, method: &str, path: &str, headers: &[&str], body: &str) -> Answer {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        let url = format!("{ORIGIN}{path}");
        let request = request(method, &url, &headers, body.as_bytes().to_vec()).unwrap();
        block_on(answer(router.clone(), request))
    }

    fn token(router: &Router) -> String {
        let answer = call(
            router,
            "POST",
            "/auth/open/connect/token",
            &["content-type", "application/x-www-form-urlencoded"],
            "grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret",
        );
        assert_eq!(answer.status, 200);
        let body: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
        format!("Bearer {}", body["access_token"].as_str().unwrap())
    }

    #[test]
    fn answers_the_api_with_a_token() {
        let router = router();
        let bearer = token(&router);
        let page = call(
            &router,
            "GET",
            "/account-management/accounts?limit=2",
            &["authorization", &bearer],
            "",
        );
        assert_eq!(page.status, 200);
        assert_eq!(page.ending, "complete");
        let body: serde_json::Value = serde_json::from_slice(&page.body).unwrap();
        assert_eq!(body["data"].as_array().unwrap().len(), 2);
        assert!(page
            .headers
            .chunks(2)
            .any(|h| h == ["content-type", "application/json"]));
        let refused = call(&router, "GET", "/account-management/accounts", &[], "");
        assert_eq!(refused.status, 401);
    }

    #[test]
    fn faults_cut_the_answer_as_the_wire_would() {
        let router = router();
        let bearer = token(&router);
        let path = "/account-management/accounts";
        let cut = call(
            &router,
            "GET",
            path,
            &["authorization", &bearer, "x-emulator-fault", "truncate"],
            "",
        );
        assert_eq!((cut.status, cut.ending), (200, "truncated"));
        assert!(serde_json::from_slice::<serde_json::Value>(&cut.body).is_err());
        let reset = call(
            &router,
            "GET",
            path,
            &["authorization", &bearer, "x-emulator-fault", "reset"],
            "",
        );
        assert_eq!((reset.status, reset.ending), (0, "reset"));
        let stats = call(&router, "GET", "/emulator/stats", &[], "");
        let stats: serde_json::Value = serde_json::from_slice(&stats.body).unwrap();
        let statuses: Vec<_> = stats["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_u64().unwrap())
            .collect();
        assert_eq!(
            statuses,
            [200, 200, 0],
            "the reset is counted once, without a status"
        );
    }

    #[test]
    fn the_clock_moves_forward_and_expires_tokens() {
        let router = router();
        let bearer = token(&router);
        let moved = call(
            &router,
            "POST",
            "/emulator/clock",
            &["content-type", "application/json"],
            r#"{"advance":"11m"}"#,
        );
        assert_eq!(
            moved.status,
            200,
            "{}",
            String::from_utf8_lossy(&moved.body)
        );
        let body: serde_json::Value = serde_json::from_slice(&moved.body).unwrap();
        assert_eq!(body["offsetMs"], 660_000);
        let expired = call(
            &router,
            "GET",
            "/account-management/accounts",
            &["authorization", &bearer],
            "",
        );
        assert_eq!(expired.status, 401);
        assert!(String::from_utf8_lossy(&expired.body).contains("expired"));
        let bad = call(
            &router,
            "POST",
            "/emulator/clock",
            &["content-type", "application/json"],
            r#"{"advance":"soon"}"#,
        );
        assert_eq!(bad.status, 400);
    }

    #[test]
    fn malformed_requests_are_errors_not_panics() {
        assert!(request("GE T", "https://x.test/", &[], Vec::new()).is_err());
        assert!(request("GET", "/relative", &[], Vec::new()).is_err());
        assert!(request("GET", "host.test", &[], Vec::new()).is_err());
        assert!(request("GET", "https://x.test/", &["odd".into()], Vec::new()).is_err());
        assert!(request(
            "GET",
            "https://x.test/",
            &["bad name".into(), "v".into()],
            Vec::new()
        )
        .is_err());
        assert!(request(
            "GET",
            "https://x.test/",
            &["x".into(), "a\nb".into()],
            Vec::new()
        )
        .is_err());
    }
}
