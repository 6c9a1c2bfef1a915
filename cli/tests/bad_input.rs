//! Bad bytes on stdin: an invalid UTF-8 line is answered with an error line and the
//! session goes on (it used to end it silently); `fuzz-parsers` runs and reports.

mod common;

use common::run_zabscope as run;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn zkcli_answers_invalid_utf8_and_goes_on() {
    let o = run(&["zkcli"], b"create /a x\r\nget /a\xff\nget /a\n");
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("Created /a\n"), "{out}");
    assert!(
        out.contains("input line is not valid UTF-8 (byte 0xff at offset 6); line ignored\n"),
        "{out}"
    );
    assert!(out.ends_with("x\n"), "the next line still runs: {out}");
}

#[test]
fn api_answers_invalid_utf8_with_a_json_error_and_goes_on() {
    let o = run(
        &["api"],
        b"{\"op\":\"run\",\"ms\":\xc3}\n{\"client\":\"c1\",\"op\":\"exists\",\"path\":\"/\"}\n",
    );
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["rc"], "BadRequest");
    assert!(lines[0]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[1]["ok"], true);
}

#[test]
fn fuzz_parsers_reports_each_target() {
    let o = run(&["fuzz-parsers", "--execs", "30", "--seed", "3"], b"");
    let out = stdout(&o);
    assert!(o.status.success(), "{out}");
    for t in [
        "zkcli", "script", "config", "api", "command", "lesson", "total",
    ] {
        assert!(
            out.lines()
                .any(|l| l.trim_start().starts_with(&format!("{t}:"))
                    && l.contains("0 panics, 0 hangs")),
            "{t}: {out}"
        );
    }
    let o = run(&["fuzz-parsers", "--target", "nope"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown target 'nope'"));
}
