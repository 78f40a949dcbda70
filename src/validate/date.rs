//! Dates and date-times as the invoice window takes them: one reading, shared by the SDK (which
//! sends the RFC 3339 form) and the emulator (which reads what arrives), so both accept the same.

use crate::json::push_number;

/// A calendar date and time of day with its offset from UTC, each part in range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// The fraction of a second, in nanoseconds.
    pub nanosecond: u32,
    /// Minutes east of UTC; a value written without an offset is read as UTC.
    pub offset_minutes: i16,
}

/// Reads `YYYY-MM-DD`, optionally followed by `T` (or `t`), `HH:MM`, `:SS`, a fraction of up to
/// nine digits, and `Z` or `±HH:MM`. Every part must exist on the calendar: no 31 April, no
/// 29 February outside leap years, no leap second (JavaScript's `Date` cannot hold one either).
pub fn parse(value: &str) -> Option<DateTime> {
    let (date, time) = match value.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let year = u16::try_from(digits(y, 4)?).ok()?;
    let month = u8::try_from(digits(m, 2)?).ok()?;
    let day = u8::try_from(digits(d, 2)?).ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut at = DateTime {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        nanosecond: 0,
        offset_minutes: 0,
    };
    if let Some(time) = time {
        read_time(time, &mut at)?;
    }
    Some(at)
}

/// Whether [`parse`] reads `value`.
pub fn is_date_time(value: &str) -> bool {
    parse(value).is_some()
}

fn read_time(time: &str, at: &mut DateTime) -> Option<()> {
    let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else if let Some((clock, zone)) = time.rsplit_once(['+', '-']) {
        let sign = if time.len() > clock.len() && time.as_bytes().get(clock.len()) == Some(&b'-') {
            -1
        } else {
            1
        };
        let (h, m) = zone.split_once(':')?;
        let (h, m) = (digits(h, 2)?, digits(m, 2)?);
        if h > 23 || m > 59 {
            return None;
        }
        (clock, sign * i16::try_from(h * 60 + m).ok()?)
    } else {
        (time, 0)
    };
    let (clock, fraction) = match clock.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (clock, None),
    };
    let mut fields = clock.split(':');
    let hour = digits(fields.next()?, 2)?;
    let minute = digits(fields.next()?, 2)?;
    let second = match fields.next() {
        Some(s) => digits(s, 2)?,
        None if fraction.is_none() => 0,
        None => return None,
    };
    if fields.next().is_some() || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || fraction.len() > 9 {
            return None;
        }
        let padded = digits(fraction, fraction.len())?;
        at.nanosecond = padded * 10u32.pow(9 - fraction.len() as u32);
    }
    at.hour = u8::try_from(hour).ok()?;
    at.minute = u8::try_from(minute).ok()?;
    at.second = u8::try_from(second).ok()?;
    at.offset_minutes = offset;
    Some(())
}

/// `s` as a number when it is exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl DateTime {
    /// The RFC 3339 form the contract's `date-time` names, e.g. `2024-01-31T00:00:00Z`.
    pub fn to_rfc3339(&self) -> String {
        let mut out = String::with_capacity(35);
        let pad = |out: &mut String, n: u32, width: usize| {
            let mut text = String::new();
            push_number(&mut text, n as usize);
            for _ in text.len()..width {
                out.push('0');
            }
            out.push_str(&text);
        };
        pad(&mut out, u32::from(self.year), 4);
        out.push('-');
        pad(&mut out, u32::from(self.month), 2);
        out.push('-');
        pad(&mut out, u32::from(self.day), 2);
        out.push('T');
        pad(&mut out, u32::from(self.hour), 2);
        out.push(':');
        pad(&mut out, u32::from(self.minute), 2);
        out.push(':');
        pad(&mut out, u32::from(self.second), 2);
        if self.nanosecond > 0 {
            out.push('.');
            pad(&mut out, self.nanosecond, 9);
            while out.ends_with('0') {
                out.pop();
            }
        }
        match self.offset_minutes {
            0 => out.push('Z'),
            offset => {
                out.push(if offset < 0 { '-' } else { '+' });
                let minutes = u32::from(offset.unsigned_abs());
                pad(&mut out, minutes / 60, 2);
                out.push(':');
                pad(&mut out, minutes % 60, 2);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_date_times_in_every_form_the_sdk_takes() {
        for (input, sent) in [
            ("2024-01-31", "2024-01-31T00:00:00Z"),
            ("2024-01-31T00:00:00Z", "2024-01-31T00:00:00Z"),
            ("2024-01-31t23:59:59.999z", "2024-01-31T23:59:59.999Z"),
            ("2024-01-31T10:00+01:00", "2024-01-31T10:00:00+01:00"),
            ("2024-01-31T10:00:00-00:30", "2024-01-31T10:00:00-00:30"),
            ("2024-01-31T10:00:00", "2024-01-31T10:00:00Z"),
            ("2019-08-24T14:15:22Z", "2019-08-24T14:15:22Z"),
            ("2024-02-29", "2024-02-29T00:00:00Z"),
            ("2000-02-29", "2000-02-29T00:00:00Z"),
            (
                "2024-01-31T10:00:00.000000001Z",
                "2024-01-31T10:00:00.000000001Z",
            ),
            ("2024-01-31T10:00:00.120Z", "2024-01-31T10:00:00.12Z"),
        ] {
            let at = parse(input).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(at.to_rfc3339(), sent, "{input}");
            assert_eq!(parse(sent), Some(at), "{sent} reads back the same");
        }
    }

    #[test]
    fn refuses_what_is_not_on_the_calendar_or_not_iso() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-1-1",
            "2024-04-31",
            "2023-02-29",
            "1900-02-29",
            "2024-01-00",
            "2024-01-31T25:00:00Z",
            "2024-01-31T23:59:60Z",
            "2024-01-31T10:00:00.Z",
            "2024-01-31T10:00.5Z",
            "2024-01-31T10:00:00.1234567890Z",
            "31.01.2024",
            "2024-01-31T10:00+1",
            "2024-01-31T10:00+24:00",
            "2024-01-31T",
            "+2024-01-31",
            "2024-01-31T10:00:00:00Z",
            "2024-01-31 10:00:00Z",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
