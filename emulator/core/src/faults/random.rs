//! `--faults`: faults drawn at random for each request, each with its probability.

use std::fmt;
use std::str::FromStr;

use super::Fault;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    use crate::faults::FaultState;

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
}
