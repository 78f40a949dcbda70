use super::fields::{Checker, Presence, Presence::*};
use super::issue::ValidationIssue;
use super::Validate;
use crate::json::Json;
use crate::model::{ContactPatchRequest, ContactRequest, ContactRole};

pub const NAME_PART_MAX: usize = 64;
pub const CHANNEL_MAX: usize = 128;

/// The fields shared by the full and the partial contact bodies; `names` says whether
/// first and last name must be present.
fn person<V: Json>(c: &mut Checker<V>, names: Presence) {
    c.text("firstName", names, 1, NAME_PART_MAX);
    c.text("middleName", Optional, 0, NAME_PART_MAX);
    c.text("lastName", names, 1, NAME_PART_MAX);
    c.email("email", CHANNEL_MAX);
    c.text("mobile", Optional, 0, CHANNEL_MAX);
    c.text("phone", Optional, 0, CHANNEL_MAX);
    c.country("country");
    c.list_of("roles", &ContactRole::ALL);
}

impl Validate for ContactRequest {
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue> {
        let mut c = Checker::new(body);
        c.id("organizationId", Optional);
        person(&mut c, Required);
        c.finish()
    }
}

impl Validate for ContactPatchRequest {
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue> {
        let mut c = Checker::new(body);
        c.id("organizationId", Optional);
        person(&mut c, Optional);
        c.finish()
    }
}
