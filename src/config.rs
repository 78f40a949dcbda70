//! The client's settings and where its tokens come from, checked once at construction.

use crate::auth::client_credentials::DEFAULT_TOKEN_URL;
use crate::auth::Secret;
use crate::error::Error;
use crate::http::retry::DEFAULT_MAX_RETRIES;
use crate::json::text;

pub const DEFAULT_BASE_URL: &str = "https://api.signicat.com/account-management";
pub const DEFAULT_TIMEOUT_MS: f64 = 30_000.0;
/// `setTimeout` holds at most a signed 32-bit number of milliseconds.
const MAX_TIMEOUT_MS: u32 = i32::MAX as u32;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Without a trailing slash.
    pub base_url: String,
    pub token_url: String,
    pub timeout_ms: f64,
    pub max_retries: u32,
}

/// Where access tokens come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Credentials {
    ClientCredentials {
        client_id: String,
        client_secret: Secret,
    },
    AccessToken(Secret),
    /// A `getToken` callback (the browser pattern: the page's backend mints tokens).
    Provider,
}

/// What the caller passed, before checking.
#[derive(Debug, Default)]
pub struct CredentialOptions {
    pub client_id: Option<String>,
    pub client_secret: Option<Secret>,
    pub access_token: Option<Secret>,
    pub has_provider: bool,
    /// The code runs in a browser (not Node, Deno or Bun).
    pub in_browser: bool,
    pub dangerously_allow_browser: bool,
}

/// Exactly one token source, and no client secret in a browser unless the caller insists.
pub fn credentials(options: CredentialOptions) -> Result<Credentials, Error> {
    let CredentialOptions {
        client_id,
        client_secret,
        access_token,
        has_provider,
        in_browser,
        dangerously_allow_browser,
    } = options;
    let sources = [
        client_id.is_some() || client_secret.is_some(),
        access_token.is_some(),
        has_provider,
    ];
    match sources.iter().filter(|s| **s).count() {
        0 => {
            return Err(Error::config(
                "No credentials: pass clientId and clientSecret, accessToken, or getToken",
            ))
        }
        1 => {}
        _ => {
            return Err(Error::config(
                "Pass only one of clientId/clientSecret, accessToken and getToken",
            ))
        }
    }
    if has_provider {
        return Ok(Credentials::Provider);
    }
    if let Some(token) = access_token {
        if !crate::auth::token::is_sendable(token.expose()) {
            return Err(Error::config(
                "accessToken must be a token of visible ASCII characters, without spaces or line breaks",
            ));
        }
        return Ok(Credentials::AccessToken(token));
    }
    let client_id = client_id.filter(|id| !id.trim().is_empty());
    let (Some(client_id), Some(client_secret)) = (client_id, client_secret) else {
        return Err(Error::config(
            "clientId and clientSecret go together: pass both",
        ));
    };
    if in_browser && !dangerously_allow_browser {
        return Err(Error::config(
            "A client secret must not be used in a browser, where every visitor can read it. \
             Use getToken with a token from your backend, or set dangerouslyAllowBrowser: true \
             if this page is never served to anyone else",
        ));
    }
    let client_secret = non_empty(client_secret, "clientSecret")?;
    Ok(Credentials::ClientCredentials {
        client_id,
        client_secret,
    })
}

fn non_empty(secret: Secret, name: &str) -> Result<Secret, Error> {
    if secret.expose().trim().is_empty() {
        Err(Error::config(text(&[&name, &" must not be empty"])))
    } else {
        Ok(secret)
    }
}

/// Defaults for what is left out; URLs must be http(s), the timeout positive.
pub fn settings(
    base_url: Option<String>,
    token_url: Option<String>,
    timeout_ms: Option<f64>,
    max_retries: Option<u32>,
) -> Result<Settings, Error> {
    let base_url = url(base_url, DEFAULT_BASE_URL, "baseUrl")?
        .trim_end_matches('/')
        .to_string();
    let token_url = url(token_url, DEFAULT_TOKEN_URL, "tokenUrl")?;
    let timeout_ms = timeout(timeout_ms)?.unwrap_or(DEFAULT_TIMEOUT_MS);
    Ok(Settings {
        base_url,
        token_url,
        timeout_ms,
        max_retries: max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
    })
}

/// The most retries a client or a call may ask for.
pub const MAX_RETRIES_LIMIT: u32 = 100;

/// A per-call or client-wide number of retries: a whole number from 0 to 100.
pub fn max_retries(n: f64) -> Result<u32, Error> {
    if n.fract() == 0.0 && (0.0..=f64::from(MAX_RETRIES_LIMIT)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(Error::config(
            "maxRetries must be a whole number from 0 to 100",
        ))
    }
}

/// A per-call or client-wide timeout: a positive number of milliseconds that a timer can hold.
pub fn timeout(timeout_ms: Option<f64>) -> Result<Option<f64>, Error> {
    match timeout_ms {
        Some(ms) if !(ms > 0.0 && ms <= f64::from(MAX_TIMEOUT_MS)) => Err(Error::config(text(&[
            &"timeoutMs must be a number of milliseconds from 1 to ",
            &(MAX_TIMEOUT_MS as usize),
        ]))),
        other => Ok(other),
    }
}

/// An https URL with a host; plain http only to this machine, where nobody else can read the
/// secret or the tokens on the way.
fn url(value: Option<String>, default: &str, name: &str) -> Result<String, Error> {
    let value = value.unwrap_or_else(|| default.to_string());
    let lower = value.to_ascii_lowercase();
    let (secure, rest) = match (
        lower.strip_prefix("https://"),
        lower.strip_prefix("http://"),
    ) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return Err(url_error(name, " must be an https:// URL")),
    };
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(url_error(
            name,
            " must be a URL without spaces or control characters",
        ));
    }
    // As the WHATWG URL parser (fetch's) reads http(s) URLs, `\` ends the host like `/`.
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'));
    let authority = rest.get(..end.unwrap_or(rest.len())).unwrap_or_default();
    if authority.contains('@') {
        return Err(url_error(name, " must not carry a user name or password"));
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    if host.is_empty() {
        return Err(url_error(name, " must name a host"));
    }
    if !secure && !is_loopback(host) {
        return Err(url_error(
            name,
            " must be an https:// URL (http:// only for localhost, 127.0.0.1 or ::1)",
        ));
    }
    Ok(value)
}

/// `localhost`, 127.0.0.0/8 or `::1`. Not `*.localhost`: Node, Deno and Bun ask DNS for those,
/// whose answer may be any address.
fn is_loopback(host: &str) -> bool {
    // 127.0.0.0/8 by its shape (digits and three dots), without parsing numbers into the wasm.
    let ipv4_loopback = host.strip_prefix("127.").is_some_and(|rest| {
        rest.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && rest.bytes().filter(|b| *b == b'.').count() == 2
            && !rest.as_bytes().windows(2).any(|pair| pair == b"..")
            && !rest.ends_with('.')
    });
    host == "localhost" || host == "::1" || ipv4_loopback
}

fn url_error(name: &str, problem: &str) -> Error {
    Error::config(text(&[&name, &problem]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn secret_options(in_browser: bool, allow: bool) -> CredentialOptions {
        CredentialOptions {
            client_id: Some("demo-client".into()),
            client_secret: Some(Secret::new("demo-secret")),
            in_browser,
            dangerously_allow_browser: allow,
            ..CredentialOptions::default()
        }
    }

    #[test]
    fn client_secret_is_refused_in_browsers_without_opt_in() {
        let error = credentials(secret_options(true, false))
            .err()
            .map(|e| (e.kind, e.message));
        let (kind, message) = error.unwrap_or((ErrorKind::Api, String::new()));
        assert_eq!(kind, ErrorKind::Config);
        assert!(message.contains("dangerouslyAllowBrowser"));
        assert!(!message.contains("demo-secret"));
        assert!(credentials(secret_options(true, true)).is_ok());
        assert!(credentials(secret_options(false, false)).is_ok());
    }

    #[test]
    fn exactly_one_source() {
        assert!(credentials(CredentialOptions::default()).is_err());
        let both = CredentialOptions {
            access_token: Some(Secret::new("t")),
            has_provider: true,
            ..Default::default()
        };
        assert!(credentials(both).is_err());
        let provider = CredentialOptions {
            has_provider: true,
            in_browser: true,
            ..Default::default()
        };
        assert_eq!(credentials(provider).ok(), Some(Credentials::Provider));
        let half = CredentialOptions {
            client_id: Some("id".into()),
            ..Default::default()
        };
        assert!(credentials(half).is_err());
        let empty = CredentialOptions {
            access_token: Some(Secret::new(" ")),
            ..Default::default()
        };
        assert!(credentials(empty).is_err());
    }

    #[test]
    fn settings_default_and_check() {
        let defaults = settings(None, None, None, None).ok();
        assert_eq!(
            defaults.as_ref().map(|s| s.base_url.as_str()),
            Some(DEFAULT_BASE_URL)
        );
        assert_eq!(defaults.as_ref().map(|s| s.timeout_ms), Some(30_000.0));
        assert_eq!(defaults.map(|s| s.max_retries), Some(2));
        let local = settings(
            Some("http://127.0.0.1:8787/account-management/".into()),
            None,
            Some(5.0),
            Some(0),
        )
        .ok();
        assert_eq!(
            local.map(|s| s.base_url),
            Some("http://127.0.0.1:8787/account-management".into())
        );
        assert!(settings(Some("ftp://x".into()), None, None, None).is_err());
        for url in [
            "https://api.example.com/x",
            "http://localhost:8787",
            "http://localhost\\@evil.example/x",
            "http://127.0.0.1:8787/a",
            "http://127.1.2.3/",
            "http://[::1]:8787/a",
            "HTTPS://API.SIGNICAT.COM",
        ] {
            assert!(
                settings(Some(url.into()), Some(url.into()), None, None).is_ok(),
                "{url}"
            );
        }
        for url in [
            "http://api.signicat.com/account-management",
            "http://10.0.0.1/x",
            "http://127.0.0.1.evil.com/x",
            "http://localhost.evil.com/x",
            "http://evil.example\\.localhost/x",
            "http://app.localhost/x",
            "http://localhost\u{1}/x",
            "http:///auth/open/connect/token",
            "https://",
            "https://:443/x",
            "https://user:pass@api.signicat.com/x",
            "http://[::2]/x",
        ] {
            let refused = settings(None, Some(url.into()), None, None)
                .err()
                .map(|e| e.kind);
            assert_eq!(refused, Some(ErrorKind::Config), "{url}");
        }
        assert!(settings(None, Some("not a url".into()), None, None).is_err());
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 3e9] {
            assert!(settings(None, None, Some(bad), None).is_err(), "{bad}");
        }
    }
}
