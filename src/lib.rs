//! Signicat Account Management API SDK.
//!
//! Plain-Rust core (models, validation, routes, policies) with a thin `wasm` binding layer.

pub mod model;
pub mod validate;

#[cfg(target_arch = "wasm32")]
mod wasm;
