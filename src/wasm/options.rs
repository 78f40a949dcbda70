//! The constructor's options. Read field by field, since some are functions, which JSON cannot carry.

use js_sys::Function;
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::call::header_list;
use super::js::get;
use crate::config;
use crate::error::Error;
use crate::json::text as msg;

/// How to reach and authenticate to the API. Pass exactly one of `clientId` + `clientSecret`
/// (servers only), `accessToken`, or `getToken`.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Defaults to `https://api.signicat.com/account-management`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Defaults to `https://api.signicat.com/auth/open/connect/token`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    /// The OAuth client id, with `clientSecret`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Never ship this to a browser: use `getToken` there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// A token obtained elsewhere; it cannot be renewed, so a 401 with it is final.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// Called when a token is needed; the result is cached until shortly before it expires
    /// (a bare string: until the API refuses it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "() => string | TokenInfo | Promise<string | TokenInfo>")]
    pub get_token: Option<Function>,
    /// Per call, including retries. Defaults to 30 000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<f64>,
    /// Retries of GET, PUT and DELETE on 429, 502, 503, 504 and network errors. Defaults to 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_retries: Option<u32>,
    /// A `fetch` to use instead of the global one, called as `fetch(url, init)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "(input: string, init: RequestInit) => Promise<Response>")]
    pub fetch: Option<Function>,
    /// Allow `clientSecret` in a browser (only for pages nobody else can open).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dangerously_allow_browser: Option<bool>,
    /// Called before every attempt; sees no headers and so no secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "(event: RequestEvent) => void")]
    pub on_request: Option<Function>,
    /// Called after every response.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "(event: ResponseEvent) => void")]
    pub on_response: Option<Function>,
    /// Headers sent with every call, after the SDK's own (`Authorization` excepted).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(
        type = "Record<string, string> | Headers | [string, string][]",
        optional
    )]
    pub headers: Vec<(String, String)>,
    /// Names your application in the User-Agent (in browsers, which forbid that, in an
    /// `x-signicat-client-app` header).
    #[allow(dead_code)] // Declared for the type; the facade reads and checks it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_info: Option<AppInfo>,
    /// Run in order around every attempt of every call, on standard `Request`/`Response`
    /// objects. The token is added beneath the last one, so none of them ever sees it, and
    /// token requests do not pass through them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "Middleware[]")]
    #[allow(dead_code)] // Declared for the type; the facade reads and checks it.
    pub middleware: Option<JsValue>,
    /// `"off"` unless set, or in Node `SIGNICAT_LOG`; `"info"` logs one line per attempt.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "LogLevel")]
    #[allow(dead_code)] // Declared for the type; the facade reads and checks it.
    pub log_level: Option<JsValue>,
    /// Where log lines go: `console` unless set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(type = "Logger")]
    #[allow(dead_code)] // Declared for the type; the facade reads and checks it.
    pub logger: Option<JsValue>,
}

/// The application that uses the client, as named in the User-Agent: `name/version (url)`.
#[derive(Tsify)]
#[allow(dead_code)] // Declared for the type; the facade reads and checks it.
pub struct AppInfo {
    /// A product name: letters, digits and `!#$%&'*+-.^_`|~`.
    pub name: String,
    /// The application's version, after the `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Where to learn about the application, in the parentheses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Reads `options[key]` with `read`; absent or `null` is `None`, anything else of the wrong type an error.
fn field<T>(
    options: &JsValue,
    key: &str,
    what: &str,
    read: impl Fn(&JsValue) -> Option<T>,
) -> Result<Option<T>, Error> {
    let value = get(options, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    read(&value)
        .map(Some)
        .ok_or_else(|| Error::config(msg(&[&key, &" must be ", &what])))
}

fn text(options: &JsValue, key: &str) -> Result<Option<String>, Error> {
    field(options, key, "a string", JsValue::as_string)
}

fn function(options: &JsValue, key: &str) -> Result<Option<Function>, Error> {
    field(options, key, "a function", |v| {
        v.dyn_ref::<Function>().cloned()
    })
}

impl ClientOptions {
    pub fn from_js(options: &JsValue) -> Result<ClientOptions, Error> {
        if !options.is_object() {
            return Err(Error::config("The client options must be an object"));
        }
        let whole = |v: &JsValue| v.as_f64().and_then(|n| config::max_retries(n).ok());
        Ok(ClientOptions {
            base_url: text(options, "baseUrl")?,
            token_url: text(options, "tokenUrl")?,
            client_id: text(options, "clientId")?,
            client_secret: text(options, "clientSecret")?,
            access_token: text(options, "accessToken")?,
            get_token: function(options, "getToken")?,
            timeout_ms: field(
                options,
                "timeoutMs",
                "a number of milliseconds",
                JsValue::as_f64,
            )?,
            max_retries: field(options, "maxRetries", "a whole number from 0 to 100", whole)?,
            fetch: function(options, "fetch")?,
            dangerously_allow_browser: field(
                options,
                "dangerouslyAllowBrowser",
                "true or false",
                JsValue::as_bool,
            )?,
            on_request: function(options, "onRequest")?,
            on_response: function(options, "onResponse")?,
            headers: header_list(&get(options, "headers")),
            app_info: None,
            middleware: None,
            log_level: None,
            logger: None,
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const EVENTS_AND_OPTIONS: &str = r#"
/** The last argument of every method. */
export interface RequestOptions {
    /** Aborts the underlying fetch; the call rejects with kind `aborted`. */
    signal?: AbortSignal;
    /** Overrides the client's timeout for this call; the call rejects with kind `timeout`. */
    timeoutMs?: number;
    /** Headers for this call, after the client's (`Authorization` excepted). */
    headers?: Record<string, string> | Headers | [string, string][];
    /** Overrides the client's `maxRetries` for this call; `0` sends it once. */
    maxRetries?: number;
}
/** Runs around every attempt: call `next` (with the request or a changed one) or answer yourself. */
export type Middleware = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;
/** How much the client logs: `"info"` is one line per attempt, `"debug"` adds headers and bodies. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";
/** Where log lines go: `console`, or anything with its four methods. */
export interface Logger {
    /** An attempt after which the call fails. */
    error(message: string, ...details: unknown[]): void;
    /** An attempt the client repeats (a retry, a renewed token), or a bad `SIGNICAT_LOG`. */
    warn(message: string, ...details: unknown[]): void;
    /** An attempt that ends the call. */
    info(message: string, ...details: unknown[]): void;
    /** A request or answer with its headers and body, secrets redacted. */
    debug(message: string, ...details: unknown[]): void;
}
/** What `onRequest` sees of an attempt. */
export interface RequestEvent {
    /** The operation, e.g. `accounts.list`. */
    operation: string;
    /** The HTTP method. */
    method: string;
    /** The URL, query included. */
    url: string;
    /** 1 for the first try, 2 for the first retry, and so on. */
    attempt: number;
}
/** What `onResponse` sees of an answer. */
export interface ResponseEvent extends RequestEvent {
    /** The HTTP status. */
    status: number;
    /** From sending the attempt to its answer, in milliseconds. */
    durationMs: number;
}
"#;
