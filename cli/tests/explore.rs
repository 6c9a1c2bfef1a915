//! `zabscope explore`: the exhaustive small-scope explorer from the command line
//! (docs/break-zab.md).

mod common;

fn explore(args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["explore"];
    all.extend_from_slice(args);
    let out = common::run_zabscope(&all, "");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_clean_scope_prints_its_counts_and_succeeds() {
    let (code, out, _) = explore(&["--writes", "1", "--crashes", "0", "--depth", "40"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("states 974, transitions 1650, depth reached 40, complete"),
        "{out}"
    );
    assert!(out.contains("no invariant violated"), "{out}");
}

#[test]
fn a_break_switch_prints_the_violation_and_its_moves() {
    let args = ["--writes", "1", "--crashes", "1", "--depth", "8"];
    let (code, out, _) = explore(&[&args[..], &["--break", "ackBeforeLogging"]].concat());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Durability violated: server 1 ACKed"), "{out}");
    assert!(out.contains("    8. crash 1"), "{out}");
}

#[test]
fn bad_arguments_are_refused_clearly() {
    let (code, _, err) = explore(&["--break", "nope"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown break switch 'nope'"), "{err}");
    let (code, _, err) = explore(&["--writes", "7"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--writes takes a number 0..=2, not '7'"),
        "{err}"
    );
    let (code, _, err) = explore(&["--depth"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--depth needs a value"), "{err}");
}
