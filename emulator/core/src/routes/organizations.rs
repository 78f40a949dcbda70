//! Organizations: list, create a child, get with its relations, update.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use signicat_account_management::model::{CreateOrganizationRequest, UpdateOrganizationRequest};

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
    let listing = Listing::Organizations;
    let (limit, after) = paging(listing, &query, query.get("page")?)?;
    let (organizations, next) = app.read().list_organizations(after, limit);
    let data = organizations
        .iter()
        .map(wire::organization_summary)
        .collect();
    Ok(page(
        &app,
        &headers,
        "/organizations",
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
    let request: CreateOrganizationRequest = checked(body)?;
    let now = app.clock.now_string();
    let organization = app
        .mutate(|store| store.create_organization(request, &now))
        .await?;
    Ok(json(wire::organization(&organization)))
}

pub async fn get(
    State(app): State<Arc<App>>,
    Id(id): Id,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let deleted_accounts = Query::parse(raw.as_deref())
        .boolean("deletedAccounts")?
        .unwrap_or(false);
    let organization = app.read().organization(&id, deleted_accounts)?;
    Ok(json(wire::organization(&organization)))
}

pub async fn update(
    State(app): State<Arc<App>>,
    Id(id): Id,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let cleared = nulls(&body);
    let request: UpdateOrganizationRequest = checked(body)?;
    let now = app.clock.now_string();
    let organization = app
        .mutate(|store| store.update_organization(&id, request, &cleared, &now))
        .await?;
    Ok(json(wire::updated_organization(&organization)))
}
