//! Transport policy: what to retry and when, and how answers are read. Plain Rust;
//! the fetch calls themselves live in `crate::wasm::transport`.

pub mod attempt;
pub mod response;
pub mod retry;
pub mod retry_after;
