use serde_json::json;

use crate::support::Emulator;

const PAGE_ORIGIN: &str = "http://localhost:5173";

#[tokio::test]
async fn answers_cors_preflights() {
    let emu = Emulator::start(&["--allow-origin", PAGE_ORIGIN]);
    let preflight = emu
        .raw(
            "OPTIONS",
            "/account-management/accounts/a-ppge-x",
            &[
                ("origin", PAGE_ORIGIN),
                ("access-control-request-method", "PATCH"),
                (
                    "access-control-request-headers",
                    "authorization, content-type, x-emulator-fault",
                ),
            ],
            None,
        )
        .await;
    assert_eq!(preflight.status, 204);
    assert_eq!(
        preflight.header("access-control-allow-origin"),
        Some(PAGE_ORIGIN)
    );
    let methods = preflight.header("access-control-allow-methods").unwrap();
    for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
        assert!(methods.contains(method), "{method} not allowed");
    }
    let headers = preflight.header("access-control-allow-headers").unwrap();
    for header in [
        "authorization",
        "content-type",
        "accept",
        "x-emulator-fault",
    ] {
        assert!(headers.contains(header), "{header} not allowed");
    }
    let token = emu
        .raw(
            "OPTIONS",
            "/auth/open/connect/token",
            &[
                ("origin", PAGE_ORIGIN),
                ("access-control-request-method", "POST"),
            ],
            None,
        )
        .await;
    assert_eq!(token.status, 204);
}

#[tokio::test]
async fn responses_tell_pages_what_they_may_read() {
    let emu = Emulator::start(&["--allow-origin", PAGE_ORIGIN]);
    let bearer = format!("Bearer {}", emu.token().await);
    let ok = emu
        .raw(
            "GET",
            "/account-management/accounts",
            &[("origin", PAGE_ORIGIN), ("authorization", &bearer)],
            None,
        )
        .await
        .expect(200);
    assert_eq!(ok.header("access-control-allow-origin"), Some(PAGE_ORIGIN));
    let exposed = ok.header("access-control-expose-headers").unwrap();
    assert!(exposed.contains("retry-after") && exposed.contains("content-type"));
    let limited = emu
        .raw(
            "GET",
            "/account-management/accounts",
            &[
                ("origin", PAGE_ORIGIN),
                ("authorization", &bearer),
                ("x-emulator-fault", "429"),
            ],
            None,
        )
        .await
        .expect(429);
    assert_eq!(
        limited.header("access-control-allow-origin"),
        Some(PAGE_ORIGIN)
    );
    assert_eq!(limited.header("retry-after"), Some("1"));
    let denied = emu
        .raw(
            "GET",
            "/account-management/accounts",
            &[("origin", PAGE_ORIGIN)],
            None,
        )
        .await
        .expect(401);
    assert_eq!(
        denied.header("access-control-allow-origin"),
        Some(PAGE_ORIGIN)
    );
}

#[tokio::test]
async fn serves_a_static_directory_beside_the_api() {
    let dir = std::env::temp_dir().join(format!("signicat-emulator-www-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    std::fs::write(dir.join("app.mjs"), "export const x = 1;").unwrap();
    std::fs::write(dir.join("pkg/sdk.js"), "export default 1;").unwrap();
    std::fs::write(dir.join("pkg/sdk_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let emu = Emulator::start(&["--serve", dir.to_str().unwrap()]);

    let index = emu.raw("GET", "/", &[], None).await.expect(200);
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(index.body.starts_with(b"<!doctype html>"));
    let module = emu.raw("GET", "/app.mjs", &[], None).await.expect(200);
    assert_eq!(
        module.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    let script = emu.raw("GET", "/pkg/sdk.js", &[], None).await.expect(200);
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    let wasm = emu
        .raw("GET", "/pkg/sdk_bg.wasm", &[], None)
        .await
        .expect(200);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(&wasm.body[..4], b"\0asm");
    emu.raw("GET", "/missing.js", &[], None).await.expect(404);
    emu.raw("GET", "/../Cargo.toml", &[], None)
        .await
        .expect(404);
    emu.raw("GET", "/pkg/%2e%2e/%2e%2e/etc/passwd", &[], None)
        .await
        .expect(404);
    emu.raw("POST", "/index.html", &[], Some(b"x".to_vec()))
        .await
        .expect(405);
    emu.call("GET", "/accounts", None).await.expect(200);
    let stats = emu.emulator("GET", "/stats", None).await;
    assert!(stats["counts"]["GET /pkg/sdk_bg.wasm"] == json!(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn static_answers_forbid_framing_and_sniffing_and_never_show_dotfiles() {
    let dir = std::env::temp_dir().join(format!("signicat-emulator-dot-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    std::fs::write(dir.join("pkg/sdk.js"), "export default 1;").unwrap();
    std::fs::write(dir.join(".env"), "SECRET=1").unwrap();
    std::fs::write(dir.join(".git/config"), "[core]").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join(".env"), dir.join("env.txt")).unwrap();
    let emu = Emulator::start(&["--serve", dir.to_str().unwrap()]);

    let answers = [
        emu.raw("GET", "/", &[], None).await.expect(200),
        emu.raw("GET", "/pkg/sdk.js", &[], None).await.expect(200),
        emu.raw("GET", "/missing.js", &[], None).await.expect(404),
        emu.raw("POST", "/index.html", &[], None).await.expect(405),
    ];
    for reply in &answers {
        let csp = reply.header("content-security-policy").unwrap_or_default();
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "connect-src 'self' https:",
            "frame-ancestors 'none'",
            "object-src 'none'",
        ] {
            assert!(csp.contains(directive), "{directive} missing from {csp:?}");
        }
        assert_eq!(reply.header("x-frame-options"), Some("DENY"));
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
    for hidden in [
        "/.env",
        "/%2eenv",
        "/.git/config",
        "/pkg/../.env",
        "/./index.html",
        "/env.txt",
    ] {
        let reply = emu.raw("GET", hidden, &[], None).await;
        assert_eq!(reply.status, 404, "{hidden}");
        assert!(!String::from_utf8_lossy(&reply.body).contains("SECRET"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_served_page_gets_tokens_from_the_backend_without_the_secret() {
    let dir =
        std::env::temp_dir().join(format!("signicat-emulator-backend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let emu = Emulator::start(&["--serve", dir.to_str().unwrap()]);
    let page_origin = emu.origin.clone();

    for method in ["GET", "POST"] {
        let reply = emu
            .raw(
                method,
                "/api/signicat-token",
                &[("origin", &page_origin), ("sec-fetch-site", "same-origin")],
                None,
            )
            .await
            .expect(200);
        assert_eq!(reply.header("cache-control"), Some("no-store"));
        let body = reply.json();
        assert_eq!(body["expiresIn"], json!(600));
        let token = body["accessToken"].as_str().unwrap();
        assert!(!reply.body.windows(11).any(|w| w == b"demo-secret"));
        let bearer = format!("Bearer {token}");
        emu.raw(
            "GET",
            "/account-management/accounts?limit=1",
            &[("authorization", &bearer)],
            None,
        )
        .await
        .expect(200);
    }
    let stats = emu.emulator("GET", "/stats", None).await;
    assert_eq!(stats["tokenRequests"], json!(2));

    let foreign = emu
        .raw(
            "GET",
            "/api/signicat-token",
            &[("origin", PAGE_ORIGIN), ("sec-fetch-site", "cross-site")],
            None,
        )
        .await
        .expect(403);
    assert_eq!(foreign.json()["code"], json!("cross_origin"));

    emu.emulator(
        "POST",
        "/faults",
        Some(json!({ "fault": "503", "path": "/api/signicat-token" })),
    )
    .await;
    emu.raw("GET", "/api/signicat-token", &[], None)
        .await
        .expect(503);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn without_a_page_there_is_no_backend_token_endpoint() {
    let emu = Emulator::start(&[]);
    emu.raw("GET", "/api/signicat-token", &[], None)
        .await
        .expect(404);
}

#[tokio::test]
async fn pages_from_other_origins_and_foreign_hosts_are_refused() {
    let emu = Emulator::start(&["--allow-origin", PAGE_ORIGIN]);
    let bearer = format!("Bearer {}", emu.token().await);
    for (method, path) in [
        ("POST", "/emulator/reset"),
        ("POST", "/emulator/revoke-tokens"),
        ("POST", "/emulator/faults"),
        ("GET", "/emulator/stats"),
        ("GET", "/account-management/accounts"),
        ("POST", "/auth/open/connect/token"),
    ] {
        let refused = emu
            .raw(
                method,
                path,
                &[
                    ("origin", "https://evil.example"),
                    ("authorization", &bearer),
                ],
                None,
            )
            .await
            .expect(403);
        assert_eq!(refused.json()["code"], json!("cross_origin"), "{path}");
        assert_eq!(refused.header("access-control-allow-origin"), None);
    }
    let preflight = emu
        .raw(
            "OPTIONS",
            "/emulator/reset",
            &[
                ("origin", "null"),
                ("access-control-request-method", "POST"),
                ("access-control-request-private-network", "true"),
            ],
            None,
        )
        .await
        .expect(403);
    assert_eq!(
        preflight.header("access-control-allow-private-network"),
        None
    );
    let rebound = emu
        .raw(
            "GET",
            "/emulator/stats",
            &[("host", "rebind.evil.example:80")],
            None,
        )
        .await
        .expect(403);
    assert_eq!(rebound.json()["code"], json!("wrong_host"));
    let any_port = Emulator::start(&["--allow-origin", "http://127.0.0.1:*"]);
    for (origin, status) in [
        ("http://127.0.0.1:4173", 200),
        ("http://127.0.0.1:1", 200),
        ("http://127.0.0.1:", 403),
        ("http://127.0.0.1:80x", 403),
        ("http://127.0.0.10:4173", 403),
        ("http://localhost:4173", 403),
    ] {
        any_port
            .raw("GET", "/emulator/stats", &[("origin", origin)], None)
            .await
            .expect(status);
    }
    let own = emu.origin.replace("http://127.0.0.1", "http://localhost");
    for origin in [PAGE_ORIGIN, own.as_str()] {
        emu.raw("GET", "/emulator/stats", &[("origin", origin)], None)
            .await
            .expect(200);
    }
}
