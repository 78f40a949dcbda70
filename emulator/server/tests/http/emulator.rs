use std::process::Command;
use std::sync::Arc;

use serde_json::json;

use crate::support::{raw_tcp, Emulator, BINARY};

#[tokio::test]
async fn announces_itself_and_reports_health() {
    let emu = Emulator::start(&["--seed", "1"]);
    assert!(emu.origin.starts_with("http://127.0.0.1:"));
    assert_eq!(emu.base_url, format!("{}/account-management", emu.origin));
    assert_eq!(
        emu.token_url,
        format!("{}/auth/open/connect/token", emu.origin)
    );
    assert_eq!(
        (emu.client_id.as_str(), emu.client_secret.as_str()),
        ("demo-client", "demo-secret")
    );
    let health = emu.emulator("GET", "/health", None).await;
    assert_eq!(health["status"], "ok");
    assert_eq!(health["seed"], 1);
    assert!(health["rootOrganizationId"]
        .as_str()
        .unwrap()
        .starts_with("o-p-"));
    assert!(health["counts"]["accounts"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data() {
    let a = Emulator::start(&["--seed", "77", "--accounts", "50"]);
    let b = Emulator::start(&["--seed", "77", "--accounts", "50"]);
    assert_eq!(
        a.walk("/accounts?limit=1000").await,
        b.walk("/accounts?limit=1000").await
    );
    assert_eq!(a.walk("/contacts").await, b.walk("/contacts").await);
    assert_eq!(
        a.call("GET", "/invoices", None).await.json(),
        b.call("GET", "/invoices", None).await.json()
    );
}

#[tokio::test]
async fn reset_restores_the_seeded_state() {
    let emu = Emulator::start(&["--seed", "12"]);
    let org = emu.root_organization().await;
    let seeded = emu.walk("/accounts").await;
    let body = json!({ "name": "Temporary", "organizationId": org, "isSandbox": true, "region": "EU", "cloud": "GCP" });
    let created = emu
        .call("POST", "/accounts", Some(body))
        .await
        .expect(200)
        .json();
    emu.call(
        "DELETE",
        &format!("/accounts/{}", seeded[0]["id"].as_str().unwrap()),
        None,
    )
    .await;
    emu.emulator(
        "POST",
        "/faults",
        Some(json!({ "fault": "503", "path": "/nowhere" })),
    )
    .await;

    let reset = emu.emulator("POST", "/reset", None).await;
    assert_eq!(reset["status"], "reset");
    assert_eq!(emu.walk("/accounts").await, seeded);
    emu.call(
        "GET",
        &format!("/accounts/{}", created["id"].as_str().unwrap()),
        None,
    )
    .await
    .expect(404);
    assert_eq!(
        emu.emulator("GET", "/faults", None).await["armed"],
        json!([])
    );
    let stats = emu.emulator("GET", "/stats", None).await;
    assert_eq!(
        stats["tokenRequests"], 0,
        "stats restart at the reset (tokens stay valid)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_count_token_requests_and_calls() {
    let emu = Arc::new(Emulator::start(&[]));
    emu.token().await;
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let emu = emu.clone();
            tokio::spawn(async move { emu.call("GET", "/accounts?limit=1", None).await.status })
        })
        .collect();
    for call in calls {
        assert_eq!(call.await.unwrap(), 200);
    }
    let stats = emu.emulator("GET", "/stats", None).await;
    assert_eq!(stats["tokenRequests"], 1);
    assert_eq!(stats["counts"]["GET /account-management/accounts"], 100);
    assert_eq!(stats["totalRequests"], 101);
    assert!(stats["counts"]
        .as_object()
        .unwrap()
        .keys()
        .all(|k| !k.contains("/emulator")));
    emu.emulator("DELETE", "/stats", None).await;
    assert_eq!(
        emu.emulator("GET", "/stats", None).await["totalRequests"],
        0
    );
}

#[test]
fn command_line_help_and_errors() {
    let help = Command::new(BINARY).arg("--help").output().unwrap();
    assert!(help.status.success());
    let usage = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--port",
        "--seed",
        "--accounts",
        "--token-ttl",
        "--data",
        "--serve",
        "--next-style",
        "--faults",
        "--fault-seed",
        "--body-timeout",
    ] {
        assert!(usage.contains(flag), "{flag} missing from --help");
    }
    let bad = Command::new(BINARY)
        .args(["--port", "0", "--faults", "teapot=1"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("teapot"));
    let unknown = Command::new(BINARY).arg("--bogus").output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[tokio::test]
async fn the_clock_moves_forward_for_tokens_and_new_records() {
    let emu = Emulator::start(&["--seed", "3", "--token-ttl", "60"]);
    let token = emu.fetch_token().await;
    let bearer = format!("Bearer {token}");
    let before = emu.emulator("GET", "/clock", None).await;
    assert_eq!(before["offsetMs"], 0);
    let moved = emu
        .emulator("POST", "/clock", Some(json!({ "advance": "61s" })))
        .await;
    assert_eq!(moved["offsetMs"], 61_000);
    assert!(moved["now"].as_str().unwrap() > before["now"].as_str().unwrap());
    let expired = emu
        .raw(
            "GET",
            "/account-management/accounts",
            &[("authorization", &bearer)],
            None,
        )
        .await
        .expect(401);
    assert!(expired.json()["detail"]
        .as_str()
        .unwrap()
        .contains("expired"));
    emu.raw(
        "POST",
        "/emulator/clock",
        &[("content-type", "application/json")],
        Some(br#"{"advance":"-1h"}"#.to_vec()),
    )
    .await
    .expect(400);
}

#[tokio::test]
async fn a_body_that_never_arrives_is_answered_408_and_the_connection_closed() {
    let emu = Emulator::start(&["--body-timeout", "1"]);
    let host = emu.origin.trim_start_matches("http://").to_string();
    let cases = [
        ("/emulator/faults", "application/json", "{\"fault\":"),
        (
            "/auth/open/connect/token",
            "application/x-www-form-urlencoded",
            "",
        ),
    ];
    for (path, content_type, part) in cases {
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\nContent-Length: 100\r\n\r\n{part}"
        );
        let origin = emu.origin.clone();
        let started = std::time::Instant::now();
        let (received, error) = tokio::task::spawn_blocking(move || raw_tcp(&origin, &request))
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&received);
        assert!(
            text.starts_with("HTTP/1.1 408"),
            "{path}: {text:?} {error:?}"
        );
        assert!(text.contains("request_timeout"), "{path}: {text}");
        assert_eq!(error, None, "{path}: the connection is closed");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
    let stats = emu.emulator("GET", "/stats", None).await;
    assert_eq!(stats["requests"][0]["status"], 408, "{stats}");
}
