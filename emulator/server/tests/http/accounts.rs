use serde_json::{json, Value};
use signicat_account_management::model::CreateAccountRequest;
use signicat_account_management::validate::Validate;

use crate::support::{segment, Emulator};

fn ids(page: &Value) -> Vec<String> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn account_lifecycle_with_soft_delete_and_undelete() {
    let emu = Emulator::start(&["--seed", "11"]);
    let org = emu.root_organization().await;
    let listed = emu.call("GET", "/accounts", None).await.expect(200).json();
    assert_eq!(listed["next"], Value::Null);
    assert!(listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a.get("products").is_none()));
    let before = listed["data"].as_array().unwrap().len();

    let body = json!({ "name": "Team A", "organizationId": org, "isSandbox": true, "region": "EU", "cloud": "GCP" });
    let created = emu
        .call("POST", "/accounts", Some(body))
        .await
        .expect(200)
        .json();
    let id = created["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("a-spge-") && id.len() == 27, "{id}");
    assert_eq!(created["organization"]["id"], org.as_str());
    assert_eq!(created["isSoftDeleted"], Value::Null);
    assert!(created["createdDate"].as_str().unwrap().ends_with('Z'));
    let production = json!({ "name": "Team B", "organizationId": org, "isSandbox": false, "region": "EU", "cloud": "OTC" });
    let prod = emu
        .call("POST", "/accounts", Some(production))
        .await
        .expect(200)
        .json();
    assert!(prod["id"].as_str().unwrap().starts_with("a-ppge-"));
    assert_eq!(prod["cloud"], "OTC");

    let path = format!("/accounts/{id}");
    let fetched = emu.call("GET", &path, None).await.expect(200).json();
    assert_eq!(fetched["name"], "Team A");
    assert!(fetched["products"].is_array());

    let updated = emu
        .call(
            "PUT",
            &path,
            Some(json!({ "name": "Team A (EU)", "enabled": false })),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(
        (updated["name"].clone(), updated["enabled"].clone()),
        (json!("Team A (EU)"), json!(false))
    );
    let renamed = emu
        .call("PUT", &path, Some(json!({ "name": "Team A" })))
        .await
        .expect(200)
        .json();
    assert_eq!(renamed["enabled"], false, "enabled stays when left out");

    let deleted = emu.call("DELETE", &path, None).await.expect(200).json();
    assert_eq!(deleted["isSoftDeleted"], true);
    assert!(deleted["softDeletedAt"].as_str().is_some());
    emu.call("GET", &path, None).await.expect(404);
    emu.call("GET", &format!("{path}?deleted=false"), None)
        .await
        .expect(404);
    assert_eq!(
        emu.call("GET", &format!("{path}?deleted=true"), None)
            .await
            .expect(200)
            .json()["id"],
        id.as_str()
    );
    emu.call("PUT", &path, Some(json!({ "name": "x" })))
        .await
        .expect(404);
    emu.call("DELETE", &path, None).await.expect(404);

    let live = emu.walk("/accounts?limit=1000").await;
    assert!(live.iter().all(|a| a["id"] != id.as_str()));
    assert_eq!(live.len(), before + 1);
    let gone = emu.walk("/accounts?deleted=true").await;
    assert!(gone.iter().any(|a| a["id"] == id.as_str()));
    assert!(gone.iter().all(|a| a["isSoftDeleted"] == true));

    let org_path = format!("/organizations/{org}");
    let without = emu.call("GET", &org_path, None).await.expect(200).json();
    assert!(without["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["id"] != id.as_str()));
    let with = emu
        .call("GET", &format!("{org_path}?deletedAccounts=true"), None)
        .await
        .expect(200)
        .json();
    assert!(with["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"] == id.as_str() && a["isSoftDeleted"] == true));

    let restored = emu
        .call("POST", &format!("{path}/undelete"), None)
        .await
        .expect(200)
        .json();
    assert_eq!(restored["isSoftDeleted"], Value::Null);
    assert_eq!(restored["softDeletedAt"], Value::Null);
    emu.call("GET", &path, None).await.expect(200);
    let again = emu
        .call("POST", &format!("{path}/undelete"), None)
        .await
        .expect(409);
    assert_eq!(again.json()["code"], "not_deleted");
}

#[tokio::test]
async fn delete_protected_accounts_answer_409() {
    let emu = Emulator::start(&["--seed", "2"]);
    let accounts = emu.walk("/accounts").await;
    let protected = accounts
        .iter()
        .find(|a| a["isDeleteProtected"] == true)
        .expect("a protected account");
    let path = format!("/accounts/{}", protected["id"].as_str().unwrap());
    let reply = emu.call("DELETE", &path, None).await.expect(409);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(reply.json()["code"], "delete_protected");
    emu.call("GET", &path, None).await.expect(200);
}

#[tokio::test]
async fn invalid_bodies_report_every_problem() {
    let emu = Emulator::start(&[]);
    let body =
        json!({ "name": "", "isSandbox": "yes", "region": "US", "cloud": "AWS", "color": "blue" });
    let reply = emu
        .call("POST", "/accounts", Some(body.clone()))
        .await
        .expect(400);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    let problem = reply.json();
    assert_eq!(problem["code"], "invalid_request_parameter");
    let expected: Vec<String> = CreateAccountRequest::issues(&body)
        .into_iter()
        .map(|i| i.field)
        .collect();
    assert_eq!(reply.invalid_params(), expected);
    for name in [
        "name",
        "organizationId",
        "isSandbox",
        "region",
        "cloud",
        "color",
    ] {
        assert!(expected.iter().any(|f| f == name), "{name} not reported");
    }
    assert!(problem["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| !p["reason"].as_str().unwrap().is_empty()));

    let long = "x".repeat(81);
    let reply = emu
        .call(
            "PUT",
            "/accounts/a-ppge-anything",
            Some(json!({ "name": long, "enabled": "no" })),
        )
        .await
        .expect(400);
    assert_eq!(reply.invalid_params(), ["name", "enabled"]);

    let unknown_org = json!({ "name": "A", "organizationId": "o-p-doesnotexist", "isSandbox": false, "region": "EU", "cloud": "GCP" });
    let reply = emu
        .call("POST", "/accounts", Some(unknown_org))
        .await
        .expect(400);
    assert_eq!(reply.invalid_params(), ["organizationId"]);
}

#[tokio::test]
async fn malformed_requests_are_problems_too() {
    let emu = Emulator::start(&[]);
    let bearer = format!("Bearer {}", emu.token().await);
    let post = |content_type: &'static str, body: &'static str| {
        let (emu, bearer) = (&emu, bearer.clone());
        async move {
            let reply = emu
                .raw(
                    "POST",
                    "/account-management/accounts",
                    &[("authorization", &bearer), ("content-type", content_type)],
                    Some(body.into()),
                )
                .await;
            crate::support::contract().check("POST", "/accounts", &reply);
            reply
        }
    };
    assert_eq!(
        post("application/json", "{\"name\":")
            .await
            .expect(400)
            .json()["code"],
        "invalid_request_body"
    );
    assert_eq!(
        post("application/json", "").await.expect(400).json()["code"],
        "invalid_request_body"
    );
    assert_eq!(
        post("text/plain", "{}").await.expect(415).json()["code"],
        "unsupported_media_type"
    );
    let array = post("application/json", "[]").await.expect(400);
    assert_eq!(array.json()["code"], "invalid_request_parameter");

    for query in [
        "limit=abc",
        "limit=0",
        "limit=2147483648",
        "limit=-5",
        "limit=",
        "page=",
        "deleted=",
        "deleted=maybe",
        "page=garbage",
        "limit=1&limit=2",
    ] {
        let reply = emu
            .call("GET", &format!("/accounts?{query}"), None)
            .await
            .expect(400);
        let name = query.split('=').next().unwrap();
        assert_eq!(reply.invalid_params(), [name], "{query}");
    }
    // A valid int32 past the largest page is clamped, not refused.
    let page = emu
        .call("GET", "/accounts?limit=2147483646", None)
        .await
        .expect(200)
        .json();
    assert!(page["data"].as_array().unwrap().len() <= 1000);
    emu.call("GET", "/accounts/a-ppge-doesnotexist?deleted=yes", None)
        .await
        .expect(400);
}

#[tokio::test]
async fn unknown_ids_are_404_even_when_they_look_like_paths() {
    let emu = Emulator::start(&[]);
    for id in ["a-ppge-doesnotexist00000", "../x?y#z", "a b/c", "ø"] {
        let path = format!("/accounts/{}", segment(id));
        let reply = emu.call("GET", &path, None).await.expect(404);
        assert_eq!(reply.json()["code"], "not_found");
        assert!(
            reply.json()["detail"].as_str().unwrap().contains(id),
            "the id is decoded once"
        );
        emu.call("POST", &format!("{path}/undelete"), None)
            .await
            .expect(404);
        emu.call("DELETE", &path, None).await.expect(404);
    }
    let page = emu
        .call("GET", "/accounts?limit=2", None)
        .await
        .expect(200)
        .json();
    assert_eq!(ids(&page).len(), 2);
    assert!(page["next"].is_string());
}
