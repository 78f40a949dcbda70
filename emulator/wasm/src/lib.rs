//! The emulator in-process: the core's routes answering requests handed over from
//! JavaScript, for the npm package's `signicat-account-management/testing` entry. No socket,
//! no port; `fetch` there turns each call into [`Emulator::handle`].

// Every request comes through the wasm boundary, where a panic would poison the instance.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod exchange;
mod host;
mod options;

use std::sync::Arc;

use axum::Router;
use signicat_emulator_core::{clock, routes, App, Host};
use wasm_bindgen::prelude::*;

use crate::host::JsHost;
use crate::options::Options;

#[wasm_bindgen]
pub struct Emulator {
    app: Arc<App>,
    router: Router,
}

#[wasm_bindgen]
impl Emulator {
    /// An emulator with its own seeded state; throws on an invalid option.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Emulator, JsError> {
        let options: Options = serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("createEmulator: {e}")))?;
        let config = options.config().map_err(|e| JsError::new(e.as_str()))?;
        let host = Arc::new(JsHost);
        let store = App::seeded(&config, clock::from_ms(host.now_ms()));
        let app = Arc::new(App::new(config, store, host, None));
        Ok(Emulator {
            router: routes::router(app.clone()),
            app,
        })
    }

    /// One HTTP exchange: resolves to `{ status, headers, body, ending }`, with headers as
    /// flat name/value pairs and `ending` one of "complete", "truncated" and "reset".
    pub fn handle(
        &self,
        method: String,
        url: String,
        headers: Vec<String>,
        body: Option<Vec<u8>>,
    ) -> js_sys::Promise {
        let router = self.router.clone();
        wasm_bindgen_futures::future_to_promise(async move {
            let request = exchange::request(&method, &url, &headers, body.unwrap_or_default())
                .map_err(|e| JsValue::from(js_sys::TypeError::new(&e)))?;
            let answer = exchange::answer(router, request).await;
            serde_wasm_bindgen::to_value(&answer).map_err(JsValue::from)
        })
    }

    #[wasm_bindgen(getter = clientId)]
    pub fn client_id(&self) -> String {
        self.app.config.client_id.clone()
    }

    #[wasm_bindgen(getter = clientSecret)]
    pub fn client_secret(&self) -> String {
        self.app.config.client_secret.clone()
    }

    /// The dataset's seed: the same seed gives the same ids on every run.
    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> f64 {
        self.app.config.seed as f64
    }
}
