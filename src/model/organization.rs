use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::schema::{field, Presence::*, Schema, Shape, Shape::*};

use super::account::AccountSummary;
use super::contact::ContactSummary;
use super::lenient::{empty_as_none, null_as_empty};
use super::reference::Reference;

/// An organization as listed by `GET /organizations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationSummary {
    /// The organization's id.
    pub id: String,
    /// The organization's name.
    pub name: String,
    /// When the organization last changed, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<String>,
    /// The legal entity's identifier, such as its organization number.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_id: Option<String>,
    /// The legal entity's VAT number.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_vat_number: Option<String>,
    /// The legal entity's registered name.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_legal_name: Option<String>,
    /// The legal entity's country, ISO 3166-1 alpha-2.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
    /// The organization above it in the tree; absent at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_organization: Option<Reference>,
}

/// One organization with its children, billing details, accounts and contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(flatten)]
    pub summary: OrganizationSummary,
    /// The web address: `http(s)` or a bare host.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub website: Option<String>,
    /// Where invoices are e-mailed.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_email: Option<String>,
    /// Where invoices are posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    /// The organizations directly below it.
    #[serde(deserialize_with = "null_as_empty")]
    pub child_organizations: Vec<Reference>,
    /// The contact who receives its invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<ContactSummary>,
    /// Its accounts (soft-deleted ones only with `deletedAccounts: true`).
    #[serde(deserialize_with = "null_as_empty")]
    pub accounts: Vec<AccountSummary>,
    /// Its contacts.
    #[serde(deserialize_with = "null_as_empty")]
    pub contacts: Vec<ContactSummary>,
}

/// A postal address, as used for billing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, county or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Body of `POST /organizations`: creates a child of `parentOrganizationId`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CreateOrganizationRequest {
    /// The organization's name.
    pub name: String,
    /// The organization to create it under.
    pub parent_organization_id: String,
    /// The web address: `http(s)` or a bare host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The legal entity's identifier, such as its organization number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The legal entity's VAT number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_vat_number: Option<String>,
    /// The legal entity's registered name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_legal_name: Option<String>,
    /// The legal entity's country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Where invoices are e-mailed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_email: Option<String>,
    /// Where invoices are posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
}

/// Body of `PUT /organizations/{organizationId}`: fields left out stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrganizationRequest {
    /// The organization's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The web address: `http(s)` or a bare host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The legal entity's identifier, such as its organization number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The legal entity's VAT number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_vat_number: Option<String>,
    /// The legal entity's registered name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_legal_name: Option<String>,
    /// The legal entity's country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Where invoices are e-mailed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_email: Option<String>,
    /// Where invoices are posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    /// The contact who receives its invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact_id: Option<String>,
}

/// What `PUT /organizations/{organizationId}` answers. The API reference's sample is the
/// update's fields as saved, with no `id`; a fuller organization decodes too, its other
/// members passed through as they come.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct UpdatedOrganization {
    /// The organization's id, when the answer carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The organization's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When the organization last changed, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<String>,
    /// The web address: `http(s)` or a bare host.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub website: Option<String>,
    /// The legal entity's identifier, such as its organization number.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_id: Option<String>,
    /// The legal entity's VAT number.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_vat_number: Option<String>,
    /// The legal entity's registered name.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_legal_name: Option<String>,
    /// The legal entity's country, ISO 3166-1 alpha-2.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
    /// Where invoices are e-mailed.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_email: Option<String>,
    /// Where invoices are posted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    /// The contact who receives its invoices.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_contact_id: Option<String>,
}

impl Schema for OrganizationSummary {
    const SHAPE: Shape = Object(&[
        field("id", Text, Required),
        field("name", Text, Required),
        field("lastModifiedDate", Text, EmptyAsAbsent),
        field("entityId", Text, EmptyAsAbsent),
        field("entityVatNumber", Text, EmptyAsAbsent),
        field("entityLegalName", Text, EmptyAsAbsent),
        field("country", Text, EmptyAsAbsent),
        field("parentOrganization", Reference::SHAPE, Optional),
    ]);
}

impl Schema for Organization {
    const SHAPE: Shape = Object(&[
        field("", OrganizationSummary::SHAPE, Flatten),
        field("website", Text, EmptyAsAbsent),
        field("billingEmail", Text, EmptyAsAbsent),
        field("billingAddress", Address::SHAPE, Optional),
        field("childOrganizations", List(&Reference::SHAPE), NullAsEmpty),
        field("billingContact", ContactSummary::SHAPE, Optional),
        field("accounts", List(&AccountSummary::SHAPE), NullAsEmpty),
        field("contacts", List(&ContactSummary::SHAPE), NullAsEmpty),
    ]);
}

impl Schema for UpdatedOrganization {
    const SHAPE: Shape = Object(&[
        field("id", Text, Optional),
        field("name", Text, Optional),
        field("lastModifiedDate", Text, EmptyAsAbsent),
        field("website", Text, EmptyAsAbsent),
        field("entityId", Text, EmptyAsAbsent),
        field("entityVatNumber", Text, EmptyAsAbsent),
        field("entityLegalName", Text, EmptyAsAbsent),
        field("country", Text, EmptyAsAbsent),
        field("billingEmail", Text, EmptyAsAbsent),
        field("billingAddress", Address::SHAPE, Optional),
        field("billingContactId", Text, EmptyAsAbsent),
    ]);
}

impl Schema for Address {
    const SHAPE: Shape = Object(&[
        field("street", Text, Optional),
        field("postalCode", Text, Optional),
        field("city", Text, Optional),
        field("region", Text, Optional),
        field("country", Text, Optional),
    ]);
}
