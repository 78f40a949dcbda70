//! Command-line options. Parsed by hand: a dozen flags do not justify a parser dependency.

use std::path::PathBuf;
use std::time::Duration;

use signicat_emulator_core::app::{
    DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TOKEN_TTL, MAX_ACCOUNTS, TOKEN_TTL_RANGE,
};
use signicat_emulator_core::faults::RandomFaults;
pub use signicat_emulator_core::NextStyle;

/// How long a client may take to send a request body whole, so one that never does cannot hold a connection forever.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);

pub const USAGE: &str = "\
signicat-emulator: a local, stateful Signicat Account Management API

USAGE:
    signicat-emulator [OPTIONS]

OPTIONS:
    --port N               Port on 127.0.0.1 (default 8787; 0 picks a free port)
    --seed N               Seed for a deterministic dataset (default: random)
    --accounts N           Extra accounts to seed, for pagination (default 0)
    --token-ttl SECONDS    Lifetime of issued access tokens (default 600)
    --client-id ID         Accepted client id (default demo-client)
    --client-secret SECRET Accepted client secret (default demo-secret)
    --data FILE            Keep state in FILE across restarts (atomic writes)
    --serve DIR            Serve the static files in DIR at /, with a token endpoint
                           for them at /api/signicat-token (no secret in the page)
    --next-style STYLE     `next` as a bare page token (token, default) or a full URL (url)
    --faults SPEC          Random faults, e.g. 429=0.1,503=0.05,reset=0.02,slow=1500ms@0.05
    --fault-seed N         Seed for the random faults (default: random)
    --body-timeout SECONDS Time a client has to send a request body whole (default 10)
    --exit-with-stdin      Exit when standard input closes (for test harnesses)
    --allow-origin ORIGIN  A web origin whose pages may call the emulator, besides its
                           own (repeatable; e.g. http://localhost:5173, or
                           http://127.0.0.1:* for any port of that host)
    --log                  Print one line per request on standard error
    -h, --help             Print this help
    -V, --version          Print the version

The first line on standard output is a JSON object with origin, baseUrl, tokenUrl,
clientId and clientSecret.
";

#[derive(Debug, Clone)]
pub struct Options {
    pub port: u16,
    pub seed: Option<u64>,
    pub accounts: usize,
    pub token_ttl: Duration,
    pub client_id: String,
    pub client_secret: String,
    pub data: Option<PathBuf>,
    pub serve: Option<PathBuf>,
    pub next_style: NextStyle,
    pub faults: RandomFaults,
    pub fault_seed: Option<u64>,
    pub body_timeout: Duration,
    pub exit_with_stdin: bool,
    pub log: bool,
    pub allow_origins: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            port: 8787,
            seed: None,
            accounts: 0,
            token_ttl: DEFAULT_TOKEN_TTL,
            client_id: DEFAULT_CLIENT_ID.into(),
            client_secret: DEFAULT_CLIENT_SECRET.into(),
            data: None,
            serve: None,
            next_style: NextStyle::Token,
            faults: RandomFaults::default(),
            fault_seed: None,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            exit_with_stdin: false,
            log: false,
            allow_origins: Vec::new(),
        }
    }
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    Run(Box<Options>),
    Help,
    Version,
}

pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--port" => options.port = number(&flag, &value(&flag)?)?,
            "--seed" => options.seed = Some(number(&flag, &value(&flag)?)?),
            "--accounts" => {
                let n: usize = number(&flag, &value(&flag)?)?;
                if n > MAX_ACCOUNTS {
                    return Err(format!("--accounts must be at most {MAX_ACCOUNTS}"));
                }
                options.accounts = n;
            }
            "--token-ttl" => {
                let secs: u64 = number(&flag, &value(&flag)?)?;
                if !TOKEN_TTL_RANGE.contains(&secs) {
                    return Err("--token-ttl must be between 1 and 86400 seconds".into());
                }
                options.token_ttl = Duration::from_secs(secs);
            }
            "--client-id" => options.client_id = non_empty(&flag, value(&flag)?)?,
            "--client-secret" => options.client_secret = non_empty(&flag, value(&flag)?)?,
            "--data" => options.data = Some(PathBuf::from(non_empty(&flag, value(&flag)?)?)),
            "--allow-origin" => {
                let origin = value(&flag)?.trim_end_matches('/').to_ascii_lowercase();
                let scheme_ok = origin.starts_with("http://") || origin.starts_with("https://");
                let any_port = origin.strip_suffix(":*").is_some_and(|o| !o.contains('*'));
                if !scheme_ok
                    || origin.matches('/').count() != 2
                    || (origin.contains('*') && !any_port)
                {
                    return Err(format!(
                        "--allow-origin takes an origin such as http://localhost:5173, not {origin}"
                    ));
                }
                options.allow_origins.push(origin);
            }
            "--serve" => options.serve = Some(PathBuf::from(non_empty(&flag, value(&flag)?)?)),
            "--next-style" => {
                options.next_style = match value(&flag)?.as_str() {
                    "token" => NextStyle::Token,
                    "url" => NextStyle::Url,
                    other => {
                        return Err(format!("--next-style must be token or url, not {other:?}"))
                    }
                }
            }
            "--faults" => {
                options.faults = value(&flag)?
                    .parse()
                    .map_err(|err| format!("--faults: {err}"))?
            }
            "--fault-seed" => options.fault_seed = Some(number(&flag, &value(&flag)?)?),
            "--body-timeout" => {
                let secs: u64 = number(&flag, &value(&flag)?)?;
                if !(1..=3600).contains(&secs) {
                    return Err("--body-timeout must be between 1 and 3600 seconds".into());
                }
                options.body_timeout = Duration::from_secs(secs);
            }
            "--exit-with-stdin" => options.exit_with_stdin = true,
            "--log" => options.log = true,
            other => return Err(format!("unknown option {other:?} (see --help)")),
        }
    }
    Ok(Command::Run(Box::new(options)))
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{flag} needs a whole number, not {text:?}"))
}

fn non_empty(flag: &str, text: String) -> Result<String, String> {
    if text.trim().is_empty() {
        Err(format!("{flag} must not be empty"))
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Command::Run(options) => Ok(*options),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn defaults() {
        let o = run(&[]).unwrap();
        assert_eq!(o.port, 8787);
        assert_eq!(o.token_ttl, Duration::from_secs(600));
        assert_eq!(o.body_timeout, Duration::from_secs(10));
        assert_eq!(o.next_style, NextStyle::Token);
        assert_eq!(o.client_id, "demo-client");
        assert!(o.faults.is_empty());
    }

    #[test]
    fn every_flag() {
        let o = run(&[
            "--port",
            "0",
            "--seed",
            "7",
            "--accounts=100000",
            "--token-ttl",
            "1",
            "--data",
            "/tmp/x.json",
            "--serve",
            "www",
            "--next-style",
            "url",
            "--faults",
            "429=0.1,slow=1500ms@0.05",
            "--fault-seed",
            "3",
            "--body-timeout",
            "2",
            "--exit-with-stdin",
            "--log",
        ])
        .unwrap();
        assert_eq!(o.port, 0);
        assert_eq!(o.seed, Some(7));
        assert_eq!(o.accounts, 100_000);
        assert_eq!(o.token_ttl, Duration::from_secs(1));
        assert_eq!(o.next_style, NextStyle::Url);
        assert_eq!(o.fault_seed, Some(3));
        assert_eq!(o.body_timeout, Duration::from_secs(2));
        assert!(o.exit_with_stdin && o.log && !o.faults.is_empty());
    }

    #[test]
    fn rejects_bad_input() {
        assert!(run(&["--port", "http"]).is_err());
        assert!(run(&["--port", "70000"]).is_err());
        assert!(run(&["--port"]).is_err());
        assert!(run(&["--next-style", "page"]).is_err());
        assert!(run(&["--token-ttl", "0"]).is_err());
        assert!(run(&["--body-timeout", "0"]).is_err());
        assert!(run(&["--faults", "teapot=0.5"]).is_err());
        assert!(run(&["--wat"]).is_err());
        assert!(matches!(parse(["--help".to_string()]), Ok(Command::Help)));
    }
}
