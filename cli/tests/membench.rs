//! `zabscope membench` checks its own workload: a run long enough for writes to flow passes
//! and prints memory, speed and seek latency; a run too short for its last tenth to see a
//! write answered fails with the reason, instead of printing figures for a stalled workload.

mod common;
use common::run_zabscope;

#[test]
fn membench_passes_when_writes_flow_and_reports_seeks() {
    let out = run_zabscope(
        &[
            "membench",
            "--servers",
            "3",
            "--clients",
            "3",
            "--steps",
            "6000",
            "--seeks",
            "20",
        ],
        "",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("workload checked"), "{stdout}");
    assert!(stdout.contains("20 random steps: median"), "{stdout}");
    assert!(stdout.contains("peak RSS"), "{stdout}");
}

#[test]
fn membench_fails_when_its_workload_did_not_hold() {
    let out = run_zabscope(
        &[
            "membench",
            "--servers",
            "3",
            "--clients",
            "3",
            "--steps",
            "40",
            "--seeks",
            "0",
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("workload not as stated"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("seek:"));
}

#[test]
fn membench_refuses_bad_options() {
    let out = run_zabscope(&["membench", "--servers", "52"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--servers 1..=51"));
}
