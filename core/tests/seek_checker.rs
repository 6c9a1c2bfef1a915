//! Time travel and the invariant checker (docs/page.md, "History"): seeking back restores the
//! checker's memory with the kernel, so replaying a run with commits raises no false alarm,
//! and a real violation is still caught, at the same step, after a seek.

mod common;

use common::{cmd, write_every_20ms};
use zabscope_core::Simulation;
use zabscope_core::check::break_hunt;
use zabscope_core::check::breaks::Break;

/// Three servers, invariants checked, a client writing every 20 ms for `ms` (> 500 steps, so
/// seeks restore from checkpoints other than step 0).
fn writing(ms: u64) -> Simulation {
    let mut sim = Simulation::with_servers(3, 7).expect("3");
    sim.check_invariants(true);
    write_every_20ms(sim, ms)
}

#[test]
fn seeking_back_and_forth_over_commits_raises_no_false_alarm() {
    let mut sim = writing(3_000);
    let end = sim.kernel().step;
    assert!(end > 1_500, "long enough: {end}");
    assert!(sim.view().proposals.len() > 50, "writes committed");
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    let digest = sim.digest();
    // Back into the middle of a checkpoint interval, forward past two checkpoints, back to a
    // checkpoint itself, to the start, and to the end.
    for target in [end - 7, end / 2 + 3, end / 2 + 1_100, 500, 1, end / 3, end] {
        sim.seek(target);
        assert_eq!(sim.kernel().step, target);
        assert!(
            sim.violations().is_empty(),
            "after seek({target}): {:?}",
            sim.violations()
        );
    }
    assert_eq!(sim.digest(), digest);
    // And the run goes on, still checked, without alarms.
    sim.discard_future();
    sim.apply(cmd("set c1 / after")).expect("set");
    sim.run_for(2_000);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}

#[test]
fn a_real_violation_is_still_caught_after_a_seek() {
    // Seed 1 of the hunt workload with keepEphemeralsOnExpiry breaks EphemeralCleanup
    // (tests/tests/break_zab.rs).
    let s = break_hunt::script(1, &[Break::KeepEphemeralsOnExpiry]);
    let straight = {
        let mut sim = Simulation::from_script(&s).expect("sim");
        sim.check_invariants(true);
        sim.run_until(s.until_ms, |x| !x.violations().is_empty());
        sim.violations()
            .first()
            .cloned()
            .expect("the break is caught")
    };
    assert_eq!(straight.invariant, "EphemeralCleanup");
    let mut sim = Simulation::from_script(&s).expect("sim");
    sim.check_invariants(true);
    let before = straight.step - 1;
    for _ in 0..before {
        sim.step();
    }
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    sim.seek(before / 2);
    sim.seek(before - 3);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    sim.seek(straight.step + 10);
    assert_eq!(sim.violations().first(), Some(&straight));
    // Back before it: forgotten; forward again: caught again, once.
    sim.seek(before);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    sim.seek(straight.step + 10);
    assert_eq!(sim.violations(), std::slice::from_ref(&straight));
    // Acting in the past (here: discarding the future and taking the same steps again) checks
    // those steps again: still caught, once, at the same step.
    sim.seek(before - 5);
    sim.discard_future();
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    for _ in 0..15 {
        sim.step();
    }
    assert_eq!(sim.violations(), &[straight][..]);
}

/// Past the first checker copy (every 10,000 steps): acting after Back rechecks from the
/// newest copy before it, without alarms, and the run goes on checked.
#[test]
fn acting_after_back_in_a_long_run_rechecks_from_a_copy() {
    let mut sim = writing(25_000);
    let end = sim.kernel().step;
    assert!(end > 12_000, "long enough: {end}");
    sim.seek(end - 300);
    sim.discard_future();
    sim.apply(cmd("set c1 / branch")).expect("set");
    sim.run_for(1_000);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    let digest = sim.digest();
    sim.seek(end - 1_000);
    sim.seek(sim.kernel().step + 900);
    sim.discard_future();
    sim.run_for(500);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    assert_ne!(sim.digest(), digest, "a different branch");
}
