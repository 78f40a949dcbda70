use std::path::PathBuf;
use std::process::Command;

use serde_json::json;

use crate::support::{Emulator, BINARY};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "signicat-emulator-it-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn state_survives_a_crash_and_restart() {
    let dir = temp_dir("restart");
    let file = dir.join("state.json");
    let data = file.to_str().unwrap();
    let emu = Emulator::start(&["--data", data, "--seed", "21"]);
    let org = emu.root_organization().await;
    let body = json!({ "name": "Durable", "organizationId": org, "isSandbox": false, "region": "EU", "cloud": "OTC" });
    let account = emu
        .call("POST", "/accounts", Some(body))
        .await
        .expect(200)
        .json();
    let contact = emu
        .call(
            "POST",
            "/contacts",
            Some(json!({ "firstName": "Dag", "lastName": "Durable" })),
        )
        .await
        .expect(200)
        .json();
    emu.call(
        "PUT",
        &format!("/organizations/{org}"),
        Some(json!({ "name": "Renamed Group", "billingContactId": contact["id"] })),
    )
    .await
    .expect(200);
    let deleted = emu.walk("/accounts").await[1]["id"]
        .as_str()
        .unwrap()
        .to_string();
    emu.call("DELETE", &format!("/accounts/{deleted}"), None)
        .await;
    let before = emu.walk("/accounts?limit=1000").await;
    emu.kill();

    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            std::ffi::OsString::from("state.json"),
            std::ffi::OsString::from("state.json.lock")
        ],
        "no temporary file is left behind"
    );

    let again = Emulator::start(&["--data", data, "--seed", "99"]);
    assert_eq!(again.walk("/accounts?limit=1000").await, before);
    let id = account["id"].as_str().unwrap();
    assert_eq!(
        again
            .call("GET", &format!("/accounts/{id}"), None)
            .await
            .expect(200)
            .json()["name"],
        "Durable"
    );
    let org_now = again
        .call("GET", &format!("/organizations/{org}"), None)
        .await
        .expect(200)
        .json();
    assert_eq!(org_now["name"], "Renamed Group");
    assert_eq!(org_now["billingContact"]["id"], contact["id"]);
    again
        .call("GET", &format!("/accounts/{deleted}?deleted=true"), None)
        .await
        .expect(200);
    let body = json!({ "name": "After restart", "organizationId": org, "isSandbox": true, "region": "EU", "cloud": "GCP" });
    let later = again
        .call("POST", "/accounts", Some(body))
        .await
        .expect(200)
        .json();
    assert_eq!(
        again.walk("/accounts?limit=1000").await.last().unwrap()["id"],
        later["id"],
        "new accounts still come last"
    );

    again.emulator("POST", "/reset", None).await;
    again.kill();
    let fresh = Emulator::start(&["--data", data]);
    fresh
        .call("GET", &format!("/accounts/{id}"), None)
        .await
        .expect(404);
    drop(fresh);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn refuses_to_start_on_a_damaged_data_file() {
    let dir = temp_dir("damaged");
    let file = dir.join("state.json");
    std::fs::write(&file, b"{\"format\": \"signicat-emulator/1\", \"store\": ").unwrap();
    let output = Command::new(BINARY)
        .args(["--port", "0", "--data", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("state.json"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"{\"format\": \"signicat-emulator/1\", \"store\": ",
        "left untouched"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_second_emulator_cannot_take_the_same_data_file() {
    let dir = temp_dir("shared");
    let file = dir.join("state.json");
    let data = file.to_str().unwrap();
    let first = Emulator::start(&["--data", data, "--seed", "5"]);
    let output = Command::new(BINARY)
        .args(["--port", "0", "--data", data])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("another emulator is using"), "{stderr}");
    first.call("GET", "/accounts", None).await.expect(200);
    first.kill();
    let again = Emulator::start(&["--data", data]);
    again.call("GET", "/accounts", None).await.expect(200);
    drop(again);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_change_that_cannot_be_saved_is_undone() {
    let dir = temp_dir("unsaved");
    let file = dir.join("state.json");
    let emu = Emulator::start(&["--data", file.to_str().unwrap(), "--seed", "5"]);
    let before = emu.walk("/contacts").await;
    std::fs::remove_dir_all(&dir).unwrap();
    let failed = emu
        .call(
            "POST",
            "/contacts",
            Some(json!({ "firstName": "Never", "lastName": "Saved" })),
        )
        .await
        .expect(500);
    assert!(failed.json()["detail"]
        .as_str()
        .unwrap()
        .contains("the change was undone"));
    assert_eq!(emu.walk("/contacts").await, before);
}
