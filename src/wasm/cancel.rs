//! One call's deadline and the caller's `AbortSignal`, merged into one AbortController
//! whose signal goes to every fetch of the call and cuts short every wait.

use std::cell::{Cell, RefCell};

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
    /// The signal of the call's own controller, which the timer and the caller's signal abort
    /// through bound functions; read once, as each read is a call into JS.
    signal: AbortSignal,
    /// Resolves (never rejects, so it can never go unhandled) once the controller aborts;
    /// made on the first wait that needs it.
    aborted: RefCell<Option<Promise>>,
    timer: JsValue,
    timeout_ms: f64,
    user: Option<(AbortSignal, Function)>,
    /// The fetch in use honours the signal, so its promises reject on abort by themselves.
    fetch_honours_signal: bool,
    /// A request that may take effect (POST, PATCH) has left: stopping now must not invite a retry.
    unrepeatable: Cell<bool>,
}

impl Cancel {
    /// `fetch_honours_signal` for the runtime's own fetch; a caller's `fetch` may ignore it.
    pub fn new(
        signal: Option<AbortSignal>,
        timeout_ms: f64,
        fetch_honours_signal: bool,
    ) -> Result<Cancel, Error> {
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
        Ok(Cancel {
            signal: controller.signal(),
            aborted: RefCell::new(None),
            timer,
            timeout_ms,
            user,
            fetch_honours_signal,
            unrepeatable: Cell::new(false),
        })
    }

    /// From now on a stop may have left the request applied, so its error is not retryable.
    pub fn mark_unrepeatable(&self) {
        self.unrepeatable.set(true);
    }

    pub fn signal(&self) -> &AbortSignal {
        &self.signal
    }

    /// The error for a call that was stopped, if it was.
    pub fn stopped(&self) -> Option<Error> {
        let signal = &self.signal;
        if !signal.aborted() {
            return None;
        }
        let timed_out = signal.reason().as_string().as_deref() == Some(TIMEOUT_REASON);
        let mut error = if timed_out {
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
        };
        error.retryable &= !self.unrepeatable.get();
        Some(error)
    }

    /// Awaits `promise` unless the call is stopped first.
    pub async fn guard(&self, promise: Promise) -> Result<JsValue, GuardError> {
        let race = Promise::race(&Array::of2(&promise, &self.aborted()));
        self.settle(JsFuture::from(race).await)
    }

    /// Awaits a fetch or a body read of it: a fetch that honours the signal rejects on abort
    /// by itself, so only another fetch's promises need the race.
    pub async fn guard_io(&self, promise: Promise) -> Result<JsValue, GuardError> {
        match self.fetch_honours_signal {
            // Such a promise rejects once the signal aborts: only a rejection may be a stop.
            true => JsFuture::from(promise).await.map_err(|e| {
                self.stopped()
                    .map_or(GuardError::Rejected(e), GuardError::Stopped)
            }),
            false => self.guard(promise).await,
        }
    }

    fn settle(&self, result: Result<JsValue, JsValue>) -> Result<JsValue, GuardError> {
        if let Some(error) = self.stopped() {
            return Err(GuardError::Stopped(error));
        }
        result.map_err(GuardError::Rejected)
    }

    fn aborted(&self) -> Promise {
        let mut aborted = self.aborted.borrow_mut();
        aborted
            .get_or_insert_with(|| {
                let own = &self.signal;
                Promise::new(&mut |resolve, _reject| {
                    let _ = own.add_event_listener_with_callback("abort", &resolve);
                })
            })
            .clone()
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
