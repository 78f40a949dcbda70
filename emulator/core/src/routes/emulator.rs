//! Test support under /emulator: health, reset, token revocation, stats, armed faults and
//! the clock.
//! Never subject to fault injection, never counted in the stats.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{json, JsonBody};
use crate::app::App;
use crate::app::NextStyle;
use crate::clock;
use crate::faults::{ArmRequest, ArmedFault, FaultState, RandomFaults, MAX_ARMED};
use crate::problem::Problem;

pub async fn health(State(app): State<Arc<App>>) -> Response {
    let (counts, root) = {
        let store = app.read();
        (store.counts(), store.root_organization().to_string())
    };
    let random = app.faults().random().to_string();
    json(json!({
        "status": "ok",
        "service": "signicat-emulator",
        "version": env!("CARGO_PKG_VERSION"),
        "origin": app.config.origin,
        "seed": app.config.seed,
        "dataFile": app.data_file(),
        "nextStyle": match app.config.next_style { NextStyle::Token => "token", NextStyle::Url => "url" },
        "randomFaults": random,
        "rootOrganizationId": root,
        "counts": counts,
    }))
}

pub async fn reset(State(app): State<Arc<App>>) -> Result<Response, Problem> {
    app.reset().await?;
    Ok(json(
        json!({ "status": "reset", "counts": app.read().counts() }),
    ))
}

pub async fn revoke_tokens(State(app): State<Arc<App>>) -> Response {
    let revoked = app.tokens().revoke_all();
    json(json!({ "revoked": revoked }))
}

pub async fn stats(State(app): State<Arc<App>>) -> Response {
    let stats = app.stats();
    json(serde_json::to_value(stats.view()).unwrap_or(Value::Null))
}

pub async fn clear_stats(State(app): State<Arc<App>>) -> Response {
    app.stats().clear();
    json(json!({ "status": "cleared" }))
}

fn describe(state: &FaultState) -> Value {
    let armed: Vec<Value> = state
        .queue()
        .iter()
        .map(|a: &ArmedFault| {
            json!({ "fault": a.fault.to_string(), "times": a.times, "method": a.method, "path": a.path })
        })
        .collect();
    json!({ "armed": armed, "random": state.random().to_string() })
}

pub async fn faults(State(app): State<Arc<App>>) -> Response {
    json(describe(&app.faults()))
}

/// Arms one fault (`{"fault":"503","times":1,"method":"POST","path":"/account-management/accounts"}`)
/// or several at once as a JSON array, all or none. The answer counts them rather than listing
/// the queue, so arming in a loop does not grow every answer.
pub async fn arm_fault(
    State(app): State<Arc<App>>,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let requests: Vec<Value> = match body {
        Value::Array(items) => items,
        single => vec![single],
    };
    let mut armed = Vec::with_capacity(requests.len().min(MAX_ARMED));
    for request in requests {
        let request: ArmRequest =
            serde_json::from_value(request).map_err(|e| Problem::param("fault", e.to_string()))?;
        armed.push(
            ArmedFault::try_from(request).map_err(|(name, reason)| Problem::param(name, reason))?,
        );
    }
    let added = armed.len();
    let mut state = app.faults();
    state.arm(armed).map_err(|e| Problem::param("fault", e))?;
    Ok(json(
        json!({ "added": added, "queued": state.queue().len() }),
    ))
}

pub async fn clear_faults(State(app): State<Arc<App>>) -> Response {
    let mut state = app.faults();
    state.clear_queue();
    json(describe(&state))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RandomRequest {
    spec: String,
    #[serde(default)]
    seed: Option<u64>,
}

/// Replaces the `--faults` spec until the next reset: `{"spec":"503=0.2","seed":7}`.
pub async fn set_random_faults(
    State(app): State<Arc<App>>,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let request: RandomRequest =
        serde_json::from_value(body).map_err(|e| Problem::param("spec", e.to_string()))?;
    let random: RandomFaults = request
        .spec
        .parse()
        .map_err(|e: String| Problem::param("spec", e))?;
    let mut state = app.faults();
    state.set_random(random, request.seed);
    Ok(json(describe(&state)))
}

fn describe_clock(app: &App) -> Value {
    json!({
        "now": app.clock.now_string(),
        "offsetMs": u64::try_from(app.clock.offset().as_millis()).unwrap_or(u64::MAX),
    })
}

pub async fn clock(State(app): State<Arc<App>>) -> Response {
    json(describe_clock(&app))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvanceRequest {
    advance: String,
}

/// Moves the clock forward, `{"advance":"1h"}`: tokens expire and records are dated later.
pub async fn advance_clock(
    State(app): State<Arc<App>>,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let request: AdvanceRequest =
        serde_json::from_value(body).map_err(|e| Problem::param("advance", e.to_string()))?;
    let by = clock::span(&request.advance).map_err(|e| Problem::param("advance", e))?;
    app.clock.advance(by);
    Ok(json(describe_clock(&app)))
}
