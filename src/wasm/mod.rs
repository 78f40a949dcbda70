//! `#[wasm_bindgen]` exports and the fetch transport: value conversion, calls and error
//! mapping; the rules they apply live in the plain-Rust modules.

mod auth;
mod call;
mod cancel;
mod client;
mod convert;
mod decode;
mod input;
mod js;
mod options;
mod transport;
mod validate;
