//! The emulator's state and every operation on it, free of HTTP. Resources are kept as the
//! SDK's own models; relations are kept as ids and resolved when a resource is rendered,
//! so renaming an organization shows everywhere at once.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use signicat_account_management::model::{Account, Contact, Invoice, Organization, Reference};

use crate::rng::Rng;

mod accounts;
mod contacts;
mod invoices;
mod organizations;

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
}

fn not_found(what: &'static str, id: &str) -> StoreError {
    StoreError::NotFound {
        what,
        id: id.to_string(),
    }
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
    use crate::pagination::Listing;
    use signicat_account_management::model::{
        Cloud, CreateAccountRequest, OrganizationSummary, Region,
    };

    pub(super) const NOW: &str = "2025-06-01T12:00:00Z";

    pub(super) fn organization(name: &str) -> Organization {
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

    pub(super) fn store() -> (Store, String, String) {
        let mut store = Store::new(Rng::new(1));
        let root = store.insert_organization(None, organization("Root Org"));
        let child = store.insert_organization(Some(root.clone()), organization("Child Org"));
        (store, root, child)
    }

    pub(super) fn create(store: &mut Store, org: &str, name: &str, sandbox: bool) -> Account {
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
