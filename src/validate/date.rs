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
    // Byte by byte: no string slicing, so no panic path (and its formatting) reaches the wasm.
    let mut text = Cursor {
        bytes: value.as_bytes(),
        at: 0,
    };
    let year = u16::try_from(text.number(4)?).ok()?;
    text.eat(b"-")?;
    let month = u8::try_from(text.number(2)?).ok()?;
    text.eat(b"-")?;
    let day = u8::try_from(text.number(2)?).ok()?;
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
    if !text.done() {
        text.eat(b"Tt")?;
        read_time(&mut text, &mut at)?;
    }
    Some(at)
}

/// Whether [`parse`] reads `value`.
pub fn is_date_time(value: &str) -> bool {
    parse(value).is_some()
}

/// `HH:MM[:SS[.f…]][Z|±HH:MM]` to the end of the text.
fn read_time(text: &mut Cursor<'_>, at: &mut DateTime) -> Option<()> {
    let hour = text.number(2)?;
    text.eat(b":")?;
    let minute = text.number(2)?;
    let mut second = 0;
    if text.eat(b":").is_some() {
        second = text.number(2)?;
        if text.eat(b".").is_some() {
            let mut digits = 0;
            while let Some(digit) = text.digit() {
                digits += 1;
                if digits > 9 {
                    return None;
                }
                at.nanosecond = at.nanosecond * 10 + digit;
            }
            if digits == 0 {
                return None;
            }
            at.nanosecond *= 10u32.pow(9 - digits);
        }
    }
    if text.eat(b"Zz").is_none() {
        if let Some(sign) = text.eat(b"+-") {
            let h = text.number(2)?;
            text.eat(b":")?;
            let m = text.number(2)?;
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i16::try_from(h * 60 + m).ok()?;
            at.offset_minutes = if sign == b'-' { -minutes } else { minutes };
        }
    }
    if !text.done() || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    at.hour = u8::try_from(hour).ok()?;
    at.minute = u8::try_from(minute).ok()?;
    at.second = u8::try_from(second).ok()?;
    Some(())
}

/// A reading position in a text.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The next byte when it is one of `allowed`, taken.
    fn eat(&mut self, allowed: &[u8]) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        allowed.contains(&byte).then(|| {
            self.at += 1;
            byte
        })
    }

    /// The next byte's value when it is a digit, taken.
    fn digit(&mut self) -> Option<u32> {
        self.eat(b"0123456789").map(|b| u32::from(b - b'0'))
    }

    /// Exactly `n` digits, as a number.
    fn number(&mut self, n: usize) -> Option<u32> {
        (0..n).try_fold(0, |value, _| Some(value * 10 + self.digit()?))
    }
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
