//! What a front end lends the core: wall-clock time and timers, which differ between tokio
//! and a JavaScript event loop.

use std::time::Duration;

use futures_util::future::BoxFuture;

pub trait Host: Send + Sync + 'static {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
    /// Resolves after `duration`: slow responses and the pause before a truncated body fails.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// What a front end's request body fails with when the client stops sending it before its
/// end; the routes answer it `408`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyTimeout;

impl std::fmt::Display for BodyTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body did not arrive in time")
    }
}

impl std::error::Error for BodyTimeout {}

/// How an answer ends when a fault cuts it; set as a response extension for the front end,
/// which alone owns the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Reset the connection without answering.
    Reset,
}
