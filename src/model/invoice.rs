use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::schema::{field, Presence::*, Schema, Shape, Shape::*};

use super::lenient::{empty_as_none, null_as_empty};

/// An invoice header, as listed by `GET /invoices`. Amounts are in `currencyCode`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceSummary {
    /// The invoice's number: its id for `invoices.get` and `invoices.download`.
    pub invoice_number: String,
    /// ISO 8601 date-time.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoice_date: Option<String>,
    /// The id of the organization billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The name of the organization billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_name: Option<String>,
    /// The id of the organization whose usage is billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_organization_id: Option<String>,
    /// The name of the organization whose usage is billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_organization_name: Option<String>,
    /// The currency of every amount, ISO 4217 (e.g. `NOK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// The amount invoiced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_invoice_amount: Option<f64>,
    /// The total of the charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_charge_amount: Option<f64>,
    /// The total of the discounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_discount_amount: Option<f64>,
    /// The total of the tax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tax_amount: Option<f64>,
    /// The tax on the invoice as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_header_tax_amount: Option<f64>,
    /// Whether the invoice has been paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<bool>,
    /// The sales order the invoice bills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_order_number: Option<String>,
    /// Your own order reference, as given to Signicat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_order_reference: Option<String>,
    /// The reference to pay the invoice with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<String>,
    /// Your customer account number with Signicat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_customer_account_number: Option<String>,
    /// Signicat's reference to the contract billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sig_contract_ref: Option<String>,
    /// Signicat's reference to the invoice document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sig_document_ref: Option<String>,
    /// Street of the billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_address_street: Option<String>,
    /// Street number of the billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_address_street_number: Option<String>,
    /// Postal code of the billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_address_zip_code: Option<String>,
    /// City of the billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_address_city: Option<String>,
    /// State or region of the billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_address_state: Option<String>,
    /// Country or region of the billing address, as Signicat's books name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_address_country_region_id: Option<String>,
    /// Country of the billing address, ISO 3166-1.
    #[serde(
        default,
        rename = "invoiceAddressCountryRegionISOCode",
        skip_serializing_if = "Option::is_none"
    )]
    pub invoice_address_country_region_iso_code: Option<String>,
}

/// One invoice with its lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Invoice {
    #[serde(flatten)]
    pub summary: InvoiceSummary,
    /// The invoice's lines; `null` reads as `[]`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub lines: Vec<InvoiceLine>,
}

/// One line of an invoice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceLine {
    /// The item billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_number: Option<String>,
    /// The product billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The currency of the amounts, ISO 4217.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// How many units were billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoiced_quantity: Option<f64>,
    /// The price of one unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_price: Option<f64>,
    /// The unit the quantity counts, e.g. `pcs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_unit_symbol: Option<String>,
    /// The amount of the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_amount: Option<f64>,
    /// The total of the line's charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_total_charge_amount: Option<f64>,
    /// The total of the line's discounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_total_discount_amount: Option<f64>,
    /// The total of the line's tax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_total_tax_amount: Option<f64>,
    /// Start of the period the line is recognised for, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub rev_rec_contract_start_date: Option<String>,
    /// End of the period the line is recognised for, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub rev_rec_contract_end_date: Option<String>,
    /// Start of the contract the line bills, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub sig_contract_start: Option<String>,
    /// End of the contract the line bills, ISO 8601.
    #[serde(
        default,
        deserialize_with = "empty_as_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub sig_contract_end: Option<String>,
}

impl Schema for InvoiceSummary {
    const SHAPE: Shape = Object(&[
        field("invoiceNumber", Text, Required),
        field("invoiceDate", Text, EmptyAsAbsent),
        field("organizationId", Text, Optional),
        field("organizationName", Text, Optional),
        field("usageOrganizationId", Text, Optional),
        field("usageOrganizationName", Text, Optional),
        field("currencyCode", Text, Optional),
        field("totalInvoiceAmount", Number, Optional),
        field("totalChargeAmount", Number, Optional),
        field("totalDiscountAmount", Number, Optional),
        field("totalTaxAmount", Number, Optional),
        field("invoiceHeaderTaxAmount", Number, Optional),
        field("settled", Bool, Optional),
        field("salesOrderNumber", Text, Optional),
        field("customersOrderReference", Text, Optional),
        field("paymentId", Text, Optional),
        field("invoiceCustomerAccountNumber", Text, Optional),
        field("sigContractRef", Text, Optional),
        field("sigDocumentRef", Text, Optional),
        field("invoiceAddressStreet", Text, Optional),
        field("invoiceAddressStreetNumber", Text, Optional),
        field("invoiceAddressZipCode", Text, Optional),
        field("invoiceAddressCity", Text, Optional),
        field("invoiceAddressState", Text, Optional),
        field("invoiceAddressCountryRegionId", Text, Optional),
        field("invoiceAddressCountryRegionISOCode", Text, Optional),
    ]);
}

impl Schema for Invoice {
    const SHAPE: Shape = Object(&[
        field("", InvoiceSummary::SHAPE, Flatten),
        field("lines", List(&InvoiceLine::SHAPE), AbsentAsEmpty),
    ]);
}

impl Schema for InvoiceLine {
    const SHAPE: Shape = Object(&[
        field("itemNumber", Text, Optional),
        field("productName", Text, Optional),
        field("currencyCode", Text, Optional),
        field("invoicedQuantity", Number, Optional),
        field("salesPrice", Number, Optional),
        field("salesUnitSymbol", Text, Optional),
        field("lineAmount", Number, Optional),
        field("lineTotalChargeAmount", Number, Optional),
        field("lineTotalDiscountAmount", Number, Optional),
        field("lineTotalTaxAmount", Number, Optional),
        field("revRecContractStartDate", Text, EmptyAsAbsent),
        field("revRecContractEndDate", Text, EmptyAsAbsent),
        field("sigContractStart", Text, EmptyAsAbsent),
        field("sigContractEnd", Text, EmptyAsAbsent),
    ]);
}
