//! Accounts: list, create, get, update, soft delete and undelete.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use signicat_account_management::model::{CreateAccountRequest, UpdateAccountRequest};

use super::{checked, json, page, paging, Id, JsonBody};
use crate::app::App;
use crate::pagination::{Cursor, Listing};
use crate::problem::Problem;
use crate::query::Query;
use crate::wire;

pub async fn list(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let query = Query::parse(raw.as_deref());
    let token = query.get("page")?;
    // A token alone keeps walking the listing it came from.
    let listing = match (
        query.boolean("deleted")?,
        token.and_then(|t| Cursor::decode(t).ok()),
    ) {
        (Some(true), _) => Listing::DeletedAccounts,
        (None, Some(cursor)) if cursor.listing == Listing::DeletedAccounts => {
            Listing::DeletedAccounts
        }
        _ => Listing::Accounts,
    };
    let (limit, after) = paging(listing, &query, token)?;
    let (accounts, next) = app.read().list_accounts(listing, after, limit);
    let data = accounts.iter().map(wire::account).collect();
    Ok(page(
        &app,
        &headers,
        "/accounts",
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
    let request: CreateAccountRequest = checked(body)?;
    let now = app.clock.now_string();
    let account = app
        .mutate(|store| store.create_account(request, &now))
        .await?;
    Ok(json(wire::account(&account)))
}

pub async fn get(
    State(app): State<Arc<App>>,
    Id(id): Id,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let deleted = Query::parse(raw.as_deref())
        .boolean("deleted")?
        .unwrap_or(false);
    let account = app.read().account(&id, deleted)?;
    Ok(json(wire::account(&account)))
}

pub async fn update(
    State(app): State<Arc<App>>,
    Id(id): Id,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let request: UpdateAccountRequest = checked(body)?;
    let now = app.clock.now_string();
    let account = app
        .mutate(|store| store.update_account(&id, request, &now))
        .await?;
    Ok(json(wire::account(&account)))
}

pub async fn delete(State(app): State<Arc<App>>, Id(id): Id) -> Result<Response, Problem> {
    let now = app.clock.now_string();
    let account = app.mutate(|store| store.delete_account(&id, &now)).await?;
    Ok(json(wire::account(&account)))
}

pub async fn undelete(State(app): State<Arc<App>>, Id(id): Id) -> Result<Response, Problem> {
    let now = app.clock.now_string();
    let account = app
        .mutate(|store| store.undelete_account(&id, &now))
        .await?;
    Ok(json(wire::account(&account)))
}
