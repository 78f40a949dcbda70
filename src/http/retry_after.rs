//! The `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date.

/// Milliseconds to wait, given the header and the current time in ms since the Unix epoch.
pub fn parse(value: &str, now_ms: f64) -> Option<f64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds as f64 * 1_000.0);
    }
    let at_ms = parse_http_date(value)?;
    Some((at_ms - now_ms).max(0.0))
}

/// IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`, as ms since the Unix epoch.
fn parse_http_date(value: &str) -> Option<f64> {
    let (_weekday, rest) = value.split_once(',')?;
    let rest = rest.strip_prefix(' ')?;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let month = MONTHS.iter().position(|m| m == month)? as u32 + 1;
    let year: i64 = year.parse().ok()?;
    // Four digits, as IMF-fixdate has; anything else is a broken header, not a far future.
    if !(1..=9999).contains(&year) {
        return None;
    }
    let hms: Vec<u32> = time
        .split(':')
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let [hour, minute, second] = hms.as_slice() else {
        return None;
    };
    if !(1..=31).contains(&day) || *hour > 23 || *minute > 59 || *second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + i64::from(*hour * 3_600 + *minute * 60 + *second);
    Some(seconds as f64 * 1_000.0)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_delay_seconds() {
        assert_eq!(parse("0", 0.0), Some(0.0));
        assert_eq!(parse(" 3 ", 0.0), Some(3_000.0));
        assert_eq!(parse("-1", 0.0), None);
        assert_eq!(parse("1.5", 0.0), None);
        assert_eq!(parse("soon", 0.0), None);
    }

    #[test]
    fn reads_http_dates_relative_to_now() {
        // 784111777 s is Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example).
        let at = 784_111_777_000.0;
        assert_eq!(
            parse("Sun, 06 Nov 1994 08:49:37 GMT", at - 5_000.0),
            Some(5_000.0)
        );
        assert_eq!(
            parse("Sun, 06 Nov 1994 08:49:37 GMT", at + 5_000.0),
            Some(0.0)
        );
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400_000.0)
        );
    }

    #[test]
    fn rejects_other_date_shapes() {
        for bad in [
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:00:00 GMT",
            "Sun, 06 Nov 9223372036854775807 08:49:37 GMT",
            "Sun, 06 Nov -9223372036854775808 08:49:37 GMT",
            "Sun, 06 Nov 0 08:49:37 GMT",
        ] {
            assert_eq!(parse(bad, 0.0), None, "{bad}");
        }
    }
}
