//! Monthly invoices from the dataset's products and terms, dated around `now`'s month.

use signicat_account_management::model::{Invoice, InvoiceLine, InvoiceSummary};
use time::{Duration, OffsetDateTime};

use super::dataset::{AddressData, Dataset, InvoicedData, OrganizationData, ProductData};
use super::{Placed, INVOICE_MONTHS};
use crate::clock;
use crate::rng::Rng;
use crate::store::Store;

/// Who an invoice is for, whose usage it bills and on which terms.
struct Billed<'a> {
    id: &'a str,
    org: &'a OrganizationData,
    address: &'a AddressData,
    usage: &'a (String, &'a OrganizationData),
    terms: &'a InvoicedData,
}

/// One invoice per invoiced organization for each month from a year before `now` to the
/// next one; those older than last month are settled.
pub(super) fn add(
    store: &mut Store,
    rng: &mut Rng,
    data: &Dataset,
    placed: &Placed<'_>,
    now: OffsetDateTime,
) {
    let mut serial = 0;
    for offset in -INVOICE_MONTHS..=1 {
        let Some(month) = clock::month_start(now, offset) else {
            continue;
        };
        for terms in &data.monthly_invoices {
            serial += 1;
            let Some(billed) = placed.get(terms.organization.as_str()) else {
                continue;
            };
            let (id, org) = billed;
            let Some(address) = org.billing_address.as_ref() else {
                continue;
            };
            let usage = terms
                .usage_organization_every_third_month
                .as_deref()
                .filter(|_| offset % 3 == 0)
                .and_then(|key| placed.get(key))
                .unwrap_or(billed);
            let billed = Billed {
                id,
                org,
                address,
                usage,
                terms,
            };
            let invoice = invoice(
                rng,
                &billed,
                &data.invoice_products,
                serial,
                month,
                offset < -1,
            );
            store.insert_invoice(month.unix_timestamp(), invoice);
        }
    }
}

fn money(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn invoice(
    rng: &mut Rng,
    billed: &Billed<'_>,
    products: &[ProductData],
    serial: u64,
    month: OffsetDateTime,
    settled: bool,
) -> Invoice {
    let Billed {
        id,
        org,
        address,
        usage,
        terms,
    } = *billed;
    let currency = terms.currency.as_str();
    let invoice_number = format!("INV-{}-{:06}", month.year(), 100_000 + serial);
    let period_start = clock::month_start(month, -1).unwrap_or(month);
    let period_end = month - Duration::seconds(1);
    let mut lines = Vec::new();
    let (mut subtotal, mut discount_total, mut tax_total) = (0.0, 0.0, 0.0);
    for product in products {
        if !product.on_every_invoice && rng.chance(0.35) {
            continue;
        }
        let spread = product.max_quantity.saturating_sub(product.min_quantity);
        let quantity = (product.min_quantity + rng.below(spread + 1)) as f64;
        let price = money(product.unit_price_nok * terms.currency_per_nok);
        let gross = money(quantity * price);
        let discount = if rng.chance(0.2) {
            money(gross * 0.05)
        } else {
            0.0
        };
        let amount = money(gross - discount);
        let tax = money(amount * terms.tax_rate);
        subtotal += amount;
        discount_total += discount;
        tax_total += tax;
        lines.push(InvoiceLine {
            item_number: Some(product.item_number.clone()),
            product_name: Some(product.product_name.clone()),
            currency_code: Some(currency.to_string()),
            invoiced_quantity: Some(quantity),
            sales_price: Some(price),
            sales_unit_symbol: Some(product.unit.clone()),
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
    let (street, number_part) = split_street(&address.street);
    Invoice {
        summary: InvoiceSummary {
            invoice_number,
            invoice_date: Some(clock::format(month)),
            organization_id: Some(id.to_string()),
            organization_name: Some(org.name.clone()),
            usage_organization_id: Some(usage.0.clone()),
            usage_organization_name: Some(usage.1.name.clone()),
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
                org.entity_id.replace(' ', "")
            )),
            sig_contract_ref: Some(format!("SC-{}", 10_000 + rng.below(89_999))),
            sig_document_ref: Some(format!("SD-{}", 10_000 + rng.below(89_999))),
            invoice_address_street: Some(street.to_string()),
            invoice_address_street_number: Some(number_part.to_string()),
            invoice_address_zip_code: Some(address.postal_code.clone()),
            invoice_address_city: Some(address.city.clone()),
            invoice_address_state: Some(String::new()),
            invoice_address_country_region_id: Some(address.country_alpha3.clone()),
            invoice_address_country_region_iso_code: Some(address.country.clone()),
        },
        lines,
    }
}

/// `Jungfernstieg 7` as street `Jungfernstieg` and number `7`.
fn split_street(street: &str) -> (&str, &str) {
    street.rsplit_once(' ').unwrap_or((street, ""))
}
