//! Signicat Account Management API SDK.
//!
//! A plain-Rust core (models, validation, the routing table, retry and token policies)
//! under a thin `wasm` binding layer that performs the calls over `fetch`.

// `Error` carries the API's problem details by value; failures are the cold path, so its size is no cost.
#![allow(clippy::result_large_err)]
// Nothing on the JS boundary may panic: a panic poisons the client for good.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod auth;
pub mod config;
pub mod error;
pub mod http;
pub mod json;
pub mod model;
pub mod pagination;
pub mod routes;
pub mod validate;

#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
mod wasm;

// Smaller and faster than the default dlmalloc in wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
