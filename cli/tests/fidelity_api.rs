//! `zabscope api` against results recorded from the real ZooKeeper 3.8.0 server through its
//! Java client (`docs/fidelity/ApiProbe.java`, `docs/fidelity/Order.java`; Debian package,
//! standalone, tickTime 2000). Each assertion quotes what the real server answered.

mod common;

fn api(script: &str) -> Vec<serde_json::Value> {
    let out = common::run_zabscope(&["api"], script);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

fn strs(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Real: `seq [lock-0000000001, lock-0000000000]`, `kids [c11, c10, c13, …]`, `eph [...]`,
/// `close events [NodeDeleted /zeta, NodeDeleted /x, NodeDeleted /alpha, …]` — Java
/// HashSet iteration order.
#[test]
fn hash_set_orders_match_real_server() {
    let out = api(include_str!("fidelity/java-order.jsonl"));
    let kids: Vec<&serde_json::Value> =
        out.iter().filter(|o| o.get("children").is_some()).collect();
    assert_eq!(
        strs(&kids[0]["children"]),
        ["lock-0000000001", "lock-0000000000"]
    );
    assert_eq!(
        strs(&kids[1]["children"]),
        [
            "c11",
            "c10",
            "c13",
            "c12",
            "c15",
            "c14",
            "c17",
            "c16",
            "c19",
            "c18",
            "c0",
            "c1",
            "c2",
            "c3",
            "c4",
            "c5",
            "c6",
            "c7",
            "c8",
            "c9",
            "lock-0000000001",
            "lock-0000000000"
        ]
    );
    let eph = out
        .iter()
        .find(|o| o.get("paths").is_some())
        .expect("getEphemerals");
    assert_eq!(
        strs(&eph["paths"]),
        [
            "/o/lock-0000000000",
            "/o/lock-0000000001",
            "/zeta",
            "/x",
            "/o/c6",
            "/o/c9",
            "/alpha",
            "/o/c12",
            "/m1",
            "/o/c0",
            "/o/c3",
            "/o/c18",
            "/o/c15",
            "/b2"
        ]
    );
    let close = out.iter().find(|o| o["op"] == "close").expect("close");
    let paths: Vec<String> = close["events"]["w"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["path"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(paths, ["/zeta", "/x", "/alpha", "/m1", "/b2"]);
}

/// Real (ApiProbe): timeouts 4000/40000; multi1 NODEEXISTS [0, -110, -2] leaving /m at
/// czxid 0x3; /p czxid 0x5 with version 1 and cversion 2; multi3 BADVERSION [-103, -2];
/// close → NodeDeleted /m/e1, NodeChildrenChanged /m, NodeDeleted /m/e2; /m pzxid 0x9,
/// cversion 4; recursive watch events; PERSISTENT + exists watch → one NodeDataChanged for
/// two setData; a 1 MiB create is CONNECTIONLOSS, 1,000,000 bytes fit (czxid 0x14);
/// TTL without extendedTypesEnabled is Unimplemented.
#[test]
fn api_probe_matches_real_server() {
    let out = api(include_str!("fidelity/api-probe.jsonl"));
    assert_eq!(out[0]["timeout_ms"], 4000);
    assert_eq!(out[1]["timeout_ms"], 40000);
    assert_eq!(out[0]["session_id"].as_i64().map(|s| s >> 56), Some(1));
    let codes = |o: &serde_json::Value| -> Vec<i64> {
        o["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["code"].as_i64().unwrap_or(0))
            .collect()
    };
    assert_eq!(out[3]["rc"], "NodeExists");
    assert_eq!(codes(&out[3]), [0, -110, -2]);
    assert_eq!(out[4]["stat"]["mzxid"], 3);
    assert_eq!(
        (
            out[6]["stat"]["czxid"].as_i64(),
            out[6]["stat"]["version"].as_i64()
        ),
        (Some(5), Some(1))
    );
    assert_eq!(out[6]["stat"]["cversion"], 2);
    assert_eq!(codes(&out[7]), [-103, -2]);
    let ev = |o: &serde_json::Value, who: &str| -> Vec<String> {
        o["events"][who]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        format!(
                            "{} {}",
                            e["type"].as_str().unwrap_or(""),
                            e["path"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        ev(&out[14], "c2"),
        [
            "NodeDeleted /m/e1",
            "NodeChildrenChanged /m",
            "NodeDeleted /m/e2"
        ]
    );
    assert_eq!(
        (
            out[15]["stat"]["pzxid"].as_i64(),
            out[15]["stat"]["cversion"].as_i64()
        ),
        (Some(9), Some(4))
    );
    let recursive: Vec<String> = (17..=21).flat_map(|i| ev(&out[i], "c2")).collect();
    assert_eq!(
        recursive,
        [
            "NodeCreated /m/r",
            "NodeCreated /m/r/q",
            "NodeDataChanged /m/r/q",
            "NodeDeleted /m/r/q",
            "NodeDeleted /m/r"
        ]
    );
    let persistent: Vec<String> = (25..=27).flat_map(|i| ev(&out[i], "c2")).collect();
    assert_eq!(persistent, ["NodeChildrenChanged /m", "NodeDataChanged /m"]);
    assert_eq!(ev(&out[29], "c2"), ["NodeCreated /late"]);
    assert_eq!(out[30]["rc"], "ConnectionLoss");
    assert_eq!(out[32]["stat"]["czxid"], 0x14);
    assert_eq!(out[37]["rc"], "Unimplemented");
}
