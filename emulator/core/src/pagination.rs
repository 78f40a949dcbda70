//! Keyset pagination over an insertion-ordered key. A page token names the last key a
//! client has seen, so inserts and deletes between pages never repeat or skip an item
//! that stays in the listing.

use std::collections::BTreeMap;
use std::ops::Bound;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

pub const DEFAULT_LIMIT: usize = 50;
pub const MAX_LIMIT: usize = 1000;
const VERSION: &str = "v1";

/// Which listing a token walks; a token from one listing is refused by another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Accounts,
    DeletedAccounts,
    Contacts,
    Organizations,
}

impl Listing {
    fn tag(self) -> &'static str {
        match self {
            Listing::Accounts => "acc",
            Listing::DeletedAccounts => "del",
            Listing::Contacts => "con",
            Listing::Organizations => "org",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        [
            Listing::Accounts,
            Listing::DeletedAccounts,
            Listing::Contacts,
            Listing::Organizations,
        ]
        .into_iter()
        .find(|l| l.tag() == tag)
    }
}

/// Where the next page starts. Carries the page size too, so `?page=TOKEN` alone is enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub listing: Listing,
    pub limit: usize,
    pub after: u64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let plain = format!(
            "{VERSION}.{}.{}.{}",
            self.listing.tag(),
            self.limit,
            self.after
        );
        URL_SAFE_NO_PAD.encode(plain)
    }

    pub fn decode(token: &str) -> Result<Cursor, String> {
        let invalid =
            || "is not a page token from this API (pass `next` back unchanged)".to_string();
        let bytes = URL_SAFE_NO_PAD
            .decode(token.trim())
            .map_err(|_| invalid())?;
        let plain = String::from_utf8(bytes).map_err(|_| invalid())?;
        let parts: Vec<&str> = plain.split('.').collect();
        let [version, tag, limit, after] = parts.as_slice() else {
            return Err(invalid());
        };
        if *version != VERSION {
            return Err(invalid());
        }
        let listing = Listing::from_tag(tag).ok_or_else(invalid)?;
        let limit: usize = limit.parse().map_err(|_| invalid())?;
        let after: u64 = after.parse().map_err(|_| invalid())?;
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(invalid());
        }
        Ok(Cursor {
            listing,
            limit,
            after,
        })
    }
}

/// Where a request starts and how many items it wants, from its `limit` and `page`.
/// An explicit `limit` wins over the one the token carries.
pub fn resolve(
    listing: Listing,
    limit: Option<usize>,
    page: Option<&str>,
) -> Result<(usize, Option<u64>), (&'static str, String)> {
    // Any int32 from 1 is a valid limit; past the largest page it is clamped, as a real API does.
    let limit = match limit {
        Some(0) => return Err(("limit", "must be at least 1".to_string())),
        Some(n) if n > i32::MAX as usize => {
            return Err(("limit", format!("must be at most {}", i32::MAX)))
        }
        other => other.map(|n| n.min(MAX_LIMIT)),
    };
    let Some(token) = page.filter(|p| !p.is_empty()) else {
        return Ok((limit.unwrap_or(DEFAULT_LIMIT), None));
    };
    let cursor = Cursor::decode(token).map_err(|reason| ("page", reason))?;
    if cursor.listing != listing {
        return Err((
            "page",
            "belongs to another listing (or another value of `deleted`)".to_string(),
        ));
    }
    Ok((limit.unwrap_or(cursor.limit), Some(cursor.after)))
}

/// Up to `limit` items after key `after` that `keep` accepts, and the key to continue
/// from when more follow.
pub fn page<T>(
    items: &BTreeMap<u64, T>,
    after: Option<u64>,
    limit: usize,
    keep: impl Fn(&T) -> bool,
) -> (Vec<&T>, Option<u64>) {
    let start = after.map_or(Bound::Unbounded, Bound::Excluded);
    let mut found = Vec::with_capacity(limit.min(MAX_LIMIT));
    let mut last = None;
    for (key, item) in items.range((start, Bound::Unbounded)) {
        if !keep(item) {
            continue;
        }
        if found.len() == limit {
            return (found, last);
        }
        found.push(item);
        last = Some(*key);
    }
    (found, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn tokens_round_trip_and_are_opaque() {
        let cursor = Cursor {
            listing: Listing::DeletedAccounts,
            limit: 1000,
            after: 123_456,
        };
        let token = cursor.encode();
        assert!(token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert!(!token.contains("123456"));
        assert_eq!(Cursor::decode(&token), Ok(cursor));
    }

    #[test]
    fn rejects_foreign_tokens() {
        for bad in [
            "",
            "abc",
            "MTIz",
            "!!!",
            &URL_SAFE_NO_PAD.encode("v1.acc.0.5"),
            &URL_SAFE_NO_PAD.encode("v1.acc.5000.5"),
            &URL_SAFE_NO_PAD.encode("v2.acc.5.5"),
            &URL_SAFE_NO_PAD.encode("v1.xyz.5.5"),
            &URL_SAFE_NO_PAD.encode("v1.acc.5.-1"),
        ] {
            assert!(Cursor::decode(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn resolve_checks_limit_and_listing() {
        assert_eq!(
            resolve(Listing::Contacts, None, None),
            Ok((DEFAULT_LIMIT, None))
        );
        assert_eq!(resolve(Listing::Contacts, Some(7), Some("")), Ok((7, None)));
        assert!(resolve(Listing::Contacts, Some(0), None).is_err());
        assert_eq!(
            resolve(Listing::Contacts, Some(2_147_483_646), None),
            Ok((MAX_LIMIT, None))
        );
        assert!(resolve(Listing::Contacts, Some(2_147_483_648), None).is_err());
        let token = Cursor {
            listing: Listing::Accounts,
            limit: 20,
            after: 9,
        }
        .encode();
        assert_eq!(
            resolve(Listing::Accounts, None, Some(&token)),
            Ok((20, Some(9)))
        );
        assert_eq!(
            resolve(Listing::Accounts, Some(5), Some(&token)),
            Ok((5, Some(9)))
        );
        assert_eq!(
            resolve(Listing::DeletedAccounts, None, Some(&token))
                .unwrap_err()
                .0,
            "page"
        );
    }

    #[test]
    fn pages_cover_everything_once() {
        let items: BTreeMap<u64, u64> = (1..=10).map(|k| (k * 10, k)).collect();
        let (first, next) = page(&items, None, 4, |_| true);
        assert_eq!(first, [&1, &2, &3, &4]);
        assert_eq!(next, Some(40));
        let (second, next) = page(&items, next, 4, |_| true);
        assert_eq!(second, [&5, &6, &7, &8]);
        let (last, next) = page(&items, next, 4, |_| true);
        assert_eq!(last, [&9, &10]);
        assert_eq!(next, None);
        let (exact, next) = page(&items, None, 10, |_| true);
        assert_eq!((exact.len(), next), (10, None));
        let (odd, _) = page(&items, None, 100, |v| v % 2 == 1);
        assert_eq!(odd, [&1, &3, &5, &7, &9]);
    }

    /// Walks while items are inserted and removed between pages: nothing shows twice, and
    /// everything present from start to end shows.
    #[test]
    fn walk_survives_concurrent_changes() {
        let mut items: BTreeMap<u64, u64> = (0..500).map(|k| (k, k)).collect();
        let mut next_key = 500;
        let stable: BTreeSet<u64> = items.keys().copied().filter(|k| k % 7 != 0).collect();
        let mut seen = BTreeSet::new();
        let mut after = None;
        let mut round = 0u64;
        loop {
            let (found, next) = page(&items, after, 33, |_| true);
            for item in found {
                assert!(seen.insert(*item), "{item} shown twice");
            }
            round += 1;
            for _ in 0..5 {
                items.insert(next_key, next_key);
                next_key += 1;
            }
            let doomed: Vec<u64> = items
                .keys()
                .copied()
                .filter(|k| k % 7 == 0 && k % 2 == round % 2)
                .take(4)
                .collect();
            for k in doomed {
                items.remove(&k);
            }
            match next {
                Some(key) => after = Some(key),
                None => break,
            }
        }
        assert!(stable.is_subset(&seen));
    }
}
