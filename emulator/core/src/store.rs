//! The emulator's state and every operation on it, free of HTTP. Resources are kept as the
//! SDK's own models; relations are kept as ids and resolved when a resource is rendered,
//! so renaming an organization shows everywhere at once.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use signicat_account_management::model::{
    Account, AccountOrganization, AccountSummary, Contact, ContactPatchRequest, ContactRequest,
    ContactRole, ContactSummary, CreateAccountRequest, CreateOrganizationRequest, Invoice,
    InvoiceSummary, Organization, OrganizationSummary, Reference, UpdateAccountRequest,
    UpdateOrganizationRequest,
};

use crate::pagination::{self, Listing};
use crate::rng::Rng;

pub const ACCOUNT_PRODUCTION: &str = "a-ppge-";
pub const ACCOUNT_SANDBOX: &str = "a-spge-";
pub const ORGANIZATION: &str = "o-p-";
pub const CONTACT: &str = "c-p-";
const ID_LEN: usize = 20;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccountEntry {
    pub seq: u64,
    pub organization_id: Option<String>,
    /// `organization` is left empty here and filled in when rendered.
    pub account: Account,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContactEntry {
    pub seq: u64,
    pub organization_id: Option<String>,
    /// `organization` and `name` are derived when rendered.
    pub contact: Contact,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrganizationEntry {
    pub seq: u64,
    pub parent_id: Option<String>,
    pub billing_contact_id: Option<String>,
    /// Own fields only: parent, children, billing contact, accounts and contacts are derived.
    pub organization: Organization,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InvoiceEntry {
    /// Unix seconds of `invoiceDate`, for window queries.
    pub date: i64,
    pub invoice: Invoice,
}

/// Why an operation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    NotFound {
        what: &'static str,
        id: String,
    },
    Conflict {
        code: &'static str,
        detail: String,
    },
    /// A field names something that does not exist or cannot be used.
    Invalid {
        field: &'static str,
        reason: String,
    },
}

type Result<T> = std::result::Result<T, StoreError>;

trait Keyed {
    fn key(&self) -> u64;
}

impl Keyed for AccountEntry {
    fn key(&self) -> u64 {
        self.seq
    }
}
impl Keyed for ContactEntry {
    fn key(&self) -> u64 {
        self.seq
    }
}
impl Keyed for OrganizationEntry {
    fn key(&self) -> u64 {
        self.seq
    }
}

/// Stores a keyed map as a plain list; the key is already inside each entry.
mod as_list {
    use super::Keyed;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer, T: Serialize>(
        map: &BTreeMap<u64, T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(map.values())
    }

    pub fn deserialize<'de, D, T>(d: D) -> Result<BTreeMap<u64, T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + Keyed,
    {
        let items = Vec::<T>::deserialize(d)?;
        Ok(items.into_iter().map(|item| (item.key(), item)).collect())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    next_seq: u64,
    rng: Rng,
    root_organization: String,
    #[serde(with = "as_list")]
    accounts: BTreeMap<u64, AccountEntry>,
    #[serde(with = "as_list")]
    contacts: BTreeMap<u64, ContactEntry>,
    #[serde(with = "as_list")]
    organizations: BTreeMap<u64, OrganizationEntry>,
    invoices: Vec<InvoiceEntry>,
    #[serde(skip)]
    account_ids: HashMap<String, u64>,
    #[serde(skip)]
    contact_ids: HashMap<String, u64>,
    #[serde(skip)]
    organization_ids: HashMap<String, u64>,
}

/// How many of each resource the store holds.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub accounts: usize,
    pub deleted_accounts: usize,
    pub contacts: usize,
    pub organizations: usize,
    pub invoices: usize,
}

impl Store {
    /// An empty store whose ids come from `rng`; `root_name` names the API client's organization.
    pub fn new(rng: Rng) -> Self {
        Store {
            next_seq: 1,
            rng,
            root_organization: String::new(),
            accounts: BTreeMap::new(),
            contacts: BTreeMap::new(),
            organizations: BTreeMap::new(),
            invoices: Vec::new(),
            account_ids: HashMap::new(),
            contact_ids: HashMap::new(),
            organization_ids: HashMap::new(),
        }
    }

    /// Rebuilds the id indexes after loading a saved store.
    pub fn reindex(&mut self) {
        self.account_ids = self
            .accounts
            .iter()
            .map(|(k, e)| (e.account.id.clone(), *k))
            .collect();
        self.contact_ids = self
            .contacts
            .iter()
            .map(|(k, e)| (e.contact.id.clone(), *k))
            .collect();
        self.organization_ids = self
            .organizations
            .iter()
            .map(|(k, e)| (e.organization.summary.id.clone(), *k))
            .collect();
        let highest = [
            self.accounts.keys().next_back(),
            self.contacts.keys().next_back(),
            self.organizations.keys().next_back(),
        ]
        .into_iter()
        .flatten()
        .max()
        .copied()
        .unwrap_or(0);
        self.next_seq = self.next_seq.max(highest + 1);
    }

    pub fn counts(&self) -> Counts {
        let deleted = self
            .accounts
            .values()
            .filter(|e| e.account.is_soft_deleted)
            .count();
        Counts {
            accounts: self.accounts.len() - deleted,
            deleted_accounts: deleted,
            contacts: self.contacts.len(),
            organizations: self.organizations.len(),
            invoices: self.invoices.len(),
        }
    }

    pub fn root_organization(&self) -> &str {
        &self.root_organization
    }

    fn seq(&mut self) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }

    fn fresh_id(&mut self, prefix: &str) -> String {
        loop {
            let id = format!("{prefix}{}", self.rng.alnum(ID_LEN));
            let taken = self.account_ids.contains_key(&id)
                || self.contact_ids.contains_key(&id)
                || self.organization_ids.contains_key(&id);
            if !taken {
                return id;
            }
        }
    }

    // ---- seeding: entries as they are, no validation -------------------------------

    /// Adds an organization; the first one added becomes the root (the API client's own).
    pub fn insert_organization(
        &mut self,
        parent_id: Option<String>,
        mut organization: Organization,
    ) -> String {
        let seq = self.seq();
        if organization.summary.id.is_empty() {
            organization.summary.id = self.fresh_id(ORGANIZATION);
        }
        let id = organization.summary.id.clone();
        if self.root_organization.is_empty() {
            self.root_organization = id.clone();
        }
        self.organization_ids.insert(id.clone(), seq);
        self.organizations.insert(
            seq,
            OrganizationEntry {
                seq,
                parent_id,
                billing_contact_id: None,
                organization,
            },
        );
        id
    }

    pub fn insert_account(
        &mut self,
        organization_id: Option<String>,
        mut account: Account,
    ) -> String {
        let seq = self.seq();
        if account.id.is_empty() {
            let prefix = if account.is_sandbox {
                ACCOUNT_SANDBOX
            } else {
                ACCOUNT_PRODUCTION
            };
            account.id = self.fresh_id(prefix);
        }
        let id = account.id.clone();
        account.organization = None;
        self.account_ids.insert(id.clone(), seq);
        self.accounts.insert(
            seq,
            AccountEntry {
                seq,
                organization_id,
                account,
            },
        );
        id
    }

    pub fn insert_contact(
        &mut self,
        organization_id: Option<String>,
        mut contact: Contact,
    ) -> String {
        let seq = self.seq();
        if contact.id.is_empty() {
            contact.id = self.fresh_id(CONTACT);
        }
        let id = contact.id.clone();
        contact.organization = None;
        self.contact_ids.insert(id.clone(), seq);
        self.contacts.insert(
            seq,
            ContactEntry {
                seq,
                organization_id,
                contact,
            },
        );
        id
    }

    pub fn set_billing_contact(&mut self, organization_id: &str, contact_id: &str) {
        if let Some(entry) = self.organization_entry_mut(organization_id) {
            entry.billing_contact_id = Some(contact_id.to_string());
        }
    }

    /// Adds an invoice dated `date` (unix seconds), keeping invoices in date order.
    pub fn insert_invoice(&mut self, date: i64, invoice: Invoice) {
        let at = self.invoices.partition_point(|e| e.date <= date);
        self.invoices.insert(at, InvoiceEntry { date, invoice });
    }

    // ---- lookups ---------------------------------------------------------------------

    fn account_entry(&self, id: &str) -> Option<&AccountEntry> {
        self.account_ids
            .get(id)
            .and_then(|seq| self.accounts.get(seq))
    }

    fn account_entry_mut(&mut self, id: &str) -> Option<&mut AccountEntry> {
        let seq = *self.account_ids.get(id)?;
        self.accounts.get_mut(&seq)
    }

    fn contact_entry(&self, id: &str) -> Option<&ContactEntry> {
        self.contact_ids
            .get(id)
            .and_then(|seq| self.contacts.get(seq))
    }

    fn contact_entry_mut(&mut self, id: &str) -> Option<&mut ContactEntry> {
        let seq = *self.contact_ids.get(id)?;
        self.contacts.get_mut(&seq)
    }

    fn organization_entry(&self, id: &str) -> Option<&OrganizationEntry> {
        self.organization_ids
            .get(id)
            .and_then(|seq| self.organizations.get(seq))
    }

    fn organization_entry_mut(&mut self, id: &str) -> Option<&mut OrganizationEntry> {
        let seq = *self.organization_ids.get(id)?;
        self.organizations.get_mut(&seq)
    }

    fn reference(&self, organization_id: Option<&str>) -> Option<Reference> {
        let entry = self.organization_entry(organization_id?)?;
        Some(Reference {
            id: entry.organization.summary.id.clone(),
            name: Some(entry.organization.summary.name.clone()),
        })
    }

    // ---- rendering -------------------------------------------------------------------

    fn render_account(&self, entry: &AccountEntry, with_products: bool) -> Account {
        let mut account = entry.account.clone();
        account.organization = entry
            .organization_id
            .as_deref()
            .and_then(|id| self.organization_entry(id))
            .map(|org| AccountOrganization {
                id: org.organization.summary.id.clone(),
                name: Some(org.organization.summary.name.clone()),
                entity_id: org.organization.summary.entity_id.clone(),
                entity_legal_name: org.organization.summary.entity_legal_name.clone(),
                country: org.organization.summary.country.clone(),
            });
        if !with_products {
            account.products = None;
        } else if account.products.is_none() {
            account.products = Some(Vec::new());
        }
        account
    }

    fn render_contact(&self, entry: &ContactEntry) -> Contact {
        let mut contact = entry.contact.clone();
        contact.name = display_name(&contact);
        contact.organization =
            self.reference(entry.organization_id.as_deref())
                .map(|r| AccountOrganization {
                    id: r.id,
                    name: r.name,
                    entity_id: None,
                    entity_legal_name: None,
                    country: None,
                });
        contact
    }

    fn contact_summary(&self, entry: &ContactEntry) -> ContactSummary {
        ContactSummary {
            id: entry.contact.id.clone(),
            name: display_name(&entry.contact),
            email: entry.contact.email.clone(),
            mobile: entry.contact.mobile.clone(),
            roles: entry.contact.roles.clone(),
        }
    }

    fn render_summary(&self, entry: &OrganizationEntry) -> OrganizationSummary {
        let mut summary = entry.organization.summary.clone();
        summary.parent_organization = self.reference(entry.parent_id.as_deref());
        summary
    }

    fn render_organization(
        &self,
        entry: &OrganizationEntry,
        deleted_accounts: bool,
    ) -> Organization {
        let id = entry.organization.summary.id.as_str();
        let mut organization = entry.organization.clone();
        organization.summary = self.render_summary(entry);
        organization.child_organizations = self
            .organizations
            .values()
            .filter(|child| child.parent_id.as_deref() == Some(id))
            .map(|child| Reference {
                id: child.organization.summary.id.clone(),
                name: Some(child.organization.summary.name.clone()),
            })
            .collect();
        organization.billing_contact = entry
            .billing_contact_id
            .as_deref()
            .and_then(|c| self.contact_entry(c))
            .map(|c| self.contact_summary(c));
        organization.accounts = self
            .accounts
            .values()
            .filter(|a| a.organization_id.as_deref() == Some(id))
            .filter(|a| deleted_accounts || !a.account.is_soft_deleted)
            .map(|a| AccountSummary {
                id: a.account.id.clone(),
                name: a.account.name.clone(),
                is_sandbox: a.account.is_sandbox,
                enabled: a.account.enabled,
                region: a.account.region.clone(),
                cloud: a.account.cloud.clone(),
                is_soft_deleted: a.account.is_soft_deleted,
                soft_deleted_at: a.account.soft_deleted_at.clone(),
            })
            .collect();
        organization.contacts = self
            .contacts
            .values()
            .filter(|c| c.organization_id.as_deref() == Some(id))
            .map(|c| self.contact_summary(c))
            .collect();
        organization
    }

    // ---- accounts --------------------------------------------------------------------

    /// A page of live accounts, or of soft-deleted ones for [`Listing::DeletedAccounts`].
    pub fn list_accounts(
        &self,
        listing: Listing,
        after: Option<u64>,
        limit: usize,
    ) -> (Vec<Account>, Option<u64>) {
        let deleted = listing == Listing::DeletedAccounts;
        let (entries, next) = pagination::page(&self.accounts, after, limit, |e| {
            e.account.is_soft_deleted == deleted
        });
        (
            entries
                .into_iter()
                .map(|e| self.render_account(e, false))
                .collect(),
            next,
        )
    }

    /// One account; a soft-deleted one only when `include_deleted`.
    pub fn account(&self, id: &str, include_deleted: bool) -> Result<Account> {
        match self.account_entry(id) {
            Some(e) if include_deleted || !e.account.is_soft_deleted => {
                Ok(self.render_account(e, true))
            }
            _ => Err(not_found("account", id)),
        }
    }

    pub fn create_account(&mut self, request: CreateAccountRequest, now: &str) -> Result<Account> {
        if self.organization_entry(&request.organization_id).is_none() {
            return Err(StoreError::Invalid {
                field: "organizationId",
                reason: format!("no organization has the id {:?}", request.organization_id),
            });
        }
        let account = Account {
            id: String::new(),
            name: request.name,
            created_date: Some(now.to_string()),
            last_modified_date: Some(now.to_string()),
            is_soft_deleted: false,
            soft_deleted_at: None,
            is_sandbox: request.is_sandbox,
            region: wire_name(&request.region),
            cloud: wire_name(&request.cloud),
            enabled: true,
            is_delete_protected: false,
            organization: None,
            products: Some(Vec::new()),
        };
        let id = self.insert_account(Some(request.organization_id), account);
        self.account(&id, false)
    }

    fn live_account_mut(&mut self, id: &str) -> Result<&mut AccountEntry> {
        match self.account_entry_mut(id) {
            Some(e) if !e.account.is_soft_deleted => Ok(e),
            _ => Err(not_found("account", id)),
        }
    }

    pub fn update_account(
        &mut self,
        id: &str,
        request: UpdateAccountRequest,
        now: &str,
    ) -> Result<Account> {
        let entry = self.live_account_mut(id)?;
        entry.account.name = request.name;
        if let Some(enabled) = request.enabled {
            entry.account.enabled = enabled;
        }
        entry.account.last_modified_date = Some(now.to_string());
        self.account(id, false)
    }

    /// Soft delete: the account leaves the default listings until it is undeleted.
    pub fn delete_account(&mut self, id: &str, now: &str) -> Result<Account> {
        let entry = self.live_account_mut(id)?;
        if entry.account.is_delete_protected {
            return Err(StoreError::Conflict {
                code: "delete_protected",
                detail: format!(
                    "Account {id:?} is delete-protected; remove the protection before deleting it."
                ),
            });
        }
        entry.account.is_soft_deleted = true;
        entry.account.soft_deleted_at = Some(now.to_string());
        entry.account.last_modified_date = Some(now.to_string());
        self.account(id, true)
    }

    pub fn undelete_account(&mut self, id: &str, now: &str) -> Result<Account> {
        let entry = self
            .account_entry_mut(id)
            .ok_or_else(|| not_found("account", id))?;
        if !entry.account.is_soft_deleted {
            return Err(StoreError::Conflict {
                code: "not_deleted",
                detail: format!("Account {id:?} is not deleted."),
            });
        }
        entry.account.is_soft_deleted = false;
        entry.account.soft_deleted_at = None;
        entry.account.last_modified_date = Some(now.to_string());
        self.account(id, false)
    }

    // ---- contacts --------------------------------------------------------------------

    pub fn list_contacts(&self, after: Option<u64>, limit: usize) -> (Vec<Contact>, Option<u64>) {
        let (entries, next) = pagination::page(&self.contacts, after, limit, |_| true);
        (
            entries
                .into_iter()
                .map(|e| self.render_contact(e))
                .collect(),
            next,
        )
    }

    pub fn contact(&self, id: &str) -> Result<Contact> {
        self.contact_entry(id)
            .map(|e| self.render_contact(e))
            .ok_or_else(|| not_found("contact", id))
    }

    fn check_organization(&self, field: &'static str, id: Option<&str>) -> Result<()> {
        match id {
            Some(id) if self.organization_entry(id).is_none() => Err(StoreError::Invalid {
                field,
                reason: format!("no organization has the id {id:?}"),
            }),
            _ => Ok(()),
        }
    }

    /// Creates a contact, in the root organization when the request names none.
    pub fn create_contact(&mut self, request: ContactRequest) -> Result<Contact> {
        self.check_organization("organizationId", request.organization_id.as_deref())?;
        let organization_id = request
            .organization_id
            .clone()
            .or_else(|| Some(self.root_organization.clone()).filter(|r| !r.is_empty()));
        let mut contact = empty_contact();
        replace_person(&mut contact, request);
        let id = self.insert_contact(organization_id, contact);
        self.contact(&id)
    }

    /// Replaces every field; the organization changes only when the request names one.
    pub fn replace_contact(&mut self, id: &str, request: ContactRequest) -> Result<Contact> {
        self.check_organization("organizationId", request.organization_id.as_deref())?;
        let entry = self
            .contact_entry_mut(id)
            .ok_or_else(|| not_found("contact", id))?;
        if let Some(organization_id) = request.organization_id.clone() {
            entry.organization_id = Some(organization_id);
        }
        replace_person(&mut entry.contact, request);
        self.contact(id)
    }

    /// Changes the fields present in the body; `cleared` names optional fields sent as `null`.
    pub fn patch_contact(
        &mut self,
        id: &str,
        patch: ContactPatchRequest,
        cleared: &[String],
    ) -> Result<Contact> {
        let entry = self
            .contact_entry_mut(id)
            .ok_or_else(|| not_found("contact", id))?;
        let contact = &mut entry.contact;
        if let Some(first) = patch.first_name {
            contact.first_name = first;
        }
        if let Some(last) = patch.last_name {
            contact.last_name = last;
        }
        set_or_clear(
            &mut contact.middle_name,
            patch.middle_name,
            cleared,
            "middleName",
        );
        set_or_clear(&mut contact.email, patch.email, cleared, "email");
        set_or_clear(&mut contact.mobile, patch.mobile, cleared, "mobile");
        set_or_clear(&mut contact.phone, patch.phone, cleared, "phone");
        set_or_clear(&mut contact.country, patch.country, cleared, "country");
        set_or_clear(
            &mut contact.roles,
            patch.roles.map(|r| role_names(&r)),
            cleared,
            "roles",
        );
        self.contact(id)
    }

    // ---- organizations ---------------------------------------------------------------

    pub fn list_organizations(
        &self,
        after: Option<u64>,
        limit: usize,
    ) -> (Vec<OrganizationSummary>, Option<u64>) {
        let (entries, next) = pagination::page(&self.organizations, after, limit, |_| true);
        (
            entries
                .into_iter()
                .map(|e| self.render_summary(e))
                .collect(),
            next,
        )
    }

    /// One organization with its children, billing contact, contacts and accounts
    /// (soft-deleted accounts too when `deleted_accounts`).
    pub fn organization(&self, id: &str, deleted_accounts: bool) -> Result<Organization> {
        self.organization_entry(id)
            .map(|e| self.render_organization(e, deleted_accounts))
            .ok_or_else(|| not_found("organization", id))
    }

    pub fn create_organization(
        &mut self,
        request: CreateOrganizationRequest,
        now: &str,
    ) -> Result<Organization> {
        self.check_organization(
            "parentOrganizationId",
            Some(&request.parent_organization_id),
        )?;
        let organization = Organization {
            summary: OrganizationSummary {
                id: String::new(),
                name: request.name,
                last_modified_date: Some(now.to_string()),
                entity_id: request.entity_id,
                entity_vat_number: request.entity_vat_number,
                entity_legal_name: request.entity_legal_name,
                country: request.country,
                parent_organization: None,
            },
            website: request.website,
            billing_email: request.billing_email,
            billing_address: request.billing_address,
            child_organizations: Vec::new(),
            billing_contact: None,
            accounts: Vec::new(),
            contacts: Vec::new(),
        };
        let id = self.insert_organization(Some(request.parent_organization_id), organization);
        self.organization(&id, false)
    }

    /// Changes the fields present; `cleared` names optional fields sent as `null`.
    pub fn update_organization(
        &mut self,
        id: &str,
        request: UpdateOrganizationRequest,
        cleared: &[String],
        now: &str,
    ) -> Result<Organization> {
        if self.organization_entry(id).is_none() {
            return Err(not_found("organization", id));
        }
        if let Some(contact_id) = request.billing_contact_id.as_deref() {
            if self.contact_entry(contact_id).is_none() {
                return Err(StoreError::Invalid {
                    field: "billingContactId",
                    reason: format!("no contact has the id {contact_id:?}"),
                });
            }
        }
        if let Some(parent) = request.parent_organization_id.as_deref() {
            self.check_organization("parentOrganizationId", Some(parent))?;
            if self.is_within(parent, id) {
                return Err(StoreError::Invalid {
                    field: "parentOrganizationId",
                    reason: "would make the organization its own ancestor".into(),
                });
            }
        }
        let entry = self
            .organization_entry_mut(id)
            .ok_or_else(|| not_found("organization", id))?;
        let org = &mut entry.organization;
        if let Some(name) = request.name {
            org.summary.name = name;
        }
        set_or_clear(&mut org.website, request.website, cleared, "website");
        set_or_clear(
            &mut org.summary.entity_id,
            request.entity_id,
            cleared,
            "entityId",
        );
        set_or_clear(
            &mut org.summary.entity_vat_number,
            request.entity_vat_number,
            cleared,
            "entityVatNumber",
        );
        set_or_clear(
            &mut org.summary.entity_legal_name,
            request.entity_legal_name,
            cleared,
            "entityLegalName",
        );
        set_or_clear(
            &mut org.summary.country,
            request.country,
            cleared,
            "country",
        );
        set_or_clear(
            &mut org.billing_email,
            request.billing_email,
            cleared,
            "billingEmail",
        );
        set_or_clear(
            &mut org.billing_address,
            request.billing_address,
            cleared,
            "billingAddress",
        );
        set_or_clear(
            &mut entry.billing_contact_id,
            request.billing_contact_id,
            cleared,
            "billingContactId",
        );
        if let Some(parent) = request.parent_organization_id {
            entry.parent_id = Some(parent);
        }
        entry.organization.summary.last_modified_date = Some(now.to_string());
        self.organization(id, false)
    }

    /// Whether `candidate` is `ancestor` or lies below it.
    fn is_within(&self, candidate: &str, ancestor: &str) -> bool {
        let mut current = Some(candidate.to_string());
        let mut steps = 0;
        while let Some(id) = current {
            if id == ancestor {
                return true;
            }
            steps += 1;
            if steps > self.organizations.len() {
                return true;
            }
            current = self
                .organization_entry(&id)
                .and_then(|e| e.parent_id.clone());
        }
        false
    }

    // ---- invoices --------------------------------------------------------------------

    /// Invoice headers dated within `[after, before]` (unix seconds), oldest first.
    pub fn list_invoices(&self, after: Option<i64>, before: i64) -> Vec<InvoiceSummary> {
        self.invoices
            .iter()
            .filter(|e| after.is_none_or(|a| e.date >= a) && e.date <= before)
            .map(|e| e.invoice.summary.clone())
            .collect()
    }

    pub fn invoice(&self, number: &str) -> Result<Invoice> {
        self.invoices
            .iter()
            .find(|e| e.invoice.summary.invoice_number == number)
            .map(|e| e.invoice.clone())
            .ok_or_else(|| not_found("invoice", number))
    }
}

fn not_found(what: &'static str, id: &str) -> StoreError {
    StoreError::NotFound {
        what,
        id: id.to_string(),
    }
}

/// The server-derived display name: the name parts joined by single spaces.
fn display_name(contact: &Contact) -> String {
    [
        Some(contact.first_name.as_str()),
        contact.middle_name.as_deref(),
        Some(contact.last_name.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

fn empty_contact() -> Contact {
    Contact {
        id: String::new(),
        name: String::new(),
        first_name: String::new(),
        middle_name: None,
        last_name: String::new(),
        email: None,
        mobile: None,
        phone: None,
        country: None,
        roles: None,
        organization: None,
    }
}

/// A full replacement of the person's fields; empty strings count as "none", as in the samples.
fn replace_person(contact: &mut Contact, request: ContactRequest) {
    contact.first_name = request.first_name;
    contact.middle_name = request.middle_name.filter(|s| !s.is_empty());
    contact.last_name = request.last_name;
    contact.email = request.email.filter(|s| !s.is_empty());
    contact.mobile = request.mobile.filter(|s| !s.is_empty());
    contact.phone = request.phone.filter(|s| !s.is_empty());
    contact.country = request.country.filter(|s| !s.is_empty());
    contact.roles = request.roles.map(|roles| role_names(&roles));
}

fn role_names(roles: &[ContactRole]) -> Vec<String> {
    roles.iter().map(wire_name).collect()
}

/// The JSON spelling of a unit enum from the SDK's models (`Cloud::Gcp` is `"GCP"`).
fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        _ => String::new(),
    }
}

fn set_or_clear<T>(field: &mut Option<T>, value: Option<T>, cleared: &[String], name: &str) {
    if value.is_some() {
        *field = value;
    } else if cleared.iter().any(|c| c == name) {
        *field = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use signicat_account_management::model::{Cloud, Region};

    const NOW: &str = "2025-06-01T12:00:00Z";

    fn organization(name: &str) -> Organization {
        Organization {
            summary: OrganizationSummary {
                id: String::new(),
                name: name.into(),
                last_modified_date: Some(NOW.into()),
                entity_id: None,
                entity_vat_number: None,
                entity_legal_name: None,
                country: Some("NO".into()),
                parent_organization: None,
            },
            website: None,
            billing_email: None,
            billing_address: None,
            child_organizations: Vec::new(),
            billing_contact: None,
            accounts: Vec::new(),
            contacts: Vec::new(),
        }
    }

    fn store() -> (Store, String, String) {
        let mut store = Store::new(Rng::new(1));
        let root = store.insert_organization(None, organization("Root Org"));
        let child = store.insert_organization(Some(root.clone()), organization("Child Org"));
        (store, root, child)
    }

    fn create(store: &mut Store, org: &str, name: &str, sandbox: bool) -> Account {
        store
            .create_account(
                CreateAccountRequest {
                    name: name.into(),
                    organization_id: org.into(),
                    is_sandbox: sandbox,
                    region: Region::Eu,
                    cloud: Cloud::Otc,
                },
                NOW,
            )
            .unwrap()
    }

    #[test]
    fn accounts_have_real_looking_ids_and_their_organization() {
        let (mut store, _, child) = store();
        let prod = create(&mut store, &child, "Prod", false);
        let sandbox = create(&mut store, &child, "Sandbox", true);
        assert!(prod.id.starts_with("a-ppge-") && prod.id.len() == 27);
        assert!(sandbox.id.starts_with("a-spge-"));
        assert_eq!(prod.cloud, "OTC");
        assert_eq!(prod.region, "EU");
        assert_eq!(
            prod.organization.as_ref().map(|o| o.id.as_str()),
            Some(child.as_str())
        );
        assert_eq!(prod.products, Some(vec![]));
        let missing = store.create_account(
            CreateAccountRequest {
                name: "x".into(),
                organization_id: "o-p-nope".into(),
                is_sandbox: false,
                region: Region::Eu,
                cloud: Cloud::Gcp,
            },
            NOW,
        );
        assert!(matches!(
            missing,
            Err(StoreError::Invalid {
                field: "organizationId",
                ..
            })
        ));
    }

    #[test]
    fn soft_delete_and_undelete() {
        let (mut store, _, child) = store();
        let id = create(&mut store, &child, "Doomed", false).id;
        let deleted = store.delete_account(&id, "2025-06-02T00:00:00Z").unwrap();
        assert!(deleted.is_soft_deleted);
        assert_eq!(
            deleted.soft_deleted_at.as_deref(),
            Some("2025-06-02T00:00:00Z")
        );
        assert!(matches!(
            store.account(&id, false),
            Err(StoreError::NotFound { .. })
        ));
        assert!(store.account(&id, true).is_ok());
        assert!(matches!(
            store.delete_account(&id, NOW),
            Err(StoreError::NotFound { .. })
        ));
        let (live, _) = store.list_accounts(Listing::Accounts, None, 100);
        assert!(live.iter().all(|a| a.id != id));
        let (gone, _) = store.list_accounts(Listing::DeletedAccounts, None, 100);
        assert_eq!(gone.len(), 1);
        assert!(gone[0].products.is_none());
        assert_eq!(store.organization(&child, false).unwrap().accounts.len(), 0);
        assert_eq!(store.organization(&child, true).unwrap().accounts.len(), 1);
        let back = store.undelete_account(&id, NOW).unwrap();
        assert!(!back.is_soft_deleted && back.soft_deleted_at.is_none());
        assert!(matches!(
            store.undelete_account(&id, NOW),
            Err(StoreError::Conflict { .. })
        ));
    }

    #[test]
    fn protected_accounts_refuse_deletion() {
        let (mut store, _, child) = store();
        let id = create(&mut store, &child, "Precious", false).id;
        store
            .account_entry_mut(&id)
            .unwrap()
            .account
            .is_delete_protected = true;
        assert!(matches!(
            store.delete_account(&id, NOW),
            Err(StoreError::Conflict {
                code: "delete_protected",
                ..
            })
        ));
    }

    #[test]
    fn contacts_replace_and_patch() {
        let (mut store, root, child) = store();
        let request: ContactRequest = serde_json::from_value(serde_json::json!({
            "firstName": "Harald", "lastName": "Hårfagre", "email": "harald@example.no",
            "roles": ["CommercialOwner"]
        }))
        .unwrap();
        let contact = store.create_contact(request).unwrap();
        assert_eq!(contact.name, "Harald Hårfagre");
        assert_eq!(
            contact.organization.as_ref().map(|o| o.id.clone()),
            Some(root.clone())
        );
        let replaced: ContactRequest = serde_json::from_value(serde_json::json!({
            "organizationId": child, "firstName": "Olav", "middleName": "H.", "lastName": "Tryggvason"
        }))
        .unwrap();
        let contact = store.replace_contact(&contact.id, replaced).unwrap();
        assert_eq!(contact.name, "Olav H. Tryggvason");
        assert_eq!(contact.email, None);
        assert_eq!(contact.roles, None);
        assert_eq!(contact.organization.map(|o| o.id), Some(child));
        let patch = ContactPatchRequest {
            email: Some("olav@example.no".into()),
            ..Default::default()
        };
        let contact = store
            .patch_contact(&contact.id, patch, &["middleName".into()])
            .unwrap();
        assert_eq!(contact.name, "Olav Tryggvason");
        assert_eq!(contact.email.as_deref(), Some("olav@example.no"));
        assert!(matches!(
            store.patch_contact("c-p-x", ContactPatchRequest::default(), &[]),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn organizations_nest_and_update() {
        let (mut store, root, child) = store();
        let request: CreateOrganizationRequest = serde_json::from_value(serde_json::json!({
            "name": "Grandchild", "parentOrganizationId": child
        }))
        .unwrap();
        let grandchild = store.create_organization(request, NOW).unwrap();
        assert_eq!(
            grandchild.summary.parent_organization.map(|p| p.id),
            Some(child.clone())
        );
        let parent = store.organization(&child, false).unwrap();
        assert_eq!(parent.child_organizations.len(), 1);
        let cycle = UpdateOrganizationRequest {
            parent_organization_id: Some(grandchild.summary.id.clone()),
            ..Default::default()
        };
        assert!(matches!(
            store.update_organization(&root, cycle, &[], NOW),
            Err(StoreError::Invalid {
                field: "parentOrganizationId",
                ..
            })
        ));
        let bad_contact = UpdateOrganizationRequest {
            billing_contact_id: Some("c-p-missing".into()),
            ..Default::default()
        };
        assert!(matches!(
            store.update_organization(&child, bad_contact, &[], NOW),
            Err(StoreError::Invalid {
                field: "billingContactId",
                ..
            })
        ));
        let renamed = UpdateOrganizationRequest {
            name: Some("Renamed Org".into()),
            ..Default::default()
        };
        store
            .update_organization(&child, renamed, &["country".into()], NOW)
            .unwrap();
        let account = create(&mut store, &child, "A", false);
        assert_eq!(
            account.organization.and_then(|o| o.name).as_deref(),
            Some("Renamed Org")
        );
        assert_eq!(
            store.organization(&child, false).unwrap().summary.country,
            None
        );
    }

    #[test]
    fn survives_a_save_and_load() {
        let (mut store, _, child) = store();
        let id = create(&mut store, &child, "Kept", true).id;
        let saved = serde_json::to_string(&store).unwrap();
        let mut loaded: Store = serde_json::from_str(&saved).unwrap();
        loaded.reindex();
        assert_eq!(loaded.account(&id, false).unwrap().name, "Kept");
        let next = create(&mut loaded, &child, "Next", false);
        assert_ne!(next.id, id);
        let (all, _) = loaded.list_accounts(Listing::Accounts, None, 10);
        assert_eq!(all.last().map(|a| a.id.clone()), Some(next.id));
    }
}
