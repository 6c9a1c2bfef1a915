//! The four differences the first randomized differential found between `zabscope`
//! and a real ZooKeeper 3.8.0 server (Debian's `zookeeper` 3.8.0-11+deb12u2 on loopback),
//! each pinned by what the real server or zkCli answered. The conformance suite
//! (`tests/conformance/`, docs/conformance.md) replays thousands of such sequences against
//! the real server; these tests keep the four from coming back without one.

mod common;

fn api(lines: &[String]) -> Vec<serde_json::Value> {
    let out = common::run_zabscope(&["api"], &(lines.join("\n") + "\n"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

fn req(client: &str, op: &str, path: &str, extra: &str) -> String {
    format!(r#"{{"client":"{client}","op":"{op}","path":"{path}"{extra}}}"#)
}

fn zkcli(script: &str) -> String {
    let out = common::run_zabscope(&["zkcli"], script);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Difference 1. Real: after `addAuth digest alice:secret`, whoAmI answers the user, not the hashed
/// id (`AuthUtil.getClientInfos` → `DigestAuthenticationProvider.getUserName`).
#[test]
fn who_am_i_answers_the_digest_user() {
    let out = api(&[
        r#"{"client":"c1","op":"addAuth","scheme":"digest","auth":"alice:secret"}"#.into(),
        r#"{"client":"c1","op":"whoAmI"}"#.into(),
    ]);
    let ids = out[1]["ids"].as_array().expect("ids");
    assert!(
        ids.iter()
            .any(|i| i["scheme"] == "digest" && i["id"] == "alice"),
        "{ids:?}"
    );
    assert!(!out[1].to_string().contains("aYXlLOpEooaV1cRAvUL1fp9Qt7E="));
}

/// Difference 2. Real: `/fz` with children a0000000000, b, m2, c, m1, a, s1, then m2, m1, s1
/// deleted: getChildren answers [a, b, c, a0000000000] — the HashSet grew to 16 bins at the 7th
/// child and never shrinks.
#[test]
fn children_order_keeps_the_grown_hash_table() {
    let mut lines = vec![req("c1", "create", "/fz", "")];
    for c in ["a0000000000", "b", "m2", "c", "m1", "a", "s1"] {
        lines.push(req("c1", "create", &format!("/fz/{c}"), ""));
    }
    for c in ["m2", "m1", "s1"] {
        lines.push(req("c1", "delete", &format!("/fz/{c}"), ""));
    }
    lines.push(req("c1", "getChildren", "/fz", ""));
    let out = api(&lines);
    let last = out.last().expect("reply");
    assert_eq!(
        last["children"],
        serde_json::json!(["a", "b", "c", "a0000000000"])
    );
}

/// Difference 3a. Real zkCli: `-v -1` is a value (commons-cli's isNegativeNumber), so both commands
/// succeed; a non-number is an uncaught NumberFormatException (ZabScope keeps the session).
#[test]
fn zkcli_negative_versions_are_values() {
    let out = zkcli("create /p x\nset -v -1 /p y\nget /p\ndelete -v x /p\ndelete -v -1 /p\nls /\n");
    assert!(out.contains("Created /p\ny\n"), "{out}");
    assert!(
        out.contains("Exception in thread \"main\" java.lang.NumberFormatException: For input string: \"x\"\n[zookeeper]\n"),
        "{out}"
    );
}

/// Difference 3b. Real zkCli: `setAcl -R` sets /zc first, then cannot list it any more: it prints
/// `Insufficient permission : /zc` and stops, the children keep `world:anyone:cdrwa`.
/// `ls -R` stops the same way at the first node it cannot list.
#[test]
fn zkcli_recursive_walks_stop_at_an_unreadable_node() {
    let out = zkcli(
        "create /zc\ncreate /zc/a\ncreate /zc/b\ncreate /zc/b/x\n\
         setAcl -R /zc world:anyone:cdwa\ngetAcl /zc/a\n\
         client su\naddauth digest super:admin\nsetAcl /zc world:anyone:cdrwa\n\
         setAcl /zc/b world:anyone:cdwa\nclient c1\nls -R /zc\n",
    );
    let want = "Insufficient permission : /zc\n'world,'anyone\n: cdrwa\n";
    assert!(out.contains(want), "{out}");
    assert!(
        out.ends_with("/zc\n/zc/a\n/zc/b\nInsufficient permission : /zc/b\n"),
        "{out}"
    );
}

/// Difference 3c. Real zkCli: `quit` closes the session and prints its Closed event.
#[test]
fn zkcli_quit_prints_the_closed_event() {
    let out = zkcli("ls /\nquit\n");
    assert!(
        out.ends_with("WatchedEvent state:Closed type:None path:null\n"),
        "{out}"
    );
}

/// Difference 4: CVE-2024-23944 fix (3.8.4; Debian 3.8.0-11+deb12u2): a NodeCreated for a node the
/// watcher may not READ is dropped, and the exists watch is consumed all the same (no
/// NodeDataChanged after the ACL is opened). A child event follows the parent's ACL.
#[test]
fn watch_events_need_read_permission() {
    let cdwa = r#","acl":[{"perms":30,"scheme":"world","id":"anyone"}]"#;
    let open = r#","acl":[{"perms":31,"scheme":"world","id":"anyone"}]"#;
    let out = api(&[
        req("c1", "create", "/w", ""),
        req("c2", "exists", "/w/x", r#","watch":true"#),
        req("c2", "getChildren", "/w", r#","watch":true"#),
        req("c1", "create", "/w/x", cdwa),
        req("c1", "setACL", "/w/x", open),
        req("c1", "setData", "/w/x", r#","data":"y""#),
        req("c2", "getChildren", "/w", r#","watch":true"#),
        req("c1", "setACL", "/w", cdwa),
        req("c1", "create", "/w/y", ""),
    ]);
    // The create fired only the child watch of the readable parent.
    assert_eq!(
        out[3]["events"],
        serde_json::json!({"c2": [{"type": "NodeChildrenChanged", "path": "/w"}]})
    );
    // The exists watch was consumed by the filtered NodeCreated.
    assert_eq!(out[5]["events"], serde_json::json!({}));
    // /w no longer readable: its NodeChildrenChanged is dropped too.
    assert_eq!(out[8]["events"], serde_json::json!({}));
}

/// Found by the conformance suite: zkCli 3.8's AddWatchCommand keeps `mode` between
/// commands, so a plain `addWatch` after `addWatch -m PERSISTENT …` is PERSISTENT too (the
/// real zkCli then reports NodeChildrenChanged /r, not a recursive NodeCreated /r/x).
#[test]
fn zkcli_add_watch_mode_sticks_like_the_real_command_object() {
    let out = zkcli("create /r\naddWatch -m PERSISTENT /w\naddWatch /r\ncreate /r/x\n");
    assert!(
        out.contains("WatchedEvent state:SyncConnected type:NodeChildrenChanged path:/r\n"),
        "{out}"
    );
    assert!(!out.contains("NodeCreated path:/r/x"), "{out}");
}

/// Item 2's cousin: a session's ephemerals set also never shrinks. 13 ephemerals (the
/// HashSet grows 16 → 32), all but e0, e3, e11 deleted: the real server's getEphemerals
/// (the set cloned in its 32-bin order) answers [/ge/e0, /ge/e11, /ge/e3].
#[test]
fn ephemerals_order_keeps_the_grown_hash_table() {
    let mut lines = vec![req("c1", "create", "/ge", "")];
    for i in 0..13 {
        lines.push(req(
            "c1",
            "create",
            &format!("/ge/e{i}"),
            r#","ephemeral":true"#,
        ));
    }
    for i in [1, 2, 4, 5, 6, 7, 8, 9, 10, 12] {
        lines.push(req("c1", "delete", &format!("/ge/e{i}"), ""));
    }
    lines.push(req("c1", "getEphemerals", "/", ""));
    let out = api(&lines);
    assert_eq!(
        out.last().expect("reply")["paths"],
        serde_json::json!(["/ge/e0", "/ge/e11", "/ge/e3"])
    );
}
