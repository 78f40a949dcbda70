use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::schema::{field, Presence::*, Schema, Shape, Shape::*};

use super::account::AccountOrganization;
use super::lenient::empty_as_none;

/// A contact person's role in an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub enum ContactRole {
    Other,
    CommercialOwner,
    MainTechnicalContact,
    FinancialContact,
}

impl ContactRole {
    pub const ALL: [&'static str; 4] = [
        "Other",
        "CommercialOwner",
        "MainTechnicalContact",
        "FinancialContact",
    ];
}

/// A contact person. `name` is derived by the server from the name parts.
/// Roles stay strings so that a role added by Signicat later still decodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// The contact's id.
    pub id: String,
    /// Full name, derived by the server from the name parts.
    pub name: String,
    /// Given name.
    pub first_name: String,
    /// Middle name.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub middle_name: Option<String>,
    /// Family name.
    pub last_name: String,
    /// E-mail address; internationalised addresses are accepted.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
    /// Mobile phone number.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile: Option<String>,
    /// Phone number.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    /// Country, ISO 3166-1 alpha-2.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub country: Option<String>,
    /// Roles in the organization (see `ContactRole`); a role added later still decodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// The organization the contact belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<AccountOrganization>,
}

/// A contact as embedded in an organization (`billingContact`, `contacts[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ContactSummary {
    /// The contact's id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// E-mail address.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
    /// Mobile phone number.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub mobile: Option<String>,
    /// Roles in the organization (see `ContactRole`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

/// Body of `POST /contacts` and `PUT /contacts/{contactId}` (a full replacement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ContactRequest {
    /// The organization the contact belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Given name.
    pub first_name: String,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Family name.
    pub last_name: String,
    /// E-mail address; internationalised addresses are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Mobile phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Roles in the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<ContactRole>>,
}

/// Body of `PATCH /contacts/{contactId}`: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ContactPatchRequest {
    /// Moves the contact to another organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// E-mail address; internationalised addresses are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Mobile phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Roles in the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<ContactRole>>,
}

impl Schema for Contact {
    const SHAPE: Shape = Object(&[
        field("id", Text, Required),
        field("name", Text, Required),
        field("firstName", Text, Required),
        field("middleName", Text, EmptyAsAbsent),
        field("lastName", Text, Required),
        field("email", Text, EmptyAsAbsent),
        field("mobile", Text, EmptyAsAbsent),
        field("phone", Text, EmptyAsAbsent),
        field("country", Text, EmptyAsAbsent),
        field("roles", List(&Text), Optional),
        field("organization", AccountOrganization::SHAPE, Optional),
    ]);
}

impl Schema for ContactSummary {
    const SHAPE: Shape = Object(&[
        field("id", Text, Required),
        field("name", Text, Required),
        field("email", Text, EmptyAsAbsent),
        field("mobile", Text, EmptyAsAbsent),
        field("roles", List(&Text), Optional),
    ]);
}
