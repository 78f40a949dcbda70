//! Where access tokens come from and how long one is used.

mod base64;
pub mod client_credentials;
pub mod secret;
pub mod token;

pub use secret::Secret;
pub use token::{CachedToken, TokenInfo, TokenPacing};
