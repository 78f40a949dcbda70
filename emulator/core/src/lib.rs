//! The Signicat Account Management emulator without a runtime: the state and its rules
//! (store, auth, paging, problems, faults, seed, PDFs) and the routes that answer HTTP
//! requests. Two front ends serve it: `signicat-emulator` over TCP (tokio) and
//! `signicat-emulator-wasm` in-process, behind the npm package's `/testing` entry.

// A request must never take the emulator down: failures are answers, not panics.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod app;
pub mod auth;
pub mod clock;
mod cors;
pub mod faults;
mod host;
mod inject;
pub mod pagination;
mod pdf;
pub mod problem;
mod query;
pub mod rng;
pub mod routes;
pub mod seed;
mod stats;
pub mod store;
mod wire;

pub use app::{Access, App, Config, Fallback, NextStyle, Saver};
pub use host::{BodyTimeout, Ending, Host};
