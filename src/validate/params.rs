//! Rules for query parameters: page sizes, page tokens and invoice dates.

use super::issue::{Rule, ValidationIssue};
use crate::model::{ListInvoicesParams, ListParams};

fn issue(field: &str, rule: Rule, message: &str) -> ValidationIssue {
    ValidationIssue {
        field: field.into(),
        rule,
        message: message.into(),
    }
}

/// `limit` at least 1 and `page` not empty.
pub fn list(params: &ListParams) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    if params.limit == Some(0) {
        issues.push(issue("limit", Rule::MinLength, "limit must be at least 1"));
    }
    // A 32-bit integer, as the contract says; the API clamps large ones to its largest page.
    if params.limit.is_some_and(|n| n > i32::MAX as u32) {
        issues.push(issue(
            "limit",
            Rule::MaxLength,
            "limit must be at most 2147483647",
        ));
    }
    if params.page.as_deref().is_some_and(|p| p.trim().is_empty()) {
        issues.push(issue(
            "page",
            Rule::Required,
            "page must be the non-empty `next` of a previous page",
        ));
    }
    issues
}

/// Both bounds, when given, are ISO 8601 dates or date-times.
pub fn invoices(params: &ListInvoicesParams) -> Vec<ValidationIssue> {
    [("after", &params.after), ("before", &params.before)]
        .into_iter()
        .filter(|(_, value)| value.as_deref().is_some_and(|v| !is_date_time(v)))
        .map(|(field, _)| {
            issue(
                field,
                Rule::Type,
                &crate::json::text(&[
                    &field,
                    &" must be a Date or an ISO 8601 date such as 2024-01-31T00:00:00Z",
                ]),
            )
        })
        .collect()
}

/// `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fff]]` and `Z` or `±HH:MM`.
pub fn is_date_time(value: &str) -> bool {
    let (date, time) = match value.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    is_date(date) && time.is_none_or(is_time)
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn is_date(date: &str) -> bool {
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    digits(y, 4).is_some()
        && digits(m, 2).is_some_and(|m| (1..=12).contains(&m))
        && digits(d, 2).is_some_and(|d| (1..=31).contains(&d))
}

fn is_time(time: &str) -> bool {
    let (clock, zone_ok) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, true)
    } else if let Some((clock, zone)) = time.rsplit_once(['+', '-']) {
        let ok = zone.split_once(':').is_some_and(|(h, m)| {
            digits(h, 2).is_some_and(|h| h < 24) && digits(m, 2).is_some_and(|m| m < 60)
        });
        (clock, ok)
    } else {
        (time, true)
    };
    let clock = clock.split_once('.').map_or(clock, |(whole, fraction)| {
        if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) {
            whole
        } else {
            "invalid"
        }
    });
    let fields: Vec<&str> = clock.split(':').collect();
    let field = |i: usize, below: u32| {
        fields
            .get(i)
            .is_some_and(|f| digits(f, 2).is_some_and(|n| n < below))
    };
    zone_ok
        && matches!(fields.len(), 2 | 3)
        && field(0, 24)
        && field(1, 60)
        && fields
            .get(2)
            .is_none_or(|s| digits(s, 2).is_some_and(|s| s <= 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iso_dates_and_date_times() {
        for ok in [
            "2024-01-31",
            "2024-01-31T00:00:00Z",
            "2024-01-31T23:59:59.999Z",
            "2024-01-31T10:00+01:00",
            "2019-08-24T14:15:22Z",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-1-1",
            "2024-01-31T25:00:00Z",
            "2024-01-31T10:00:00.Z",
            "31.01.2024",
            "2024-01-31T10:00+1",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn any_int32_limit_passes_since_the_api_clamps_it() {
        let with = |limit| ListParams {
            limit: Some(limit),
            page: None,
        };
        assert!(list(&with(2_147_483_646)).is_empty());
        assert!(list(&with(2_147_483_647)).is_empty());
        assert_eq!(list(&with(2_147_483_648)).len(), 1);
    }

    #[test]
    fn checks_list_and_invoice_params() {
        assert!(list(&ListParams {
            limit: Some(1),
            page: Some("t".into())
        })
        .is_empty());
        assert_eq!(
            list(&ListParams {
                limit: Some(0),
                page: Some(" ".into())
            })
            .len(),
            2
        );
        let bad = ListInvoicesParams {
            after: Some("soon".into()),
            before: Some("2024-01-01".into()),
        };
        let issues = invoices(&bad);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].field, "after");
    }
}
