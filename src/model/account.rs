use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::schema::{field, Presence::*, Schema, Shape, Shape::*};

use super::lenient::{empty_as_none, null_as_false};

/// An account: a unit that groups resources and billing inside an organization.
/// List responses omit `products`; single-account responses include it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The account's id.
    pub id: String,
    /// The account's name.
    pub name: String,
    /// ISO 8601 date-time; absent when the API sends an empty string.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_date: Option<String>,
    /// When the account last changed, ISO 8601; absent when the API sends an empty string.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<String>,
    /// Whether the account is soft-deleted (`undelete` restores it); `null` reads as `false`.
    #[serde(deserialize_with = "null_as_false")]
    pub is_soft_deleted: bool,
    /// When the account was soft-deleted, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub soft_deleted_at: Option<String>,
    /// A sandbox (test) account rather than a production one; set when it is created.
    pub is_sandbox: bool,
    /// Where the account's data lives, e.g. `EU`.
    pub region: String,
    /// Which cloud hosts the account, e.g. `GCP`.
    pub cloud: String,
    /// Whether the account is enabled.
    pub enabled: bool,
    /// Whether the account is protected from deletion; `null` reads as `false`.
    #[serde(deserialize_with = "null_as_false")]
    pub is_delete_protected: bool,
    /// The owning organization; the API sends `null` for some sandbox accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<AccountOrganization>,
    /// The products the account has; only answers about one account carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<String>>,
}

/// The organization summary embedded in an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AccountOrganization {
    /// The organization's id.
    pub id: String,
    /// The organization's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The legal entity's identifier, such as its organization number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The legal entity's registered name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_legal_name: Option<String>,
    /// The legal entity's country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// An account as embedded in an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AccountSummary {
    /// The account's id.
    pub id: String,
    /// The account's name.
    pub name: String,
    /// A sandbox (test) account rather than a production one.
    pub is_sandbox: bool,
    /// Whether the account is enabled.
    pub enabled: bool,
    /// Where the account's data lives, e.g. `EU`.
    pub region: String,
    /// Which cloud hosts the account, e.g. `GCP`.
    pub cloud: String,
    /// Whether the account is soft-deleted; `null` reads as `false`.
    #[serde(deserialize_with = "null_as_false")]
    pub is_soft_deleted: bool,
    /// When the account was soft-deleted, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub soft_deleted_at: Option<String>,
}

/// Where an account's data lives. The API accepts only `EU` today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub enum Region {
    #[serde(rename = "EU")]
    Eu,
}

/// Which cloud hosts an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub enum Cloud {
    #[serde(rename = "GCP")]
    Gcp,
    #[serde(rename = "OTC")]
    Otc,
}

/// Body of `POST /accounts`. The account type (`isSandbox`) cannot be changed later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CreateAccountRequest {
    /// The account's name.
    pub name: String,
    /// The organization the account belongs to.
    pub organization_id: String,
    /// A sandbox (test) account rather than a production one; cannot be changed later.
    pub is_sandbox: bool,
    /// Where the account's data lives.
    pub region: Region,
    /// Which cloud hosts the account.
    pub cloud: Cloud,
}

/// Body of `PUT /accounts/{accountId}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAccountRequest {
    /// The account's name.
    pub name: String,
    /// Enables or disables the account; left out, it stays as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl Schema for Account {
    const SHAPE: Shape = Object(&[
        field("id", Text, Required),
        field("name", Text, Required),
        field("createdDate", Text, EmptyAsAbsent),
        field("lastModifiedDate", Text, EmptyAsAbsent),
        field("isSoftDeleted", Bool, NullAsFalse),
        field("softDeletedAt", Text, EmptyAsAbsent),
        field("isSandbox", Bool, Required),
        field("region", Text, Required),
        field("cloud", Text, Required),
        field("enabled", Bool, Required),
        field("isDeleteProtected", Bool, NullAsFalse),
        field("organization", AccountOrganization::SHAPE, Optional),
        field("products", List(&Text), Optional),
    ]);
}

impl Schema for AccountOrganization {
    const SHAPE: Shape = Object(&[
        field("id", Text, Required),
        field("name", Text, Optional),
        field("entityId", Text, Optional),
        field("entityLegalName", Text, Optional),
        field("country", Text, Optional),
    ]);
}

impl Schema for AccountSummary {
    const SHAPE: Shape = Object(&[
        field("id", Text, Required),
        field("name", Text, Required),
        field("isSandbox", Bool, Required),
        field("enabled", Bool, Required),
        field("region", Text, Required),
        field("cloud", Text, Required),
        field("isSoftDeleted", Bool, NullAsFalse),
        field("softDeletedAt", Text, EmptyAsAbsent),
    ]);
}
