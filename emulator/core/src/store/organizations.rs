//! Organizations: a tree under the API client's own, with accounts, contacts and a billing
//! contact resolved when one is rendered.

use signicat_account_management::model::{
    AccountSummary, CreateOrganizationRequest, Organization, OrganizationSummary, Reference,
    UpdateOrganizationRequest,
};

use super::{not_found, set_or_clear, OrganizationEntry, Result, Store, StoreError, ORGANIZATION};
use crate::pagination;

impl Store {
    /// Adds an organization as it is, for seeding: no validation; an empty id gets a fresh one.
    /// The first one added becomes the root (the API client's own).
    pub fn insert_organization(
        &mut self,
        parent_id: Option<String>,
        mut organization: Organization,
    ) -> String {
        let seq = self.seq();
        if organization.summary.id.is_empty() {
            organization.summary.id = self.fresh_id(ORGANIZATION);
        }
        let id = organization.summary.id.clone();
        if self.root_organization.is_empty() {
            self.root_organization = id.clone();
        }
        self.organization_ids.insert(id.clone(), seq);
        self.organizations.insert(
            seq,
            OrganizationEntry {
                seq,
                parent_id,
                billing_contact_id: None,
                organization,
            },
        );
        id
    }

    pub fn set_billing_contact(&mut self, organization_id: &str, contact_id: &str) {
        if let Some(entry) = self.organization_entry_mut(organization_id) {
            entry.billing_contact_id = Some(contact_id.to_string());
        }
    }

    fn render_summary(&self, entry: &OrganizationEntry) -> OrganizationSummary {
        let mut summary = entry.organization.summary.clone();
        summary.parent_organization = self.reference(entry.parent_id.as_deref());
        summary
    }

    fn render_organization(
        &self,
        entry: &OrganizationEntry,
        deleted_accounts: bool,
    ) -> Organization {
        let id = entry.organization.summary.id.as_str();
        let mut organization = entry.organization.clone();
        organization.summary = self.render_summary(entry);
        organization.child_organizations = self
            .organizations
            .values()
            .filter(|child| child.parent_id.as_deref() == Some(id))
            .map(|child| Reference {
                id: child.organization.summary.id.clone(),
                name: Some(child.organization.summary.name.clone()),
            })
            .collect();
        organization.billing_contact = entry
            .billing_contact_id
            .as_deref()
            .and_then(|c| self.contact_entry(c))
            .map(|c| self.contact_summary(c));
        organization.accounts = self
            .accounts
            .values()
            .filter(|a| a.organization_id.as_deref() == Some(id))
            .filter(|a| deleted_accounts || !a.account.is_soft_deleted)
            .map(|a| AccountSummary {
                id: a.account.id.clone(),
                name: a.account.name.clone(),
                is_sandbox: a.account.is_sandbox,
                enabled: a.account.enabled,
                region: a.account.region.clone(),
                cloud: a.account.cloud.clone(),
                is_soft_deleted: a.account.is_soft_deleted,
                soft_deleted_at: a.account.soft_deleted_at.clone(),
            })
            .collect();
        organization.contacts = self
            .contacts
            .values()
            .filter(|c| c.organization_id.as_deref() == Some(id))
            .map(|c| self.contact_summary(c))
            .collect();
        organization
    }

    pub(super) fn check_organization(&self, field: &'static str, id: Option<&str>) -> Result<()> {
        match id {
            Some(id) if self.organization_entry(id).is_none() => Err(StoreError::Invalid {
                field,
                reason: format!("no organization has the id {id:?}"),
            }),
            _ => Ok(()),
        }
    }

    pub fn list_organizations(
        &self,
        after: Option<u64>,
        limit: usize,
    ) -> (Vec<OrganizationSummary>, Option<u64>) {
        let (entries, next) = pagination::page(&self.organizations, after, limit, |_| true);
        (
            entries
                .into_iter()
                .map(|e| self.render_summary(e))
                .collect(),
            next,
        )
    }

    /// One organization with its children, billing contact, contacts and accounts
    /// (soft-deleted accounts too when `deleted_accounts`).
    pub fn organization(&self, id: &str, deleted_accounts: bool) -> Result<Organization> {
        self.organization_entry(id)
            .map(|e| self.render_organization(e, deleted_accounts))
            .ok_or_else(|| not_found("organization", id))
    }

    pub fn create_organization(
        &mut self,
        request: CreateOrganizationRequest,
        now: &str,
    ) -> Result<Organization> {
        self.check_organization(
            "parentOrganizationId",
            Some(&request.parent_organization_id),
        )?;
        let organization = Organization {
            summary: OrganizationSummary {
                id: String::new(),
                name: request.name,
                last_modified_date: Some(now.to_string()),
                entity_id: request.entity_id,
                entity_vat_number: request.entity_vat_number,
                entity_legal_name: request.entity_legal_name,
                country: request.country,
                parent_organization: None,
            },
            website: request.website,
            billing_email: request.billing_email,
            billing_address: request.billing_address,
            child_organizations: Vec::new(),
            billing_contact: None,
            accounts: Vec::new(),
            contacts: Vec::new(),
        };
        let id = self.insert_organization(Some(request.parent_organization_id), organization);
        self.organization(&id, false)
    }

    /// Changes the fields present; `cleared` names optional fields sent as `null`.
    pub fn update_organization(
        &mut self,
        id: &str,
        request: UpdateOrganizationRequest,
        cleared: &[String],
        now: &str,
    ) -> Result<Organization> {
        if self.organization_entry(id).is_none() {
            return Err(not_found("organization", id));
        }
        if let Some(contact_id) = request.billing_contact_id.as_deref() {
            if self.contact_entry(contact_id).is_none() {
                return Err(StoreError::Invalid {
                    field: "billingContactId",
                    reason: format!("no contact has the id {contact_id:?}"),
                });
            }
        }
        let entry = self
            .organization_entry_mut(id)
            .ok_or_else(|| not_found("organization", id))?;
        let org = &mut entry.organization;
        if let Some(name) = request.name {
            org.summary.name = name;
        }
        set_or_clear(&mut org.website, request.website, cleared, "website");
        set_or_clear(
            &mut org.summary.entity_id,
            request.entity_id,
            cleared,
            "entityId",
        );
        set_or_clear(
            &mut org.summary.entity_vat_number,
            request.entity_vat_number,
            cleared,
            "entityVatNumber",
        );
        set_or_clear(
            &mut org.summary.entity_legal_name,
            request.entity_legal_name,
            cleared,
            "entityLegalName",
        );
        set_or_clear(
            &mut org.summary.country,
            request.country,
            cleared,
            "country",
        );
        set_or_clear(
            &mut org.billing_email,
            request.billing_email,
            cleared,
            "billingEmail",
        );
        set_or_clear(
            &mut org.billing_address,
            request.billing_address,
            cleared,
            "billingAddress",
        );
        set_or_clear(
            &mut entry.billing_contact_id,
            request.billing_contact_id,
            cleared,
            "billingContactId",
        );
        entry.organization.summary.last_modified_date = Some(now.to_string());
        self.organization(id, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{create, store, NOW};

    #[test]
    fn organizations_nest_and_update() {
        let (mut store, _root, child) = store();
        let request: CreateOrganizationRequest = serde_json::from_value(serde_json::json!({
            "name": "Grandchild", "parentOrganizationId": child
        }))
        .unwrap();
        let grandchild = store.create_organization(request, NOW).unwrap();
        assert_eq!(
            grandchild.summary.parent_organization.map(|p| p.id),
            Some(child.clone())
        );
        let parent = store.organization(&child, false).unwrap();
        assert_eq!(parent.child_organizations.len(), 1);
        let bad_contact = UpdateOrganizationRequest {
            billing_contact_id: Some("c-p-missing".into()),
            ..Default::default()
        };
        assert!(matches!(
            store.update_organization(&child, bad_contact, &[], NOW),
            Err(StoreError::Invalid {
                field: "billingContactId",
                ..
            })
        ));
        let renamed = UpdateOrganizationRequest {
            name: Some("Renamed Org".into()),
            ..Default::default()
        };
        store
            .update_organization(&child, renamed, &["country".into()], NOW)
            .unwrap();
        let account = create(&mut store, &child, "A", false);
        assert_eq!(
            account.organization.and_then(|o| o.name).as_deref(),
            Some("Renamed Org")
        );
        assert_eq!(
            store.organization(&child, false).unwrap().summary.country,
            None
        );
    }
}
