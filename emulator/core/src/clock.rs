//! The emulator's clock, which tests may move forward, and timestamps as the API writes them
//! (`2022-05-11T11:28:59Z`) and as clients may send them.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use signicat_account_management::validate::date;

use crate::host::Host;

/// The host's wall clock plus however far tests have moved it forward.
pub struct Clock {
    host: Arc<dyn Host>,
    offset_ms: AtomicI64,
}

impl Clock {
    pub fn new(host: Arc<dyn Host>) -> Self {
        Clock {
            host,
            offset_ms: AtomicI64::new(0),
        }
    }

    /// Milliseconds since the Unix epoch, as the emulator sees them.
    pub fn now_ms(&self) -> i64 {
        self.host
            .now_ms()
            .saturating_add(self.offset_ms.load(Ordering::SeqCst))
    }

    pub fn now(&self) -> OffsetDateTime {
        from_ms(self.now_ms())
    }

    pub fn now_string(&self) -> String {
        format(self.now())
    }

    /// How far the clock has been moved forward.
    pub fn offset(&self) -> Duration {
        Duration::from_millis(u64::try_from(self.offset_ms.load(Ordering::SeqCst)).unwrap_or(0))
    }

    /// Moves the clock forward: tokens expire and new records are dated later, at once.
    pub fn advance(&self, by: Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        let _ = self
            .offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |o| {
                Some(o.saturating_add(ms))
            });
    }
}

/// The instant `ms` milliseconds after the Unix epoch.
pub fn from_ms(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The operating system's wall clock, in milliseconds since the Unix epoch (there is none in
/// wasm32, where the host's `Date.now()` serves).
#[cfg(not(target_arch = "wasm32"))]
pub fn system_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// `200ms`, `1.5s`, `2m`, `1h`, `7d`, or a bare number of milliseconds.
pub fn span(text: &str) -> Result<Duration, String> {
    let text = text.trim().to_ascii_lowercase();
    let units: [(&str, f64); 5] = [
        ("ms", 1.0),
        ("s", 1_000.0),
        ("m", 60_000.0),
        ("h", 3_600_000.0),
        ("d", 86_400_000.0),
    ];
    let (number, scale) = units
        .iter()
        .find_map(|(unit, scale)| text.strip_suffix(unit).map(|n| (n, *scale)))
        .unwrap_or((text.as_str(), 1.0));
    let invalid = || format!("{text:?} is not a duration such as 200ms, 1.5s or 2h");
    let value: f64 = number.trim().parse().map_err(|_| invalid())?;
    let millis = value * scale;
    // Ten years is more than any test needs, and keeps the sum far from overflowing.
    if !millis.is_finite() || !(0.0..=3.2e11).contains(&millis) {
        return Err(invalid());
    }
    Ok(Duration::from_secs_f64(millis / 1000.0))
}

/// RFC 3339 in UTC with whole seconds, the shape of every date in the samples.
pub fn format(at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// A date or date-time as the SDK's rules read it (`validate::date`), so that what the SDK sends
/// and what the emulator accepts are one set.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    let at = date::parse(text)?;
    let day = Date::from_calendar_date(i32::from(at.year), Month::try_from(at.month).ok()?, at.day)
        .ok()?;
    let time = Time::from_hms_nano(at.hour, at.minute, at.second, at.nanosecond).ok()?;
    let offset = UtcOffset::from_whole_seconds(i32::from(at.offset_minutes) * 60).ok()?;
    Some(PrimitiveDateTime::new(day, time).assume_offset(offset))
}

/// Midnight UTC on the first day of the month `offset` months from `at`'s month.
pub fn month_start(at: OffsetDateTime, offset: i32) -> Option<OffsetDateTime> {
    let index = at.year() * 12 + i32::from(u8::from(at.month())) - 1 + offset;
    let year = index.div_euclid(12);
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, 1).ok()?;
    Some(PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc())
}

/// A fixed instant, for seeded data that must not depend on when the emulator starts.
pub fn fixed(year: i32, month: u8, day: u8) -> OffsetDateTime {
    Month::try_from(month)
        .ok()
        .and_then(|m| Date::from_calendar_date(year, m, day).ok())
        .map(|d| PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_utc())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_whole_seconds_in_utc() {
        let at = parse("2022-05-11T13:28:59.750+02:00").unwrap();
        assert_eq!(format(at), "2022-05-11T11:28:59Z");
    }

    #[test]
    fn parses_dates_and_rejects_junk() {
        assert_eq!(format(parse("2024-02-29").unwrap()), "2024-02-29T00:00:00Z");
        assert!(parse("2023-02-29").is_none());
        assert!(parse("yesterday").is_none());
        assert!(parse("2024-1-5").is_none());
        assert!(parse("").is_none());
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let at = parse("2025-01-15T10:00:00Z").unwrap();
        assert_eq!(format(month_start(at, -1).unwrap()), "2024-12-01T00:00:00Z");
        assert_eq!(format(month_start(at, 12).unwrap()), "2026-01-01T00:00:00Z");
        assert_eq!(format(fixed(2023, 3, 9)), "2023-03-09T00:00:00Z");
    }
}
