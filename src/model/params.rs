//! Query parameters of the operations that take them.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::json::{text, Json, Type};
use crate::validate::{self, Rule, ValidationIssue};

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
    /// Page size; the API's default is 50, and more than 1000 is clamped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next` of the previous page.
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
    /// ISO 8601 date or date-time (a `Date` in JavaScript); defaults to now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(type = "string | Date")]
    pub before: Option<String>,
}

/// A query's name and value pairs, in order.
pub type Pairs = Vec<(&'static str, String)>;

/// Query parameters of one operation: read from the caller's options, their rules, and the
/// pairs they put in the URL.
pub trait Query: Default {
    /// The parameters found in `options`; members of the wrong type are issues.
    fn read<V: Json>(options: &mut Options<V>) -> Self;

    /// The names `read` takes, comma-separated, as the facade checks a caller's options
    /// against them (one text, not a list: the wasm hands it over as it is).
    const NAMES: &'static str;

    fn pairs(&self) -> Pairs;

    /// The API's names for parameters this SDK names otherwise, as `api=sdk`, comma-separated.
    const WIRE_NAMES: &'static str = "";

    /// Every issue with the parameters (none for most).
    fn issues(&self) -> Vec<ValidationIssue> {
        Vec::new()
    }

    /// The checked parameters in `options` (absent: the defaults).
    fn from_options<V: Json>(options: Option<V>) -> Result<Self, Vec<ValidationIssue>> {
        let mut reader = Options {
            options,
            issues: Vec::new(),
        };
        let params = Self::read(&mut reader);
        let mut issues = reader.issues;
        issues.extend(params.issues());
        match issues.is_empty() {
            true => Ok(params),
            false => Err(issues),
        }
    }
}

/// The options argument of a call, read member by member.
pub struct Options<V: Json> {
    options: Option<V>,
    issues: Vec<ValidationIssue>,
}

impl<V: Json> Options<V> {
    fn member(&mut self, name: &'static str, expected: Type) -> Option<V> {
        let value = self.options.as_ref()?.member(name)?;
        match value.json_type() {
            None | Some(Type::Null) => None,
            Some(found) if found == expected => Some(value),
            Some(_) => {
                self.issues.push(ValidationIssue {
                    field: name.into(),
                    rule: Rule::Type,
                    message: text(&[&name, &" must be ", &expected.name()]),
                });
                None
            }
        }
    }

    /// A whole number from 0 up.
    pub fn count(&mut self, name: &'static str) -> Option<u32> {
        let number = self.member(name, Type::Number)?.number()?;
        if number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number) {
            return Some(number as u32);
        }
        self.issues.push(ValidationIssue {
            field: name.into(),
            rule: Rule::Type,
            message: text(&[&name, &" must be a whole number"]),
        });
        None
    }

    pub fn text(&mut self, name: &'static str) -> Option<String> {
        self.member(name, Type::Text)?.text()
    }

    pub fn flag(&mut self, name: &'static str) -> Option<bool> {
        self.member(name, Type::Bool)?.boolean()
    }
}

impl Query for ListParams {
    const NAMES: &'static str = "limit,page";

    fn read<V: Json>(options: &mut Options<V>) -> Self {
        ListParams {
            limit: options.count("limit"),
            page: options.text("page"),
        }
    }

    fn pairs(&self) -> Pairs {
        let mut pairs = Vec::new();
        if let Some(limit) = self.limit {
            pairs.push(("limit", number(limit)));
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
    const NAMES: &'static str = "limit,page,deleted";

    fn read<V: Json>(options: &mut Options<V>) -> Self {
        ListAccountsParams {
            limit: options.count("limit"),
            page: options.text("page"),
            deleted: options.flag("deleted"),
        }
    }

    fn pairs(&self) -> Pairs {
        let mut pairs = self.paging().pairs();
        pairs.extend(self.deleted.map(|d| ("deleted", flag(d))));
        pairs
    }

    fn issues(&self) -> Vec<ValidationIssue> {
        self.paging().issues()
    }
}

impl Query for GetAccountParams {
    const NAMES: &'static str = "deleted";

    fn read<V: Json>(options: &mut Options<V>) -> Self {
        GetAccountParams {
            deleted: options.flag("deleted"),
        }
    }

    fn pairs(&self) -> Pairs {
        self.deleted
            .map(|d| ("deleted", flag(d)))
            .into_iter()
            .collect()
    }
}

impl Query for GetOrganizationParams {
    const NAMES: &'static str = "deletedAccounts";

    fn read<V: Json>(options: &mut Options<V>) -> Self {
        GetOrganizationParams {
            deleted_accounts: options.flag("deletedAccounts"),
        }
    }

    fn pairs(&self) -> Pairs {
        self.deleted_accounts
            .map(|d| ("deletedAccounts", flag(d)))
            .into_iter()
            .collect()
    }
}

impl Query for ListInvoicesParams {
    const NAMES: &'static str = "after,before";

    const WIRE_NAMES: &'static str = "invoiceDateAfter=after,invoiceDateBefore=before";

    fn read<V: Json>(options: &mut Options<V>) -> Self {
        ListInvoicesParams {
            after: options.text("after"),
            before: options.text("before"),
        }
    }

    /// Each bound in its RFC 3339 form, as the contract's `date-time` asks.
    fn pairs(&self) -> Pairs {
        let sent = |value: &String| match validate::date::parse(value) {
            Some(at) => at.to_rfc3339(),
            None => value.clone(),
        };
        let after = self.after.as_ref().map(|a| ("invoiceDateAfter", sent(a)));
        let before = self.before.as_ref().map(|b| ("invoiceDateBefore", sent(b)));
        after.into_iter().chain(before).collect()
    }

    fn issues(&self) -> Vec<ValidationIssue> {
        validate::params::invoices(self)
    }
}

/// Operations that take no query parameters.
#[derive(Default)]
pub struct NoParams {}

impl Query for NoParams {
    const NAMES: &'static str = "";

    fn read<V: Json>(_: &mut Options<V>) -> Self {
        NoParams {}
    }

    fn pairs(&self) -> Pairs {
        Vec::new()
    }
}

fn number(n: u32) -> String {
    let mut out = String::new();
    crate::json::push_number(&mut out, n as usize);
    out
}

fn flag(value: bool) -> String {
    String::from(if value { "true" } else { "false" })
}
