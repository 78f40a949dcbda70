//! Responses shaped like the real API's samples: the SDK's models leave empty optionals
//! out, while the real service writes `null` (and `""` for unknown dates). Mirroring that
//! lets client tests meet the same quirks they will meet in production.

use serde::Serialize;
use serde_json::{json, Map, Value};
use signicat_account_management::model::{
    Account, Contact, Organization, OrganizationSummary, UpdatedOrganization,
};

fn object<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Writes `value` for each of `keys` that the model left out.
fn fill(map: &mut Map<String, Value>, keys: &[&str], value: Value) {
    for key in keys {
        map.entry(key.to_string()).or_insert_with(|| value.clone());
    }
}

/// A live account says `"isSoftDeleted": null`, as in the samples.
fn soft_delete_flags(map: &mut Map<String, Value>) {
    if map.get("isSoftDeleted") == Some(&Value::Bool(false)) {
        map.insert("isSoftDeleted".into(), Value::Null);
    }
    fill(map, &["softDeletedAt"], Value::Null);
}

pub fn account(account: &Account) -> Value {
    let mut map = object(account);
    soft_delete_flags(&mut map);
    fill(&mut map, &["createdDate", "lastModifiedDate"], json!(""));
    fill(&mut map, &["organization"], Value::Null);
    Value::Object(map)
}

pub fn contact(contact: &Contact) -> Value {
    let mut map = object(contact);
    fill(
        &mut map,
        &[
            "middleName",
            "email",
            "mobile",
            "phone",
            "country",
            "roles",
            "organization",
        ],
        Value::Null,
    );
    Value::Object(map)
}

fn summary_fields(map: &mut Map<String, Value>) {
    fill(map, &["lastModifiedDate"], json!(""));
    fill(
        map,
        &[
            "entityId",
            "entityVatNumber",
            "entityLegalName",
            "country",
            "parentOrganization",
        ],
        Value::Null,
    );
}

pub fn organization_summary(summary: &OrganizationSummary) -> Value {
    let mut map = object(summary);
    summary_fields(&mut map);
    Value::Object(map)
}

pub fn organization(organization: &Organization) -> Value {
    let mut map = object(organization);
    summary_fields(&mut map);
    fill(
        &mut map,
        &[
            "website",
            "billingEmail",
            "billingAddress",
            "billingContact",
        ],
        Value::Null,
    );
    for key in ["accounts", "contacts"] {
        if let Some(Value::Array(items)) = map.get_mut(key) {
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                if key == "accounts" {
                    soft_delete_flags(item);
                } else {
                    fill(item, &["email", "mobile", "roles"], Value::Null);
                }
            }
        }
    }
    if let Some(Value::Object(contact)) = map.get_mut("billingContact") {
        fill(contact, &["email", "mobile", "roles"], Value::Null);
    }
    Value::Object(map)
}

/// The answer to an update, in the reference's shape: the update's fields as saved, no `id`.
pub fn updated_organization(organization: &Organization) -> Value {
    let summary = &organization.summary;
    let answer = UpdatedOrganization {
        name: Some(summary.name.clone()),
        website: organization.website.clone(),
        entity_id: summary.entity_id.clone(),
        entity_vat_number: summary.entity_vat_number.clone(),
        entity_legal_name: summary.entity_legal_name.clone(),
        country: summary.country.clone(),
        billing_email: organization.billing_email.clone(),
        billing_address: organization.billing_address.clone(),
        billing_contact_id: organization.billing_contact.as_ref().map(|c| c.id.clone()),
        ..UpdatedOrganization::default()
    };
    let mut map = object(&answer);
    fill(
        &mut map,
        &[
            "website",
            "entityId",
            "entityVatNumber",
            "entityLegalName",
            "country",
            "billingEmail",
            "billingAddress",
            "billingContactId",
        ],
        Value::Null,
    );
    Value::Object(map)
}

/// The list envelope; `next` is `null` on the last page, as in the samples.
pub fn page(data: Vec<Value>, next: Option<String>) -> Value {
    json!({ "data": data, "next": next })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::Listing;
    use crate::seed;

    #[test]
    fn live_accounts_carry_nulls_like_the_samples() {
        let store = seed::build(
            &seed::Seed {
                seed: 3,
                extra_accounts: 0,
            },
            time::OffsetDateTime::now_utc(),
        );
        let (accounts, _) = store.list_accounts(Listing::Accounts, None, 100);
        let legacy = accounts.iter().find(|a| a.created_date.is_none()).unwrap();
        let value = account(legacy);
        assert_eq!(value["isSoftDeleted"], Value::Null);
        assert_eq!(value["softDeletedAt"], Value::Null);
        assert_eq!(value["createdDate"], json!(""));
        assert!(value.get("products").is_none());
        let round_trip: Account = serde_json::from_value(value).unwrap();
        assert_eq!(&round_trip, legacy);
        let (deleted, _) = store.list_accounts(Listing::DeletedAccounts, None, 100);
        assert_eq!(account(&deleted[0])["isSoftDeleted"], json!(true));
    }

    #[test]
    fn pages_say_null_at_the_end() {
        assert_eq!(page(vec![], None), json!({"data": [], "next": null}));
    }
}
