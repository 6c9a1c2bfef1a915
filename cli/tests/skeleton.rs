//! The cli's placeholder run is deterministic and refuses bad input with exit code 2.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zabscope"))
        .args(args)
        .output()
        .expect("run zabscope")
}

#[test]
fn skeleton_run_is_deterministic() {
    let a = run(&["skeleton", "5", "20", "9"]);
    let b = run(&["skeleton", "5", "20", "9"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert!(String::from_utf8_lossy(&a.stdout).starts_with("step 20\n"));
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let out = run(&["skeleton", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 to 51 servers"));
    let out = run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}
