use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;
use std::time::Instant;

use serde_json::{json, Value};

use crate::support::Emulator;

fn id(item: &Value) -> String {
    item["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn every_page_once_in_order() {
    let emu = Emulator::start(&["--seed", "4", "--accounts", "2500"]);
    let live = emu.count("accounts").await as usize;
    let items = emu.walk("/accounts?limit=100").await;
    assert_eq!(items.len(), live);
    let unique: HashSet<String> = items.iter().map(id).collect();
    assert_eq!(unique.len(), live);
    let deleted = emu.walk("/accounts?deleted=true&limit=7").await;
    assert_eq!(deleted.len() as u64, emu.count("deletedAccounts").await);
    assert!(deleted.iter().all(|a| a["isSoftDeleted"] == true));

    let first = emu
        .call("GET", "/accounts?limit=10", None)
        .await
        .expect(200)
        .json();
    let token = first["next"].as_str().unwrap();
    assert!(
        !token.contains('/') && !token.contains('='),
        "an opaque URL-safe token: {token}"
    );
    let second = emu
        .call("GET", &format!("/accounts?page={token}"), None)
        .await
        .expect(200)
        .json();
    assert_eq!(
        second["data"].as_array().unwrap().len(),
        10,
        "the token remembers the page size"
    );
    assert_eq!(second["data"][0]["id"], items[10]["id"]);
    let wider = emu
        .call("GET", &format!("/accounts?page={token}&limit=20"), None)
        .await
        .expect(200)
        .json();
    assert_eq!(wider["data"].as_array().unwrap().len(), 20);

    let deleted_page = emu
        .call("GET", "/accounts?deleted=true&limit=1", None)
        .await
        .expect(200)
        .json();
    let deleted_token = deleted_page["next"].as_str().unwrap();
    let continued = emu
        .call("GET", &format!("/accounts?page={deleted_token}"), None)
        .await
        .expect(200)
        .json();
    assert_eq!(
        continued["data"][0]["isSoftDeleted"], true,
        "a token alone keeps its listing"
    );
    let mixed = emu
        .call(
            "GET",
            &format!("/accounts?deleted=false&page={deleted_token}"),
            None,
        )
        .await
        .expect(400);
    assert_eq!(mixed.invalid_params(), ["page"]);
    let contacts = emu
        .call("GET", "/contacts?limit=1", None)
        .await
        .expect(200)
        .json();
    let foreign = emu
        .call(
            "GET",
            &format!("/accounts?page={}", contacts["next"].as_str().unwrap()),
            None,
        )
        .await
        .expect(400);
    assert_eq!(foreign.invalid_params(), ["page"]);
}

/// Walks page by page while another task inserts and soft-deletes: no id twice, and every
/// account that was live from start to end is seen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn walking_while_others_insert_and_delete() {
    let emu = Arc::new(Emulator::start(&["--seed", "6", "--accounts", "3000"]));
    let org = emu.root_organization().await;
    let before: BTreeSet<String> = emu
        .walk("/accounts?limit=1000")
        .await
        .iter()
        .map(id)
        .collect();
    let doomed: Vec<String> = before
        .iter()
        .filter(|i| i.starts_with("a-ppge-"))
        .step_by(9)
        .cloned()
        .collect();

    let writer = {
        let emu = emu.clone();
        let doomed = doomed.clone();
        tokio::spawn(async move {
            let mut deleted = BTreeSet::new();
            for (n, victim) in doomed.iter().enumerate().take(150) {
                let body = json!({ "name": format!("Concurrent {n}"), "organizationId": org, "isSandbox": n % 2 == 0, "region": "EU", "cloud": "GCP" });
                emu.call("POST", "/accounts", Some(body)).await.expect(200);
                if emu
                    .call("DELETE", &format!("/accounts/{victim}"), None)
                    .await
                    .status
                    == 200
                {
                    deleted.insert(victim.clone());
                }
            }
            deleted
        })
    };

    let mut seen = Vec::new();
    let mut path = "/accounts?limit=37".to_string();
    loop {
        let page = emu.call("GET", &path, None).await.expect(200).json();
        seen.extend(page["data"].as_array().unwrap().iter().map(id));
        match page["next"].as_str() {
            Some(next) => path = emu.follow("/accounts?limit=37", next),
            None => break,
        }
        tokio::task::yield_now().await;
    }
    let deleted = writer.await.unwrap();
    assert!(!deleted.is_empty());
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "an account was listed twice");
    let survivors: Vec<&String> = before.iter().filter(|i| !deleted.contains(*i)).collect();
    let missing: Vec<&&String> = survivors.iter().filter(|i| !unique.contains(**i)).collect();
    assert!(
        missing.is_empty(),
        "{} accounts that existed throughout were skipped",
        missing.len()
    );
}

#[tokio::test]
async fn next_as_a_full_url() {
    let emu = Emulator::start(&["--next-style", "url", "--accounts", "120"]);
    let first = emu
        .call("GET", "/accounts?limit=50&deleted=false", None)
        .await
        .expect(200)
        .json();
    let next = first["next"].as_str().unwrap();
    assert!(
        next.starts_with(&format!("{}/accounts?", emu.base_url)),
        "{next}"
    );
    assert!(next.contains("limit=50") && next.contains("page="));
    let items = emu.walk("/accounts?limit=50").await;
    assert_eq!(items.len() as u64, emu.count("accounts").await);

    let deleted = emu
        .call("GET", "/accounts?deleted=true&limit=1", None)
        .await
        .expect(200)
        .json();
    if let Some(next) = deleted["next"].as_str() {
        assert!(next.contains("deleted=true"));
    }
    let contacts = emu
        .call("GET", "/contacts?limit=2", None)
        .await
        .expect(200)
        .json();
    assert!(contacts["next"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{}/contacts?", emu.base_url)));
    let orgs = emu.walk("/organizations?limit=1").await;
    assert_eq!(orgs.len() as u64, emu.count("organizations").await);
}

/// 100 000 accounts: the emulator starts quickly and every page of 1000 arrives.
#[tokio::test]
async fn a_hundred_thousand_accounts() {
    let started = Instant::now();
    let emu = Emulator::start(&["--seed", "9", "--accounts", "100000"]);
    let startup = started.elapsed();
    let live = emu.count("accounts").await as usize;
    let walk = Instant::now();
    let items = emu.walk("/accounts?limit=1000").await;
    eprintln!(
        "100 000 accounts: started in {startup:?}, walked {} pages in {:?}",
        items.len().div_ceil(1000),
        walk.elapsed()
    );
    assert_eq!(items.len(), live);
    assert!(live > 95_000);
    let unique: HashSet<String> = items.iter().map(id).collect();
    assert_eq!(unique.len(), live);
}
