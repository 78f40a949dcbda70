//! The contract's rules for every request body, in one place. The SDK checks a body
//! before sending it; the emulator checks it on arrival; the TypeScript `validate`
//! functions expose the same rules to forms.

mod account;
mod contact;
mod country;
pub mod date;
mod email;
mod fields;
mod issue;
mod organization;
pub mod params;
mod website;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::json::Json;

pub use country::is_country_code;
pub use email::is_email;
pub use issue::{Rule, ValidationIssue};
pub use website::is_web_address;

/// What an operation sends: a JSON body with rules, or nothing ([`NoBody`]).
pub trait Body {
    const SENT: bool;
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue>;
}

impl<T: Validate> Body for T {
    const SENT: bool = true;
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue> {
        <T as Validate>::issues(body)
    }
}

/// The operation sends no body.
pub struct NoBody;

impl Body for NoBody {
    const SENT: bool = false;
    fn issues<V: Json>(_: V) -> Vec<ValidationIssue> {
        Vec::new()
    }
}

/// A request body with rules. Issues come in field order, all of them at once.
pub trait Validate: Serialize + DeserializeOwned {
    /// Every issue with `body`, a JSON value as a caller would send it.
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue>;

    /// Checks `body` and, when it has no issues, turns it into the typed request.
    fn parse(body: Value) -> Result<Self, Vec<ValidationIssue>> {
        let issues = Self::issues(&body);
        if !issues.is_empty() {
            return Err(issues);
        }
        serde_json::from_value(body).map_err(|err| {
            vec![ValidationIssue {
                field: String::new(),
                rule: Rule::Type,
                message: err.to_string(),
            }]
        })
    }

    /// Every issue with an already typed request (lengths, formats and enums still apply).
    fn check(&self) -> Vec<ValidationIssue> {
        match serde_json::to_value(self) {
            Ok(body) => Self::issues(&body),
            Err(err) => vec![ValidationIssue {
                field: String::new(),
                rule: Rule::Type,
                message: err.to_string(),
            }],
        }
    }
}
