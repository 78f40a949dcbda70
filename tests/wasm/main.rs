//! wasm-bindgen tests: the SDK's wasm exports, called by their JS names with JS values, the
//! way the generated JS glue calls them. Run in Node (`wasm-pack test --node`) and in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`): `make test-wasm`.
#![cfg(target_arch = "wasm32")]

// Links the SDK, whose `#[wasm_bindgen]` exports then become this test module's exports.
extern crate signicat_account_management as _;

mod support;
mod validate_exports;
