//! The seeded random-fault run (issue 4 Acceptance): at least 200 seeds of crashes, restarts,
//! pauses, partitions (incl. one-way), message loss and writes through random servers, every
//! invariant (Zab.tla names) checked after every step; then heal and require one leader,
//! identical replicas and a successful write. A failing seed prints `zabscope fuzz --seed N`.
//!
//! `ZABSCOPE_FUZZ_SEEDS=a..b` picks another range.

use zabscope_core::sim::nemesis;

fn seeds() -> std::ops::Range<u64> {
    std::env::var("ZABSCOPE_FUZZ_SEEDS")
        .ok()
        .and_then(|v| {
            let (a, b) = v.split_once("..")?;
            Some(a.parse().ok()?..b.parse().ok()?)
        })
        .unwrap_or(0..200)
}

#[test]
fn random_faults_keep_zab_safe_and_live() {
    let mut failures = Vec::new();
    let mut steps = 0;
    let mut txns = 0;
    let range = seeds();
    for seed in range.clone() {
        match nemesis::run(seed) {
            Ok(r) => {
                steps += r.steps;
                txns += r.commits;
            }
            Err(e) => failures.push(e),
        }
    }
    println!(
        "fuzzed seeds {range:?}: {steps} steps, {txns} successful client writes, {} failures",
        failures.len()
    );
    for f in &failures {
        println!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} seeds failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
