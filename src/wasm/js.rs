//! The few JS globals the transport needs, and small helpers for reading JS objects.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(handler: &Function, ms: f64) -> JsValue;

    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(id: &JsValue);

    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(url: &str, init: &web_sys::RequestInit) -> Result<Promise, JsValue>;
}

/// Calls the caller's `fetch` if given, else the global one, as `fetch(url, init)`; a
/// synchronous throw becomes a rejection.
pub fn fetch(custom: Option<&Function>, url: &str, init: &web_sys::RequestInit) -> Promise {
    let result = match custom {
        Some(fetch) => fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(url), init),
        None => global_fetch(url, init).map(JsValue::from),
    };
    match result {
        Ok(value) => Promise::resolve(&value),
        Err(error) => Promise::reject(&error),
    }
}

/// A promise that resolves after `ms` milliseconds, and its timer (to clear if nobody waits).
pub fn sleep(ms: f64) -> (Promise, JsValue) {
    let mut timer = JsValue::UNDEFINED;
    let promise = Promise::new(&mut |resolve, _reject| {
        timer = set_timeout(&resolve, ms);
    });
    (promise, timer)
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `object[key]`, or `undefined` when `object` is not an object or reading throws.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Node, Deno, Bun and the edge runtimes are servers; anything else (a page, a worker) counts
/// as a browser. Each mark must be a string, which an element a page names `Deno` or
/// `process` (DOM clobbering) can never be.
pub fn in_browser() -> bool {
    let global = js_sys::global();
    let versions = get(&get(&global, "process"), "versions");
    let user_agent = get(&get(&global, "navigator"), "userAgent").as_string();
    let server = [
        get(&versions, "node"),
        get(&versions, "bun"),
        get(&get(&get(&global, "Deno"), "version"), "deno"),
        // Vercel's and Next.js's edge runtime.
        get(&global, "EdgeRuntime"),
    ]
    .iter()
    .any(JsValue::is_string)
        || user_agent.as_deref() == Some("Cloudflare-Workers");
    !server
}

/// A plain object from key/value pairs, for hooks.
pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// The `message` of a thrown value, for error texts.
pub fn message_of(error: &JsValue) -> String {
    get(error, "message")
        .as_string()
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
