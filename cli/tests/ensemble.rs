//! `zabscope run`, `zabscope fuzz` and the ensemble ops of `zabscope api` (docs/ensemble.md).

mod common;

use std::process::Output;

fn zabscope(args: &[&str], stdin: &str) -> Output {
    common::run_zabscope(args, stdin)
}

fn scenario(name: &str) -> String {
    format!("{}/../tests/scenarios/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn run_prints_a_deterministic_trace() {
    let a = zabscope(&["run", &scenario("fresh_three.zs")], "");
    let b = zabscope(&["run", &scenario("fresh_three.zs")], "");
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8_lossy(&a.stdout);
    assert!(text.contains("3 established epoch 1"), "{text}");
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.starts_with("digest "))
    );
}

/// `--narrate` explains each step in one sentence; the digest is the one without it.
#[test]
fn run_narrates_each_step() {
    let plain = zabscope(&["run", &scenario("fresh_three.zs")], "");
    let out = zabscope(&["run", &scenario("fresh_three.zs"), "--narrate"], "");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("  » server 3 won the election: it leads"),
        "{text}"
    );
    assert!(
        text.contains(
            "  » server 1 adopts 3's vote for 3: same epoch, same zxid, higher sid (3 > 1)"
        )
    );
    assert_eq!(
        text.lines().last(),
        String::from_utf8_lossy(&plain.stdout).lines().last()
    );
    let json = zabscope(
        &["run", &scenario("fresh_three.zs"), "--json", "--narrate"],
        "",
    );
    let json = String::from_utf8_lossy(&json.stdout);
    assert!(json.contains("\"key\":\"elect.lead\""), "{json}");
}

#[test]
fn run_json_lines_parse() {
    let out = zabscope(&["run", &scenario("fresh_three.zs"), "--json"], "");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        assert!(
            v.get("step").is_some() || v.get("digest").is_some(),
            "{line}"
        );
    }
    assert!(text.contains("\"kind\":\"state\""));
}

#[test]
fn bad_scripts_are_errors_not_panics() {
    let out = zabscope(&["run", "/nonexistent.zs"], "");
    assert_eq!(out.status.code(), Some(2));
    let dir = std::env::temp_dir().join("zabscope-bad.zs");
    std::fs::write(&dir, "seed 1\nconfig\ntickTime=2000\nend\n").expect("write");
    let out = zabscope(&["run", dir.to_str().unwrap_or_default()], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("initLimit"));
}

#[test]
fn fuzz_one_seed_reproduces() {
    let out = zabscope(&["fuzz", "--seed", "7"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("seed 7: ok"));
}

#[test]
fn api_drives_an_ensemble() {
    let cfg = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=zk1:2888:3888\\nserver.2=zk2:2888:3888\\nserver.3=zk3:2888:3888\\n";
    let input = format!(
        "{{\"op\":\"ensemble\",\"config\":\"{cfg}\",\"seed\":1}}\n\
         {{\"op\":\"start\",\"server\":1}}\n{{\"op\":\"start\",\"server\":2}}\n{{\"op\":\"start\",\"server\":3}}\n\
         {{\"op\":\"runUntil\",\"leader\":true,\"max_ms\":5000}}\n\
         {{\"op\":\"connect\",\"client\":\"a\",\"server\":1}}\n\
         {{\"op\":\"create\",\"client\":\"a\",\"path\":\"/x\",\"data\":\"hi\"}}\n\
         {{\"op\":\"crash\",\"server\":3}}\n{{\"op\":\"run\",\"ms\":10}}\n\
         {{\"op\":\"setData\",\"client\":\"a\",\"path\":\"/x\",\"data\":\"again\"}}\n\
         {{\"op\":\"status\"}}\n\
         {{\"op\":\"partition\",\"groups\":[[1],[2,3]]}}\n\
         {{\"op\":\"run\",\"ms\":1000}}\n"
    );
    let out = zabscope(&["api"], &input);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 13);
    assert_eq!(lines[4]["leader"], 3);
    assert_eq!(lines[6]["ok"], true, "{}", lines[6]);
    // The write after the leader's crash waits for a new leader, then succeeds.
    assert_eq!(lines[9]["ok"], true, "{}", lines[9]);
    let servers = lines[10]["servers"].as_array().expect("servers");
    let leader = servers
        .iter()
        .find(|s| s["state"] == "LEADING")
        .expect("a new leader");
    assert_eq!(leader["currentEpoch"], 2);
    assert_eq!(servers[2]["state"], "CRASHED");
    assert!(lines[12]["trace_events"].as_u64().is_some());
}

/// docs/clients.md: client library processes and recipes through the api; bad input answers
/// an error and changes nothing; `status` reports clients, recipes and each server's process.
#[test]
fn api_drives_clients_and_recipes() {
    let cfg = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=zk1:2888:3888\\nserver.2=zk2:2888:3888\\nserver.3=zk3:2888:3888\\n";
    let input = format!(
        "{{\"op\":\"ensemble\",\"config\":\"{cfg}\",\"seed\":1}}\n\
         {{\"op\":\"start\",\"server\":1}}\n{{\"op\":\"start\",\"server\":2}}\n{{\"op\":\"start\",\"server\":3}}\n\
         {{\"op\":\"runUntil\",\"leader\":true,\"max_ms\":5000}}\n\
         {{\"op\":\"client\",\"client\":\"c1\",\"action\":\"connect\",\"servers\":[1,2,3],\"timeout_ms\":4000}}\n\
         {{\"op\":\"client\",\"client\":\"c2\",\"action\":\"connect\",\"servers\":[1,2,3],\"timeout_ms\":4000}}\n\
         {{\"op\":\"run\",\"ms\":3000}}\n\
         {{\"op\":\"recipe\",\"client\":\"c1\",\"kind\":\"lock\",\"path\":\"/nope/a\",\"fair\":true}}\n\
         {{\"op\":\"recipe\",\"client\":\"c1\",\"kind\":\"spinlock\",\"path\":\"/a\"}}\n\
         {{\"op\":\"recipe\",\"client\":\"c9\",\"kind\":\"lock\",\"path\":\"/a\"}}\n\
         {{\"op\":\"recipe\",\"client\":\"c1\",\"kind\":\"lock\",\"path\":\"/a\",\"fair\":true}}\n\
         {{\"op\":\"run\",\"ms\":100}}\n\
         {{\"op\":\"recipe\",\"client\":\"c2\",\"kind\":\"lock\",\"path\":\"/a\",\"fair\":true}}\n\
         {{\"op\":\"run\",\"ms\":100}}\n\
         {{\"op\":\"release\",\"client\":\"c2\",\"path\":\"/a\"}}\n\
         {{\"op\":\"release\",\"client\":\"c1\",\"path\":\"/a\"}}\n\
         {{\"op\":\"run\",\"ms\":100}}\n\
         {{\"op\":\"pause\",\"server\":2}}\n\
         {{\"op\":\"status\"}}\n"
    );
    let out = zabscope(&["api"], &input);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 20);
    assert_eq!(lines[5]["ok"], true, "{}", lines[5]);
    assert_eq!(lines[5]["state"]["client"], "c1");
    let err = |i: usize, what: &str| {
        assert_eq!(lines[i]["ok"], false, "{}", lines[i]);
        let e = lines[i]["error"].as_str().unwrap_or_default();
        assert!(e.contains(what), "{e}");
    };
    err(8, "has no parent");
    err(9, "unknown recipe 'spinlock'");
    err(10, "no client 'c9'");
    assert_eq!(lines[11]["ok"], true, "{}", lines[11]);
    // c2 waits behind c1: releasing what it does not hold is refused.
    err(15, "does not hold /a");
    assert_eq!(lines[16]["ok"], true, "{}", lines[16]);
    let status = &lines[19];
    let servers = status["servers"].as_array().expect("servers");
    assert_eq!(servers[1]["process"], "paused");
    assert_eq!(servers[0]["process"], "running");
    let clients = status["clients"].as_array().expect("clients");
    let c2 = clients.iter().find(|c| c["client"] == "c2").expect("c2");
    let r = &c2["recipes"][0];
    assert_eq!(r["kind"], "fair-lock");
    assert_eq!(r["role"], "holder", "{c2}");
    assert!(
        r["history"][0]["fencing_token"]
            .as_str()
            .unwrap_or_default()
            .starts_with("0x")
    );
    let c1 = clients.iter().find(|c| c["client"] == "c1").expect("c1");
    assert_eq!(c1["recipes"][0]["role"], "released");
    assert_eq!(c1["state"], "CONNECTED");
}
