use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::schema::{field, Presence::*, Schema, Shape, Shape::*};

use super::lenient::{empty_as_none, null_as_false};

/// An account: a unit that groups resources and billing inside an organization.
/// List responses omit `products`; single-account responses include it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: String,
    pub name: String,
    /// ISO 8601 date-time; absent when the API sends an empty string.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_date: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<String>,
    #[serde(deserialize_with = "null_as_false")]
    pub is_soft_deleted: bool,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub soft_deleted_at: Option<String>,
    pub is_sandbox: bool,
    pub region: String,
    pub cloud: String,
    pub enabled: bool,
    #[serde(deserialize_with = "null_as_false")]
    pub is_delete_protected: bool,
    /// The owning organization; the API sends `null` for some sandbox accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<AccountOrganization>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<String>>,
}

/// The organization summary embedded in an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AccountOrganization {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_legal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// An account as embedded in an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AccountSummary {
    pub id: String,
    pub name: String,
    pub is_sandbox: bool,
    pub enabled: bool,
    pub region: String,
    pub cloud: String,
    #[serde(deserialize_with = "null_as_false")]
    pub is_soft_deleted: bool,
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
    pub name: String,
    pub organization_id: String,
    pub is_sandbox: bool,
    pub region: Region,
    pub cloud: Cloud,
}

/// Body of `PUT /accounts/{accountId}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAccountRequest {
    pub name: String,
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
