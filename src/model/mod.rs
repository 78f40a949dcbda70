//! The resources of the Account Management API, as they travel on the wire.
//!
//! Responses decode leniently (empty-string dates are absent, `null` flags are false,
//! unknown fields are ignored); request bodies are strict and checked by [`crate::validate`].

pub mod account;
pub mod contact;
pub mod invoice;
mod lenient;
pub mod organization;
pub mod page;
pub mod params;
pub mod problem;
pub mod reference;
pub mod schema;

pub use account::{
    Account, AccountOrganization, AccountSummary, Cloud, CreateAccountRequest, Region,
    UpdateAccountRequest,
};
pub use contact::{Contact, ContactPatchRequest, ContactRequest, ContactRole, ContactSummary};
pub use invoice::{Invoice, InvoiceLine, InvoiceSummary};
pub use organization::{
    Address, CreateOrganizationRequest, Organization, OrganizationSummary,
    UpdateOrganizationRequest, UpdatedOrganization,
};
pub use page::Page;
pub use params::{
    GetAccountParams, GetOrganizationParams, ListAccountsParams, ListInvoicesParams, ListParams,
    NoParams, Options, Pairs, Query,
};
pub use problem::{InvalidParam, ProblemDetails};
pub use reference::Reference;
pub use schema::Schema;
