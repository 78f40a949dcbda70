//! Fault injection: what a fault is, the `--faults` and `x-emulator-fault` syntax, and the
//! queue of armed faults that browser tests (which cannot set headers) use.

mod armed;
mod random;

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use crate::clock;

pub use armed::{ArmRequest, ArmedFault, FaultState, Source, MAX_ARMED};
pub use random::RandomFaults;

/// The longest `slow` delay accepted, so a typo cannot hang a test run for hours.
const MAX_SLOW: Duration = Duration::from_secs(300);
/// Retry-After sent with 429 and 503 when the fault names none.
const DEFAULT_RETRY_AFTER: u64 = 1;

/// One way a request can go wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// A problem-details error with this status; the operation is not run.
    Status {
        status: u16,
        retry_after: Option<u64>,
    },
    /// The connection is dropped (TCP RST) without any response; the operation is not run.
    Reset,
    /// The operation runs, and its body stops halfway although the full length was announced.
    Truncate,
    /// An HTML error page from a "proxy", as `text/html`; the operation is not run.
    Html { status: u16 },
    /// The operation runs after this delay.
    Slow(Duration),
}

impl FromStr for Fault {
    type Err = String;

    /// `503`, `429;retry-after=2`, `reset`, `truncate`, `html`, `html;status=504`, `slow=200ms`, `500`.
    fn from_str(text: &str) -> Result<Self, String> {
        let mut parts = text.split(';').map(str::trim);
        let head = parts.next().unwrap_or_default().to_ascii_lowercase();
        let mut params = Vec::new();
        for part in parts.filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("fault parameter {part:?} needs a value (key=value)"))?;
            params.push((key.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        let mut param = |name: &str| -> Option<String> {
            let at = params.iter().position(|(k, _)| k == name)?;
            Some(params.remove(at).1)
        };
        let fault = match head.as_str() {
            "reset" => Fault::Reset,
            "truncate" => Fault::Truncate,
            // An HTML page may also come with 200, as from a captive portal or a misrouted proxy.
            "html" => Fault::Html {
                status: match param("status") {
                    Some(s) if s == "200" => 200,
                    Some(s) => status_code(&s)?,
                    None => 502,
                },
            },
            _ if head.starts_with("slow") => {
                let delay = head
                    .strip_prefix("slow=")
                    .ok_or_else(|| "slow needs a delay, e.g. slow=200ms".to_string())?;
                Fault::Slow(duration(delay)?)
            }
            _ if head.chars().all(|c| c.is_ascii_digit()) && !head.is_empty() => {
                let status = status_code(&head)?;
                let retry_after = match param("retry-after") {
                    Some(secs) => Some(
                        secs.parse()
                            .map_err(|_| format!("retry-after must be whole seconds, not {secs:?}"))?,
                    ),
                    None if status == 429 || status == 503 => Some(DEFAULT_RETRY_AFTER),
                    None => None,
                };
                Fault::Status {
                    status,
                    retry_after,
                }
            }
            _ => {
                return Err(format!(
                    "unknown fault {text:?}: use a status (429, 503, 500, ...), reset, truncate, html or slow=DURATION"
                ))
            }
        };
        if let Some((key, _)) = params.first() {
            return Err(format!("unknown parameter {key:?} for fault {head:?}"));
        }
        Ok(fault)
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Status {
                status,
                retry_after: Some(secs),
            } => write!(f, "{status};retry-after={secs}"),
            Fault::Status { status, .. } => write!(f, "{status}"),
            Fault::Reset => f.write_str("reset"),
            Fault::Truncate => f.write_str("truncate"),
            Fault::Html { status: 502 } => f.write_str("html"),
            Fault::Html { status } => write!(f, "html;status={status}"),
            Fault::Slow(delay) => write!(f, "slow={}ms", delay.as_millis()),
        }
    }
}

fn status_code(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(status) if (400..=599).contains(&status) => Ok(status),
        _ => Err(format!("a fault status must be 400..599, not {text:?}")),
    }
}

/// A delay: `200ms`, `1.5s`, `2s`, or a bare number of milliseconds, at most [`MAX_SLOW`].
pub fn duration(text: &str) -> Result<Duration, String> {
    let delay = clock::span(text)?;
    if delay > MAX_SLOW {
        return Err(format!("a delay must be at most {}s", MAX_SLOW.as_secs()));
    }
    Ok(delay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_header_form() {
        assert_eq!(
            "503".parse(),
            Ok(Fault::Status {
                status: 503,
                retry_after: Some(1)
            })
        );
        assert_eq!(
            "429;retry-after=7".parse(),
            Ok(Fault::Status {
                status: 429,
                retry_after: Some(7)
            })
        );
        assert_eq!(
            "500".parse(),
            Ok(Fault::Status {
                status: 500,
                retry_after: None
            })
        );
        assert_eq!(" reset ".parse(), Ok(Fault::Reset));
        assert_eq!("truncate".parse(), Ok(Fault::Truncate));
        assert_eq!("html".parse(), Ok(Fault::Html { status: 502 }));
        assert_eq!("html;status=504".parse(), Ok(Fault::Html { status: 504 }));
        assert_eq!("html;status=200".parse(), Ok(Fault::Html { status: 200 }));
        assert_eq!(
            "slow=200ms".parse(),
            Ok(Fault::Slow(Duration::from_millis(200)))
        );
        assert_eq!(
            "slow=1.5s".parse(),
            Ok(Fault::Slow(Duration::from_millis(1500)))
        );
        assert_eq!(
            "slow=25".parse(),
            Ok(Fault::Slow(Duration::from_millis(25)))
        );
    }

    #[test]
    fn rejects_bad_faults() {
        for bad in [
            "",
            "teapot",
            "200",
            "600",
            "slow",
            "slow=fast",
            "slow=-1s",
            "slow=1e300s",
            "slow=NaN",
            "slow=inf",
            "slow=1h",
            "429;retry-after=soon",
            "reset;x=1",
            "503;retry-after",
        ] {
            assert!(bad.parse::<Fault>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "503;retry-after=1",
            "500",
            "reset",
            "truncate",
            "html",
            "html;status=504",
            "slow=200ms",
        ] {
            let fault: Fault = text.parse().unwrap();
            assert_eq!(fault.to_string(), text);
            assert_eq!(fault.to_string().parse::<Fault>().unwrap(), fault);
        }
    }
}
