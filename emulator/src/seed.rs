//! The seeded dataset: a small corporate group with production and sandbox accounts,
//! soft-deleted and delete-protected ones, contacts with roles, and invoices in three
//! currencies. `--seed` fixes every id and number; invoice dates follow the current month
//! so that "the last twelve months" and one upcoming invoice always exist.

use signicat_account_management::model::{
    Account, Address, Contact, Invoice, InvoiceLine, InvoiceSummary, Organization,
    OrganizationSummary,
};
use time::{Duration, OffsetDateTime};

use crate::clock;
use crate::rng::Rng;
use crate::store::Store;

/// Months of invoices before the current one; one more is dated next month.
const INVOICE_MONTHS: i32 = 12;

pub struct Seed {
    pub seed: u64,
    pub extra_accounts: usize,
}

struct Company {
    name: &'static str,
    entity_id: &'static str,
    vat: Option<&'static str>,
    legal: Option<&'static str>,
    country: &'static str,
    city: &'static str,
    street: &'static str,
    postal: &'static str,
    domain: &'static str,
}

const GROUP: Company = Company {
    name: "Nordlys Group",
    entity_id: "923456781",
    vat: Some("NO923456781MVA"),
    legal: Some("Nordlys Group AS"),
    country: "NO",
    city: "Bergen",
    street: "Strandkaien 12",
    postal: "5013",
    domain: "nordlys.example",
};
const NORWAY: Company = Company {
    name: "Nordlys Norge",
    entity_id: "987654320",
    vat: None,
    legal: Some("Nordlys Norge AS"),
    country: "NO",
    city: "Oslo",
    street: "Karl Johans gate 5",
    postal: "0154",
    domain: "nordlys.example",
};
const SWEDEN: Company = Company {
    name: "Nordlys Sverige",
    entity_id: "556677-8899",
    vat: Some("SE556677889901"),
    legal: Some("Nordlys Sverige AB"),
    country: "SE",
    city: "Stockholm",
    street: "Drottninggatan 21",
    postal: "111 51",
    domain: "nordlys.example",
};
const GERMANY: Company = Company {
    name: "Nordlys Deutschland",
    entity_id: "HRB 123456",
    vat: Some("DE123456789"),
    legal: Some("Nordlys Deutschland GmbH"),
    country: "DE",
    city: "Hamburg",
    street: "Jungfernstieg 7",
    postal: "20354",
    domain: "nordlys.example",
};
const LABS: Company = Company {
    name: "Nordlys Labs",
    entity_id: "999000999",
    vat: None,
    legal: None,
    country: "NO",
    city: "Trondheim",
    street: "Prinsens gate 1",
    postal: "7011",
    domain: "labs.nordlys.example",
};
const LOAD: Company = Company {
    name: "Nordlys Load Test",
    entity_id: "911222333",
    vat: None,
    legal: None,
    country: "NO",
    city: "Bergen",
    street: "Strandkaien 12",
    postal: "5013",
    domain: "nordlys.example",
};

fn organization(company: &Company, modified: Option<String>, billing: bool) -> Organization {
    Organization {
        summary: OrganizationSummary {
            id: String::new(),
            name: company.name.to_string(),
            last_modified_date: modified,
            entity_id: Some(company.entity_id.to_string()),
            entity_vat_number: company.vat.map(String::from),
            entity_legal_name: company.legal.map(String::from),
            country: Some(company.country.to_string()),
            parent_organization: None,
        },
        website: Some(format!("https://www.{}", company.domain)),
        billing_email: billing.then(|| format!("billing@{}", company.domain)),
        billing_address: billing.then(|| Address {
            street: Some(company.street.to_string()),
            postal_code: Some(company.postal.to_string()),
            city: Some(company.city.to_string()),
            region: None,
            country: Some(company.country.to_string()),
        }),
        child_organizations: Vec::new(),
        billing_contact: None,
        accounts: Vec::new(),
        contacts: Vec::new(),
    }
}

struct AccountSeed {
    name: &'static str,
    sandbox: bool,
    cloud: &'static str,
    enabled: bool,
    protected: bool,
    /// Days after the creation date at which it was soft-deleted.
    deleted_after: Option<i64>,
    /// Legacy accounts have no creation date (the API sends `""`).
    legacy: bool,
    products: &'static [&'static str],
}

const FULL_PRODUCTS: &[&str] = &["auth", "auth-nbid", "auth-sbid", "sign", "sign-nbid"];
const SANDBOX_PRODUCTS: &[&str] = &["auth", "sign"];

const fn account(name: &'static str, sandbox: bool) -> AccountSeed {
    AccountSeed {
        name,
        sandbox,
        cloud: "GCP",
        enabled: true,
        protected: false,
        deleted_after: None,
        legacy: false,
        products: if sandbox {
            SANDBOX_PRODUCTS
        } else {
            FULL_PRODUCTS
        },
    }
}

struct ContactSeed {
    first: &'static str,
    middle: Option<&'static str>,
    last: &'static str,
    email: Option<&'static str>,
    mobile: Option<&'static str>,
    country: &'static str,
    roles: Option<&'static [&'static str]>,
}

/// Builds the whole dataset; the same `seed` and month of `now` always give the same store.
pub fn build(seed: &Seed, now: OffsetDateTime) -> Store {
    let mut rng = Rng::new(seed.seed);
    let mut store = Store::new(Rng::new(rng.next_u64()));
    let base = clock::fixed(2023, 1, 9);

    let group = store.insert_organization(None, organization(&GROUP, None, true));
    let norway = store.insert_organization(
        Some(group.clone()),
        organization(&NORWAY, Some(stamp(base, 120)), true),
    );
    let sweden = store.insert_organization(
        Some(group.clone()),
        organization(&SWEDEN, Some(stamp(base, 210)), true),
    );
    let germany = store.insert_organization(
        Some(group.clone()),
        organization(&GERMANY, Some(stamp(base, 300)), true),
    );
    let labs = store.insert_organization(
        Some(norway.clone()),
        organization(&LABS, Some(stamp(base, 400)), false),
    );

    let accounts: [(&String, AccountSeed); 11] = [
        (&group, account("Group Administration", false)),
        (
            &norway,
            AccountSeed {
                protected: true,
                ..account("Nordlys Production", false)
            },
        ),
        (&norway, account("Nordlys Sandbox", true)),
        (
            &norway,
            AccountSeed {
                legacy: true,
                enabled: false,
                ..account("Nordlys Legacy Portal", false)
            },
        ),
        (
            &norway,
            AccountSeed {
                deleted_after: Some(200),
                ..account("Nordlys Summer Campaign", false)
            },
        ),
        (
            &sweden,
            AccountSeed {
                cloud: "OTC",
                ..account("Sverige Production", false)
            },
        ),
        (
            &sweden,
            AccountSeed {
                enabled: false,
                ..account("Sverige Sandbox", true)
            },
        ),
        (
            &germany,
            AccountSeed {
                protected: true,
                ..account("Deutschland Production", false)
            },
        ),
        (
            &germany,
            AccountSeed {
                deleted_after: Some(90),
                ..account("Deutschland Test", true)
            },
        ),
        (&labs, account("Labs Sandbox", true)),
        (
            &labs,
            AccountSeed {
                cloud: "OTC",
                ..account("Labs Prototype", false)
            },
        ),
    ];
    for (org, spec) in accounts {
        let created = base + Duration::days(rng.below(500) as i64);
        let modified = created + Duration::days(rng.below(120) as i64 + 1);
        let deleted_at = spec
            .deleted_after
            .map(|days| clock::format(created + Duration::days(days)));
        let account = Account {
            id: String::new(),
            name: spec.name.to_string(),
            created_date: (!spec.legacy).then(|| clock::format(created)),
            last_modified_date: Some(clock::format(
                deleted_at
                    .as_deref()
                    .and_then(clock::parse)
                    .unwrap_or(modified),
            )),
            is_soft_deleted: deleted_at.is_some(),
            soft_deleted_at: deleted_at,
            is_sandbox: spec.sandbox,
            region: "EU".to_string(),
            cloud: spec.cloud.to_string(),
            enabled: spec.enabled,
            is_delete_protected: spec.protected,
            organization: None,
            products: Some(spec.products.iter().map(|p| p.to_string()).collect()),
        };
        store.insert_account(Some(org.clone()), account);
    }

    let contacts: [(&String, ContactSeed, bool); 7] = [
        (
            &group,
            ContactSeed {
                first: "Ingrid",
                middle: None,
                last: "Sæther",
                email: Some("ingrid.saether@nordlys.example"),
                mobile: Some("+4791234567"),
                country: "NO",
                roles: Some(&["CommercialOwner"]),
            },
            true,
        ),
        (
            &group,
            ContactSeed {
                first: "Anna",
                middle: Some("Marie"),
                last: "Berg",
                email: Some("anna.berg@nordlys.example"),
                mobile: None,
                country: "NO",
                roles: Some(&["Other"]),
            },
            false,
        ),
        (
            &norway,
            ContactSeed {
                first: "Bjørn",
                middle: None,
                last: "Ødegård",
                email: Some("bjorn.odegard@nordlys.example"),
                mobile: Some("+4799887766"),
                country: "NO",
                roles: Some(&["MainTechnicalContact"]),
            },
            false,
        ),
        (
            &norway,
            ContactSeed {
                first: "Kari",
                middle: None,
                last: "Nordmann",
                email: Some("kari.nordmann@nordlys.example"),
                mobile: Some("+4741122334"),
                country: "NO",
                roles: Some(&["FinancialContact"]),
            },
            true,
        ),
        (
            &sweden,
            ContactSeed {
                first: "Sofia",
                middle: None,
                last: "Lindqvist",
                email: Some("sofia.lindqvist@nordlys.example"),
                mobile: Some("+46701234567"),
                country: "SE",
                roles: Some(&["FinancialContact", "CommercialOwner"]),
            },
            true,
        ),
        (
            &germany,
            ContactSeed {
                first: "Lukas",
                middle: None,
                last: "Müller",
                email: Some("lukas.mueller@nordlys.example"),
                mobile: Some("+4915112345678"),
                country: "DE",
                roles: Some(&["MainTechnicalContact", "FinancialContact"]),
            },
            true,
        ),
        (
            &labs,
            ContactSeed {
                first: "Harald",
                middle: None,
                last: "Hårfagre",
                email: Some("harald@labs.nordlys.example"),
                mobile: Some("+4799999999"),
                country: "NO",
                roles: None,
            },
            true,
        ),
    ];
    for (org, spec, billing) in contacts {
        let contact = Contact {
            id: String::new(),
            name: String::new(),
            first_name: spec.first.to_string(),
            middle_name: spec.middle.map(String::from),
            last_name: spec.last.to_string(),
            email: spec.email.map(String::from),
            mobile: spec.mobile.map(String::from),
            phone: None,
            country: Some(spec.country.to_string()),
            roles: spec
                .roles
                .map(|roles| roles.iter().map(|r| r.to_string()).collect()),
            organization: None,
        };
        let id = store.insert_contact(Some(org.clone()), contact);
        if billing {
            store.set_billing_contact(org, &id);
        }
    }

    if seed.extra_accounts > 0 {
        let load = store.insert_organization(
            Some(group.clone()),
            organization(&LOAD, Some(stamp(base, 500)), false),
        );
        extra_accounts(&mut store, &mut rng, &load, seed.extra_accounts, base);
    }

    let mut serial = 0;
    for offset in -INVOICE_MONTHS..=1 {
        let Some(month) = clock::month_start(now, offset) else {
            continue;
        };
        for (org, company, currency, tax_rate) in [
            (&norway, &NORWAY, "NOK", 0.25),
            (&sweden, &SWEDEN, "SEK", 0.25),
            (&germany, &GERMANY, "EUR", 0.19),
        ] {
            serial += 1;
            let usage = if currency == "NOK" && offset % 3 == 0 {
                (&labs, &LABS)
            } else {
                (org, company)
            };
            let billed = Billed {
                org,
                company,
                usage,
                currency,
                tax_rate,
            };
            let invoice = invoice(&mut rng, &billed, serial, month, offset < -1);
            store.insert_invoice(month.unix_timestamp(), invoice);
        }
    }
    store
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
            region: "EU".to_string(),
            cloud: if rng.chance(0.2) { "OTC" } else { "GCP" }.to_string(),
            enabled: !rng.chance(0.05),
            is_delete_protected: false,
            organization: None,
            products: Some(Vec::new()),
        };
        store.insert_account(Some(org.to_string()), account);
    }
}

struct Product {
    item: &'static str,
    name: &'static str,
    unit: &'static str,
    /// Unit price in NOK; other currencies convert at fixed rates.
    price_nok: f64,
    quantity: (u64, u64),
}

const PRODUCTS: [Product; 5] = [
    Product {
        item: "PLAT-SUB",
        name: "Platform subscription",
        unit: "month",
        price_nok: 2500.0,
        quantity: (1, 1),
    },
    Product {
        item: "SIGN-SES",
        name: "Electronic signature (SES)",
        unit: "pcs",
        price_nok: 4.5,
        quantity: (50, 4000),
    },
    Product {
        item: "AUTH-NBID",
        name: "BankID Norway authentication",
        unit: "pcs",
        price_nok: 1.2,
        quantity: (100, 20000),
    },
    Product {
        item: "AUTH-SBID",
        name: "Swedish BankID authentication",
        unit: "pcs",
        price_nok: 1.1,
        quantity: (100, 15000),
    },
    Product {
        item: "ARCHIVE-GB",
        name: "Document archive storage",
        unit: "GB",
        price_nok: 9.0,
        quantity: (1, 300),
    },
];

fn rate(currency: &str) -> f64 {
    match currency {
        "EUR" => 0.086,
        "SEK" => 0.98,
        _ => 1.0,
    }
}

fn money(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Who an invoice is for and in which currency.
struct Billed<'a> {
    org: &'a str,
    company: &'a Company,
    usage: (&'a String, &'a Company),
    currency: &'a str,
    tax_rate: f64,
}

fn invoice(
    rng: &mut Rng,
    billed: &Billed<'_>,
    serial: u64,
    month: OffsetDateTime,
    settled: bool,
) -> Invoice {
    let Billed {
        org,
        company,
        usage,
        currency,
        tax_rate,
    } = *billed;
    let invoice_number = format!("INV-{}-{:06}", month.year(), 100_000 + serial);
    let period_start = clock::month_start(month, -1).unwrap_or(month);
    let period_end = month - Duration::seconds(1);
    let mut lines = Vec::new();
    let (mut subtotal, mut discount_total, mut tax_total) = (0.0, 0.0, 0.0);
    for (index, product) in PRODUCTS.iter().enumerate() {
        if index > 0 && rng.chance(0.35) {
            continue;
        }
        let (low, high) = product.quantity;
        let quantity = (low + rng.below(high - low + 1)) as f64;
        let price = money(product.price_nok * rate(currency));
        let gross = money(quantity * price);
        let discount = if rng.chance(0.2) {
            money(gross * 0.05)
        } else {
            0.0
        };
        let amount = money(gross - discount);
        let tax = money(amount * tax_rate);
        subtotal += amount;
        discount_total += discount;
        tax_total += tax;
        lines.push(InvoiceLine {
            item_number: Some(product.item.to_string()),
            product_name: Some(product.name.to_string()),
            currency_code: Some(currency.to_string()),
            invoiced_quantity: Some(quantity),
            sales_price: Some(price),
            sales_unit_symbol: Some(product.unit.to_string()),
            line_amount: Some(amount),
            line_total_charge_amount: Some(0.0),
            line_total_discount_amount: Some(discount),
            line_total_tax_amount: Some(tax),
            rev_rec_contract_start_date: Some(clock::format(period_start)),
            rev_rec_contract_end_date: Some(clock::format(period_end)),
            sig_contract_start: Some(clock::format(period_start)),
            sig_contract_end: Some(clock::format(period_end)),
        });
    }
    let tax_total = money(tax_total);
    let (street, number_part) = split_street(company.street);
    Invoice {
        summary: InvoiceSummary {
            invoice_number,
            invoice_date: Some(clock::format(month)),
            organization_id: Some(org.to_string()),
            organization_name: Some(company.name.to_string()),
            usage_organization_id: Some(usage.0.clone()),
            usage_organization_name: Some(usage.1.name.to_string()),
            currency_code: Some(currency.to_string()),
            total_invoice_amount: Some(money(subtotal + tax_total)),
            total_charge_amount: Some(0.0),
            total_discount_amount: Some(money(discount_total)),
            total_tax_amount: Some(tax_total),
            invoice_header_tax_amount: Some(tax_total),
            settled: Some(settled),
            sales_order_number: Some(format!("SO-{}", 400_000 + rng.below(99_999))),
            customers_order_reference: Some(format!(
                "PO {}/{}",
                month.year(),
                u8::from(month.month())
            )),
            payment_id: Some(format!("{:012}", rng.below(1_000_000_000_000))),
            invoice_customer_account_number: Some(format!(
                "CUST-{}",
                company.entity_id.replace(' ', "")
            )),
            sig_contract_ref: Some(format!("SC-{}", 10_000 + rng.below(89_999))),
            sig_document_ref: Some(format!("SD-{}", 10_000 + rng.below(89_999))),
            invoice_address_street: Some(street.to_string()),
            invoice_address_street_number: Some(number_part.to_string()),
            invoice_address_zip_code: Some(company.postal.to_string()),
            invoice_address_city: Some(company.city.to_string()),
            invoice_address_state: Some(String::new()),
            invoice_address_country_region_id: Some(country_region(company.country).to_string()),
            invoice_address_country_region_iso_code: Some(company.country.to_string()),
        },
        lines,
    }
}

/// `Jungfernstieg 7` as street `Jungfernstieg` and number `7`.
fn split_street(street: &str) -> (&str, &str) {
    street.rsplit_once(' ').unwrap_or((street, ""))
}

/// The three-letter region ids invoices carry beside the ISO code.
fn country_region(iso: &str) -> &'static str {
    match iso {
        "SE" => "SWE",
        "DE" => "DEU",
        _ => "NOR",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::Listing;

    fn seeded(extra: usize) -> Store {
        build(
            &Seed {
                seed: 42,
                extra_accounts: extra,
            },
            clock::now(),
        )
    }

    #[test]
    fn the_same_seed_gives_the_same_ids() {
        let a = seeded(10).list_accounts(Listing::Accounts, None, 1000).0;
        let b = seeded(10).list_accounts(Listing::Accounts, None, 1000).0;
        assert_eq!(a, b);
        let other = build(
            &Seed {
                seed: 43,
                extra_accounts: 10,
            },
            clock::now(),
        )
        .list_accounts(Listing::Accounts, None, 1000)
        .0;
        assert_ne!(a[0].id, other[0].id);
    }

    #[test]
    fn the_dataset_has_every_case() {
        let store = seeded(0);
        let counts = store.counts();
        assert_eq!(counts.organizations, 5);
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
        let now = clock::now().unix_timestamp();
        assert!(store.list_invoices(None, now).len() < invoices.len());
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
    fn extra_accounts_join_a_load_test_organization() {
        let store = seeded(2500);
        let counts = store.counts();
        assert_eq!(counts.organizations, 6);
        assert_eq!(counts.accounts + counts.deleted_accounts, 2500 + 11);
    }
}
