//! Fault injection: what a fault is, the `--faults` and `x-emulator-fault` syntax, and the
//! queue of armed faults that browser tests (which cannot set headers) use.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::Deserialize;

use crate::clock;
use crate::rng::Rng;

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

/// Faults drawn at random for each request, as given by `--faults`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RandomFaults {
    entries: Vec<(Fault, f64)>,
}

impl RandomFaults {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The fault whose slice of `[0, 1)` holds `draw`; the kinds exclude each other.
    pub fn pick(&self, draw: f64) -> Option<Fault> {
        let mut upper = 0.0;
        for (fault, probability) in &self.entries {
            upper += probability;
            if draw < upper {
                return Some(fault.clone());
            }
        }
        None
    }
}

impl FromStr for RandomFaults {
    type Err = String;

    /// `429=0.1,503=0.05,reset=0.02,slow=1500ms@0.05`: FAULT=P, or FAULT@P when the fault has a `=`.
    fn from_str(spec: &str) -> Result<Self, String> {
        let mut entries = Vec::new();
        let mut total = 0.0;
        for item in spec.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (fault, probability) = item
                .rsplit_once('@')
                .or_else(|| item.rsplit_once('='))
                .ok_or_else(|| format!("{item:?} needs a probability, e.g. 503=0.05"))?;
            let probability: f64 = probability
                .trim()
                .parse()
                .ok()
                .filter(|p: &f64| (0.0..=1.0).contains(p))
                .ok_or_else(|| format!("{item:?}: the probability must be a number from 0 to 1"))?;
            total += probability;
            entries.push((fault.parse()?, probability));
        }
        if total > 1.0 + 1e-9 {
            return Err(format!("the probabilities add up to {total}, more than 1"));
        }
        Ok(RandomFaults { entries })
    }
}

impl fmt::Display for RandomFaults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let items: Vec<String> = self
            .entries
            .iter()
            .map(|(fault, p)| format!("{fault}@{p}"))
            .collect();
        f.write_str(&items.join(","))
    }
}

/// A fault armed through `POST /emulator/faults`, for the next `times` matching requests.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmedFault {
    pub fault: Fault,
    pub times: u32,
    pub method: Option<String>,
    pub path: Option<String>,
}

/// The JSON body of `POST /emulator/faults`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArmRequest {
    pub fault: String,
    #[serde(default)]
    pub times: Option<u32>,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
}

impl TryFrom<ArmRequest> for ArmedFault {
    type Error = String;

    fn try_from(request: ArmRequest) -> Result<Self, String> {
        let times = request.times.unwrap_or(1);
        if !(1..=100_000).contains(&times) {
            return Err("times must be between 1 and 100000".into());
        }
        let path = request.path.filter(|p| !p.is_empty());
        if path.as_deref().is_some_and(|p| !p.starts_with('/')) {
            return Err("path must start with /".into());
        }
        Ok(ArmedFault {
            fault: request.fault.parse()?,
            times,
            method: request
                .method
                .filter(|m| !m.is_empty())
                .map(|m| m.to_ascii_uppercase()),
            path,
        })
    }
}

impl ArmedFault {
    /// Method compares case-insensitively; path matches exactly, or as a prefix when it ends with `*`.
    pub fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method));
        let path_ok = match self.path.as_deref() {
            None => true,
            Some(pattern) => match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            },
        };
        method_ok && path_ok
    }
}

/// Where an applied fault came from, for the stats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Header,
    Queue,
    Random,
}

/// How many armed faults the queue holds at most.
pub const MAX_ARMED: usize = 1_000;

/// The armed queue and the random faults, with the generator that draws them.
#[derive(Debug)]
pub struct FaultState {
    random: RandomFaults,
    seed: u64,
    rng: Rng,
    queue: Vec<ArmedFault>,
}

impl FaultState {
    pub fn new(random: RandomFaults, seed: u64) -> Self {
        FaultState {
            random,
            seed,
            rng: Rng::new(seed),
            queue: Vec::new(),
        }
    }

    /// The fault for a request that carries no header: the first matching armed one, else a random draw.
    pub fn next(&mut self, method: &str, path: &str) -> Option<(Fault, Source)> {
        if let Some(at) = self.queue.iter().position(|a| a.matches(method, path)) {
            let armed = self.queue.get_mut(at)?;
            let fault = armed.fault.clone();
            armed.times = armed.times.saturating_sub(1);
            if armed.times == 0 {
                self.queue.remove(at);
            }
            return Some((fault, Source::Queue));
        }
        if self.random.is_empty() {
            return None;
        }
        let draw = self.rng.unit();
        self.random.pick(draw).map(|f| (f, Source::Random))
    }

    /// Arms `armed` unless the queue is full: a page that arms faults in a loop must not grow it forever.
    pub fn arm(&mut self, armed: ArmedFault) -> Result<(), String> {
        if self.queue.len() >= MAX_ARMED {
            return Err(format!("at most {MAX_ARMED} faults can be armed at once"));
        }
        self.queue.push(armed);
        Ok(())
    }

    pub fn queue(&self) -> &[ArmedFault] {
        &self.queue
    }

    pub fn random(&self) -> &RandomFaults {
        &self.random
    }

    pub fn set_random(&mut self, random: RandomFaults, seed: Option<u64>) {
        self.random = random;
        if let Some(seed) = seed {
            self.seed = seed;
        }
        self.rng = Rng::new(self.seed);
    }

    pub fn clear_queue(&mut self) {
        self.queue.clear();
    }

    /// Back to the start: no armed faults, the random sequence replayed from its seed.
    pub fn reset(&mut self, random: RandomFaults) {
        self.queue.clear();
        self.random = random;
        self.rng = Rng::new(self.seed);
    }
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

    #[test]
    fn parses_random_spec() {
        let spec: RandomFaults =
            "429=0.1,503=0.05,reset=0.02,slow=1500ms@0.05,truncate=0.02,html=0.02"
                .parse()
                .unwrap();
        assert_eq!(spec.entries.len(), 6);
        assert_eq!(
            spec.pick(0.05),
            Some(Fault::Status {
                status: 429,
                retry_after: Some(1)
            })
        );
        assert_eq!(
            spec.pick(0.12),
            Some(Fault::Status {
                status: 503,
                retry_after: Some(1)
            })
        );
        assert_eq!(spec.pick(0.16), Some(Fault::Reset));
        assert_eq!(
            spec.pick(0.20),
            Some(Fault::Slow(Duration::from_millis(1500)))
        );
        assert_eq!(spec.pick(0.5), None);
        assert!("429;retry-after=3@0.5".parse::<RandomFaults>().is_ok());
        assert!("".parse::<RandomFaults>().unwrap().is_empty());
    }

    #[test]
    fn rejects_bad_random_specs() {
        for bad in [
            "429",
            "429=2",
            "429=-0.1",
            "slow=1500ms",
            "429=0.6,503=0.6",
            "nope=0.1",
        ] {
            assert!(bad.parse::<RandomFaults>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn random_draws_follow_the_seed() {
        let spec: RandomFaults = "503=0.5".parse().unwrap();
        let draws = |seed| {
            let mut state = FaultState::new(spec.clone(), seed);
            (0..200)
                .map(|_| state.next("GET", "/x").is_some())
                .collect::<Vec<_>>()
        };
        let a = draws(9);
        assert_eq!(a, draws(9));
        let hits = a.iter().filter(|hit| **hit).count();
        assert!((60..140).contains(&hits), "{hits} of 200 at p=0.5");
    }

    #[test]
    fn queue_applies_to_matching_requests_in_order() {
        let mut state = FaultState::new(RandomFaults::default(), 1);
        let arm = |fault: &str, times, method: Option<&str>, path: Option<&str>| {
            ArmedFault::try_from(ArmRequest {
                fault: fault.into(),
                times,
                method: method.map(Into::into),
                path: path.map(Into::into),
            })
            .unwrap()
        };
        state
            .arm(arm(
                "503",
                Some(2),
                Some("post"),
                Some("/account-management/accounts"),
            ))
            .unwrap();
        state
            .arm(arm(
                "reset",
                None,
                None,
                Some("/account-management/contacts*"),
            ))
            .unwrap();
        assert_eq!(state.next("GET", "/account-management/accounts"), None);
        assert_eq!(state.next("POST", "/account-management/accounts/x"), None);
        assert!(matches!(
            state.next("POST", "/account-management/accounts"),
            Some((Fault::Status { status: 503, .. }, Source::Queue))
        ));
        assert_eq!(
            state.next("GET", "/account-management/contacts/c-p-1"),
            Some((Fault::Reset, Source::Queue))
        );
        assert_eq!(state.next("GET", "/account-management/contacts"), None);
        assert!(state.next("POST", "/account-management/accounts").is_some());
        assert_eq!(state.next("POST", "/account-management/accounts"), None);
        assert!(state.queue().is_empty());
        for _ in 0..MAX_ARMED {
            state.arm(arm("503", None, None, None)).unwrap();
        }
        assert!(state.arm(arm("503", None, None, None)).is_err());
        assert_eq!(state.queue().len(), MAX_ARMED);
    }

    #[test]
    fn arm_requests_are_checked() {
        let request = |times, path: &str| ArmRequest {
            fault: "503".into(),
            times,
            method: None,
            path: Some(path.into()),
        };
        assert!(ArmedFault::try_from(request(Some(0), "/x")).is_err());
        assert!(ArmedFault::try_from(request(None, "x")).is_err());
        assert!(ArmedFault::try_from(request(Some(3), "/x*")).is_ok());
    }
}
