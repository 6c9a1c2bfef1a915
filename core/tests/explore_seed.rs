//! Exploration aids (ignored by default): `SEED=N FROM=ms TO=ms cargo test --release -p
//! zabscope-core --test explore_seed -- --ignored --nocapture` prints a fuzzed seed's trace,
//! final summary and trees.

use zabscope_core::check::nemesis;
use zabscope_core::*;

#[test]
#[ignore]
fn debug_seed() {
    let seed: u64 = std::env::var("SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let from: u64 = std::env::var("FROM")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let to: u64 = std::env::var("TO")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::MAX);
    let script = nemesis::script(seed);
    let mut sim = Simulation::from_script(&script).unwrap();
    sim.check_invariants(true);
    sim.run_until(90_000, |s| !s.violations().is_empty());
    for e in sim
        .trace()
        .iter()
        .filter(|e| e.at.ms() >= from && e.at.ms() <= to)
    {
        println!("{e}");
    }
    println!("{:?}", sim.violations());
    println!("{}", nemesis::summary(&sim));
}

#[test]
#[ignore]
fn debug_trees() {
    let seed: u64 = std::env::var("SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let script = nemesis::script(seed);
    let mut sim = Simulation::from_script(&script).unwrap();
    sim.run_until(90_000, |_| false);
    for s in sim.view().servers {
        println!(
            "server {} tree={:?} sessions={:?}",
            s.myid,
            s.tree
                .iter()
                .filter(|(p, _)| !p.starts_with("/zookeeper"))
                .collect::<Vec<_>>(),
            s.sessions
        );
    }
    for n in &sim.kernel().nodes {
        let d = n.durable();
        println!(
            "server {} snapshot={:?} log={:?}",
            n.id,
            d.snapshot().map(|s| s.zxid),
            d.log
                .iter()
                .map(|e| (e.zxid().to_string(), e.txn.describe()))
                .collect::<Vec<_>>()
        );
    }
}
