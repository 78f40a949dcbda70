//! signicat-emulator: a local, stateful Signicat Account Management API for tests and demos,
//! served over HTTP on 127.0.0.1 (the state, rules and routes are signicat-emulator-core).

// A request must never take the server down: failures are answers, not panics.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod cli;
mod host;
mod persist;
mod server;
mod start;
mod static_files;

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use serde_json::json;
use tokio::net::TcpListener;

use signicat_emulator_core::app::{API_PREFIX, BACKEND_TOKEN_PATH, TOKEN_PATH};
use signicat_emulator_core::routes;

use crate::cli::{Command, Options};

fn main() -> ExitCode {
    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("signicat-emulator {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("signicat-emulator: {err}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("signicat-emulator: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(*options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("signicat-emulator: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> Result<(), String> {
    let started = Instant::now();
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, options.port));
    let listener = TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let origin = format!("http://127.0.0.1:{port}");
    let app = Arc::new(start::app(&options, origin.clone())?);

    // The first line is for programs: they read it to learn where to connect.
    let announcement = json!({
        "origin": origin,
        "baseUrl": format!("{origin}{API_PREFIX}"),
        "tokenUrl": format!("{origin}{TOKEN_PATH}"),
        "clientId": options.client_id,
        "clientSecret": options.client_secret,
    });
    let counts = app.read().counts();
    let mut out = std::io::stdout().lock();
    let printed = writeln!(out, "{announcement}")
        .and_then(|_| {
            writeln!(
                out,
                "signicat-emulator listening on {origin} (seed {}, {} accounts, {} soft-deleted, {} contacts, {} organizations, {} invoices; ready in {} ms)",
                app.config.seed,
                counts.accounts,
                counts.deleted_accounts,
                counts.contacts,
                counts.organizations,
                counts.invoices,
                started.elapsed().as_millis()
            )
        })
        .and_then(|_| match &options.serve {
            Some(dir) => writeln!(
                out,
                "serving {} at {origin}/ (the page gets its tokens from {origin}{BACKEND_TOKEN_PATH})",
                dir.display()
            ),
            None => Ok(()),
        })
        .and_then(|_| out.flush());
    drop(out);
    printed.map_err(|e| format!("cannot write to standard output: {e}"))?;

    if options.exit_with_stdin {
        // A harness that dies closes our stdin; follow it instead of lingering as an orphan.
        std::thread::spawn(|| {
            let mut sink = [0u8; 256];
            let mut stdin = std::io::stdin();
            while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
            std::process::exit(0);
        });
    }

    let router = routes::router(app);
    tokio::select! {
        _ = server::serve(listener, router, options.body_timeout) => Ok(()),
        _ = shutdown() => Ok(()),
    }
}

/// Ctrl-C or SIGTERM ends the process cleanly; with `--data` every answered change is already on disk.
async fn shutdown() {
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
