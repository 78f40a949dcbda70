//! The fixed part of the seeded dataset, read from `dataset.json`: a corporate group's
//! organizations (each named by a `key` that accounts, contacts and invoices refer to),
//! their accounts and contacts, the organization that takes `--accounts` extra accounts,
//! the products invoiced and who is invoiced monthly in which currency. Day counts are
//! measured from `startDate`. Ids, creation dates and quantities are not here: `build`
//! draws them from the seed, and dates invoices by the month it is given.

use std::sync::OnceLock;

use serde::Deserialize;

const SOURCE: &str = include_str!("dataset.json");

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dataset {
    pub start_date: DateData,
    /// Parents come before their children; the first is the API client's own.
    pub organizations: Vec<OrganizationData>,
    pub accounts: Vec<AccountData>,
    pub contacts: Vec<ContactData>,
    /// Added after the contacts, and only when extra accounts are asked for.
    pub load_test_organization: OrganizationData,
    pub invoice_products: Vec<ProductData>,
    pub monthly_invoices: Vec<InvoicedData>,
}

/// A calendar day, read as midnight UTC.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateData {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrganizationData {
    pub key: String,
    pub parent: Option<String>,
    pub name: String,
    pub entity_id: String,
    pub entity_vat_number: Option<String>,
    pub entity_legal_name: Option<String>,
    pub country: String,
    pub website: Option<String>,
    pub billing_email: Option<String>,
    pub billing_address: Option<AddressData>,
    pub last_modified_days_after_start: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddressData {
    /// The house number last, as invoices carry it apart.
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    /// Invoices carry the three-letter code beside the ISO one.
    pub country_alpha3: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountData {
    pub organization: String,
    pub name: String,
    pub sandbox: bool,
    pub cloud: String,
    pub enabled: bool,
    pub delete_protected: bool,
    pub soft_deleted_days_after_creation: Option<i64>,
    /// The API sends `""` as the creation date of such accounts.
    pub legacy_without_created_date: bool,
    pub products: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactData {
    pub organization: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub email: Option<String>,
    pub mobile: Option<String>,
    pub country: String,
    pub roles: Option<Vec<String>>,
    pub billing_contact: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProductData {
    pub item_number: String,
    pub product_name: String,
    pub unit: String,
    pub unit_price_nok: f64,
    pub min_quantity: u64,
    pub max_quantity: u64,
    pub on_every_invoice: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvoicedData {
    pub organization: String,
    pub currency: String,
    pub currency_per_nok: f64,
    pub tax_rate: f64,
    pub usage_organization_every_third_month: Option<String>,
}

fn parse() -> serde_json::Result<Dataset> {
    serde_json::from_str(SOURCE)
}

/// The embedded dataset, parsed once; `None` only if `dataset.json` is broken, which the
/// tests rule out.
pub fn get() -> Option<&'static Dataset> {
    static DATASET: OnceLock<Option<Dataset>> = OnceLock::new();
    DATASET.get_or_init(|| parse().ok()).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_dataset_parses() {
        let data = parse().unwrap();
        let start = &data.start_date;
        assert_ne!(
            crate::clock::fixed(start.year, start.month, start.day),
            time::OffsetDateTime::UNIX_EPOCH
        );
        assert!(get().is_some());
    }

    #[test]
    fn every_reference_names_an_earlier_organization() {
        let data = parse().unwrap();
        let mut known: Vec<&str> = Vec::new();
        for org in &data.organizations {
            if let Some(parent) = &org.parent {
                assert!(known.contains(&parent.as_str()), "{}", org.key);
            }
            assert!(!known.contains(&org.key.as_str()), "{} twice", org.key);
            known.push(&org.key);
        }
        let load = &data.load_test_organization;
        assert!(load.parent.iter().all(|p| known.contains(&p.as_str())));
        let references = data
            .accounts
            .iter()
            .map(|a| &a.organization)
            .chain(data.contacts.iter().map(|c| &c.organization))
            .chain(data.monthly_invoices.iter().map(|i| &i.organization))
            .chain(
                data.monthly_invoices
                    .iter()
                    .filter_map(|i| i.usage_organization_every_third_month.as_ref()),
            );
        for key in references {
            assert!(known.contains(&key.as_str()), "{key}");
        }
        for invoiced in &data.monthly_invoices {
            let org = data
                .organizations
                .iter()
                .find(|o| o.key == invoiced.organization);
            assert!(org.is_some_and(|o| o.billing_address.is_some()));
        }
    }
}
