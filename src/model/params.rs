//! Query parameters of the operations that take them.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// `GET /accounts`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ListAccountsParams {
    /// Page size; the API's default is 50.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// `true` lists only soft-deleted accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// `GET /contacts` and `GET /organizations`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ListParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// `GET /accounts/{accountId}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GetAccountParams {
    /// `true` also finds a soft-deleted account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// `GET /organizations/{organizationId}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GetOrganizationParams {
    /// `true` includes soft-deleted accounts in `accounts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_accounts: Option<bool>,
}

/// `GET /invoices`: invoices dated in `[after, before]`; `before` defaults to now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ListInvoicesParams {
    /// ISO 8601 date or date-time (a `Date` in JavaScript).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "string | Date")]
    pub after: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "string | Date")]
    pub before: Option<String>,
}

impl ListAccountsParams {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = ListParams {
            limit: self.limit,
            page: self.page.clone(),
        }
        .query();
        if let Some(deleted) = self.deleted {
            pairs.push(("deleted", deleted.to_string()));
        }
        pairs
    }
}

impl ListParams {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
        if let Some(page) = &self.page {
            pairs.push(("page", crate::pagination::page_token(page)));
        }
        pairs
    }
}

impl GetAccountParams {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        self.deleted
            .map(|d| ("deleted", d.to_string()))
            .into_iter()
            .collect()
    }
}

impl GetOrganizationParams {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        self.deleted_accounts
            .map(|d| ("deletedAccounts", d.to_string()))
            .into_iter()
            .collect()
    }
}

impl ListInvoicesParams {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let after = self.after.clone().map(|a| ("invoiceDateAfter", a));
        let before = self.before.clone().map(|b| ("invoiceDateBefore", b));
        after.into_iter().chain(before).collect()
    }
}
