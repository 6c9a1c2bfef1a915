//! The JSON-lines api over a standalone server.

use super::*;
use crate::zk::standalone::{ServerConfig, StandaloneServer};

fn api() -> Api<StandaloneServer> {
    Api::new(StandaloneServer::new(ServerConfig::default()))
}

fn run(lines: &[&str]) -> Vec<String> {
    let mut a = api();
    lines.iter().map(|l| a.handle_line(l)).collect()
}

#[test]
fn create_and_get() {
    let out = run(&[
        r#"{"client":"c1","op":"create","path":"/a","data":"text"}"#,
        r#"{"client":"c1","op":"getData","path":"/a"}"#,
    ]);
    assert!(out[0].starts_with(r#"{"client":"c1","op":"create","ok":true,"rc":"Ok","code":0,"path":"/a","stat":{"czxid":2,"#), "{}", out[0]);
    assert!(out[1].contains(r#""data":"text""#));
}

#[test]
fn malformed_lines_are_bad_requests() {
    let out = run(&[
        "not json",
        "[1]",
        r#"{"client":"c1"}"#,
        r#"{"client":"c1","op":"frob","path":"/a"}"#,
        r#"{"client":"c1","op":"create"}"#,
        r#"{"client":"c1","op":"create","path":"/a","acl":[{"perms":"x"}]}"#,
        r#"{"client":"c1","op":"create","path":"/a","data_len":-1}"#,
    ]);
    for o in &out {
        assert!(
            o.starts_with(r#"{"ok":false,"rc":"BadRequest","error":"#),
            "{o}"
        );
    }
}

/// Watch events are reported with the request that caused them, by client name.
#[test]
fn events_by_client() {
    let out = run(&[
        r#"{"client":"a","op":"exists","path":"/x","watch":true}"#,
        r#"{"client":"b","op":"create","path":"/x"}"#,
    ]);
    assert!(
        out[1].ends_with(r#""events":{"a":[{"type":"NodeCreated","path":"/x"}]}}"#),
        "{}",
        out[1]
    );
}

/// A failed multi: 0 before the failing op, its code, −2 after.
#[test]
fn multi_results() {
    let out = run(&[
        r#"{"client":"c","op":"multi","ops":[{"op":"create","path":"/m"},{"op":"delete","path":"/nope"},{"op":"setData","path":"/m","data":"x"}]}"#,
    ]);
    assert!(
        out[0].contains(r#""rc":"NoNode","code":-101"#),
        "{}",
        out[0]
    );
    assert!(out[0].contains(r#""results":[{"ok":false,"rc":"Ok","code":0},{"ok":false,"rc":"NoNode","code":-101},{"ok":false,"rc":"RuntimeInconsistency","code":-2}]"#), "{}", out[0]);
}

/// Sessions expire on tick boundaries after their client dies; ephemerals go with them.
#[test]
fn expire_and_run() {
    let out = run(&[
        r#"{"client":"a","op":"connect","timeout_ms":1000}"#,
        r#"{"client":"a","op":"create","path":"/e","ephemeral":true}"#,
        r#"{"client":"b","op":"exists","path":"/e","watch":true}"#,
        r#"{"client":"a","op":"disconnect"}"#,
        r#"{"op":"run","ms":10000}"#,
        r#"{"client":"a","op":"getData","path":"/e"}"#,
    ]);
    assert!(out[0].contains(r#""timeout_ms":4000"#), "{}", out[0]);
    assert!(
        out[4].contains(r#""events":{"b":[{"type":"NodeDeleted","path":"/e"}]}"#),
        "{}",
        out[4]
    );
    assert!(out[5].contains(r#""rc":"SessionExpired""#), "{}", out[5]);
}
