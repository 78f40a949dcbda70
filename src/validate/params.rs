//! Rules for query parameters: page sizes, page tokens and invoice dates.

use super::date::is_date_time;
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

/// Both bounds, when given, are dates or date-times that [`super::date::parse`] reads.
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

#[cfg(test)]
mod tests {
    use super::*;

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
