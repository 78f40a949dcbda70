//! From the command line to a running emulator: the configuration, and the state loaded from
//! `--data` or seeded.

use std::sync::Arc;

use axum::http::Method;
use futures_util::FutureExt;
use signicat_emulator_core::{rng, Access, App, Config, Fallback, Saver};
use time::OffsetDateTime;

use crate::cli::Options;
use crate::host::TokioHost;
use crate::persist::{self, Persister};
use crate::static_files;

/// The loopback names of the server at `origin` (`http://127.0.0.1:PORT`), after `prefix`.
fn own_names(origin: &str, prefix: &str) -> Vec<String> {
    let port = origin.rsplit(':').next().unwrap_or_default();
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .map(|host| format!("{prefix}{host}:{port}"))
        .collect()
}

/// Loads `--data` when it exists, else seeds (and saves the seeded state there).
pub fn app(options: &Options, origin: String) -> Result<App, String> {
    let fallback = options.serve.clone().map(|root| {
        let root = Arc::new(root);
        let serve: Fallback = Arc::new(move |method: Method, path: String| {
            let root = root.clone();
            async move { static_files::serve(&root, &method, &path).await }.boxed()
        });
        serve
    });
    let config = Config {
        next_style: options.next_style,
        client_id: options.client_id.clone(),
        client_secret: options.client_secret.clone(),
        seed: options.seed.unwrap_or_else(rng::os_seed),
        extra_accounts: options.accounts,
        token_ttl: options.token_ttl,
        faults: options.faults.clone(),
        fault_seed: options.fault_seed.unwrap_or_else(rng::os_seed),
        log: options.log,
        page_backend: options.serve.is_some(),
        access: Some(Access {
            allowed_origins: own_names(&origin, "http://")
                .into_iter()
                .chain(options.allow_origins.iter().cloned())
                .collect(),
            allowed_hosts: own_names(&origin, ""),
        }),
        fallback,
        origin,
    };
    let persister = options.data.clone().map(Persister::new).transpose()?;
    let store = match &persister {
        Some(p) => match persist::load(p.path())? {
            Some(store) => store,
            None => {
                let store = App::seeded(&config, OffsetDateTime::now_utc());
                Saver::save(p, 1, &store)
                    .map_err(|e| format!("cannot write {}: {e}", p.path().display()))?;
                store
            }
        },
        None => App::seeded(&config, OffsetDateTime::now_utc()),
    };
    let saver = persister.map(|p| Box::new(p) as Box<dyn Saver>);
    Ok(App::new(config, store, Arc::new(TokioHost), saver))
}
