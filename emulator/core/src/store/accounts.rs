//! Accounts: production and sandbox, soft-deleted and restored, rendered with their organization.

use signicat_account_management::model::{
    Account, AccountOrganization, CreateAccountRequest, UpdateAccountRequest,
};

use super::{not_found, wire_name, AccountEntry, Result, Store, StoreError};
use super::{ACCOUNT_PRODUCTION, ACCOUNT_SANDBOX};
use crate::pagination::{self, Listing};

impl Store {
    /// Adds an account as it is, for seeding: no validation; an empty id gets a fresh one.
    pub fn insert_account(
        &mut self,
        organization_id: Option<String>,
        mut account: Account,
    ) -> String {
        let seq = self.seq();
        if account.id.is_empty() {
            let prefix = if account.is_sandbox {
                ACCOUNT_SANDBOX
            } else {
                ACCOUNT_PRODUCTION
            };
            account.id = self.fresh_id(prefix);
        }
        let id = account.id.clone();
        account.organization = None;
        self.account_ids.insert(id.clone(), seq);
        self.accounts.insert(
            seq,
            AccountEntry {
                seq,
                organization_id,
                account,
            },
        );
        id
    }

    fn render_account(&self, entry: &AccountEntry, with_products: bool) -> Account {
        let mut account = entry.account.clone();
        account.organization = entry
            .organization_id
            .as_deref()
            .and_then(|id| self.organization_entry(id))
            .map(|org| AccountOrganization {
                id: org.organization.summary.id.clone(),
                name: Some(org.organization.summary.name.clone()),
                entity_id: org.organization.summary.entity_id.clone(),
                entity_legal_name: org.organization.summary.entity_legal_name.clone(),
                country: org.organization.summary.country.clone(),
            });
        if !with_products {
            account.products = None;
        } else if account.products.is_none() {
            account.products = Some(Vec::new());
        }
        account
    }

    /// A page of live accounts, or of soft-deleted ones for [`Listing::DeletedAccounts`].
    pub fn list_accounts(
        &self,
        listing: Listing,
        after: Option<u64>,
        limit: usize,
    ) -> (Vec<Account>, Option<u64>) {
        let deleted = listing == Listing::DeletedAccounts;
        let (entries, next) = pagination::page(&self.accounts, after, limit, |e| {
            e.account.is_soft_deleted == deleted
        });
        (
            entries
                .into_iter()
                .map(|e| self.render_account(e, false))
                .collect(),
            next,
        )
    }

    /// One account; a soft-deleted one only when `include_deleted`.
    pub fn account(&self, id: &str, include_deleted: bool) -> Result<Account> {
        match self.account_entry(id) {
            Some(e) if include_deleted || !e.account.is_soft_deleted => {
                Ok(self.render_account(e, true))
            }
            _ => Err(not_found("account", id)),
        }
    }

    pub fn create_account(&mut self, request: CreateAccountRequest, now: &str) -> Result<Account> {
        if self.organization_entry(&request.organization_id).is_none() {
            return Err(StoreError::Invalid {
                field: "organizationId",
                reason: format!("no organization has the id {:?}", request.organization_id),
            });
        }
        let account = Account {
            id: String::new(),
            name: request.name,
            created_date: Some(now.to_string()),
            last_modified_date: Some(now.to_string()),
            is_soft_deleted: false,
            soft_deleted_at: None,
            is_sandbox: request.is_sandbox,
            region: wire_name(&request.region),
            cloud: wire_name(&request.cloud),
            enabled: true,
            is_delete_protected: false,
            organization: None,
            products: Some(Vec::new()),
        };
        let id = self.insert_account(Some(request.organization_id), account);
        self.account(&id, false)
    }

    fn live_account_mut(&mut self, id: &str) -> Result<&mut AccountEntry> {
        match self.account_entry_mut(id) {
            Some(e) if !e.account.is_soft_deleted => Ok(e),
            _ => Err(not_found("account", id)),
        }
    }

    pub fn update_account(
        &mut self,
        id: &str,
        request: UpdateAccountRequest,
        now: &str,
    ) -> Result<Account> {
        let entry = self.live_account_mut(id)?;
        entry.account.name = request.name;
        if let Some(enabled) = request.enabled {
            entry.account.enabled = enabled;
        }
        entry.account.last_modified_date = Some(now.to_string());
        self.account(id, false)
    }

    /// Soft delete: the account leaves the default listings until it is undeleted.
    pub fn delete_account(&mut self, id: &str, now: &str) -> Result<Account> {
        let entry = self.live_account_mut(id)?;
        if entry.account.is_delete_protected {
            return Err(StoreError::Conflict {
                code: "delete_protected",
                detail: format!(
                    "Account {id:?} is delete-protected; remove the protection before deleting it."
                ),
            });
        }
        entry.account.is_soft_deleted = true;
        entry.account.soft_deleted_at = Some(now.to_string());
        entry.account.last_modified_date = Some(now.to_string());
        self.account(id, true)
    }

    pub fn undelete_account(&mut self, id: &str, now: &str) -> Result<Account> {
        let entry = self
            .account_entry_mut(id)
            .ok_or_else(|| not_found("account", id))?;
        if !entry.account.is_soft_deleted {
            return Err(StoreError::Conflict {
                code: "not_deleted",
                detail: format!("Account {id:?} is not deleted."),
            });
        }
        entry.account.is_soft_deleted = false;
        entry.account.soft_deleted_at = None;
        entry.account.last_modified_date = Some(now.to_string());
        self.account(id, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{create, store, NOW};
    use signicat_account_management::model::{Cloud, Region};

    #[test]
    fn accounts_have_real_looking_ids_and_their_organization() {
        let (mut store, _, child) = store();
        let prod = create(&mut store, &child, "Prod", false);
        let sandbox = create(&mut store, &child, "Sandbox", true);
        assert!(prod.id.starts_with("a-ppge-") && prod.id.len() == 27);
        assert!(sandbox.id.starts_with("a-spge-"));
        assert_eq!(prod.cloud, "OTC");
        assert_eq!(prod.region, "EU");
        assert_eq!(
            prod.organization.as_ref().map(|o| o.id.as_str()),
            Some(child.as_str())
        );
        assert_eq!(prod.products, Some(vec![]));
        let missing = store.create_account(
            CreateAccountRequest {
                name: "x".into(),
                organization_id: "o-p-nope".into(),
                is_sandbox: false,
                region: Region::Eu,
                cloud: Cloud::Gcp,
            },
            NOW,
        );
        assert!(matches!(
            missing,
            Err(StoreError::Invalid {
                field: "organizationId",
                ..
            })
        ));
    }

    #[test]
    fn soft_delete_and_undelete() {
        let (mut store, _, child) = store();
        let id = create(&mut store, &child, "Doomed", false).id;
        let deleted = store.delete_account(&id, "2025-06-02T00:00:00Z").unwrap();
        assert!(deleted.is_soft_deleted);
        assert_eq!(
            deleted.soft_deleted_at.as_deref(),
            Some("2025-06-02T00:00:00Z")
        );
        assert!(matches!(
            store.account(&id, false),
            Err(StoreError::NotFound { .. })
        ));
        assert!(store.account(&id, true).is_ok());
        assert!(matches!(
            store.delete_account(&id, NOW),
            Err(StoreError::NotFound { .. })
        ));
        let (live, _) = store.list_accounts(Listing::Accounts, None, 100);
        assert!(live.iter().all(|a| a.id != id));
        let (gone, _) = store.list_accounts(Listing::DeletedAccounts, None, 100);
        assert_eq!(gone.len(), 1);
        assert!(gone[0].products.is_none());
        assert_eq!(store.organization(&child, false).unwrap().accounts.len(), 0);
        assert_eq!(store.organization(&child, true).unwrap().accounts.len(), 1);
        let back = store.undelete_account(&id, NOW).unwrap();
        assert!(!back.is_soft_deleted && back.soft_deleted_at.is_none());
        assert!(matches!(
            store.undelete_account(&id, NOW),
            Err(StoreError::Conflict { .. })
        ));
    }

    #[test]
    fn protected_accounts_refuse_deletion() {
        let (mut store, _, child) = store();
        let id = create(&mut store, &child, "Precious", false).id;
        store
            .account_entry_mut(&id)
            .unwrap()
            .account
            .is_delete_protected = true;
        assert!(matches!(
            store.delete_account(&id, NOW),
            Err(StoreError::Conflict {
                code: "delete_protected",
                ..
            })
        ));
    }
}
