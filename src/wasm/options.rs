//! The constructor's options, parsed once; functions are kept as JS values.

use serde::Deserialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// How to reach and authenticate to the API. Pass exactly one of `clientId` + `clientSecret`
/// (servers only), `accessToken`, or `getToken`.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Defaults to `https://api.signicat.com/account-management`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Defaults to `https://api.signicat.com/auth/open/connect/token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Never ship this to a browser: use `getToken` there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// A token obtained elsewhere; it cannot be renewed, so a 401 with it is final.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// Called when a token is needed; the result is cached until shortly before it expires
    /// (a bare string: until the API refuses it).
    #[serde(
        default,
        with = "serde_wasm_bindgen::preserve",
        skip_serializing_if = "JsValue::is_undefined"
    )]
    #[tsify(type = "() => string | TokenInfo | Promise<string | TokenInfo>")]
    pub get_token: JsValue,
    /// Per call, including retries. Defaults to 30 000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<f64>,
    /// Retries of GET, PUT and DELETE on 429, 502, 503, 504 and network errors. Defaults to 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retries: Option<u32>,
    /// A `fetch` to use instead of the global one.
    #[serde(
        default,
        with = "serde_wasm_bindgen::preserve",
        skip_serializing_if = "JsValue::is_undefined"
    )]
    #[tsify(type = "(request: Request) => Promise<Response>")]
    pub fetch: JsValue,
    /// Allow `clientSecret` in a browser (only for pages nobody else can open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dangerously_allow_browser: Option<bool>,
    /// Called before every attempt; sees no headers and so no secret.
    #[serde(
        default,
        with = "serde_wasm_bindgen::preserve",
        skip_serializing_if = "JsValue::is_undefined"
    )]
    #[tsify(type = "(event: RequestEvent) => void")]
    pub on_request: JsValue,
    /// Called after every response.
    #[serde(
        default,
        with = "serde_wasm_bindgen::preserve",
        skip_serializing_if = "JsValue::is_undefined"
    )]
    #[tsify(type = "(event: ResponseEvent) => void")]
    pub on_response: JsValue,
}

#[wasm_bindgen(typescript_custom_section)]
const EVENTS_AND_OPTIONS: &str = r#"
/** The last argument of every method. */
export interface RequestOptions {
    /** Aborts the underlying fetch; the call rejects with kind `aborted`. */
    signal?: AbortSignal;
    /** Overrides the client's timeout for this call; the call rejects with kind `timeout`. */
    timeoutMs?: number;
}
/** What `onRequest` sees of an attempt. */
export interface RequestEvent {
    operation: string;
    method: string;
    url: string;
    attempt: number;
}
/** What `onResponse` sees of an answer. */
export interface ResponseEvent extends RequestEvent {
    status: number;
    durationMs: number;
}
"#;
