//! One call's attempts as a state machine: after each attempt's outcome it says whether to
//! retry after a wait, renew the token and repeat, finish, or fail. The wasm only drives it.

use super::retry::{delay_ms, should_retry, Outcome};
use crate::routes::Method;

/// How an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// No token could be had; nothing reached the API.
    TokenFailed { retryable: bool },
    /// No response. `refused` when the connection was refused, so nothing was sent.
    NetworkError { refused: bool },
    /// An answer, with its `Retry-After` in milliseconds when it had one.
    Answer {
        status: u16,
        retry_after_ms: Option<f64>,
    },
}

/// What to do next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// The answer is the call's result.
    Done,
    /// Forget the refused token, get a new one and repeat at once.
    Renew,
    /// Wait this long, then repeat.
    Retry { wait_ms: f64 },
    /// The attempt's error is the call's error.
    Fail,
}

#[derive(Debug, Clone)]
pub struct Attempts {
    method: Method,
    max_retries: u32,
    can_renew: bool,
    retries: u32,
    renewed: bool,
    attempt: u32,
}

impl Attempts {
    /// `can_renew` is false for a fixed token, which a 401 makes final.
    pub fn new(method: Method, max_retries: u32, can_renew: bool) -> Self {
        Attempts {
            method,
            max_retries,
            can_renew,
            retries: 0,
            renewed: false,
            attempt: 0,
        }
    }

    /// Starts the next attempt and returns its number, from 1.
    pub fn start(&mut self) -> u32 {
        self.attempt += 1;
        self.attempt
    }

    /// The decision after an attempt. `random` is in [0, 1) for the backoff's jitter;
    /// `remaining_ms` is what is left of the call's time: a wait that would outlast it
    /// fails now, with the answer's own error, rather than later as a timeout.
    pub fn after(&mut self, event: Event, random: f64, remaining_ms: f64) -> Next {
        let (outcome, retry_after_ms) = match event {
            Event::Answer { status, .. } if (200..300).contains(&status) => return Next::Done,
            Event::Answer { status: 401, .. } if self.can_renew && !self.renewed => {
                // The token was refused before anything ran, so any method may repeat once.
                self.renewed = true;
                return Next::Renew;
            }
            Event::Answer {
                status,
                retry_after_ms,
            } => (Outcome::Status(status), retry_after_ms),
            Event::NetworkError { refused } => (Outcome::NetworkError { refused }, None),
            // Nothing reached the API, so even a POST may try again.
            Event::TokenFailed { retryable: true } => {
                (Outcome::NetworkError { refused: true }, None)
            }
            Event::TokenFailed { retryable: false } => return Next::Fail,
        };
        if !should_retry(self.method, outcome, self.retries, self.max_retries) {
            return Next::Fail;
        }
        self.retries += 1;
        let wait_ms = delay_ms(self.retries, retry_after_ms, random);
        if retry_after_ms.is_some() && wait_ms >= remaining_ms {
            return Next::Fail;
        }
        Next::Retry { wait_ms }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Method::*;

    const LOTS: f64 = 1e9;

    fn answer(status: u16) -> Event {
        Event::Answer {
            status,
            retry_after_ms: None,
        }
    }

    #[test]
    fn success_is_done_at_once() {
        let mut attempts = Attempts::new(Get, 2, true);
        assert_eq!(attempts.start(), 1);
        assert_eq!(attempts.after(answer(200), 0.5, LOTS), Next::Done);
        assert_eq!(attempts.after(answer(204), 0.5, LOTS), Next::Done);
    }

    #[test]
    fn a_get_retries_gateway_errors_until_the_budget_is_spent() {
        let mut attempts = Attempts::new(Get, 2, true);
        for _ in 0..2 {
            attempts.start();
            assert!(matches!(
                attempts.after(answer(503), 0.5, LOTS),
                Next::Retry { .. }
            ));
        }
        attempts.start();
        assert_eq!(attempts.after(answer(503), 0.5, LOTS), Next::Fail);
    }

    #[test]
    fn a_post_is_repeated_only_when_nothing_was_sent() {
        let mut attempts = Attempts::new(Post, 2, true);
        assert_eq!(attempts.after(answer(503), 0.5, LOTS), Next::Fail);
        let refused = Event::NetworkError { refused: true };
        assert!(matches!(
            attempts.after(refused, 0.5, LOTS),
            Next::Retry { .. }
        ));
        let reset = Event::NetworkError { refused: false };
        assert_eq!(attempts.after(reset, 0.5, LOTS), Next::Fail);
        let token = Event::TokenFailed { retryable: true };
        assert!(matches!(
            attempts.after(token, 0.5, LOTS),
            Next::Retry { .. }
        ));
    }

    #[test]
    fn a_401_renews_once_unless_the_token_is_fixed() {
        let mut attempts = Attempts::new(Post, 2, true);
        assert_eq!(attempts.after(answer(401), 0.5, LOTS), Next::Renew);
        assert_eq!(attempts.after(answer(401), 0.5, LOTS), Next::Fail);
        let mut fixed = Attempts::new(Get, 2, false);
        assert_eq!(fixed.after(answer(401), 0.5, LOTS), Next::Fail);
    }

    #[test]
    fn retry_after_is_honoured_unless_it_outlasts_the_call() {
        let mut attempts = Attempts::new(Get, 2, true);
        let slow_down = Event::Answer {
            status: 429,
            retry_after_ms: Some(1_000.0),
        };
        assert_eq!(
            attempts.after(slow_down, 0.0, 5_000.0),
            Next::Retry { wait_ms: 1_000.0 }
        );
        assert_eq!(attempts.after(slow_down, 0.0, 900.0), Next::Fail);
    }

    #[test]
    fn token_failures_that_cannot_pass_fail_at_once() {
        let mut attempts = Attempts::new(Get, 2, true);
        let wrong = Event::TokenFailed { retryable: false };
        assert_eq!(attempts.after(wrong, 0.5, LOTS), Next::Fail);
    }

    #[test]
    fn client_errors_are_final() {
        for status in [400, 403, 404, 409, 422, 500] {
            let mut attempts = Attempts::new(Get, 2, true);
            assert_eq!(attempts.after(answer(status), 0.5, LOTS), Next::Fail);
        }
    }
}
