use std::time::Duration;

use crate::support::{basic, Emulator};

const FORM: &str = "application/x-www-form-urlencoded";

#[tokio::test]
async fn issues_tokens_for_basic_and_form_credentials() {
    let emu = Emulator::start(&["--seed", "1"]);
    let auth = basic(&emu.client_id, &emu.client_secret);
    let reply = emu
        .raw(
            "POST",
            "/auth/open/connect/token",
            &[("authorization", &auth), ("content-type", FORM)],
            Some(b"grant_type=client_credentials&scope=signicat-api".to_vec()),
        )
        .await
        .expect(200);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let token = reply.json();
    assert_eq!(token["token_type"], "Bearer");
    assert_eq!(token["expires_in"], 600);
    assert_eq!(token["scope"], "signicat-api");
    let first = token["access_token"].as_str().unwrap().to_string();
    assert!(first.len() >= 40);

    let form = format!(
        "grant_type=client_credentials&client_id={}&client_secret={}",
        emu.client_id, emu.client_secret
    );
    let second = emu
        .raw(
            "POST",
            "/auth/open/connect/token",
            &[("content-type", FORM)],
            Some(form.into_bytes()),
        )
        .await
        .expect(200)
        .json();
    assert_ne!(
        second["access_token"].as_str().unwrap(),
        first,
        "tokens must not repeat"
    );
    // No scope at all is fine too.
    emu.raw(
        "POST",
        "/auth/open/connect/token",
        &[("authorization", &auth), ("content-type", FORM)],
        Some(b"grant_type=client_credentials".to_vec()),
    )
    .await
    .expect(200);
}

#[tokio::test]
async fn refuses_bad_clients_grants_and_scopes() {
    let emu = Emulator::start(&[]);
    let token = |headers: Vec<(&'static str, String)>, body: &'static str| {
        let emu = &emu;
        async move {
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            emu.raw(
                "POST",
                "/auth/open/connect/token",
                &headers,
                Some(body.as_bytes().to_vec()),
            )
            .await
        }
    };
    let wrong = token(
        vec![("authorization", basic("demo-client", "wrong"))],
        "grant_type=client_credentials",
    )
    .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.json()["error"], "invalid_client");
    assert!(wrong
        .header("www-authenticate")
        .unwrap()
        .starts_with("Basic"));
    let unknown = token(
        vec![],
        "grant_type=client_credentials&client_id=nobody&client_secret=demo-secret",
    )
    .await;
    assert_eq!(
        (unknown.status, unknown.json()["error"].clone()),
        (401, "invalid_client".into())
    );
    let missing = token(vec![], "grant_type=client_credentials").await;
    assert_eq!(
        (missing.status, missing.json()["error"].clone()),
        (401, "invalid_client".into())
    );
    let auth = basic(&emu.client_id, &emu.client_secret);
    let grant = token(
        vec![("authorization", auth.clone())],
        "grant_type=password&username=x",
    )
    .await;
    assert_eq!(
        (grant.status, grant.json()["error"].clone()),
        (400, "unsupported_grant_type".into())
    );
    let no_grant = token(vec![("authorization", auth.clone())], "scope=signicat-api").await;
    assert_eq!(
        (no_grant.status, no_grant.json()["error"].clone()),
        (400, "invalid_request".into())
    );
    let scope = token(
        vec![("authorization", auth)],
        "grant_type=client_credentials&scope=admin",
    )
    .await;
    assert_eq!(
        (scope.status, scope.json()["error"].clone()),
        (400, "invalid_scope".into())
    );
}

#[tokio::test]
async fn api_calls_need_a_valid_bearer_token() {
    let emu = Emulator::start(&[]);
    for headers in [
        vec![],
        vec![("authorization", "Bearer not-a-token")],
        vec![("authorization", "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=")],
        vec![("authorization", "Bearer")],
    ] {
        let reply = emu
            .raw("GET", "/account-management/accounts", &headers, None)
            .await;
        crate::support::contract().check("GET", "/accounts", &reply);
        assert_eq!(reply.status, 401, "{headers:?}");
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        assert!(reply
            .header("www-authenticate")
            .unwrap()
            .contains("invalid_token"));
        let problem = reply.json();
        assert_eq!(problem["code"], "invalid_token");
        assert_eq!(problem["status"], 401);
        assert!(problem["traceId"].as_str().is_some_and(|t| t.len() == 32));
    }
}

#[tokio::test]
async fn tokens_expire_after_their_ttl() {
    let emu = Emulator::start(&["--token-ttl", "1"]);
    let token = emu.fetch_token().await;
    let bearer = format!("Bearer {token}");
    emu.raw(
        "GET",
        "/account-management/accounts",
        &[("authorization", &bearer)],
        None,
    )
    .await
    .expect(200);
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let reply = emu
        .raw(
            "GET",
            "/account-management/accounts",
            &[("authorization", &bearer)],
            None,
        )
        .await
        .expect(401);
    crate::support::contract().check("GET", "/accounts", &reply);
    assert_eq!(reply.json()["code"], "invalid_token");
    assert!(reply.json()["detail"].as_str().unwrap().contains("expired"));
}

#[tokio::test]
async fn revoked_tokens_stop_working_and_new_ones_do() {
    let emu = Emulator::start(&[]);
    emu.call("GET", "/contacts", None).await.expect(200);
    let revoked = emu.emulator("POST", "/revoke-tokens", None).await;
    assert_eq!(revoked["revoked"], 1);
    let reply = emu.call("GET", "/contacts", None).await.expect(401);
    assert_eq!(reply.json()["code"], "invalid_token");
    let fresh = format!("Bearer {}", emu.fetch_token().await);
    emu.raw(
        "GET",
        "/account-management/contacts",
        &[("authorization", &fresh)],
        None,
    )
    .await
    .expect(200);
}
