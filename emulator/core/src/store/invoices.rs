//! Invoices: read-only, kept in date order for window queries.

use signicat_account_management::model::{Invoice, InvoiceSummary};

use super::{not_found, InvoiceEntry, Result, Store};

impl Store {
    /// Adds an invoice dated `date` (unix seconds), keeping invoices in date order; for seeding.
    pub fn insert_invoice(&mut self, date: i64, invoice: Invoice) {
        let at = self.invoices.partition_point(|e| e.date <= date);
        self.invoices.insert(at, InvoiceEntry { date, invoice });
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;
    use crate::store::StoreError;

    fn numbered(number: &str) -> Invoice {
        serde_json::from_value(serde_json::json!({ "invoiceNumber": number })).unwrap()
    }

    #[test]
    fn invoices_list_in_date_order_within_a_window() {
        let mut store = Store::new(Rng::new(1));
        store.insert_invoice(300, numbered("C"));
        store.insert_invoice(100, numbered("A"));
        store.insert_invoice(200, numbered("B"));
        let numbers = |list: Vec<InvoiceSummary>| {
            list.into_iter()
                .map(|i| i.invoice_number)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            numbers(store.list_invoices(None, i64::MAX)),
            ["A", "B", "C"]
        );
        assert_eq!(numbers(store.list_invoices(Some(200), 300)), ["B", "C"]);
        assert_eq!(numbers(store.list_invoices(None, 199)), ["A"]);
        assert_eq!(store.invoice("B").unwrap().summary.invoice_number, "B");
        assert!(matches!(
            store.invoice("Z"),
            Err(StoreError::NotFound {
                what: "invoice",
                ..
            })
        ));
    }
}
