//! A small, valid one-page PDF for each invoice, written by hand: a catalog, one page,
//! two standard fonts, one content stream and an exact cross-reference table.

use std::fmt::Write as _;

use signicat_account_management::model::Invoice;

const PAGE_WIDTH: f64 = 595.0;
const PAGE_HEIGHT: f64 = 842.0;
const MARGIN: f64 = 56.0;
const MAX_LINES: usize = 40;

/// One text run on the page.
struct Text {
    x: f64,
    y: f64,
    size: f64,
    bold: bool,
    text: String,
}

pub fn invoice(invoice: &Invoice) -> Vec<u8> {
    let s = &invoice.summary;
    let currency = s.currency_code.clone().unwrap_or_default();
    let amount = |v: Option<f64>| format!("{:.2} {currency}", v.unwrap_or(0.0));
    let mut texts = Vec::new();
    let mut y = PAGE_HEIGHT - MARGIN;
    let line = |texts: &mut Vec<Text>, x: f64, y: f64, size: f64, bold: bool, text: String| {
        texts.push(Text {
            x,
            y,
            size,
            bold,
            text,
        });
    };
    line(&mut texts, MARGIN, y, 20.0, true, "INVOICE".into());
    line(
        &mut texts,
        360.0,
        y,
        10.0,
        false,
        "Signicat (emulated)".into(),
    );
    y -= 30.0;
    let header = [
        ("Invoice number", s.invoice_number.clone()),
        ("Invoice date", s.invoice_date.clone().unwrap_or_default()),
        (
            "Organization",
            s.organization_name.clone().unwrap_or_default(),
        ),
        (
            "Usage organization",
            s.usage_organization_name.clone().unwrap_or_default(),
        ),
        (
            "Customer account",
            s.invoice_customer_account_number
                .clone()
                .unwrap_or_default(),
        ),
        (
            "Sales order",
            s.sales_order_number.clone().unwrap_or_default(),
        ),
        (
            "Your reference",
            s.customers_order_reference.clone().unwrap_or_default(),
        ),
        (
            "Address",
            format!(
                "{} {}, {} {}, {}",
                s.invoice_address_street.clone().unwrap_or_default(),
                s.invoice_address_street_number.clone().unwrap_or_default(),
                s.invoice_address_zip_code.clone().unwrap_or_default(),
                s.invoice_address_city.clone().unwrap_or_default(),
                s.invoice_address_country_region_iso_code
                    .clone()
                    .unwrap_or_default()
            ),
        ),
    ];
    for (label, value) in header {
        line(&mut texts, MARGIN, y, 10.0, true, label.into());
        line(&mut texts, MARGIN + 130.0, y, 10.0, false, value);
        y -= 15.0;
    }
    y -= 15.0;
    for (x, title) in [
        (MARGIN, "Product"),
        (300.0, "Quantity"),
        (370.0, "Unit price"),
        (460.0, "Amount"),
    ] {
        line(&mut texts, x, y, 10.0, true, title.into());
    }
    y -= 16.0;
    for item in invoice.lines.iter().take(MAX_LINES) {
        line(
            &mut texts,
            MARGIN,
            y,
            9.0,
            false,
            item.product_name.clone().unwrap_or_default(),
        );
        line(
            &mut texts,
            300.0,
            y,
            9.0,
            false,
            format!(
                "{} {}",
                item.invoiced_quantity.unwrap_or(0.0),
                item.sales_unit_symbol.clone().unwrap_or_default()
            ),
        );
        line(
            &mut texts,
            370.0,
            y,
            9.0,
            false,
            format!("{:.2}", item.sales_price.unwrap_or(0.0)),
        );
        line(&mut texts, 460.0, y, 9.0, false, amount(item.line_amount));
        y -= 13.0;
    }
    y -= 15.0;
    let totals = [
        ("Discount", s.total_discount_amount),
        ("Tax", s.total_tax_amount),
        ("Total", s.total_invoice_amount),
    ];
    for (label, value) in totals {
        line(&mut texts, 370.0, y, 10.0, true, label.into());
        line(&mut texts, 460.0, y, 10.0, label == "Total", amount(value));
        y -= 15.0;
    }
    let status = if s.settled == Some(true) {
        "Paid"
    } else {
        "Due"
    };
    line(
        &mut texts,
        MARGIN,
        y - 10.0,
        10.0,
        true,
        format!("Status: {status}"),
    );
    line(
        &mut texts,
        MARGIN,
        MARGIN,
        8.0,
        false,
        "Produced by signicat-emulator for testing; not a real invoice.".into(),
    );
    document(&texts, &s.invoice_number)
}

fn document(texts: &[Text], title: &str) -> Vec<u8> {
    let mut content = String::new();
    for t in texts {
        let font = if t.bold { "F2" } else { "F1" };
        let _ = writeln!(
            content,
            "BT /{font} {} Tf {:.1} {:.1} Td ({}) Tj ET",
            t.size,
            t.x,
            t.y,
            escape(&t.text)
        );
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        format!(
            "<< /Title ({}) /Producer (signicat-emulator) >>",
            escape(title)
        ),
    ];
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (index, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", index + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R /Info 7 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

/// A PDF string body in WinAnsi: Latin-1 letters such as ø and ü kept as octal escapes,
/// anything the standard fonts cannot show replaced by `?`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            '€' => out.push_str("\\200"),
            '\u{A0}'..='\u{FF}' => {
                let _ = write!(out, "\\{:03o}", c as u32);
            }
            _ => out.push('?'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed;

    #[test]
    fn escapes_what_pdf_strings_need() {
        assert_eq!(escape("a(b)c\\"), "a\\(b\\)c\\\\");
        assert_eq!(escape("Ødegård"), "\\330deg\\345rd");
        assert_eq!(escape("€ 5 ✓"), "\\200 5 ?");
    }

    #[test]
    fn writes_a_well_formed_document() {
        let store = seed::build(
            &seed::Seed {
                seed: 1,
                extra_accounts: 0,
            },
            crate::clock::now(),
        );
        let number = store.list_invoices(None, i64::MAX)[0]
            .invoice_number
            .clone();
        let pdf = invoice(&store.invoice(&number).unwrap());
        assert!(pdf.starts_with(b"%PDF-1.4\n"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let tail = std::str::from_utf8(&pdf[pdf.len() - 40..]).unwrap();
        let startxref: usize = tail
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let table = std::str::from_utf8(&pdf[startxref..]).unwrap();
        assert!(table.starts_with("xref\n0 8\n"));
        for (index, entry) in table.lines().skip(3).take(7).enumerate() {
            let offset: usize = entry[..10].parse().unwrap();
            let expected = format!("{} 0 obj", index + 1);
            assert!(
                pdf[offset..].starts_with(expected.as_bytes()),
                "object {} misplaced",
                index + 1
            );
        }
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains(&number));
    }
}
