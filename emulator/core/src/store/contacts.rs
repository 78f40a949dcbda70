//! Contacts: people in an organization, with a display name derived from their name parts.

use signicat_account_management::model::{
    AccountOrganization, Contact, ContactPatchRequest, ContactRequest, ContactRole, ContactSummary,
};

use super::{not_found, set_or_clear, wire_name, ContactEntry, Result, Store, CONTACT};
use crate::pagination;

impl Store {
    /// Adds a contact as it is, for seeding: no validation; an empty id gets a fresh one.
    pub fn insert_contact(
        &mut self,
        organization_id: Option<String>,
        mut contact: Contact,
    ) -> String {
        let seq = self.seq();
        if contact.id.is_empty() {
            contact.id = self.fresh_id(CONTACT);
        }
        let id = contact.id.clone();
        contact.organization = None;
        self.contact_ids.insert(id.clone(), seq);
        self.contacts.insert(
            seq,
            ContactEntry {
                seq,
                organization_id,
                contact,
            },
        );
        id
    }

    fn render_contact(&self, entry: &ContactEntry) -> Contact {
        let mut contact = entry.contact.clone();
        contact.name = display_name(&contact);
        contact.organization =
            self.reference(entry.organization_id.as_deref())
                .map(|r| AccountOrganization {
                    id: r.id,
                    name: r.name,
                    entity_id: None,
                    entity_legal_name: None,
                    country: None,
                });
        contact
    }

    pub(super) fn contact_summary(&self, entry: &ContactEntry) -> ContactSummary {
        ContactSummary {
            id: entry.contact.id.clone(),
            name: display_name(&entry.contact),
            email: entry.contact.email.clone(),
            mobile: entry.contact.mobile.clone(),
            roles: entry.contact.roles.clone(),
        }
    }

    pub fn list_contacts(&self, after: Option<u64>, limit: usize) -> (Vec<Contact>, Option<u64>) {
        let (entries, next) = pagination::page(&self.contacts, after, limit, |_| true);
        (
            entries
                .into_iter()
                .map(|e| self.render_contact(e))
                .collect(),
            next,
        )
    }

    pub fn contact(&self, id: &str) -> Result<Contact> {
        self.contact_entry(id)
            .map(|e| self.render_contact(e))
            .ok_or_else(|| not_found("contact", id))
    }

    /// Creates a contact, in the root organization when the request names none.
    pub fn create_contact(&mut self, request: ContactRequest) -> Result<Contact> {
        self.check_organization("organizationId", request.organization_id.as_deref())?;
        let organization_id = request
            .organization_id
            .clone()
            .or_else(|| Some(self.root_organization.clone()).filter(|r| !r.is_empty()));
        let mut contact = empty_contact();
        replace_person(&mut contact, request);
        let id = self.insert_contact(organization_id, contact);
        self.contact(&id)
    }

    /// Replaces every field; the organization changes only when the request names one.
    pub fn replace_contact(&mut self, id: &str, request: ContactRequest) -> Result<Contact> {
        self.check_organization("organizationId", request.organization_id.as_deref())?;
        let entry = self
            .contact_entry_mut(id)
            .ok_or_else(|| not_found("contact", id))?;
        if let Some(organization_id) = request.organization_id.clone() {
            entry.organization_id = Some(organization_id);
        }
        replace_person(&mut entry.contact, request);
        self.contact(id)
    }

    /// Changes the fields present in the body; `cleared` names optional fields sent as `null`.
    pub fn patch_contact(
        &mut self,
        id: &str,
        patch: ContactPatchRequest,
        cleared: &[String],
    ) -> Result<Contact> {
        self.check_organization("organizationId", patch.organization_id.as_deref())?;
        let entry = self
            .contact_entry_mut(id)
            .ok_or_else(|| not_found("contact", id))?;
        if let Some(organization_id) = patch.organization_id {
            entry.organization_id = Some(organization_id);
        }
        let contact = &mut entry.contact;
        if let Some(first) = patch.first_name {
            contact.first_name = first;
        }
        if let Some(last) = patch.last_name {
            contact.last_name = last;
        }
        set_or_clear(
            &mut contact.middle_name,
            patch.middle_name,
            cleared,
            "middleName",
        );
        set_or_clear(&mut contact.email, patch.email, cleared, "email");
        set_or_clear(&mut contact.mobile, patch.mobile, cleared, "mobile");
        set_or_clear(&mut contact.phone, patch.phone, cleared, "phone");
        set_or_clear(&mut contact.country, patch.country, cleared, "country");
        set_or_clear(
            &mut contact.roles,
            patch.roles.map(|r| role_names(&r)),
            cleared,
            "roles",
        );
        self.contact(id)
    }
}

/// The server-derived display name: the name parts joined by single spaces.
fn display_name(contact: &Contact) -> String {
    [
        Some(contact.first_name.as_str()),
        contact.middle_name.as_deref(),
        Some(contact.last_name.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

fn empty_contact() -> Contact {
    Contact {
        id: String::new(),
        name: String::new(),
        first_name: String::new(),
        middle_name: None,
        last_name: String::new(),
        email: None,
        mobile: None,
        phone: None,
        country: None,
        roles: None,
        organization: None,
    }
}

/// A full replacement of the person's fields; empty strings count as "none", as in the samples.
fn replace_person(contact: &mut Contact, request: ContactRequest) {
    contact.first_name = request.first_name;
    contact.middle_name = request.middle_name.filter(|s| !s.is_empty());
    contact.last_name = request.last_name;
    contact.email = request.email.filter(|s| !s.is_empty());
    contact.mobile = request.mobile.filter(|s| !s.is_empty());
    contact.phone = request.phone.filter(|s| !s.is_empty());
    contact.country = request.country.filter(|s| !s.is_empty());
    contact.roles = request.roles.map(|roles| role_names(&roles));
}

fn role_names(roles: &[ContactRole]) -> Vec<String> {
    roles.iter().map(wire_name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::store;
    use crate::store::StoreError;

    #[test]
    fn contacts_replace_and_patch() {
        let (mut store, root, child) = store();
        let request: ContactRequest = serde_json::from_value(serde_json::json!({
            "firstName": "Harald", "lastName": "Hårfagre", "email": "harald@example.no",
            "roles": ["CommercialOwner"]
        }))
        .unwrap();
        let contact = store.create_contact(request).unwrap();
        assert_eq!(contact.name, "Harald Hårfagre");
        assert_eq!(
            contact.organization.as_ref().map(|o| o.id.clone()),
            Some(root.clone())
        );
        let replaced: ContactRequest = serde_json::from_value(serde_json::json!({
            "organizationId": child, "firstName": "Olav", "middleName": "H.", "lastName": "Tryggvason"
        }))
        .unwrap();
        let contact = store.replace_contact(&contact.id, replaced).unwrap();
        assert_eq!(contact.name, "Olav H. Tryggvason");
        assert_eq!(contact.email, None);
        assert_eq!(contact.roles, None);
        assert_eq!(contact.organization.map(|o| o.id), Some(child));
        let patch = ContactPatchRequest {
            email: Some("olav@example.no".into()),
            ..Default::default()
        };
        let contact = store
            .patch_contact(&contact.id, patch, &["middleName".into()])
            .unwrap();
        assert_eq!(contact.name, "Olav Tryggvason");
        assert_eq!(contact.email.as_deref(), Some("olav@example.no"));
        let moved = ContactPatchRequest {
            organization_id: Some(root.clone()),
            ..Default::default()
        };
        let contact = store.patch_contact(&contact.id, moved, &[]).unwrap();
        assert_eq!(contact.organization.map(|o| o.id), Some(root));
        let nowhere = ContactPatchRequest {
            organization_id: Some("o-p-missing".into()),
            ..Default::default()
        };
        assert!(matches!(
            store.patch_contact(&contact.id, nowhere, &[]),
            Err(StoreError::Invalid {
                field: "organizationId",
                ..
            })
        ));
        assert!(matches!(
            store.patch_contact("c-p-x", ContactPatchRequest::default(), &[]),
            Err(StoreError::NotFound { .. })
        ));
    }
}
