//! `createEmulator(options)` as the core's configuration, checked by the server's own rules.

use std::time::Duration;

use serde::Deserialize;
use signicat_emulator_core::app::{
    DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TOKEN_TTL, MAX_ACCOUNTS, TOKEN_TTL_RANGE,
};
use signicat_emulator_core::{rng, Config, NextStyle};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// The scheme and host the emulator answers, e.g. `https://signicat-emulator.test`.
    pub origin: String,
    pub seed: Option<u64>,
    pub accounts: Option<usize>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    /// Seconds.
    pub token_ttl: Option<u64>,
    pub next_style: Option<String>,
    pub faults: Option<String>,
    pub fault_seed: Option<u64>,
}

fn non_empty(name: &str, value: Option<String>, default: &str) -> Result<String, String> {
    match value {
        Some(v) if v.trim().is_empty() => Err(format!("createEmulator: {name} must not be empty")),
        Some(v) => Ok(v),
        None => Ok(default.to_string()),
    }
}

impl Options {
    pub fn config(self) -> Result<Config, String> {
        let accounts = self.accounts.unwrap_or(0);
        if accounts > MAX_ACCOUNTS {
            return Err(format!(
                "createEmulator: accounts must be at most {MAX_ACCOUNTS}"
            ));
        }
        let token_ttl = match self.token_ttl {
            Some(secs) if !TOKEN_TTL_RANGE.contains(&secs) => {
                return Err(format!(
                    "createEmulator: tokenTtl must be between {} and {} seconds",
                    TOKEN_TTL_RANGE.start(),
                    TOKEN_TTL_RANGE.end()
                ))
            }
            Some(secs) => Duration::from_secs(secs),
            None => DEFAULT_TOKEN_TTL,
        };
        let next_style = match self.next_style.as_deref() {
            None | Some("token") => NextStyle::Token,
            Some("url") => NextStyle::Url,
            Some(other) => {
                return Err(format!(
                    "createEmulator: nextStyle must be \"token\" or \"url\", not {other:?}"
                ))
            }
        };
        let faults = self
            .faults
            .as_deref()
            .unwrap_or_default()
            .parse()
            .map_err(|e| format!("createEmulator: faults: {e}"))?;
        Ok(Config {
            origin: self.origin,
            next_style,
            client_id: non_empty("clientId", self.client_id, DEFAULT_CLIENT_ID)?,
            client_secret: non_empty("clientSecret", self.client_secret, DEFAULT_CLIENT_SECRET)?,
            seed: self.seed.unwrap_or_else(rng::os_seed),
            extra_accounts: accounts,
            token_ttl,
            faults,
            fault_seed: self.fault_seed.unwrap_or_else(rng::os_seed),
            log: false,
            page_backend: false,
            access: None,
            fallback: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            origin: "https://signicat-emulator.test".into(),
            ..Options::default()
        }
    }

    #[test]
    fn defaults_are_the_servers() {
        let config = options().config().unwrap();
        assert_eq!(config.client_id, DEFAULT_CLIENT_ID);
        assert_eq!(config.token_ttl, DEFAULT_TOKEN_TTL);
        assert_eq!(config.next_style, NextStyle::Token);
        assert!(config.access.is_none() && !config.page_backend);
    }

    #[test]
    fn rejects_what_the_command_line_rejects() {
        for bad in [
            Options {
                token_ttl: Some(0),
                ..options()
            },
            Options {
                accounts: Some(MAX_ACCOUNTS + 1),
                ..options()
            },
            Options {
                next_style: Some("page".into()),
                ..options()
            },
            Options {
                faults: Some("teapot=0.5".into()),
                ..options()
            },
            Options {
                client_secret: Some(" ".into()),
                ..options()
            },
        ] {
            let error = bad.config().err().unwrap();
            assert!(error.starts_with("createEmulator: "), "{error}");
        }
    }
}
