use super::fields::{Checker, Presence, Presence::*};
use super::issue::ValidationIssue;
use super::Validate;
use crate::json::Json;
use crate::model::{CreateOrganizationRequest, UpdateOrganizationRequest};

/// Organization names: 3 to 80 characters.
pub const NAME: (usize, usize) = (3, 80);
pub const BILLING_EMAIL_MAX: usize = 80;

/// The fields shared by the create and update bodies; `name` says whether the name must be present.
fn profile<V: Json>(c: &mut Checker<V>, name: Presence) {
    c.text("name", name, NAME.0, NAME.1);
    c.website("website", 255);
    c.text("entityId", Optional, 0, 100);
    c.text("entityVatNumber", Optional, 0, 255);
    c.text("entityLegalName", Optional, 0, 255);
    c.country("country");
    c.email("billingEmail", BILLING_EMAIL_MAX);
    c.object("billingAddress", |address| {
        for line in ["street", "postalCode", "city", "region"] {
            address.text(line, Optional, 0, 255);
        }
        address.country("country");
    });
}

impl Validate for CreateOrganizationRequest {
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue> {
        let mut c = Checker::new(body);
        profile(&mut c, Required);
        c.id("parentOrganizationId", Required);
        c.finish()
    }
}

impl Validate for UpdateOrganizationRequest {
    fn issues<V: Json>(body: V) -> Vec<ValidationIssue> {
        let mut c = Checker::new(body);
        profile(&mut c, Optional);
        c.id("billingContactId", Optional);
        c.finish()
    }
}
