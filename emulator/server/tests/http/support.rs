//! Starts the real emulator binary and talks to it over HTTP. Every API response that
//! `call` receives is checked against the contract's response schema for its operation
//! and status, with the `jsonschema` validator.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::HeaderMap;
use hyper::{Method, Request};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Map, Value};

pub const BINARY: &str = env!("CARGO_BIN_EXE_signicat-emulator");

pub struct Emulator {
    child: Child,
    /// Kept open: the emulator runs with `--exit-with-stdin` and must not see EOF early.
    _stdout: BufReader<ChildStdout>,
    pub origin: String,
    pub base_url: String,
    pub token_url: String,
    pub client_id: String,
    pub client_secret: String,
    client: Client<HttpConnector, Full<Bytes>>,
    token: Mutex<Option<String>>,
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The names in a problem's `invalidParams`.
    pub fn invalid_params(&self) -> Vec<String> {
        self.json()["invalidParams"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|p| p["name"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    #[track_caller]
    pub fn expect(self, status: u16) -> Reply {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            String::from_utf8_lossy(&self.body)
        );
        self
    }
}

pub fn spawn(args: &[&str]) -> (Child, BufReader<ChildStdout>, Value) {
    let mut child = Command::new(BINARY)
        .args(["--port", "0", "--exit-with-stdin"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the emulator");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("read the first line");
    let announced: Value = serde_json::from_str(&line)
        .unwrap_or_else(|e| panic!("first line is not JSON ({e}): {line:?}"));
    (child, stdout, announced)
}

impl Emulator {
    pub fn start(args: &[&str]) -> Emulator {
        let (child, stdout, announced) = spawn(args);
        let text = |key: &str| announced[key].as_str().expect(key).to_string();
        Emulator {
            child,
            _stdout: stdout,
            origin: text("origin"),
            base_url: text("baseUrl"),
            token_url: text("tokenUrl"),
            client_id: text("clientId"),
            client_secret: text("clientSecret"),
            client: Client::builder(TokioExecutor::new()).build_http(),
            token: Mutex::new(None),
        }
    }

    /// Sends a request as is: no token, no schema check.
    pub async fn raw(
        &self,
        method: &str,
        url_or_path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Reply {
        self.exchange(method, url_or_path, headers, body)
            .await
            .expect("an HTTP response with its whole body within 30 s")
    }

    /// Like [`raw`], but the request may fail (resets, truncated bodies).
    pub async fn try_raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
    ) -> Result<Reply, String> {
        self.exchange(method, path, headers, None).await
    }

    async fn exchange(
        &self,
        method: &str,
        url_or_path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Result<Reply, String> {
        let url = if url_or_path.starts_with("http") {
            url_or_path.to_string()
        } else {
            format!("{}{url_or_path}", self.origin)
        };
        let mut request = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from(body.unwrap_or_default())))
            .unwrap();
        let response = tokio::time::timeout(Duration::from_secs(30), self.client.request(request))
            .await
            .map_err(|_| "no response within 30 s".to_string())?
            .map_err(|e| format!("{e:?}"))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("{e:?}"))?
            .to_bytes();
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    pub async fn fetch_token(&self) -> String {
        let reply = self
            .raw(
                "POST",
                "/auth/open/connect/token",
                &[
                    (
                        "authorization",
                        &basic(&self.client_id, &self.client_secret),
                    ),
                    ("content-type", "application/x-www-form-urlencoded"),
                ],
                Some(b"grant_type=client_credentials&scope=signicat-api".to_vec()),
            )
            .await
            .expect(200);
        reply.json()["access_token"]
            .as_str()
            .expect("access_token")
            .to_string()
    }

    pub async fn token(&self) -> String {
        if let Some(token) = self.token.lock().unwrap().clone() {
            return token;
        }
        let token = self.fetch_token().await;
        *self.token.lock().unwrap() = Some(token.clone());
        token
    }

    /// An authorized API call (path below /account-management) whose response must match the contract.
    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> Reply {
        self.call_with(method, path, body, &[]).await
    }

    pub async fn call_with(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        extra: &[(&str, &str)],
    ) -> Reply {
        let bearer = format!("Bearer {}", self.token().await);
        let mut headers = vec![
            ("authorization", bearer.as_str()),
            ("accept", "application/json"),
        ];
        if body.is_some() {
            headers.push(("content-type", "application/json"));
        }
        headers.extend_from_slice(extra);
        let reply = self
            .raw(
                method,
                &format!("/account-management{path}"),
                &headers,
                body.map(|b| b.to_string().into_bytes()),
            )
            .await;
        contract().check(method, path, &reply);
        reply
    }

    /// The body of a /emulator endpoint.
    pub async fn emulator(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let headers: &[(&str, &str)] = if body.is_some() {
            &[("content-type", "application/json")]
        } else {
            &[]
        };
        self.raw(
            method,
            &format!("/emulator{path}"),
            headers,
            body.map(|b| b.to_string().into_bytes()),
        )
        .await
        .expect(200)
        .json()
    }

    /// Walks `path` (e.g. `/accounts?limit=100`) page by page, following `next` whatever its style.
    pub async fn walk(&self, first: &str) -> Vec<Value> {
        let mut items = Vec::new();
        let mut path = first.to_string();
        loop {
            let page = self.call("GET", &path, None).await.expect(200).json();
            items.extend(page["data"].as_array().expect("data").iter().cloned());
            match page["next"].as_str() {
                None => return items,
                Some(next) => path = self.follow(first, next),
            }
        }
    }

    /// The API path for a `next` value: a bare token goes into `page`, a URL is used as it is.
    pub fn follow(&self, first: &str, next: &str) -> String {
        if let Some(rest) = next.strip_prefix(&self.base_url) {
            return rest.to_string();
        }
        assert!(
            !next.contains('/'),
            "next is neither a token nor a URL of this emulator: {next}"
        );
        let base = first.split('?').next().unwrap_or(first);
        let kept: Vec<&str> = first
            .split_once('?')
            .map(|(_, q)| q.split('&').filter(|p| !p.starts_with("page=")).collect())
            .unwrap_or_default();
        let mut query = kept.join("&");
        if !query.is_empty() {
            query.push('&');
        }
        format!("{base}?{query}page={next}")
    }

    pub async fn count(&self, key: &str) -> u64 {
        self.emulator("GET", "/health", None).await["counts"][key]
            .as_u64()
            .unwrap()
    }

    pub async fn root_organization(&self) -> String {
        self.emulator("GET", "/health", None).await["rootOrganizationId"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Stops the process abruptly (SIGKILL), as a crash would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn basic(id: &str, secret: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"))
    )
}

/// Percent-encodes one path segment.
pub fn segment(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Sends bytes on a fresh TCP connection and reads until the server closes it.
/// Returns what arrived and the error that ended the read, if any.
pub fn raw_tcp(origin: &str, request: &str) -> (Vec<u8>, Option<std::io::ErrorKind>) {
    let address = origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut received = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return (received, None),
            Ok(n) => received.extend_from_slice(&buf[..n]),
            Err(e) => return (received, Some(e.kind())),
        }
    }
}

// ---- the contract ----------------------------------------------------------------------

pub struct Contract {
    paths: Map<String, Value>,
    responses: Map<String, Value>,
    defs: Value,
    validators: Mutex<HashMap<String, Arc<jsonschema::Validator>>>,
    /// Every (method, path template) a test has called, for the coverage check.
    pub seen: Mutex<BTreeSet<(String, String)>>,
}

pub fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(Contract::load)
}

impl Contract {
    fn load() -> Contract {
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../spec/account-management.yaml"
        );
        let text = std::fs::read_to_string(file).expect("read the contract");
        let spec: Value = serde_yaml_ng::from_str(&text).expect("the contract is YAML");
        let defs = openapi_to_json_schema(&spec["components"]["schemas"]);
        Contract {
            paths: spec["paths"].as_object().expect("paths").clone(),
            responses: spec["components"]["responses"]
                .as_object()
                .expect("responses")
                .clone(),
            defs,
            validators: Mutex::new(HashMap::new()),
            seen: Mutex::new(BTreeSet::new()),
        }
    }

    /// Every operation the contract declares, as (METHOD, template).
    pub fn operations(&self) -> BTreeSet<(String, String)> {
        let mut all = BTreeSet::new();
        for (template, item) in &self.paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                if item.get(method).is_some() {
                    all.insert((method.to_uppercase(), template.clone()));
                }
            }
        }
        all
    }

    fn template(&self, path: &str) -> String {
        let path = path.split('?').next().unwrap_or(path);
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        self.paths
            .keys()
            .find(|template| {
                let parts: Vec<&str> = template.trim_start_matches('/').split('/').collect();
                parts.len() == segments.len()
                    && parts
                        .iter()
                        .zip(&segments)
                        .all(|(t, s)| t.starts_with('{') || t == s)
            })
            .unwrap_or_else(|| panic!("no path of the contract matches {path}"))
            .clone()
    }

    /// Every way `body` breaks the request schema the contract gives `method` on `template`.
    pub fn request_errors(&self, method: &str, template: &str, body: &Value) -> Vec<String> {
        let operation = &self.paths[template][method.to_lowercase()];
        let schema = &operation["requestBody"]["content"]["application/json"]["schema"];
        assert!(schema.is_object(), "{method} {template} takes no JSON body");
        let validator = self.validator(&format!("{method} {template} request"), schema);
        validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }

    /// The compiled schema, cached under `key`.
    fn validator(&self, key: &str, schema: &Value) -> Arc<jsonschema::Validator> {
        let mut cache = self.validators.lock().unwrap();
        cache
            .entry(key.to_string())
            .or_insert_with(|| {
                let mut root = openapi_to_json_schema(schema);
                root["$defs"] = self.defs.clone();
                root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
                let validator = jsonschema::options()
                    .with_draft(jsonschema::Draft::Draft202012)
                    .should_validate_formats(true)
                    .build(&root)
                    .unwrap_or_else(|e| panic!("schema for {key} does not compile: {e}"));
                Arc::new(validator)
            })
            .clone()
    }

    /// Checks one response against the schema the contract gives for its operation and status.
    #[track_caller]
    pub fn check(&self, method: &str, path: &str, reply: &Reply) {
        let template = self.template(path);
        let operation = &self.paths[&template][method.to_lowercase()];
        assert!(
            operation.is_object(),
            "{method} {template} is not in the contract"
        );
        let responses = &operation["responses"];
        let status = reply.status.to_string();
        let mut response = responses
            .get(&status)
            .or_else(|| responses.get("default"))
            .unwrap_or_else(|| {
                panic!("the contract has no {status} response for {method} {template}")
            });
        if let Some(name) = response["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/responses/"))
        {
            response = &self.responses[name];
        }
        let media = reply
            .header("content-type")
            .unwrap_or_default()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim();
        let schema = response["content"].get(media).map(|c| &c["schema"]).unwrap_or_else(|| {
            panic!("{method} {template} {status}: content type {media:?} is not declared by the contract")
        });
        self.seen
            .lock()
            .unwrap()
            .insert((method.to_uppercase(), template.clone()));
        if media == "application/pdf" {
            assert!(reply.body.starts_with(b"%PDF-"), "not a PDF");
            return;
        }
        let key = format!("{method} {template} {status} {media}");
        let validator = self.validator(&key, schema);
        let body: Value = serde_json::from_slice(&reply.body)
            .unwrap_or_else(|e| panic!("{key}: body is not JSON ({e})"));
        let errors: Vec<String> = validator
            .iter_errors(&body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{key}: the body breaks the contract:\n{}\n{body:#}",
            errors.join("\n")
        );
    }
}

/// OpenAPI 3.0 schema to JSON Schema 2020-12: `nullable` becomes a `null` type (or an
/// `anyOf` with `null` next to `allOf`/`$ref`), and component refs point into `$defs`.
pub fn openapi_to_json_schema(schema: &Value) -> Value {
    match schema {
        Value::Array(items) => Value::Array(items.iter().map(openapi_to_json_schema).collect()),
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                if key.starts_with("x-") || key == "nullable" || key == "example" {
                    continue;
                }
                let value = if key == "$ref" {
                    json!(value
                        .as_str()
                        .unwrap_or_default()
                        .replace("#/components/schemas/", "#/$defs/"))
                } else if key == "properties" || key == "$defs" {
                    Value::Object(
                        value
                            .as_object()
                            .map(|props| {
                                props
                                    .iter()
                                    .map(|(k, v)| (k.clone(), openapi_to_json_schema(v)))
                                    .collect()
                            })
                            .unwrap_or_default(),
                    )
                } else {
                    openapi_to_json_schema(value)
                };
                out.insert(key.clone(), value);
            }
            if map.get("nullable") == Some(&Value::Bool(true)) {
                if let Some(Value::String(kind)) = out.get("type").cloned() {
                    out.insert("type".into(), json!([kind, "null"]));
                    if let Some(Value::Array(values)) = out.get_mut("enum") {
                        values.push(Value::Null);
                    }
                } else {
                    return json!({ "anyOf": [Value::Object(out), { "type": "null" }] });
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}
