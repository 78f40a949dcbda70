//! The running emulator: configuration and the shared state every request sees.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard};

use crate::auth::TokenStore;
use crate::cli::{NextStyle, Options};
use crate::faults::{FaultState, RandomFaults};
use crate::persist::{self, Persister};
use crate::problem::Problem;
use crate::rng;
use crate::seed::{self, Seed};
use crate::stats::Stats;
use crate::store::{Store, StoreError};

pub const API_PREFIX: &str = "/account-management";
pub const TOKEN_PATH: &str = "/auth/open/connect/token";
/// With `--serve`: the token endpoint of the "customer's backend" the demo page calls.
pub const BACKEND_TOKEN_PATH: &str = "/api/signicat-token";
pub const EMULATOR_PREFIX: &str = "/emulator";
pub const SCOPE: &str = "signicat-api";

pub struct Config {
    pub origin: String,
    pub next_style: NextStyle,
    pub client_id: String,
    pub client_secret: String,
    pub seed: u64,
    pub extra_accounts: usize,
    pub faults: RandomFaults,
    pub serve: Option<PathBuf>,
    pub log: bool,
    /// Origins whose pages may call: the emulator's own (by any loopback name) and `--allow-origin`.
    pub allowed_origins: Vec<String>,
    /// `Host` values that name this server; any other is a DNS-rebinding attempt.
    pub allowed_hosts: Vec<String>,
}

pub struct App {
    pub config: Config,
    store: RwLock<Store>,
    /// Bumped on every change, so snapshots are written in order.
    version: AtomicU64,
    persister: Option<Arc<Persister>>,
    tokens: Mutex<TokenStore>,
    faults: Mutex<FaultState>,
    stats: Mutex<Stats>,
}

/// The loopback names of the server at `origin` (`http://127.0.0.1:PORT`), after `prefix`.
fn own_names(origin: &str, prefix: &str) -> Vec<String> {
    let port = origin.rsplit(':').next().unwrap_or_default();
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .map(|host| format!("{prefix}{host}:{port}"))
        .collect()
}

/// A lock whose holder panicked still guards consistent data here, so carry on with it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl App {
    /// Loads `--data` when it exists, else seeds (and saves the seeded state there).
    pub fn start(options: &Options, origin: String) -> Result<App, String> {
        let seed = options.seed.unwrap_or_else(rng::os_seed);
        let seeding = Seed {
            seed,
            extra_accounts: options.accounts,
        };
        let persister = options
            .data
            .clone()
            .map(Persister::new)
            .transpose()?
            .map(Arc::new);
        let store = match &persister {
            Some(p) => match persist::load(p.path())? {
                Some(store) => store,
                None => {
                    let store = seed::build(&seeding, crate::clock::now());
                    let bytes = persist::encode(&store)?;
                    p.save(1, &bytes)
                        .map_err(|e| format!("cannot write {}: {e}", p.path().display()))?;
                    store
                }
            },
            None => seed::build(&seeding, crate::clock::now()),
        };
        let fault_seed = options.fault_seed.unwrap_or_else(rng::os_seed);
        Ok(App {
            config: Config {
                origin: origin.clone(),
                next_style: options.next_style,
                client_id: options.client_id.clone(),
                client_secret: options.client_secret.clone(),
                seed,
                extra_accounts: options.accounts,
                faults: options.faults.clone(),
                serve: options.serve.clone(),
                log: options.log,
                allowed_origins: own_names(&origin, "http://")
                    .into_iter()
                    .chain(options.allow_origins.iter().cloned())
                    .collect(),
                allowed_hosts: own_names(&origin, ""),
            },
            store: RwLock::new(store),
            version: AtomicU64::new(1),
            persister,
            tokens: Mutex::new(TokenStore::new(options.token_ttl)),
            faults: Mutex::new(FaultState::new(options.faults.clone(), fault_seed)),
            stats: Mutex::new(Stats::default()),
        })
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
        self.persister
            .as_ref()
            .map(|p| p.path().display().to_string())
    }

    /// Runs one change and, with `--data`, makes it durable before the caller answers. The
    /// write happens under the store's lock, so a change that cannot be saved is undone
    /// before anyone else sees it.
    pub async fn mutate<T>(
        &self,
        change: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, Problem> {
        let mut store = self.store.write().unwrap_or_else(|e| e.into_inner());
        let Some(persister) = &self.persister else {
            return change(&mut store).map_err(Problem::from);
        };
        let before = store.clone();
        let value = change(&mut store)?;
        let version = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        let saved = persist::encode(&store)
            .and_then(|bytes| persister.save(version, &bytes).map_err(|e| e.to_string()));
        if let Err(error) = saved {
            *store = before;
            return Err(Problem::internal(format!(
                "saving the state failed, so the change was undone: {error}"
            )));
        }
        Ok(value)
    }

    /// Back to the seeded dataset, with no armed faults and empty stats. Tokens stay valid.
    pub async fn reset(&self) -> Result<(), Problem> {
        let store = seed::build(
            &Seed {
                seed: self.config.seed,
                extra_accounts: self.config.extra_accounts,
            },
            crate::clock::now(),
        );
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
