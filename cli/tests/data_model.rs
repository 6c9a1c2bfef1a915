//! `zabscope zkcli` and `zabscope api` end to end: deterministic, bad input answered, never a
//! panic.

mod common;

use std::process::Output;

fn run(args: &[&str], stdin: &str) -> Output {
    common::run_zabscope(args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn zkcli_piped_session() {
    let o = run(
        &["zkcli"],
        "create /a hello\nget /a\nls /\nfrobnicate\nclient b\ncreate -e /a/e\nclient b expire\nls /a\n",
    );
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("Created /a\nhello\n[a, zookeeper]\n"), "{out}");
    assert!(out.contains("Command not found: Command not found frobnicate\n"));
    assert!(out.contains("WatchedEvent state:Expired type:None path:null"));
    assert!(out.ends_with("Not connected\n"), "{out}");
}

#[test]
fn api_lines_are_deterministic_and_bad_lines_continue() {
    let script = concat!(
        r#"{"client":"c1","op":"create","path":"/a","data":"text"}"#,
        "\n",
        "this is not json\n",
        r#"{"client":"c1","op":"getData","path":"/a","watch":true}"#,
        "\n",
        r#"{"client":"c2","op":"setData","path":"/a","data":"x","version":0}"#,
        "\n"
    );
    let a = run(&["api"], script);
    let b = run(&["api"], script);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let lines: Vec<String> = stdout(&a).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[1].starts_with(r#"{"ok":false,"rc":"BadRequest","error":"not JSON"#));
    assert!(
        lines[3].contains(r#""events":{"c1":[{"type":"NodeDataChanged","path":"/a"}]}"#),
        "{}",
        lines[3]
    );
}

#[test]
fn bad_options_exit_2() {
    let o = run(&["zkcli", "--tick-time", "x"], "");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["api", "extra"], "");
    assert_eq!(o.status.code(), Some(2));
}
