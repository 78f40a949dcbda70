//! The running emulator: configuration and the shared state every request sees.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard};
use std::time::Duration;

use axum::http::Method;
use axum::response::Response;
use futures_util::future::BoxFuture;
use time::OffsetDateTime;

use crate::auth::TokenStore;
use crate::clock::Clock;
use crate::faults::{FaultState, RandomFaults};
use crate::host::Host;
use crate::problem::Problem;
use crate::seed::{self, Seed};
use crate::stats::Stats;
use crate::store::{Store, StoreError};

pub const API_PREFIX: &str = "/account-management";
pub const TOKEN_PATH: &str = "/auth/open/connect/token";
/// With `--serve`: the token endpoint of the "customer's backend" the demo page calls.
pub const BACKEND_TOKEN_PATH: &str = "/api/signicat-token";
pub const EMULATOR_PREFIX: &str = "/emulator";
pub const SCOPE: &str = "signicat-api";

/// The one API client the emulator accepts, unless a front end is told another.
pub const DEFAULT_CLIENT_ID: &str = "demo-client";
pub const DEFAULT_CLIENT_SECRET: &str = "demo-secret";
pub const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(600);
/// Token lifetimes a front end accepts, in seconds.
pub const TOKEN_TTL_RANGE: std::ops::RangeInclusive<u64> = 1..=86_400;
/// Upper bound for extra seeded accounts, so a typo cannot exhaust memory.
pub const MAX_ACCOUNTS: usize = 2_000_000;

/// `next` in list pages: a bare page token, or the whole URL of the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStyle {
    Token,
    Url,
}

/// Which browser pages may call, for a front end that browsers reach over the network.
#[derive(Debug, Clone)]
pub struct Access {
    /// Origins whose pages may call: the emulator's own (by any loopback name) and `--allow-origin`.
    pub allowed_origins: Vec<String>,
    /// `Host` values that name this server; any other is a DNS-rebinding attempt.
    pub allowed_hosts: Vec<String>,
}

/// Answers a request that no route matches (the server's static files).
pub type Fallback = Arc<dyn Fn(Method, String) -> BoxFuture<'static, Response> + Send + Sync>;

/// Keeps every change durable (`--data`); `save` runs under the store's lock.
pub trait Saver: Send + Sync {
    fn save(&self, version: u64, store: &Store) -> Result<(), String>;
    /// Where the state is kept, for `/emulator/health`.
    fn location(&self) -> String;
}

pub struct Config {
    pub origin: String,
    pub next_style: NextStyle,
    pub client_id: String,
    pub client_secret: String,
    pub seed: u64,
    pub extra_accounts: usize,
    pub token_ttl: Duration,
    pub faults: RandomFaults,
    pub fault_seed: u64,
    pub log: bool,
    /// Serve `/api/signicat-token`, the page backend of `--serve`.
    pub page_backend: bool,
    /// `None` in-process, where no page has an origin to check.
    pub access: Option<Access>,
    pub fallback: Option<Fallback>,
}

impl Config {
    /// The dataset these settings seed.
    pub fn seeding(&self) -> Seed {
        Seed {
            seed: self.seed,
            extra_accounts: self.extra_accounts,
        }
    }
}

pub struct App {
    pub config: Config,
    pub clock: Clock,
    host: Arc<dyn Host>,
    store: RwLock<Store>,
    /// Bumped on every change, so snapshots are written in order.
    version: AtomicU64,
    saver: Option<Box<dyn Saver>>,
    tokens: Mutex<TokenStore>,
    faults: Mutex<FaultState>,
    stats: Mutex<Stats>,
}

/// A lock whose holder panicked still guards consistent data here, so carry on with it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl App {
    /// An emulator holding `store` (seeded or loaded by the front end).
    pub fn new(
        config: Config,
        store: Store,
        host: Arc<dyn Host>,
        saver: Option<Box<dyn Saver>>,
    ) -> App {
        App {
            clock: Clock::new(host.clone()),
            host,
            store: RwLock::new(store),
            version: AtomicU64::new(1),
            saver,
            tokens: Mutex::new(TokenStore::new(config.token_ttl)),
            faults: Mutex::new(FaultState::new(config.faults.clone(), config.fault_seed)),
            stats: Mutex::new(Stats::default()),
            config,
        }
    }

    /// The seeded dataset of `config`, its invoices dated around `now`.
    pub fn seeded(config: &Config, now: OffsetDateTime) -> Store {
        seed::build(&config.seeding(), now)
    }

    pub fn host(&self) -> &dyn Host {
        self.host.as_ref()
    }

    pub fn read(&self) -> RwLockReadGuard<'_, Store> {
        self.store.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn tokens(&self) -> MutexGuard<'_, TokenStore> {
        lock(&self.tokens)
    }

    pub fn faults(&self) -> MutexGuard<'_, FaultState> {
        lock(&self.faults)
    }

    pub fn stats(&self) -> MutexGuard<'_, Stats> {
        lock(&self.stats)
    }

    pub fn data_file(&self) -> Option<String> {
        self.saver.as_ref().map(|s| s.location())
    }

    /// Runs one change and, with a saver, makes it durable before the caller answers. The
    /// save happens under the store's lock, so a change that cannot be saved is undone
    /// before anyone else sees it.
    pub async fn mutate<T>(
        &self,
        change: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, Problem> {
        let mut store = self.store.write().unwrap_or_else(|e| e.into_inner());
        let Some(saver) = &self.saver else {
            return change(&mut store).map_err(Problem::from);
        };
        let before = store.clone();
        let value = change(&mut store)?;
        let version = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        if let Err(error) = saver.save(version, &store) {
            *store = before;
            return Err(Problem::internal(format!(
                "saving the state failed, so the change was undone: {error}"
            )));
        }
        Ok(value)
    }

    /// Back to the seeded dataset, with no armed faults and empty stats. Tokens stay valid,
    /// and the clock keeps any time it was moved forward.
    pub async fn reset(&self) -> Result<(), Problem> {
        let store = App::seeded(&self.config, self.clock.now());
        self.mutate(|current| {
            *current = store;
            Ok(())
        })
        .await?;
        self.faults().reset(self.config.faults.clone());
        self.stats().clear();
        Ok(())
    }
}
