//! Invoices: a date window (a bare array, not paged), one invoice with lines, its PDF.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::{json, Id};
use crate::app::App;
use crate::pdf;
use crate::problem::Problem;
use crate::query::Query;

pub async fn list(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let query = Query::parse(raw.as_deref());
    let after = query.date_time("invoiceDateAfter")?;
    let before = query
        .date_time("invoiceDateBefore")?
        .unwrap_or_else(|| app.clock.now());
    // A range that ends before it starts holds no invoice: an empty list, as the contract reads.
    let invoices = app
        .read()
        .list_invoices(after.map(|a| a.unix_timestamp()), before.unix_timestamp());
    Ok(json(
        serde_json::to_value(invoices).unwrap_or(Value::Array(Vec::new())),
    ))
}

pub async fn get(State(app): State<Arc<App>>, Id(number): Id) -> Result<Response, Problem> {
    let invoice = app.read().invoice(&number)?;
    serde_json::to_value(invoice)
        .map(json)
        .map_err(|e| Problem::internal(e.to_string()))
}

pub async fn pdf(State(app): State<Arc<App>>, Id(number): Id) -> Result<Response, Problem> {
    let invoice = app.read().invoice(&number)?;
    let mut response = pdf::invoice(&invoice).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    let disposition = format!(
        "attachment; filename=\"{}.pdf\"",
        number.replace(['"', '\\'], "_")
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
