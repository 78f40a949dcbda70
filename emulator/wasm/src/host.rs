//! Time and timers from the JavaScript host: `Date.now()` and `setTimeout`.

use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::FutureExt;
use signicat_emulator_core::Host;

pub struct JsHost;

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
        signicat_emulator_core::clock::system_ms()
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
