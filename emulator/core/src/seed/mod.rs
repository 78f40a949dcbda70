//! The seeded dataset: a small corporate group with production and sandbox accounts,
//! soft-deleted and delete-protected ones, contacts with roles, and invoices in three
//! currencies. The fixed part is data, in `dataset.json`. `--seed` fixes every id and
//! number; invoice dates follow the month of the `now` given to [`build`], so that "the
//! last twelve months" and one upcoming invoice always exist.

use std::collections::HashMap;

use signicat_account_management::model::{
    Account, Address, Contact, Organization, OrganizationSummary,
};
use time::{Duration, OffsetDateTime};

use crate::clock;
use crate::rng::Rng;
use crate::store::Store;

mod dataset;
mod invoices;

use dataset::{AccountData, ContactData, OrganizationData};

/// Months of invoices before the current one; one more is dated next month.
const INVOICE_MONTHS: i32 = 12;
const REGION: &str = "EU";

pub struct Seed {
    pub seed: u64,
    pub extra_accounts: usize,
}

/// Organizations added so far, by their key in the dataset.
type Placed<'a> = HashMap<&'a str, (String, &'a OrganizationData)>;

/// Builds the whole dataset; the same `seed` and month of `now` always give the same store.
pub fn build(seed: &Seed, now: OffsetDateTime) -> Store {
    let mut rng = Rng::new(seed.seed);
    let mut store = Store::new(Rng::new(rng.next_u64()));
    let Some(data) = dataset::get() else {
        return store;
    };
    let start = &data.start_date;
    let base = clock::fixed(start.year, start.month, start.day);

    let mut placed = Placed::new();
    for org in &data.organizations {
        place(&mut store, &mut placed, org, base);
    }
    for spec in &data.accounts {
        let org = id_of(&placed, &spec.organization);
        store.insert_account(org, account(&mut rng, spec, base));
    }
    for spec in &data.contacts {
        let org = id_of(&placed, &spec.organization);
        let id = store.insert_contact(org.clone(), contact(spec));
        if spec.billing_contact {
            if let Some(org) = &org {
                store.set_billing_contact(org, &id);
            }
        }
    }
    if seed.extra_accounts > 0 {
        let load = place(&mut store, &mut placed, &data.load_test_organization, base);
        extra_accounts(&mut store, &mut rng, &load, seed.extra_accounts, base);
    }
    invoices::add(&mut store, &mut rng, data, &placed, now);
    store
}

/// Adds `org` below its parent and returns its id.
fn place<'a>(
    store: &mut Store,
    placed: &mut Placed<'a>,
    org: &'a OrganizationData,
    base: OffsetDateTime,
) -> String {
    let parent = org.parent.as_deref().and_then(|key| id_of(placed, key));
    let modified = org
        .last_modified_days_after_start
        .map(|days| stamp(base, days));
    let id = store.insert_organization(parent, organization(org, modified));
    placed.insert(&org.key, (id.clone(), org));
    id
}

fn id_of(placed: &Placed<'_>, key: &str) -> Option<String> {
    placed.get(key).map(|(id, _)| id.clone())
}

fn organization(org: &OrganizationData, modified: Option<String>) -> Organization {
    Organization {
        summary: OrganizationSummary {
            id: String::new(),
            name: org.name.clone(),
            last_modified_date: modified,
            entity_id: Some(org.entity_id.clone()),
            entity_vat_number: org.entity_vat_number.clone(),
            entity_legal_name: org.entity_legal_name.clone(),
            country: Some(org.country.clone()),
            parent_organization: None,
        },
        website: org.website.clone(),
        billing_email: org.billing_email.clone(),
        billing_address: org.billing_address.as_ref().map(|address| Address {
            street: Some(address.street.clone()),
            postal_code: Some(address.postal_code.clone()),
            city: Some(address.city.clone()),
            region: None,
            country: Some(address.country.clone()),
        }),
        child_organizations: Vec::new(),
        billing_contact: None,
        accounts: Vec::new(),
        contacts: Vec::new(),
    }
}

/// An account created within 500 days of `base` and last changed up to 120 days later.
fn account(rng: &mut Rng, spec: &AccountData, base: OffsetDateTime) -> Account {
    let created = base + Duration::days(rng.below(500) as i64);
    let modified = created + Duration::days(rng.below(120) as i64 + 1);
    let deleted_at = spec
        .soft_deleted_days_after_creation
        .map(|days| clock::format(created + Duration::days(days)));
    Account {
        id: String::new(),
        name: spec.name.clone(),
        created_date: (!spec.legacy_without_created_date).then(|| clock::format(created)),
        last_modified_date: Some(clock::format(
            deleted_at
                .as_deref()
                .and_then(clock::parse)
                .unwrap_or(modified),
        )),
        is_soft_deleted: deleted_at.is_some(),
        soft_deleted_at: deleted_at,
        is_sandbox: spec.sandbox,
        region: REGION.to_string(),
        cloud: spec.cloud.clone(),
        enabled: spec.enabled,
        is_delete_protected: spec.delete_protected,
        organization: None,
        products: Some(spec.products.clone()),
    }
}

fn contact(spec: &ContactData) -> Contact {
    Contact {
        id: String::new(),
        name: String::new(),
        first_name: spec.first_name.clone(),
        middle_name: spec.middle_name.clone(),
        last_name: spec.last_name.clone(),
        email: spec.email.clone(),
        mobile: spec.mobile.clone(),
        phone: None,
        country: Some(spec.country.clone()),
        roles: spec.roles.clone(),
        organization: None,
    }
}

fn stamp(base: OffsetDateTime, days: i64) -> String {
    clock::format(base + Duration::days(days))
}

/// Bulk accounts for pagination tests: mostly production, some sandbox, a few disabled or
/// soft-deleted, with creation dates spread over two years.
fn extra_accounts(store: &mut Store, rng: &mut Rng, org: &str, count: usize, base: OffsetDateTime) {
    let width = count.to_string().len().max(4);
    for n in 1..=count {
        let sandbox = rng.chance(0.3);
        let deleted = rng.chance(0.02);
        let created = base + Duration::minutes(rng.below(2 * 365 * 24 * 60) as i64);
        let stamp = clock::format(created);
        let account = Account {
            id: String::new(),
            name: format!("Load Test Account {n:0width$}"),
            created_date: Some(stamp.clone()),
            last_modified_date: Some(stamp.clone()),
            is_soft_deleted: deleted,
            soft_deleted_at: deleted.then_some(stamp),
            is_sandbox: sandbox,
            region: REGION.to_string(),
            cloud: if rng.chance(0.2) { "OTC" } else { "GCP" }.to_string(),
            enabled: !rng.chance(0.05),
            is_delete_protected: false,
            organization: None,
            products: Some(Vec::new()),
        };
        store.insert_account(Some(org.to_string()), account);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::Listing;

    fn now() -> OffsetDateTime {
        clock::parse("2025-06-15T10:30:00Z").unwrap()
    }

    fn seeded(extra: usize) -> Store {
        build(
            &Seed {
                seed: 42,
                extra_accounts: extra,
            },
            now(),
        )
    }

    #[test]
    fn the_same_seed_gives_the_same_store() {
        let a = serde_json::to_string(&seeded(10)).unwrap();
        let b = serde_json::to_string(&seeded(10)).unwrap();
        assert_eq!(a, b);
        let accounts = |store: Store| store.list_accounts(Listing::Accounts, None, 1000).0;
        let other = build(
            &Seed {
                seed: 43,
                extra_accounts: 10,
            },
            now(),
        );
        assert_ne!(accounts(seeded(10))[0].id, accounts(other)[0].id);
    }

    #[test]
    fn the_dataset_has_every_case() {
        let store = seeded(0);
        let counts = store.counts();
        assert_eq!(counts.organizations, 5);
        assert_eq!(counts.accounts + counts.deleted_accounts, 11);
        assert_eq!(counts.contacts, 7);
        assert!(counts.deleted_accounts >= 2);
        let (live, _) = store.list_accounts(Listing::Accounts, None, 1000);
        assert!(live.iter().any(|a| a.is_sandbox) && live.iter().any(|a| !a.is_sandbox));
        assert!(live.iter().any(|a| a.is_delete_protected));
        assert!(live.iter().any(|a| a.created_date.is_none()));
        assert!(live.iter().all(|a| a.id.len() == 27));
        let (contacts, _) = store.list_contacts(None, 1000);
        assert!(contacts.iter().any(|c| c.roles.is_none()));
        assert!(contacts
            .iter()
            .any(|c| c.roles.as_ref().is_some_and(|r| r.len() == 2)));
        let root = store
            .organization(store.root_organization(), false)
            .unwrap();
        assert_eq!(root.child_organizations.len(), 3);
        assert!(root.billing_contact.is_some());
        let invoices = store.list_invoices(None, i64::MAX);
        let currencies: std::collections::BTreeSet<_> = invoices
            .iter()
            .filter_map(|i| i.currency_code.clone())
            .collect();
        assert_eq!(
            currencies.into_iter().collect::<Vec<_>>(),
            ["EUR", "NOK", "SEK"]
        );
        assert!(store.list_invoices(None, now().unix_timestamp()).len() < invoices.len());
        let first = store.invoice(&invoices[0].invoice_number).unwrap();
        assert!(!first.lines.is_empty());
        let total: f64 = first
            .lines
            .iter()
            .map(|l| l.line_amount.unwrap_or(0.0) + l.line_total_tax_amount.unwrap_or(0.0))
            .sum();
        assert!((total - first.summary.total_invoice_amount.unwrap_or(0.0)).abs() < 0.05);
    }

    #[test]
    fn invoices_follow_the_month_of_now() {
        let invoices = seeded(0).list_invoices(None, i64::MAX);
        let dates = |i: usize| invoices[i].invoice_date.clone().unwrap();
        assert_eq!(invoices.len(), 3 * 14);
        assert_eq!(dates(0), "2024-06-01T00:00:00Z");
        assert_eq!(dates(invoices.len() - 1), "2025-07-01T00:00:00Z");
    }

    #[test]
    fn extra_accounts_join_a_load_test_organization() {
        let store = seeded(2500);
        let counts = store.counts();
        assert_eq!(counts.organizations, 6);
        assert_eq!(counts.accounts + counts.deleted_accounts, 2500 + 11);
    }
}
