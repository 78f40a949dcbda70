//! Contacts: list, create, get, replace (PUT) and partial update (PATCH).

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use signicat_account_management::model::{ContactPatchRequest, ContactRequest};

use super::{checked, json, nulls, page, paging, Id, JsonBody};
use crate::app::App;
use crate::pagination::Listing;
use crate::problem::Problem;
use crate::query::Query;
use crate::wire;

pub async fn list(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let query = Query::parse(raw.as_deref());
    let listing = Listing::Contacts;
    let (limit, after) = paging(listing, &query, query.get("page")?)?;
    let (contacts, next) = app.read().list_contacts(after, limit);
    let data = contacts.iter().map(wire::contact).collect();
    Ok(page(
        &app,
        &headers,
        "/contacts",
        listing,
        limit,
        data,
        next,
    ))
}

pub async fn create(
    State(app): State<Arc<App>>,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let request: ContactRequest = checked(body)?;
    let contact = app.mutate(|store| store.create_contact(request)).await?;
    Ok(json(wire::contact(&contact)))
}

pub async fn get(State(app): State<Arc<App>>, Id(id): Id) -> Result<Response, Problem> {
    let contact = app.read().contact(&id)?;
    Ok(json(wire::contact(&contact)))
}

pub async fn replace(
    State(app): State<Arc<App>>,
    Id(id): Id,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let request: ContactRequest = checked(body)?;
    let contact = app
        .mutate(|store| store.replace_contact(&id, request))
        .await?;
    Ok(json(wire::contact(&contact)))
}

pub async fn patch(
    State(app): State<Arc<App>>,
    Id(id): Id,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let cleared = nulls(&body);
    let request: ContactPatchRequest = checked(body)?;
    let contact = app
        .mutate(|store| store.patch_contact(&id, request, &cleared))
        .await?;
    Ok(json(wire::contact(&contact)))
}
