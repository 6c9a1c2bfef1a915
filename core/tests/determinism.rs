//! Determinism (docs/architecture.md): the same script run twice yields the same trace digest, and
//! the digest is the constant `wasm_sim.rs` also asserts in a browser.

use zabscope_core::{Script, Simulation};

/// The digest of `data/determinism.zs`, shared with `wasm_sim.rs`.
pub const DIGEST: u64 = 0xde5c_f548_18f8_fe04;

fn digest() -> (u64, u64) {
    let script = Script::parse(include_str!("data/determinism.zs")).expect("script");
    let mut sim = Simulation::from_script(&script).expect("config");
    sim.check_invariants(true);
    sim.run_for(script.until_ms);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    (sim.digest(), sim.kernel().step)
}

#[test]
fn same_script_same_digest() {
    let (a, steps) = digest();
    let (b, _) = digest();
    println!("digest {a:016x} after {steps} steps");
    assert_eq!(a, b);
    assert!(steps > 500, "the run does something");
    assert_eq!(
        a, DIGEST,
        "digest changed: update DIGEST here and in wasm_sim.rs"
    );
}

/// With `zabscope.learnerShutdownMs=0`, `zabscope.leaderStartMs=0` and `zabscope.fsyncMs=0`
/// (JVM work and disks free) the run is exactly the idealised model's: the digest before those
/// costs were modelled.
#[test]
fn zero_jvm_costs_give_the_idealised_trace() {
    const IDEALISED: u64 = 0x8852_1b91_630a_0356;
    let text = include_str!("data/determinism.zs").replace(
        "config\n",
        "config\nzabscope.learnerShutdownMs=0\nzabscope.leaderStartMs=0\nzabscope.learnerStartMs=0\nzabscope.fsyncMs=0\n",
    );
    let script = Script::parse(&text).expect("script");
    let mut sim = Simulation::from_script(&script).expect("config");
    sim.check_invariants(true);
    sim.run_for(script.until_ms);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    assert_eq!(sim.digest(), IDEALISED);
}

/// With `zabscope.fsyncMs=0` a proposal is durable and ACKed in the step that logs it: the
/// digest is exactly the one from before SyncRequestProcessor's flush was modelled.
#[test]
fn zero_fsync_gives_the_immediate_log_trace() {
    const IMMEDIATE_LOG: u64 = 0xfe8f_f9e1_d9ee_e631;
    let text =
        include_str!("data/determinism.zs").replace("config\n", "config\nzabscope.fsyncMs=0\n");
    let script = Script::parse(&text).expect("script");
    let mut sim = Simulation::from_script(&script).expect("config");
    sim.check_invariants(true);
    sim.run_for(script.until_ms);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    assert_eq!(sim.digest(), IMMEDIATE_LOG);
}
