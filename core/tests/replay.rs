//! A session replays exactly (docs/page.md, "History"; docs/js-api.md): manual deliveries are
//! recorded and replayed by `seek`, and the script of an interactive session (`script()`'s
//! `after` lines after the base script's `at` lines) loads into a run with the same digest.

use zabscope_core::SimTime;
use zabscope_core::sim::kernel::Item;
use zabscope_core::sim::script::Recorded;
use zabscope_core::{AgendaRef, Command, Script, Simulation};

const BASE: &str = "seed 3\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\n\
    server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\nend\n\
    at 0 start 1\nat 0 start 2\nat 0 start 3\n";

fn base() -> Script {
    Script::parse(BASE).expect("base script")
}

fn cmd(s: &str) -> Command {
    Command::parse(s).expect("command")
}

/// A message in flight that is the head of its link but not the next agenda item (so firing
/// it changes the order a plain step would take); else any item that is not the next.
fn out_of_order(sim: &Simulation) -> AgendaRef {
    let next = sim.kernel().agenda.keys().next().copied();
    let enabled = sim.enabled();
    let later = |r: &&AgendaRef| Some((r.0, r.1)) != next;
    let message =
        |r: &&AgendaRef| matches!(sim.kernel().agenda.get(&(r.0, r.1)), Some(Item::Deliver(_)));
    enabled
        .iter()
        .rev()
        .find(|r| later(r) && message(r))
        .or_else(|| enabled.iter().rev().find(later))
        .copied()
        .expect("something to pick")
}

/// An interactive session: commands typed between runs, at odd times, and manual deliveries.
fn session() -> Simulation {
    let mut sim = Simulation::from_script(&base()).expect("sim");
    sim.check_invariants(true);
    sim.run_for(1_234);
    sim.apply_now(cmd("connect c1 2")).expect("connect");
    sim.run_for(57);
    sim.apply_now(cmd("create c1 /a hi")).expect("create");
    for _ in 0..6 {
        let r = out_of_order(&sim);
        sim.fire(r);
    }
    sim.run_for(333);
    sim.apply(cmd("crash 1")).expect("crash");
    let r = out_of_order(&sim);
    sim.fire(r);
    sim.run_for(4_001);
    sim.apply_now(cmd("set c1 /a there")).expect("set");
    sim.run_for(700);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    sim
}

#[test]
fn seek_replays_manual_deliveries() {
    let mut sim = session();
    let (end, digest, view) = (sim.kernel().step, sim.digest(), sim.view());
    for target in [3, end / 2, end - 1, 0, end] {
        sim.seek(target);
        assert_eq!(sim.kernel().step, target);
    }
    assert_eq!(sim.digest(), digest);
    // The same state; only the clock differs (the live run stood at the end of its last
    // `run_for`, a seek stands at its last step's time).
    let mut v = sim.view();
    v.now = view.now;
    assert_eq!(v, view);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}

#[test]
fn the_script_of_a_session_loads_to_the_same_digest() {
    let sim = session();
    let mut script = base();
    let recorded = sim.script();
    script.recorded = recorded.recorded;
    script.until_ms = recorded.until_ms;
    let text = script.to_string();
    assert!(text.contains("after ") && text.contains(" fire "), "{text}");
    let parsed = Script::parse(&text).expect("parses");
    let mut replay = Simulation::from_script(&parsed).expect("sim");
    replay.check_invariants(true);
    replay.run_for(parsed.until_ms);
    assert_eq!(replay.kernel().step, sim.kernel().step);
    assert_eq!(
        format!("{:016x}", replay.digest()),
        format!("{:016x}", sim.digest()),
        "{text}"
    );
    assert_eq!(replay.view(), sim.view());
}

/// Acting in the past replaces the recorded future, including manual deliveries.
#[test]
fn a_new_choice_in_the_past_discards_the_recorded_deliveries() {
    let mut sim = session();
    let end = sim.kernel().step;
    sim.seek(end / 3);
    sim.discard_future();
    assert!(!sim.has_future());
    sim.run_for(2_000);
    let text = sim.script().to_string();
    assert!(!text.contains("crash 1"), "{text}");
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}

/// Delivering, in the past, the very message that was delivered there is replay, not a new
/// choice: the recorded future (later deliveries and commands) stays and is replayed.
#[test]
fn the_recorded_delivery_chosen_again_keeps_the_future() {
    let mut sim = session();
    let (end, digest) = (sim.kernel().step, sim.digest());
    let first = sim
        .script()
        .recorded
        .iter()
        .find_map(|r| match r {
            Recorded::Fire { step, at_ms, seq } => Some((*step, AgendaRef(SimTime(*at_ms), *seq))),
            Recorded::Apply { .. } => None,
        })
        .expect("a recorded delivery");
    sim.seek(first.0);
    sim.fire(first.1);
    assert!(sim.has_future());
    sim.seek(end);
    assert_eq!(sim.digest(), digest);
    assert!(sim.script().to_string().contains("crash 1"));
}
