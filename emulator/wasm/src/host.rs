//! Time and timers from the JavaScript host: `Date.now()` and `setTimeout`.

use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::FutureExt;
use signicat_emulator_core::Host;
use time::OffsetDateTime;

pub struct JsHost;

/// The host's wall-clock time as a date.
pub fn now(host: &dyn Host) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(host.now_ms()) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = setTimeout)]
        pub fn set_timeout(handler: &JsValue, ms: f64) -> JsValue;
    }
}

impl Host for JsHost {
    #[cfg(target_arch = "wasm32")]
    fn now_ms(&self) -> i64 {
        js_sys::Date::now() as i64
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn now_ms(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }

    /// The wait is a channel the timer's callback completes: unlike a JS promise it may be
    /// held by the core's `Send` futures.
    #[cfg(target_arch = "wasm32")]
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        use wasm_bindgen::closure::Closure;
        let (done, wait) = futures_channel::oneshot::channel::<()>();
        let callback = Closure::once_into_js(move || {
            let _ = done.send(());
        });
        js::set_timeout(&callback, duration.as_secs_f64() * 1000.0);
        wait.map(|_| ()).boxed()
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        let (done, wait) = futures_channel::oneshot::channel::<()>();
        std::thread::spawn(move || {
            std::thread::sleep(duration);
            let _ = done.send(());
        });
        wait.map(|_| ()).boxed()
    }
}
