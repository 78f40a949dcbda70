//! Query parameters of the operations that take them.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::validate::{self, ValidationIssue};

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

/// Query parameters of one operation: the pairs they put in the URL, and their rules.
pub trait Query: serde::de::DeserializeOwned + Default {
    fn pairs(&self) -> Vec<(&'static str, String)>;

    /// Every issue with the parameters (none for most).
    fn issues(&self) -> Vec<ValidationIssue> {
        Vec::new()
    }
}

impl Query for ListParams {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
        if let Some(page) = &self.page {
            pairs.push(("page", crate::pagination::page_token(page)));
        }
        pairs
    }

    fn issues(&self) -> Vec<ValidationIssue> {
        validate::params::list(self)
    }
}

impl ListAccountsParams {
    fn paging(&self) -> ListParams {
        ListParams {
            limit: self.limit,
            page: self.page.clone(),
        }
    }
}

impl Query for ListAccountsParams {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = self.paging().pairs();
        pairs.extend(self.deleted.map(|d| ("deleted", d.to_string())));
        pairs
    }

    fn issues(&self) -> Vec<ValidationIssue> {
        self.paging().issues()
    }
}

impl Query for GetAccountParams {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        self.deleted
            .map(|d| ("deleted", d.to_string()))
            .into_iter()
            .collect()
    }
}

impl Query for GetOrganizationParams {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        self.deleted_accounts
            .map(|d| ("deletedAccounts", d.to_string()))
            .into_iter()
            .collect()
    }
}

impl Query for ListInvoicesParams {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let after = self.after.clone().map(|a| ("invoiceDateAfter", a));
        let before = self.before.clone().map(|b| ("invoiceDateBefore", b));
        after.into_iter().chain(before).collect()
    }

    fn issues(&self) -> Vec<ValidationIssue> {
        validate::params::invoices(self)
    }
}

/// Operations that take no query parameters.
#[derive(Default, Deserialize)]
pub struct NoParams {}

impl Query for NoParams {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}
