//! The queue of armed faults that browser tests (which cannot set headers) use, and the state
//! that picks each request's fault: the queue first, then the random draw.

use serde::Deserialize;

use super::{Fault, RandomFaults};
use crate::rng::Rng;

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
    /// The field at fault and why.
    type Error = (&'static str, String);

    fn try_from(request: ArmRequest) -> Result<Self, Self::Error> {
        let times = request.times.unwrap_or(1);
        if !(1..=100_000).contains(&times) {
            return Err(("times", "must be between 1 and 100000".into()));
        }
        let path = request.path.filter(|p| !p.is_empty());
        if path.as_deref().is_some_and(|p| p.len() > MAX_PATH) {
            return Err(("path", format!("must be at most {MAX_PATH} bytes long")));
        }
        if path.as_deref().is_some_and(|p| !p.starts_with('/')) {
            return Err(("path", "must start with /".into()));
        }
        let method = request.method.filter(|m| !m.is_empty());
        if method.as_deref().is_some_and(|m| m.len() > MAX_METHOD) {
            return Err(("method", format!("must be at most {MAX_METHOD} bytes long")));
        }
        Ok(ArmedFault {
            fault: request.fault.parse().map_err(|e| ("fault", e))?,
            times,
            method: method.map(|m| m.to_ascii_uppercase()),
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

/// The longest `method` an armed fault may name, in bytes; every method HTTP defines is shorter.
pub const MAX_METHOD: usize = 16;
/// The longest `path` an armed fault may name, in bytes.
pub const MAX_PATH: usize = 1024;

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

    /// Arms all of `armed`, or none when they would overfill the queue: a page that arms faults
    /// in a loop must not grow it forever.
    pub fn arm(&mut self, armed: Vec<ArmedFault>) -> Result<(), String> {
        if self.queue.len().saturating_add(armed.len()) > MAX_ARMED {
            return Err(format!(
                "at most {MAX_ARMED} faults can be armed at once, and {} are",
                self.queue.len()
            ));
        }
        self.queue.extend(armed);
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
            .arm(vec![arm(
                "503",
                Some(2),
                Some("post"),
                Some("/account-management/accounts"),
            )])
            .unwrap();
        state
            .arm(vec![arm(
                "reset",
                None,
                None,
                Some("/account-management/contacts*"),
            )])
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
        for _ in 0..MAX_ARMED - 1 {
            state.arm(vec![arm("503", None, None, None)]).unwrap();
        }
        let two = vec![arm("503", None, None, None), arm("500", None, None, None)];
        assert!(state.arm(two).is_err(), "all or none");
        assert_eq!(state.queue().len(), MAX_ARMED - 1);
        state.arm(vec![arm("503", None, None, None)]).unwrap();
        assert!(state.arm(vec![arm("503", None, None, None)]).is_err());
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

    #[test]
    fn arm_requests_bound_their_strings() {
        let request = |method: &str, path: &str| ArmRequest {
            fault: "503".into(),
            times: None,
            method: Some(method.into()),
            path: Some(path.into()),
        };
        let longest_path = format!("/{}", "a".repeat(MAX_PATH - 1));
        assert!(ArmedFault::try_from(request(&"M".repeat(MAX_METHOD), &longest_path)).is_ok());
        let long_method = ArmedFault::try_from(request(&"M".repeat(MAX_METHOD + 1), "/x"));
        assert_eq!(
            long_method.map(|_| ()).map_err(|(name, _)| name),
            Err("method")
        );
        let long_path = ArmedFault::try_from(request("GET", &format!("{longest_path}a")));
        assert_eq!(long_path.map(|_| ()).map_err(|(name, _)| name), Err("path"));
    }
}
