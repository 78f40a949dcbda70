//! `#[wasm_bindgen]` exports and the fetch transport: reading JS values, driving calls and
//! mapping errors; the rules, schemas and decisions they apply live in the plain-Rust modules.

mod auth;
mod body;
mod call;
mod cancel;
mod client;
mod convert;
mod decode;
mod input;
mod js;
mod json;
mod options;
mod transport;
mod validate;
