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
