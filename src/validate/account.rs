use super::fields::{Checker, Presence::*};
use super::issue::ValidationIssue;
use super::Validate;
use crate::json::Json;
use crate::model::{CreateAccountRequest, UpdateAccountRequest};

/// Account display names: 1 to 80 characters.
pub const NAME: (usize, usize) = (1, 80);
pub const REGIONS: [&str; 1] = ["EU"];
pub const CLOUDS: [&str; 2] = ["GCP", "OTC"];

impl Validate for CreateAccountRequest {
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue> {
        let mut c = Checker::new(body);
        c.text("name", Required, NAME.0, NAME.1);
        c.id("organizationId", Required);
        c.boolean("isSandbox", Required);
        c.one_of("region", Required, &REGIONS);
        c.one_of("cloud", Required, &CLOUDS);
        c.finish()
    }
}

impl Validate for UpdateAccountRequest {
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue> {
        let mut c = Checker::new(body);
        c.text("name", Required, NAME.0, NAME.1);
        c.boolean("enabled", Optional);
        c.finish()
    }
}
