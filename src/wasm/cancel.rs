//! One call's deadline and the caller's `AbortSignal`, merged into one AbortController
//! whose signal goes to every fetch of the call and cuts short every wait.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use super::js::{clear_timeout, set_timeout};
use crate::error::{Error, ErrorKind};
use crate::json::text;

/// The abort reason our own timer gives, to tell a timeout from the caller's abort.
const TIMEOUT_REASON: &str = "signicat-timeout";

pub struct Cancel {
    controller: AbortController,
    /// Resolves (never rejects, so it can never go unhandled) once the controller aborts.
    aborted: Promise,
    timer: JsValue,
    timeout_ms: f64,
    user: Option<(AbortSignal, Function)>,
}

impl Cancel {
    pub fn new(signal: Option<AbortSignal>, timeout_ms: f64) -> Result<Cancel, Error> {
        if signal.as_ref().is_some_and(AbortSignal::aborted) {
            return Err(aborted());
        }
        let controller = AbortController::new().map_err(|_| {
            Error::config("This runtime has no AbortController; use Node 18 or newer")
        })?;
        let abort: Function = Reflect::get(&controller, &JsValue::from_str("abort"))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| Error::config("AbortController.abort is missing in this runtime"))?;
        let on_timeout: Function = abort
            .bind1(&controller, &JsValue::from_str(TIMEOUT_REASON))
            .unchecked_into();
        let timer = set_timeout(&on_timeout, timeout_ms);
        let user = signal.map(|signal| {
            let forward: Function = abort.bind0(&controller).unchecked_into();
            let _ = signal.add_event_listener_with_callback("abort", &forward);
            (signal, forward)
        });
        let own = controller.signal();
        let aborted = Promise::new(&mut |resolve, _reject| {
            let _ = own.add_event_listener_with_callback("abort", &resolve);
        });
        Ok(Cancel {
            controller,
            aborted,
            timer,
            timeout_ms,
            user,
        })
    }

    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// The error for a call that was stopped, if it was.
    pub fn stopped(&self) -> Option<Error> {
        let signal = self.controller.signal();
        if !signal.aborted() {
            return None;
        }
        let timed_out = signal.reason().as_string().as_deref() == Some(TIMEOUT_REASON);
        Some(if timed_out {
            Error::new(
                ErrorKind::Timeout,
                text(&[
                    &"The call did not finish within ",
                    &(self.timeout_ms as usize),
                    &" ms",
                ]),
            )
        } else {
            aborted()
        })
    }

    /// Awaits `promise` unless the call is stopped first.
    pub async fn guard(&self, promise: Promise) -> Result<JsValue, GuardError> {
        let race = Promise::race(&Array::of2(&promise, &self.aborted));
        let result = JsFuture::from(race).await;
        if let Some(error) = self.stopped() {
            return Err(GuardError::Stopped(error));
        }
        result.map_err(GuardError::Rejected)
    }
}

/// Why a guarded wait ended without a value.
pub enum GuardError {
    Stopped(Error),
    Rejected(JsValue),
}

fn aborted() -> Error {
    Error::new(
        ErrorKind::Aborted,
        "The call was aborted by its AbortSignal",
    )
}

impl Drop for Cancel {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some((signal, forward)) = &self.user {
            let _ = signal.remove_event_listener_with_callback("abort", forward);
        }
    }
}
