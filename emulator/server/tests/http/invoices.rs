use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::{segment, Emulator};

fn numbers(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a bare array")
        .iter()
        .map(|i| i["invoiceNumber"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn invoices_in_a_date_window() {
    let emu = Emulator::start(&["--seed", "3"]);
    let everything = emu
        .call(
            "GET",
            "/invoices?invoiceDateBefore=2999-01-01T00:00:00Z",
            None,
        )
        .await
        .expect(200)
        .json();
    let all = everything.as_array().unwrap();
    assert!(all.len() >= 30);
    let currencies: BTreeSet<&str> = all
        .iter()
        .filter_map(|i| i["currencyCode"].as_str())
        .collect();
    assert_eq!(
        currencies.into_iter().collect::<Vec<_>>(),
        ["EUR", "NOK", "SEK"]
    );
    assert!(
        all.iter().all(|i| i.get("lines").is_none()),
        "list items are headers"
    );

    let until_now = emu.call("GET", "/invoices", None).await.expect(200).json();
    let now = time::OffsetDateTime::now_utc();
    assert!(
        numbers(&until_now).len() < all.len(),
        "before defaults to now"
    );
    let stamp = |i: &Value| {
        time::OffsetDateTime::parse(
            i["invoiceDate"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap()
    };
    assert!(until_now
        .as_array()
        .unwrap()
        .iter()
        .all(|i| stamp(i) <= now));
    assert!(
        all.iter().any(|i| stamp(i) > now),
        "the seed has upcoming invoices"
    );

    let dates: Vec<&str> = all
        .iter()
        .map(|i| i["invoiceDate"].as_str().unwrap())
        .collect();
    let (from, to) = (dates[3], dates[8]);
    let window = emu
        .call(
            "GET",
            &format!(
                "/invoices?invoiceDateAfter={}&invoiceDateBefore={}",
                segment(from),
                segment(to)
            ),
            None,
        )
        .await
        .expect(200)
        .json();
    let inside: Vec<&str> = window
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["invoiceDate"].as_str().unwrap())
        .collect();
    assert!(!inside.is_empty());
    assert!(
        inside.iter().all(|d| *d >= from && *d <= to),
        "{inside:?} outside [{from}, {to}]"
    );
    assert_eq!(
        inside.len(),
        dates.iter().filter(|d| **d >= from && **d <= to).count()
    );

    let empty = emu
        .call(
            "GET",
            "/invoices?invoiceDateAfter=1990-01-01&invoiceDateBefore=1990-02-01",
            None,
        )
        .await
        .expect(200);
    assert_eq!(empty.json(), Value::Array(vec![]));
    // A range that ends before it starts is empty, not an error: no schema could say otherwise.
    let reversed = emu.call("GET", "/invoices?invoiceDateAfter=2024-02-01T00:00:00Z&invoiceDateBefore=2024-01-01T00:00:00Z", None).await.expect(200);
    assert_eq!(reversed.json(), Value::Array(vec![]));
    let junk = emu
        .call("GET", "/invoices?invoiceDateBefore=tomorrow", None)
        .await
        .expect(400);
    assert_eq!(junk.invalid_params(), ["invoiceDateBefore"]);
}

#[tokio::test]
async fn one_invoice_with_lines_and_its_pdf() {
    let emu = Emulator::start(&["--seed", "3"]);
    let list = emu.call("GET", "/invoices", None).await.expect(200).json();
    for number in numbers(&list).iter().take(5) {
        let invoice = emu
            .call("GET", &format!("/invoices/{}", segment(number)), None)
            .await
            .expect(200)
            .json();
        assert_eq!(invoice["invoiceNumber"], number.as_str());
        let lines = invoice["lines"].as_array().unwrap();
        assert!(!lines.is_empty());
        let sum: f64 = lines
            .iter()
            .map(|l| l["lineAmount"].as_f64().unwrap() + l["lineTotalTaxAmount"].as_f64().unwrap())
            .sum();
        assert!((sum - invoice["totalInvoiceAmount"].as_f64().unwrap()).abs() < 0.05);

        let pdf = emu
            .call("GET", &format!("/invoices/{}/pdf", segment(number)), None)
            .await
            .expect(200);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        assert!(pdf.body.starts_with(b"%PDF-"));
        assert!(pdf.body.trim_ascii_end().ends_with(b"%%EOF"));
        assert!(String::from_utf8_lossy(&pdf.body).contains(number.as_str()));
    }
    emu.call("GET", "/invoices/INV-0000-000000", None)
        .await
        .expect(404);
    emu.call("GET", "/invoices/INV-0000-000000/pdf", None)
        .await
        .expect(404);
}
