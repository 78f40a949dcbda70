use serde_json::{json, Value};
use signicat_account_management::model::CreateOrganizationRequest;
use signicat_account_management::validate::Validate;

use crate::support::Emulator;

#[tokio::test]
async fn organizations_list_get_create_and_update() {
    let emu = Emulator::start(&["--seed", "8"]);
    let root = emu.root_organization().await;
    let listed = emu.walk("/organizations?limit=2").await;
    assert_eq!(listed.len(), 5);
    assert_eq!(listed[0]["id"], root.as_str());
    assert_eq!(listed[0]["parentOrganization"], Value::Null);
    assert!(listed[1..]
        .iter()
        .all(|o| o["parentOrganization"]["id"].is_string()));

    let path = format!("/organizations/{root}");
    let org = emu.call("GET", &path, None).await.expect(200).json();
    assert_eq!(org["childOrganizations"].as_array().unwrap().len(), 3);
    assert!(org["billingContact"]["id"]
        .as_str()
        .unwrap()
        .starts_with("c-p-"));
    assert!(!org["accounts"].as_array().unwrap().is_empty());
    assert!(!org["contacts"].as_array().unwrap().is_empty());

    let body = json!({
        "name": "My Organization", "entityId": "999000999", "entityVatNumber": null, "entityLegalName": null,
        "country": "NO", "billingEmail": "billing@myorg.com",
        "billingAddress": { "street": "Signistreet 39", "postalCode": "5089", "city": "Bergen", "region": null, "country": "NO" },
        "parentOrganizationId": root
    });
    let created = emu
        .call("POST", "/organizations", Some(body))
        .await
        .expect(200)
        .json();
    let id = created["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("o-p-") && id.len() == 24);
    assert_eq!(created["parentOrganization"]["id"], root.as_str());
    assert_eq!(created["billingAddress"]["city"], "Bergen");
    assert_eq!(created["childOrganizations"], json!([]));
    let parent = emu.call("GET", &path, None).await.expect(200).json();
    assert!(parent["childOrganizations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == id.as_str()));

    let contact = org["contacts"][0]["id"].as_str().unwrap().to_string();
    let child_path = format!("/organizations/{id}");
    let updated = emu
        .call("PUT", &child_path, Some(json!({ "name": "Renamed Org", "billingContactId": contact, "website": "https://x.example" })))
        .await
        .expect(200)
        .json();
    assert_eq!(updated["name"], "Renamed Org");
    assert_eq!(updated["billingContactId"], contact.as_str());
    assert!(
        updated.get("id").is_none(),
        "the reference's answer has no id"
    );
    assert_eq!(
        updated["billingEmail"], "billing@myorg.com",
        "fields left out stay"
    );
    let cleared = emu
        .call(
            "PUT",
            &child_path,
            Some(json!({ "website": null, "billingContactId": null })),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(cleared["website"], Value::Null);
    assert_eq!(cleared["billingContactId"], Value::Null);
    assert_eq!(cleared["name"], "Renamed Org");

    let account = json!({ "name": "Child account", "organizationId": id, "isSandbox": false, "region": "EU", "cloud": "GCP" });
    let account = emu
        .call("POST", "/accounts", Some(account))
        .await
        .expect(200)
        .json();
    assert_eq!(account["organization"]["name"], "Renamed Org");
    emu.call(
        "DELETE",
        &format!("/accounts/{}", account["id"].as_str().unwrap()),
        None,
    )
    .await
    .expect(200);
    let live = emu.call("GET", &child_path, None).await.expect(200).json();
    assert_eq!(live["accounts"], json!([]));
    let all = emu
        .call("GET", &format!("{child_path}?deletedAccounts=true"), None)
        .await
        .expect(200)
        .json();
    assert_eq!(all["accounts"][0]["isSoftDeleted"], true);
}

#[tokio::test]
async fn organization_errors() {
    let emu = Emulator::start(&[]);
    let body = json!({ "name": "AB", "billingEmail": "nope", "country": "Norway", "website": "w".repeat(256) });
    let reply = emu
        .call("POST", "/organizations", Some(body.clone()))
        .await
        .expect(400);
    let expected: Vec<String> = CreateOrganizationRequest::issues(&body)
        .into_iter()
        .map(|i| i.field)
        .collect();
    assert_eq!(reply.invalid_params(), expected);
    for name in [
        "name",
        "website",
        "country",
        "billingEmail",
        "parentOrganizationId",
    ] {
        assert!(expected.iter().any(|f| f == name), "{name} not reported");
    }
    let orphan = json!({ "name": "Orphan Org", "parentOrganizationId": "o-p-missing" });
    assert_eq!(
        emu.call("POST", "/organizations", Some(orphan))
            .await
            .expect(400)
            .invalid_params(),
        ["parentOrganizationId"]
    );
    let root = emu.root_organization().await;
    let path = format!("/organizations/{root}");
    let reply = emu
        .call(
            "PUT",
            &path,
            Some(json!({ "billingContactId": "c-p-missing" })),
        )
        .await
        .expect(400);
    assert_eq!(reply.invalid_params(), ["billingContactId"]);
    let reply = emu
        .call(
            "PUT",
            &path,
            Some(json!({ "billingAddress": { "country": "xx", "zip": 1 } })),
        )
        .await
        .expect(400);
    assert_eq!(
        reply.invalid_params(),
        ["billingAddress.country", "billingAddress.zip"]
    );
    emu.call("GET", "/organizations/o-p-doesnotexist00000", None)
        .await
        .expect(404);
    emu.call(
        "PUT",
        "/organizations/o-p-doesnotexist00000",
        Some(json!({ "name": "Valid" })),
    )
    .await
    .expect(404);
    emu.call("GET", &format!("{path}?deletedAccounts=perhaps"), None)
        .await
        .expect(400);
}
