//! OAuth 2.0 client credentials as the emulator checks them: client authentication and
//! the set of issued bearer tokens.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::rng;

/// Expired tokens are kept this long so that a late call hears "expired", not "unknown".
const EXPIRED_GRACE_MS: i64 = 3_600_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub client_id: String,
    pub client_secret: String,
}

/// `Authorization: Basic ...`, whose parts are form-encoded before base64 (RFC 6749 2.3.1).
pub fn basic(header: &str) -> Option<Credentials> {
    let (scheme, encoded) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some(Credentials {
        client_id: form_decode(id),
        client_secret: form_decode(secret),
    })
}

fn form_decode(text: &str) -> String {
    form_urlencoded::parse(format!("x={text}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// The token from `Authorization: Bearer <token>`.
pub fn bearer(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Compares secrets in constant time, so timing reveals nothing about a near miss.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenCheck {
    Valid,
    Expired,
    Unknown,
}

/// Live tokens kept at most; past this the oldest is forgotten (and answers 401 as unknown).
const MAX_TOKENS: usize = 100_000;

/// Every token issued and when it expires, in the emulator clock's milliseconds.
#[derive(Debug)]
pub struct TokenStore {
    ttl: Duration,
    tokens: HashMap<String, i64>,
    /// Tokens in the order issued, which is the order they expire in (one TTL for all), so
    /// pruning looks only at the front: O(1) per token issued, not a scan of all.
    order: VecDeque<(i64, String)>,
}

impl TokenStore {
    pub fn new(ttl: Duration) -> Self {
        TokenStore {
            ttl,
            tokens: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// A fresh unguessable token and its lifetime in seconds.
    pub fn issue(&mut self, now: i64) -> (String, u64) {
        while let Some((expiry, token)) = self.order.front() {
            let stale = now.saturating_sub(*expiry) >= EXPIRED_GRACE_MS;
            if !stale && self.order.len() < MAX_TOKENS {
                break;
            }
            self.tokens.remove(token);
            self.order.pop_front();
        }
        let token = rng::secret(32);
        let expiry = now.saturating_add(i64::try_from(self.ttl.as_millis()).unwrap_or(i64::MAX));
        self.tokens.insert(token.clone(), expiry);
        self.order.push_back((expiry, token.clone()));
        (token, self.ttl.as_secs())
    }

    pub fn check(&self, token: &str, now: i64) -> TokenCheck {
        match self.tokens.get(token) {
            Some(expiry) if now < *expiry => TokenCheck::Valid,
            Some(_) => TokenCheck::Expired,
            None => TokenCheck::Unknown,
        }
    }

    /// Invalidates every token issued so far.
    pub fn revoke_all(&mut self) -> usize {
        let count = self.tokens.len();
        self.tokens.clear();
        self.order.clear();
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_forgets_long_expired_tokens_and_holds_a_bounded_number() {
        let start = 1_700_000_000_000;
        let mut store = TokenStore::new(Duration::from_secs(1));
        let (old, _) = store.issue(start);
        assert_eq!(store.check(&old, start), TokenCheck::Valid);
        let later = start + EXPIRED_GRACE_MS + 2_000;
        let (new, _) = store.issue(later);
        assert_eq!(store.check(&old, later), TokenCheck::Unknown);
        assert_eq!(store.check(&new, later), TokenCheck::Valid);
        for _ in 0..MAX_TOKENS + 10 {
            store.issue(later);
        }
        assert_eq!(store.tokens.len(), MAX_TOKENS);
        assert_eq!(store.order.len(), MAX_TOKENS);
        assert_eq!(store.check(&new, later), TokenCheck::Unknown);
    }

    #[test]
    fn reads_basic_credentials() {
        let header = format!("Basic {}", STANDARD.encode("demo-client:demo-secret"));
        assert_eq!(
            basic(&header),
            Some(Credentials {
                client_id: "demo-client".into(),
                client_secret: "demo-secret".into()
            })
        );
        let encoded = format!("basic {}", STANDARD.encode("my%20id:s%3Acret+x"));
        let creds = basic(&encoded).unwrap();
        assert_eq!(
            (creds.client_id.as_str(), creds.client_secret.as_str()),
            ("my id", "s:cret x")
        );
        assert_eq!(basic("Bearer abc"), None);
        assert_eq!(basic("Basic !!!"), None);
        assert_eq!(
            basic(&format!("Basic {}", STANDARD.encode("nocolon"))),
            None
        );
    }

    #[test]
    fn reads_bearer_tokens() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("Basic abc"), None);
    }

    #[test]
    fn compares_secrets() {
        assert!(same_secret("demo-secret", "demo-secret"));
        assert!(!same_secret("demo-secret", "demo-secreT"));
        assert!(!same_secret("demo-secret", "demo-secret2"));
        assert!(!same_secret("", "x"));
    }

    #[test]
    fn tokens_expire_and_revoke() {
        let mut store = TokenStore::new(Duration::from_secs(10));
        let start = 1_700_000_000_000;
        let (token, ttl) = store.issue(start);
        assert_eq!(ttl, 10);
        assert_eq!(store.check(&token, start), TokenCheck::Valid);
        assert_eq!(store.check(&token, start + 10_000), TokenCheck::Expired);
        assert_eq!(store.check("guess", start), TokenCheck::Unknown);
        let (other, _) = store.issue(start);
        assert_ne!(token, other);
        assert_eq!(store.revoke_all(), 2);
        assert_eq!(store.check(&other, start), TokenCheck::Unknown);
    }
}
