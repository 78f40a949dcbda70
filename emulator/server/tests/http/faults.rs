use std::io::ErrorKind;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::{raw_tcp, Emulator, Reply};

const FAULT: &str = "x-emulator-fault";

fn account(org: &str) -> Value {
    json!({ "name": "Faulty", "organizationId": org, "isSandbox": true, "region": "EU", "cloud": "GCP" })
}

fn get_request(emu: &Emulator, path: &str, token: &str, fault: &str) -> String {
    let host = emu.origin.trim_start_matches("http://");
    format!("GET /account-management{path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n{FAULT}: {fault}\r\nConnection: close\r\n\r\n")
}

/// `POST /emulator/faults` with `body` as it is, for the answer whatever its status.
async fn arm(emu: &Emulator, body: &Value) -> Reply {
    emu.raw(
        "POST",
        "/emulator/faults",
        &[("content-type", "application/json")],
        Some(body.to_string().into_bytes()),
    )
    .await
}

async fn post_statuses(emu: &Emulator, path: &str) -> Vec<u64> {
    let stats = emu.emulator("GET", "/stats", None).await;
    stats["requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"] == path)
        .map(|r| r["status"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn status_faults_answer_without_running_the_operation() {
    let emu = Emulator::start(&[]);
    let org = emu.root_organization().await;
    let before = emu.count("accounts").await;
    let reply = emu
        .call_with("POST", "/accounts", Some(account(&org)), &[(FAULT, "503")])
        .await
        .expect(503);
    assert_eq!(reply.header("retry-after"), Some("1"));
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(reply.json()["code"], "service_unavailable");
    assert_eq!(
        emu.count("accounts").await,
        before,
        "the refused POST created nothing"
    );
    assert_eq!(
        post_statuses(&emu, "/account-management/accounts").await,
        [503],
        "and it was sent once"
    );

    let limited = emu
        .call_with("GET", "/accounts", None, &[(FAULT, "429;retry-after=3")])
        .await
        .expect(429);
    assert_eq!(limited.header("retry-after"), Some("3"));
    assert_eq!(limited.json()["code"], "too_many_requests");
    for status in [500u16, 502, 504] {
        let reply = emu
            .call_with("GET", "/contacts", None, &[(FAULT, &status.to_string())])
            .await;
        assert_eq!(reply.status, status);
        assert_eq!(reply.header("retry-after"), None);
    }
    let bad = emu
        .call_with("GET", "/accounts", None, &[(FAULT, "teapot")])
        .await
        .expect(400);
    assert_eq!(bad.json()["code"], "invalid_fault");
    let stats = emu.emulator("GET", "/stats", None).await;
    let faults: Vec<&str> = stats["requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["fault"].as_str())
        .collect();
    assert_eq!(
        faults,
        [
            "503;retry-after=1",
            "429;retry-after=3",
            "500",
            "502",
            "504"
        ]
    );
}

#[tokio::test]
async fn html_slow_reset_and_truncate_from_the_header() {
    let emu = Emulator::start(&[]);
    let token = emu.token().await;
    let bearer = format!("Bearer {token}");
    let auth = [("authorization", bearer.as_str())];

    let html = emu
        .raw(
            "GET",
            "/account-management/accounts",
            &[auth[0], (FAULT, "html")],
            None,
        )
        .await
        .expect(502);
    assert!(html
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(String::from_utf8_lossy(&html.body).contains("<html>"));
    let gateway = emu
        .raw(
            "GET",
            "/account-management/accounts",
            &[auth[0], (FAULT, "html;status=504")],
            None,
        )
        .await;
    assert_eq!(gateway.status, 504);

    let started = Instant::now();
    emu.call_with("GET", "/accounts", None, &[(FAULT, "slow=300ms")])
        .await
        .expect(200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    assert!(emu
        .try_raw(
            "GET",
            "/account-management/accounts",
            &[auth[0], (FAULT, "reset")]
        )
        .await
        .is_err());
    let (received, error) = raw_tcp(
        &emu.origin,
        &get_request(&emu, "/accounts", &token, "reset"),
    );
    assert!(received.is_empty(), "a reset sends no response at all");
    assert!(
        matches!(error, None | Some(ErrorKind::ConnectionReset)),
        "{error:?}"
    );

    let truncated = emu
        .try_raw(
            "GET",
            "/account-management/accounts",
            &[auth[0], (FAULT, "truncate")],
        )
        .await;
    assert!(
        truncated.is_err(),
        "the client must notice the cut: {truncated:?}"
    );
    let (received, _) = raw_tcp(
        &emu.origin,
        &get_request(&emu, "/accounts", &token, "truncate"),
    );
    let text = String::from_utf8_lossy(&received);
    let (head, body) = text.split_once("\r\n\r\n").expect("headers arrive");
    assert!(head.starts_with("HTTP/1.1 200"));
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length: ")
                .map(|v| v.trim().parse().unwrap())
        })
        .expect("the full length is announced");
    assert!(
        !body.is_empty() && body.len() < length,
        "{} of {length} bytes",
        body.len()
    );
    assert!(serde_json::from_str::<Value>(body).is_err());

    let stats = emu.emulator("GET", "/stats", None).await;
    let reset = stats["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["fault"] == "reset")
        .unwrap();
    assert_eq!(reset["status"], 0);
}

#[tokio::test]
async fn armed_faults_hit_the_next_matching_requests() {
    let emu = Emulator::start(&[]);
    let org = emu.root_organization().await;
    emu.token().await;
    emu.emulator("POST", "/faults", Some(json!({ "fault": "503", "times": 2, "method": "POST", "path": "/account-management/accounts" })))
        .await;
    assert_eq!(
        emu.emulator("GET", "/faults", None).await["armed"][0]["times"],
        2
    );
    emu.call("GET", "/accounts", None).await.expect(200);
    emu.call("POST", "/accounts", Some(account(&org)))
        .await
        .expect(503);
    emu.call("POST", "/accounts", Some(account(&org)))
        .await
        .expect(503);
    emu.call("POST", "/accounts", Some(account(&org)))
        .await
        .expect(200);
    assert_eq!(
        post_statuses(&emu, "/account-management/accounts").await,
        [503, 503, 200]
    );
    assert_eq!(
        emu.emulator("GET", "/faults", None).await["armed"],
        json!([])
    );

    emu.emulator(
        "POST",
        "/faults",
        Some(json!({ "fault": "reset", "path": "/account-management/contacts*" })),
    )
    .await;
    assert!(emu
        .try_raw("GET", "/account-management/contacts/c-p-x", &[])
        .await
        .is_err());
    emu.call("GET", "/contacts", None).await.expect(200);

    emu.emulator(
        "POST",
        "/faults",
        Some(json!({ "fault": "429;retry-after=2", "path": "/auth/open/connect/token" })),
    )
    .await;
    let form = format!(
        "grant_type=client_credentials&client_id={}&client_secret={}",
        emu.client_id, emu.client_secret
    );
    let token = emu
        .raw(
            "POST",
            "/auth/open/connect/token",
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(form.into_bytes()),
        )
        .await
        .expect(429);
    assert_eq!(token.header("retry-after"), Some("2"));

    emu.emulator(
        "POST",
        "/faults",
        Some(json!([{ "fault": "truncate" }, { "fault": "html" }])),
    )
    .await;
    assert_eq!(
        emu.emulator("GET", "/faults", None).await["armed"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    emu.emulator("DELETE", "/faults", None).await;
    emu.call("GET", "/accounts", None).await.expect(200);

    for bad in [
        json!({ "fault": "teapot" }),
        json!({ "fault": "503", "times": 0 }),
        json!({ "fault": "503", "when": "now" }),
        json!({ "times": 1 }),
    ] {
        assert_eq!(arm(&emu, &bad).await.status, 400, "{bad}");
    }
}

#[tokio::test]
async fn arming_answers_a_summary_and_refuses_overlong_filters() {
    let emu = Emulator::start(&[]);
    let path = format!("/account-management/{}", "a".repeat(900));
    let one = json!({ "fault": "503", "path": path, "method": "GET" });
    assert_eq!(
        emu.emulator("POST", "/faults", Some(one.clone())).await,
        json!({ "added": 1, "queued": 1 })
    );
    assert_eq!(
        emu.emulator("POST", "/faults", Some(json!([one.clone(), one])))
            .await,
        json!({ "added": 2, "queued": 3 })
    );
    let armed = emu.emulator("GET", "/faults", None).await;
    assert_eq!(armed["armed"].as_array().unwrap().len(), 3, "{armed}");

    for (bad, name) in [
        (
            json!({ "fault": "503", "path": format!("/{}", "p".repeat(100_000)) }),
            "path",
        ),
        (
            json!({ "fault": "503", "method": "M".repeat(1_000) }),
            "method",
        ),
    ] {
        let reply = arm(&emu, &bad).await.expect(400);
        assert_eq!(reply.invalid_params(), [name]);
        assert!(
            reply.body.len() < 1_000,
            "the refusal does not echo the value"
        );
    }
    let armed = emu.emulator("GET", "/faults", None).await;
    assert_eq!(
        armed["armed"].as_array().unwrap().len(),
        3,
        "nothing more armed"
    );
}

#[tokio::test]
async fn emulator_routes_and_preflights_are_never_faulted() {
    let emu = Emulator::start(&["--allow-origin", "http://localhost:5173"]);
    emu.token().await;
    emu.emulator("POST", "/faults", Some(json!({ "fault": "500" })))
        .await;
    emu.emulator("GET", "/health", None).await;
    emu.emulator("GET", "/stats", None).await;
    let preflight = emu
        .raw(
            "OPTIONS",
            "/account-management/accounts",
            &[
                ("origin", "http://localhost:5173"),
                ("access-control-request-method", "GET"),
            ],
            None,
        )
        .await;
    assert_eq!(preflight.status, 204);
    assert_eq!(
        emu.emulator("GET", "/faults", None).await["armed"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    emu.call("GET", "/accounts", None).await.expect(500);
    emu.call("GET", "/accounts", None).await.expect(200);
}

async fn statuses(emu: &Emulator, count: usize) -> Vec<u16> {
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        out.push(emu.call("GET", "/organizations", None).await.status);
    }
    out
}

#[tokio::test]
async fn random_faults_follow_their_seed() {
    let args = ["--faults", "503=0.3,429=0.2", "--fault-seed", "7"];
    let first = Emulator::start(&args);
    first
        .emulator(
            "POST",
            "/faults",
            Some(json!({ "fault": "slow=1ms", "path": "/auth/open/connect/token" })),
        )
        .await;
    first.token().await;
    let a = statuses(&first, 40).await;
    let faulted = a.iter().filter(|s| **s != 200).count();
    assert!(
        (8..=32).contains(&faulted),
        "{faulted} of 40 at p=0.5: {a:?}"
    );
    assert!(a.iter().all(|s| [200, 429, 503].contains(s)));

    let second = Emulator::start(&args);
    second
        .emulator(
            "POST",
            "/faults",
            Some(json!({ "fault": "slow=1ms", "path": "/auth/open/connect/token" })),
        )
        .await;
    second.token().await;
    assert_eq!(
        statuses(&second, 40).await,
        a,
        "the same seed gives the same faults"
    );

    second
        .emulator("PUT", "/faults/random", Some(json!({ "spec": "429=1" })))
        .await;
    assert_eq!(statuses(&second, 3).await, [429, 429, 429]);
    second
        .emulator("PUT", "/faults/random", Some(json!({ "spec": "" })))
        .await;
    assert_eq!(statuses(&second, 3).await, [200, 200, 200]);
}
