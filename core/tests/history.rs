//! Bounded history (docs/page.md, "Memory"): checkpoints thin under a budget and trace / narrations
//! keep only the newest items, yet `seek` to any step still lands on exactly the state a
//! straight run reaches there, and the digest never depends on the history settings.

mod common;

use common::{cmd, write_every_20ms};
use zabscope_core::{HistoryBudget, Simulation};

/// Three servers, a client writing every 20 ms for `ms`, under `history`.
fn run(history: HistoryBudget, ms: u64) -> Simulation {
    let mut sim = Simulation::with_servers(3, 7).expect("3");
    sim.set_history(history);
    write_every_20ms(sim, ms)
}

fn tight() -> HistoryBudget {
    HistoryBudget {
        checkpoints: 4,
        checkpoint_bytes: None,
        recent_events: Some(300),
        recent_narrations: Some(100),
    }
}

/// The budget holds, the first checkpoint stays, and gaps grow with age.
#[test]
fn checkpoints_thin_exponentially_under_the_budget() {
    let sim = run(
        HistoryBudget {
            checkpoints: 8,
            ..HistoryBudget::default()
        },
        20_000,
    );
    let steps = sim.checkpoint_steps();
    assert!(
        sim.kernel().step > 20 * 500,
        "long enough: {}",
        sim.kernel().step
    );
    assert_eq!(steps.len(), 8, "{steps:?}");
    assert_eq!(steps[0], 0);
    let gaps: Vec<u64> = steps.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(
        gaps[1] > *gaps.last().expect("gaps"),
        "older gaps are wider: {steps:?}"
    );
}

/// Trace and narrations stay bounded; the digest is the same as with full history.
#[test]
fn trace_and_narrations_stay_bounded_and_digest_unchanged() {
    let full = run(HistoryBudget::default(), 2_000);
    let small = run(tight(), 2_000);
    assert_eq!(full.digest(), small.digest());
    assert!(small.trace().len() < 600, "{}", small.trace().len());
    assert!(small.narrations().len() < 200);
    assert_eq!(
        small.trace_dropped() + small.trace().len(),
        full.trace().len()
    );
    // The kept tail is the full trace's tail.
    assert_eq!(
        small.trace(),
        &full.trace()[full.trace().len() - small.trace().len()..]
    );
    assert_eq!(small.markers(), full.markers(), "markers are all kept");
}

/// Seek to steps all over the run, backwards and forwards, under a tight budget: each lands
/// on the state (view, digest) a straight run has there.
#[test]
fn seek_anywhere_is_exact_under_a_tight_budget() {
    let mut sim = run(tight(), 3_000);
    // run_for leaves the clock past the last step; a step puts it on one (as seek does).
    sim.step();
    let end = sim.kernel().step;
    let (end_view, end_digest) = (sim.view(), sim.digest());
    for target in [end / 2, 3, end - 1, end / 5, 1_234, end * 4 / 5] {
        sim.seek(target);
        let mut straight = run(HistoryBudget::default(), 3_000);
        straight.step();
        straight.seek(target);
        assert_eq!(sim.kernel().step, target);
        assert!(sim.view() == straight.view(), "view at step {target}");
        assert_eq!(sim.digest(), straight.digest(), "at step {target}");
        assert!(sim.checkpoint_steps().len() <= 4);
    }
    sim.seek(end);
    assert!(sim.view() == end_view, "view at the end");
    assert_eq!(sim.digest(), end_digest);
}

/// Five servers, a writing client, the leader crashed and restarted twice (so logs are
/// truncated and resynced, not only appended), under `history`.
fn churn(history: HistoryBudget) -> Simulation {
    let mut sim = Simulation::with_servers(5, 11).expect("5");
    sim.set_history(history);
    assert!(sim.run_until(5_000, |s| !s.leaders().is_empty()));
    sim.apply(cmd("connect c1 1")).expect("connect");
    sim.run_for(100);
    for i in 0..240 {
        sim.apply(cmd(&format!("set c1 / v{i}"))).expect("set");
        sim.run_for(20);
        if i % 80 == 40 {
            let leader = sim.leaders()[0];
            sim.apply(cmd(&format!("crash {leader}"))).expect("crash");
            sim.run_for(1_500);
            sim.apply(cmd(&format!("restart {leader}")))
                .expect("restart");
        }
    }
    sim.step();
    sim
}

/// Checkpoints hold the txn logs in chunks shared between them; seeks in both directions
/// (forward ones restore a later checkpoint) land exactly where a straight run is, through
/// crashes that truncate and resync logs; the future stays replayable after seeking back.
#[test]
fn shared_checkpoints_seek_exactly_both_ways() {
    let dense = HistoryBudget {
        checkpoints: 6,
        ..HistoryBudget::default()
    };
    let mut sim = churn(dense);
    let end = sim.kernel().step;
    assert!(end > 8 * 500, "long enough: {end}");
    assert_eq!(sim.checkpoint_steps().len(), 6);
    let (end_view, end_digest, end_markers) = (sim.view(), sim.digest(), sim.markers().to_vec());
    let mut straight = churn(HistoryBudget::default());
    assert_eq!(
        straight.digest(),
        end_digest,
        "history settings leave the digest alone"
    );
    let mut x = 12_345u64;
    for _ in 0..12 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let target = (x >> 33) % end;
        sim.seek(target);
        straight.seek(target);
        assert_eq!(sim.kernel().step, target);
        assert!(sim.view() == straight.view(), "view at step {target}");
        assert_eq!(sim.digest(), straight.digest(), "digest at step {target}");
        assert_eq!(
            sim.checkpoint_steps().len(),
            6,
            "checkpoints kept past {target}"
        );
        assert_eq!(
            sim.markers(),
            end_markers,
            "the timeline keeps the whole run"
        );
    }
    sim.seek(end);
    assert!(sim.view() == end_view, "view at the end");
    assert_eq!(sim.digest(), end_digest);
    // Acting in the past drops the future's checkpoints and markers.
    sim.seek(end / 2);
    sim.discard_future();
    assert!(sim.checkpoint_steps().iter().all(|s| *s < end / 2));
    assert!(sim.markers().iter().all(|m| m.step <= end / 2));
}

/// A script's commands wait in the agenda for their time; checkpoints hold them once (shared
/// runs) and a seek restores exactly the agenda a straight run has there.
#[test]
fn scheduled_commands_survive_seeks_exactly() {
    let mut text = String::from(
        "seed 5\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\nserver.1=a:2888:3888\nserver.2=b:2888:3888\nserver.3=c:2888:3888\nend\n",
    );
    for i in 1..=3 {
        text.push_str(&format!("at 0 start {i}\n"));
    }
    text.push_str("at 800 connect c1 1\nat 900 create c1 /w 0\n");
    for t in (1_000..9_000).step_by(20) {
        text.push_str(&format!("at {t} set c1 /w {t}\n"));
        match t {
            4_000 => text.push_str("at 4000 crash 2\n"),
            6_000 => text.push_str("at 6000 restart 2\n"),
            _ => {}
        }
    }
    text.push_str("until 9000\n");
    let script = zabscope_core::Script::parse(&text).expect("script");
    let fresh = |budget: HistoryBudget| {
        let mut sim = Simulation::from_script(&script).expect("sim");
        sim.set_history(budget);
        sim.run_for(9_000);
        sim.step();
        sim
    };
    let budget = HistoryBudget {
        checkpoints: 4,
        ..HistoryBudget::default()
    };
    let mut sim = fresh(budget);
    let end = sim.kernel().step;
    assert!(end > 6 * 500, "long enough: {end}");
    let mut straight = fresh(HistoryBudget::default());
    for target in [end / 3, end - 7, 11, end / 2 + 3, end * 3 / 4, 500] {
        sim.seek(target);
        straight.seek(target);
        assert_eq!(
            sim.kernel().agenda,
            straight.kernel().agenda,
            "agenda at {target}"
        );
        assert!(sim.view() == straight.view(), "view at step {target}");
        assert_eq!(sim.digest(), straight.digest(), "digest at step {target}");
    }
}
