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
    pub id: String,
    pub name: String,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_vat_number: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_legal_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_organization: Option<Reference>,
}

/// One organization with its children, billing details, accounts and contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(flatten)]
    pub summary: OrganizationSummary,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub website: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    #[serde(deserialize_with = "null_as_empty")]
    pub child_organizations: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<ContactSummary>,
    #[serde(deserialize_with = "null_as_empty")]
    pub accounts: Vec<AccountSummary>,
    #[serde(deserialize_with = "null_as_empty")]
    pub contacts: Vec<ContactSummary>,
}

/// A postal address, as used for billing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Body of `POST /organizations`: creates a child of `parentOrganizationId`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CreateOrganizationRequest {
    pub name: String,
    pub parent_organization_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_vat_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_legal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
}

/// Body of `PUT /organizations/{organizationId}`: fields left out stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrganizationRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_vat_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_legal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_contact_id: Option<String>,
}

/// What `PUT /organizations/{organizationId}` answers. The API reference's sample is the
/// update's fields as saved, with no `id`; a fuller organization decodes too, its other
/// members passed through as they come.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct UpdatedOrganization {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_date: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub website: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_vat_number: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub entity_legal_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Address>,
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
