//! When a failed attempt is sent again, and after how long.

use crate::routes::Method;

pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// First backoff ceiling; doubles with each retry.
const BASE_DELAY_MS: f64 = 500.0;
/// Backoff never waits longer than this without a `Retry-After` asking for it.
const MAX_BACKOFF_MS: f64 = 8_000.0;
/// A server's `Retry-After` is honoured up to this long, so a bad header cannot stall a caller.
pub const MAX_RETRY_AFTER_MS: f64 = 60_000.0;

/// How one attempt ended, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Status(u16),
    /// No response. `refused` when the connection was refused, so no byte of the request left.
    NetworkError {
        refused: bool,
    },
}

/// 429 and the gateway statuses say the request was not processed and may succeed later.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

/// Whether to send the request again. A non-idempotent request (POST, PATCH) is repeated
/// only when its connection was refused, because any other failure may have applied it.
pub fn should_retry(method: Method, outcome: Outcome, retries_done: u32, max_retries: u32) -> bool {
    if retries_done >= max_retries {
        return false;
    }
    match outcome {
        Outcome::Status(status) => method.is_idempotent() && is_retryable_status(status),
        Outcome::NetworkError { refused } => refused || method.is_idempotent(),
    }
}

/// Up to this fraction is added to a `Retry-After`, so clients told the same moment do not
/// all come back in the same instant.
const RETRY_AFTER_JITTER: f64 = 0.1;

/// Whether a call that failed this way can be sent again without risk of applying it twice:
/// always for idempotent methods, and for POST/PATCH only when nothing was sent.
pub fn repeat_is_safe(method: Method, nothing_sent: bool) -> bool {
    nothing_sent || method.is_idempotent()
}

/// Milliseconds to wait before retry number `retry` (1 for the first).
/// The server's `Retry-After` wins (capped, plus a little jitter); otherwise exponential
/// backoff with full jitter (AWS's "full jitter"), which spreads out clients that failed
/// together. `random` is in [0, 1).
pub fn delay_ms(retry: u32, retry_after_ms: Option<f64>, random: f64) -> f64 {
    if let Some(wait) = retry_after_ms {
        let wait = wait.clamp(0.0, MAX_RETRY_AFTER_MS);
        return wait + wait * RETRY_AFTER_JITTER * random.clamp(0.0, 1.0);
    }
    let exponent = retry.saturating_sub(1).min(16);
    let ceiling = (BASE_DELAY_MS * f64::from(1u32 << exponent)).min(MAX_BACKOFF_MS);
    ceiling * random.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Method::*;

    #[test]
    fn idempotent_methods_retry_on_retryable_statuses_only() {
        for status in [429, 502, 503, 504] {
            for method in [Get, Put, Delete] {
                assert!(
                    should_retry(method, Outcome::Status(status), 0, 2),
                    "{method:?} {status}"
                );
            }
        }
        for status in [400, 401, 404, 409, 500, 501] {
            assert!(
                !should_retry(Get, Outcome::Status(status), 0, 2),
                "{status}"
            );
        }
    }

    #[test]
    fn post_and_patch_are_never_repeated_after_the_request_may_have_arrived() {
        for method in [Post, Patch] {
            for status in [429, 502, 503, 504] {
                assert!(!should_retry(method, Outcome::Status(status), 0, 2));
            }
            assert!(!should_retry(
                method,
                Outcome::NetworkError { refused: false },
                0,
                2
            ));
            assert!(should_retry(
                method,
                Outcome::NetworkError { refused: true },
                0,
                2
            ));
        }
    }

    #[test]
    fn network_errors_retry_idempotent_methods() {
        assert!(should_retry(
            Get,
            Outcome::NetworkError { refused: false },
            1,
            2
        ));
    }

    #[test]
    fn stops_after_max_retries() {
        assert!(should_retry(Get, Outcome::Status(503), 1, 2));
        assert!(!should_retry(Get, Outcome::Status(503), 2, 2));
        assert!(!should_retry(Get, Outcome::Status(503), 0, 0));
    }

    #[test]
    fn backoff_grows_exponentially_with_full_jitter_and_a_cap() {
        assert_eq!(delay_ms(1, None, 0.0), 0.0);
        assert_eq!(delay_ms(1, None, 0.5), 250.0);
        assert_eq!(delay_ms(2, None, 0.5), 500.0);
        assert_eq!(delay_ms(3, None, 0.5), 1_000.0);
        assert_eq!(delay_ms(30, None, 0.999_999), MAX_BACKOFF_MS * 0.999_999);
        assert!(delay_ms(2, None, 0.999) < 1_000.0);
    }

    #[test]
    fn retry_after_wins_is_capped_and_never_shortened_by_jitter() {
        assert_eq!(delay_ms(1, Some(2_000.0), 0.0), 2_000.0);
        assert_eq!(delay_ms(1, Some(2_000.0), 0.5), 2_100.0);
        assert!(delay_ms(1, Some(2_000.0), 0.999) < 2_200.0);
        assert_eq!(delay_ms(1, Some(3_600_000.0), 0.0), MAX_RETRY_AFTER_MS);
        assert_eq!(delay_ms(1, Some(-5.0), 0.9), 0.0);
    }

    #[test]
    fn only_idempotent_calls_or_unsent_ones_are_safe_to_repeat() {
        for method in [Get, Put, Delete] {
            assert!(repeat_is_safe(method, false));
        }
        for method in [Post, Patch] {
            assert!(!repeat_is_safe(method, false));
            assert!(repeat_is_safe(method, true));
        }
    }
}
