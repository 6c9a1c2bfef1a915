//! `zabscope bench`: a short run prints one JSON line per measurement with the
//! workload held, and bad options are refused with the usage (exit 2).

mod common;

use common::run_zabscope as run;

#[test]
fn bench_prints_a_json_line_per_measurement() {
    let o = run(
        &[
            "bench",
            "--servers",
            "3",
            "--steps",
            "4000",
            "--repeat",
            "1",
        ],
        b"",
    );
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2, "trace off and browser: {out}");
    for (l, mode) in lines.iter().zip(["trace-off", "browser"]) {
        assert_eq!(l["mode"], mode);
        assert_eq!(l["servers"], 3);
        assert_eq!(l["steps"], 4000);
        assert!(l["failed"].is_null(), "{l}");
        assert!(l["committedWrites"].as_u64().unwrap() > 0, "{l}");
        assert!(l["messagesPerWrite"].as_f64().unwrap() > 3.0, "{l}");
    }
}

#[test]
fn bench_refuses_bad_options() {
    for args in [
        &["bench", "--steps", "ten"][..],
        &["bench", "--mode", "fast"],
        &["bench", "--servers", "0"],
        &["bench", "--frobnicate"],
    ] {
        let o = run(args, b"");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_ne!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.contains("zabscope bench:"), "{args:?}: {err}");
    }
}
