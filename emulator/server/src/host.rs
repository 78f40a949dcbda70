//! The core's clock and timers, from the operating system and tokio.

use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::FutureExt;
use signicat_emulator_core::{clock, Host};

pub struct TokioHost;

impl Host for TokioHost {
    fn now_ms(&self) -> i64 {
        clock::system_ms()
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        tokio::time::sleep(duration).boxed()
    }
}
