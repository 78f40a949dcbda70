//! The token cache's rule: use a token until shortly before it expires, then renew it.

use serde::Deserialize;
use tsify::Tsify;

use super::Secret;
use crate::json::Json;

/// Renew this long before expiry, so a token never expires while a request is in flight…
const RENEW_AHEAD_MS: f64 = 60_000.0;
/// …but never earlier than halfway through a short-lived token's life.
const RENEW_AHEAD_MAX_FRACTION: f64 = 0.5;

/// A token and the moment it should be replaced (ms since the Unix epoch; `None`: until refused).
#[derive(Debug, Clone)]
pub struct CachedToken {
    pub token: Secret,
    renew_at_ms: Option<f64>,
}

impl CachedToken {
    /// A token that lives `lifetime_ms` from `now_ms`; `None` when its lifetime is unknown.
    pub fn new(token: Secret, now_ms: f64, lifetime_ms: Option<f64>) -> Self {
        let renew_at_ms = lifetime_ms.map(|lifetime| {
            let lifetime = lifetime.max(0.0);
            now_ms + lifetime - RENEW_AHEAD_MS.min(lifetime * RENEW_AHEAD_MAX_FRACTION)
        });
        CachedToken { token, renew_at_ms }
    }

    /// Whether the token can still be sent at `now_ms`.
    pub fn is_fresh(&self, now_ms: f64) -> bool {
        self.renew_at_ms.is_none_or(|renew_at| now_ms < renew_at)
    }
}

/// A 401 renews the token only if the last renewal is at least this old: an API that refuses
/// every token would otherwise cost one token request per call.
const MIN_RENEWAL_INTERVAL_MS: f64 = 30_000.0;
/// After a failed token request the next waits this long, doubling per failure…
const TOKEN_BACKOFF_BASE_MS: f64 = 500.0;
/// …up to this, so a token endpoint that is down is not hammered by every call.
const TOKEN_BACKOFF_MAX_MS: f64 = 30_000.0;

/// When the token source may be asked again: after a refusal (401) and after a failure.
#[derive(Debug, Clone, Default)]
pub struct TokenPacing {
    last_renewal_ms: Option<f64>,
    failures: u32,
    not_before_ms: f64,
}

impl TokenPacing {
    /// Whether a token the API refused at `now_ms` may be replaced; records the renewal if so.
    pub fn renew_after_refusal(&mut self, now_ms: f64) -> bool {
        let allowed = self
            .last_renewal_ms
            .is_none_or(|last| now_ms - last >= MIN_RENEWAL_INTERVAL_MS);
        if allowed {
            self.last_renewal_ms = Some(now_ms);
        }
        allowed
    }

    /// How long to wait at `now_ms` before the next token request (0: ask now).
    pub fn wait_ms(&self, now_ms: f64) -> f64 {
        (self.not_before_ms - now_ms).max(0.0)
    }

    pub fn failed(&mut self, now_ms: f64) {
        self.failures = self.failures.saturating_add(1);
        let exponent = self.failures.saturating_sub(1).min(16);
        let backoff =
            (TOKEN_BACKOFF_BASE_MS * f64::from(1u32 << exponent)).min(TOKEN_BACKOFF_MAX_MS);
        self.not_before_ms = now_ms + backoff;
    }

    pub fn succeeded(&mut self) {
        self.failures = 0;
        self.not_before_ms = 0.0;
    }
}

/// Whether `token` can travel in an `Authorization` header: visible ASCII only (RFC 6750's
/// `b64token` is a subset), so no control character or line break can reach `fetch`.
pub fn is_sendable(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

/// The token endpoint's answer (RFC 6749 §5.1).
pub struct TokenResponse {
    pub access_token: String,
    /// Seconds; Signicat's default is 600.
    pub expires_in: Option<f64>,
}

impl TokenResponse {
    /// `None` without a textual `access_token`.
    pub fn read<V: Json>(body: &V) -> Option<TokenResponse> {
        Some(TokenResponse {
            access_token: body.member("access_token")?.text()?,
            expires_in: body.member("expires_in").and_then(|v| v.number()),
        })
    }
}

/// The token endpoint's refusal (RFC 6749 §5.2).
#[derive(Default)]
pub struct OAuthError {
    pub error: Option<String>,
    pub error_description: Option<String>,
}

impl OAuthError {
    pub fn read<V: Json>(body: &V) -> OAuthError {
        OAuthError {
            error: body.member("error").and_then(|v| v.text()),
            error_description: body.member("error_description").and_then(|v| v.text()),
        }
    }
}

/// What a `getToken` callback may return instead of a bare token string.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfo {
    /// The bearer token.
    pub access_token: String,
    /// Seconds from now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<f64>,
    /// When it expires: ms since the Unix epoch, or a `Date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "number | Date")]
    pub expires_at: Option<f64>,
}

impl TokenInfo {
    /// Lifetime in ms from `now_ms`, if the provider said.
    pub fn lifetime_ms(&self, now_ms: f64) -> Option<f64> {
        self.expires_in
            .map(|s| s * 1_000.0)
            .or(self.expires_at.map(|at| at - now_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(now: f64, lifetime: Option<f64>) -> CachedToken {
        CachedToken::new(Secret::new("t"), now, lifetime)
    }

    #[test]
    fn renews_a_minute_before_expiry() {
        let cached = token(0.0, Some(600_000.0));
        assert!(cached.is_fresh(539_999.0));
        assert!(!cached.is_fresh(540_000.0));
    }

    #[test]
    fn short_lived_tokens_renew_halfway() {
        let cached = token(1_000.0, Some(2_000.0));
        assert!(cached.is_fresh(1_999.0));
        assert!(!cached.is_fresh(2_000.0));
        assert!(!token(0.0, Some(0.0)).is_fresh(0.0));
        assert!(!token(0.0, Some(-5.0)).is_fresh(0.0));
    }

    #[test]
    fn tokens_without_expiry_stay_fresh_until_refused() {
        assert!(token(0.0, None).is_fresh(f64::MAX));
    }

    #[test]
    fn a_refused_token_is_renewed_at_most_once_per_interval() {
        let mut pacing = TokenPacing::default();
        assert!(pacing.renew_after_refusal(1_000.0));
        assert!(!pacing.renew_after_refusal(1_001.0));
        assert!(!pacing.renew_after_refusal(30_999.0));
        assert!(pacing.renew_after_refusal(31_000.0));
    }

    #[test]
    fn token_failures_back_off_exponentially_and_success_resets() {
        let mut pacing = TokenPacing::default();
        assert_eq!(pacing.wait_ms(0.0), 0.0);
        pacing.failed(0.0);
        assert_eq!(pacing.wait_ms(0.0), 500.0);
        pacing.failed(0.0);
        assert_eq!(pacing.wait_ms(100.0), 900.0);
        for _ in 0..40 {
            pacing.failed(0.0);
        }
        assert_eq!(pacing.wait_ms(0.0), TOKEN_BACKOFF_MAX_MS);
        pacing.succeeded();
        assert_eq!(pacing.wait_ms(0.0), 0.0);
    }

    #[test]
    fn only_visible_ascii_tokens_are_sendable() {
        assert!(is_sendable(
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/="
        ));
        for bad in ["", "a b", "a\r\nx-evil: 1", "tok\0en", "tøken", "t\u{7f}"] {
            assert!(!is_sendable(bad), "{bad:?}");
        }
    }

    #[test]
    fn provided_tokens_state_lifetime_either_way() {
        let relative = TokenInfo {
            access_token: "t".into(),
            expires_in: Some(60.0),
            expires_at: None,
        };
        let absolute = TokenInfo {
            access_token: "t".into(),
            expires_in: None,
            expires_at: Some(70_000.0),
        };
        assert_eq!(relative.lifetime_ms(10_000.0), Some(60_000.0));
        assert_eq!(absolute.lifetime_ms(10_000.0), Some(60_000.0));
    }
}
