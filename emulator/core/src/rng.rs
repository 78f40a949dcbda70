//! A small seeded generator, so `--seed N` gives the same dataset on every platform and
//! crate version, plus unguessable randomness from the OS for tokens and trace ids.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// SplitMix64: tiny, fast and fully determined by its seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An integer in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        // Rejection sampling keeps the draw unbiased for any n.
        let zone = u64::MAX - (u64::MAX % n.max(1));
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n.max(1);
            }
        }
    }

    pub fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// `len` characters from `[A-Za-z0-9]`, the alphabet of the real ids.
    pub fn alnum(&mut self, len: usize) -> String {
        (0..len)
            .filter_map(|_| ALNUM.get(self.below(ALNUM.len() as u64) as usize))
            .map(|b| char::from(*b))
            .collect()
    }
}

/// A seed from the OS, for runs without `--seed`.
pub fn os_seed() -> u64 {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        return fallback_seed();
    }
    u64::from_le_bytes(bytes)
}

/// Varies between calls and runs without OS randomness (a JavaScript host without Web
/// Crypto): a counter mixed with where the stack happens to be.
fn fallback_seed() -> u64 {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let here = 0u8;
    let address = std::ptr::addr_of!(here) as usize as u64;
    Rng::new(CALLS.fetch_add(1, Ordering::Relaxed) ^ address.rotate_left(32)).next_u64()
}

/// `bytes` bytes of OS randomness, base64url without padding: for access tokens.
pub fn secret(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    if getrandom::fill(&mut buf).is_err() {
        // Fall back to a freshly seeded generator rather than failing the request.
        let mut rng = Rng::new(os_seed());
        buf.iter_mut().for_each(|b| *b = rng.next_u64() as u8);
    }
    URL_SAFE_NO_PAD.encode(buf)
}

/// A W3C-style trace id: 32 lowercase hex digits.
pub fn trace_id() -> String {
    let mut buf = [0u8; 16];
    if getrandom::fill(&mut buf).is_err() {
        let mut rng = Rng::new(os_seed());
        buf.iter_mut().for_each(|b| *b = rng.next_u64() as u8);
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        assert_eq!(a.alnum(20), b.alnum(20));
        assert_eq!(a.next_u64(), b.next_u64());
        assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = Rng::new(7);
        for _ in 0..10_000 {
            assert!(rng.below(3) < 3);
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
        }
        let id = rng.alnum(20);
        assert_eq!(id.len(), 20);
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()));
    }

    #[test]
    fn secrets_differ_and_are_url_safe() {
        let a = secret(32);
        assert_ne!(a, secret(32));
        assert_eq!(a.len(), 43);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(trace_id().len(), 32);
    }
}
