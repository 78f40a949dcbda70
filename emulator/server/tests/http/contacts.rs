use serde_json::{json, Value};
use signicat_account_management::model::{ContactPatchRequest, ContactRequest};
use signicat_account_management::validate::Validate;

use crate::support::Emulator;

#[tokio::test]
async fn contacts_list_create_get_replace_and_patch() {
    let emu = Emulator::start(&["--seed", "5"]);
    let seeded = emu.walk("/contacts?limit=2").await;
    assert!(seeded.len() >= 5);
    assert!(seeded.iter().any(|c| c["roles"] == Value::Null));
    assert!(seeded
        .iter()
        .any(|c| c["roles"].as_array().is_some_and(|r| r.len() == 2)));
    let org = seeded[0]["organization"]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let body = json!({
        "organizationId": org, "firstName": "Harald", "middleName": null, "lastName": "Hårfagre",
        "email": "harald@hårfagre.no", "mobile": "+4799999999", "phone": null, "country": "NO",
        "roles": ["CommercialOwner", "FinancialContact"]
    });
    let created = emu
        .call("POST", "/contacts", Some(body))
        .await
        .expect(200)
        .json();
    let id = created["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("c-p-") && id.len() == 24, "{id}");
    assert_eq!(created["name"], "Harald Hårfagre");
    assert_eq!(created["organization"]["id"], org.as_str());
    assert_eq!(
        created["roles"],
        json!(["CommercialOwner", "FinancialContact"])
    );
    let path = format!("/contacts/{id}");
    assert_eq!(
        emu.call("GET", &path, None).await.expect(200).json(),
        created
    );

    let replaced = emu
        .call("PUT", &path, Some(json!({ "firstName": "Olav", "middleName": "Haraldsson", "lastName": "Tryggvason" })))
        .await
        .expect(200)
        .json();
    assert_eq!(replaced["name"], "Olav Haraldsson Tryggvason");
    assert_eq!(
        replaced["email"],
        Value::Null,
        "a full replacement drops what is left out"
    );
    assert_eq!(replaced["roles"], Value::Null);
    assert_eq!(
        replaced["organization"]["id"],
        org.as_str(),
        "the organization stays unless named"
    );

    let patched = emu
        .call(
            "PATCH",
            &path,
            Some(json!({ "email": "olav@example.no", "middleName": null, "roles": ["Other"] })),
        )
        .await
        .expect(200)
        .json();
    assert_eq!(patched["name"], "Olav Tryggvason");
    assert_eq!(patched["email"], "olav@example.no");
    assert_eq!(patched["roles"], json!(["Other"]));
    assert_eq!(patched["lastName"], "Tryggvason");
    let unchanged = emu
        .call("PATCH", &path, Some(json!({})))
        .await
        .expect(200)
        .json();
    assert_eq!(unchanged, patched);

    let all = emu.walk("/contacts").await;
    assert_eq!(all.len(), seeded.len() + 1);
    assert_eq!(
        all.last().unwrap()["id"],
        id.as_str(),
        "new contacts come last"
    );
}

#[tokio::test]
async fn contact_validation_reports_every_problem() {
    let emu = Emulator::start(&[]);
    let body = json!({
        "firstName": "", "lastName": "x".repeat(65), "email": "not-an-email", "country": "no",
        "roles": ["Owner", 3], "organizationId": 7
    });
    let reply = emu
        .call("POST", "/contacts", Some(body.clone()))
        .await
        .expect(400);
    let expected: Vec<String> = ContactRequest::issues(&body)
        .into_iter()
        .map(|i| i.field)
        .collect();
    assert_eq!(reply.invalid_params(), expected);
    for name in [
        "firstName",
        "lastName",
        "email",
        "country",
        "roles[0]",
        "roles[1]",
        "organizationId",
    ] {
        assert!(
            expected.iter().any(|f| f == name),
            "{name} not reported in {expected:?}"
        );
    }
    let seeded = emu.walk("/contacts").await;
    let path = format!("/contacts/{}", seeded[0]["id"].as_str().unwrap());
    let reply = emu
        .call("PUT", &path, Some(json!({ "firstName": "A" })))
        .await
        .expect(400);
    assert_eq!(reply.invalid_params(), ["lastName"]);
    let patch = json!({ "organizationId": "o-p-x", "phone": "1".repeat(129) });
    let reply = emu
        .call("PATCH", &path, Some(patch.clone()))
        .await
        .expect(400);
    let expected: Vec<String> = ContactPatchRequest::issues(&patch)
        .into_iter()
        .map(|i| i.field)
        .collect();
    assert_eq!(reply.invalid_params(), expected);
    let reply = emu
        .call(
            "POST",
            "/contacts",
            Some(json!({ "firstName": "A", "lastName": "B", "organizationId": "o-p-missing" })),
        )
        .await
        .expect(400);
    assert_eq!(reply.invalid_params(), ["organizationId"]);
}

#[tokio::test]
async fn unknown_contacts_are_404() {
    let emu = Emulator::start(&[]);
    let path = "/contacts/c-p-doesnotexist0000000";
    emu.call("GET", path, None).await.expect(404);
    emu.call(
        "PUT",
        path,
        Some(json!({ "firstName": "A", "lastName": "B" })),
    )
    .await
    .expect(404);
    emu.call("PATCH", path, Some(json!({ "firstName": "A" })))
        .await
        .expect(404);
}
