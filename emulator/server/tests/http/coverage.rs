use serde_json::json;

use crate::support::{contract, segment, Emulator};

/// Calls every operation of the contract once, each answer checked against its schema.
#[tokio::test]
async fn every_operation_of_the_contract_answers_as_specified() {
    let emu = Emulator::start(&["--seed", "31"]);
    let org = emu.root_organization().await;
    let account = emu
        .call("POST", "/accounts", Some(json!({ "name": "Every op", "organizationId": org, "isSandbox": false, "region": "EU", "cloud": "GCP" })))
        .await
        .expect(200)
        .json();
    let account = format!("/accounts/{}", account["id"].as_str().unwrap());
    emu.call("GET", "/accounts?limit=5", None).await.expect(200);
    emu.call("GET", &account, None).await.expect(200);
    emu.call(
        "PUT",
        &account,
        Some(json!({ "name": "Every op 2", "enabled": true })),
    )
    .await
    .expect(200);
    emu.call("DELETE", &account, None).await.expect(200);
    emu.call("POST", &format!("{account}/undelete"), None)
        .await
        .expect(200);

    let contact = emu
        .call(
            "POST",
            "/contacts",
            Some(json!({ "firstName": "Eve", "lastName": "Ry" })),
        )
        .await
        .expect(200)
        .json();
    let contact = format!("/contacts/{}", contact["id"].as_str().unwrap());
    emu.call("GET", "/contacts", None).await.expect(200);
    emu.call("GET", &contact, None).await.expect(200);
    emu.call(
        "PUT",
        &contact,
        Some(json!({ "firstName": "Eve", "lastName": "Ry", "country": "SE" })),
    )
    .await
    .expect(200);
    emu.call("PATCH", &contact, Some(json!({ "roles": ["Other"] })))
        .await
        .expect(200);

    let child = emu
        .call(
            "POST",
            "/organizations",
            Some(json!({ "name": "Every Org", "parentOrganizationId": org })),
        )
        .await
        .expect(200)
        .json();
    let child = format!("/organizations/{}", child["id"].as_str().unwrap());
    emu.call("GET", "/organizations", None).await.expect(200);
    emu.call("GET", &child, None).await.expect(200);
    emu.call("PUT", &child, Some(json!({ "country": "SE" })))
        .await
        .expect(200);

    let invoices = emu.call("GET", "/invoices", None).await.expect(200).json();
    let number = segment(invoices[0]["invoiceNumber"].as_str().unwrap());
    emu.call("GET", &format!("/invoices/{number}"), None)
        .await
        .expect(200);
    emu.call("GET", &format!("/invoices/{number}/pdf"), None)
        .await
        .expect(200);

    let seen = contract().seen.lock().unwrap().clone();
    let missing: Vec<_> = contract().operations().difference(&seen).cloned().collect();
    assert!(missing.is_empty(), "operations never called: {missing:?}");
}

/// The schema check is real: bodies that break the contract are caught.
#[test]
fn the_contract_check_rejects_bodies_that_break_it() {
    use crate::support::Reply;
    let reply = |status: u16, content_type: &str, body: &str| {
        let mut headers = hyper::header::HeaderMap::new();
        headers.insert("content-type", content_type.parse().unwrap());
        Reply {
            status,
            headers,
            body: body.as_bytes().to_vec().into(),
        }
    };
    let fails = |method: &'static str, path: &'static str, reply: Reply| {
        std::panic::catch_unwind(move || contract().check(method, path, &reply)).is_err()
    };
    assert!(!fails(
        "GET",
        "/accounts",
        reply(
            200,
            "application/json",
            r#"{"data":[{"id":"a","isSoftDeleted":null}],"next":null}"#
        )
    ));
    assert!(fails(
        "GET",
        "/accounts",
        reply(200, "application/json", r#"{"data":"nope"}"#)
    ));
    assert!(fails(
        "GET",
        "/accounts",
        reply(200, "application/json", r#"{"data":[{"name":"no id"}]}"#)
    ));
    assert!(fails(
        "GET",
        "/accounts/a-x",
        reply(
            200,
            "application/json",
            r#"{"id":"a","lastModifiedDate":"yesterday"}"#
        )
    ));
    assert!(fails(
        "GET",
        "/contacts/c-x",
        reply(200, "application/json", r#"{"id":"c","roles":["Boss"]}"#)
    ));
    assert!(fails(
        "GET",
        "/invoices",
        reply(200, "application/json", r#"{"data":[]}"#)
    ));
    assert!(fails("GET", "/accounts", reply(400, "text/html", "<html>")));
    assert!(fails(
        "GET",
        "/accounts",
        reply(401, "application/problem+json", r#"{"status":"401"}"#)
    ));
    assert!(!fails(
        "GET",
        "/organizations/o-x",
        reply(
            200,
            "application/json",
            r#"{"id":"o","billingContact":null,"parentOrganization":null}"#
        )
    ));
}
