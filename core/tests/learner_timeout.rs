//! The leader's `LearnerHandler` reads its learner's socket with a timeout (initLimit ×
//! tickTime until NEWLEADER is ACKed, syncLimit × tickTime after). A follower that sends
//! nothing for that long — SIGSTOPped, say — is closed: on a real ZooKeeper 3.8.0 ensemble the
//! leader logs `java.net.SocketTimeoutException: Read timed out` for it, and after SIGCONT the
//! follower reads what was already in its socket, then the close, and rejoins through a new
//! sync (`Synchronizing with Learner sid: 1`, a DIFF). A pause shorter than the timeout
//! closes nothing, and the follower just reads what waited for it.

use zabscope_core::explain::Lang;
use zabscope_core::sim::trace::EventKind;
use zabscope_core::*;

mod common;
use common::{cmd, has};

/// Three servers with leader 3, a client on 2; follower 1 paused for `pause_ms` while two
/// writes commit, then resumed.
fn paused_follower(pause_ms: u64) -> (Simulation, usize) {
    let mut sim = Simulation::with_servers(3, 11).unwrap();
    assert!(sim.run_until(5000, |s| !s.view().leaders().is_empty()));
    assert_eq!(sim.view().leaders(), vec![3]);
    sim.apply(cmd("connect c1 2")).unwrap();
    sim.run_for(500);
    let mark = sim.trace().len();
    sim.apply(cmd("pause 1")).unwrap();
    sim.run_for(100);
    sim.apply(cmd("create c1 /a x")).unwrap();
    sim.apply(cmd("create c1 /b y")).unwrap();
    sim.run_for(pause_ms - 100);
    sim.apply(cmd("resume 1")).unwrap();
    sim.run_for(3000);
    (sim, mark)
}

fn closed_at(sim: &Simulation, from: usize) -> Option<(u64, u64)> {
    sim.trace()[from..].iter().find_map(|e| match e.kind {
        EventKind::LearnerClosed { learner, ms } if learner.0 == 1 => Some((e.at.ms(), ms)),
        _ => None,
    })
}

fn syncs_of_1(sim: &Simulation, from: usize) -> Vec<String> {
    (sim.trace()[from..].iter())
        .filter_map(|e| match &e.kind {
            EventKind::Sync { learner, kind, .. } if learner.0 == 1 => Some(kind.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_follower_paused_past_sync_limit_is_closed_and_rejoins_with_a_diff() {
    let (sim, mark) = paused_follower(12_000);
    let (at, ms) = closed_at(&sim, mark).expect("the leader closed learner 1");
    assert_eq!(ms, 10_000, "syncLimit × tickTime");
    // Its last packet (a PING reply) was at most tickTime / 2 before the pause; the check runs
    // at the leader's half-tick, so the close is 10 s to 11 s after the pause plus 1 s.
    let pause_at = sim.trace()[mark].at.ms();
    assert!(
        at >= pause_at + 9_000 && at <= pause_at + 11_000,
        "closed at {at}, paused at {pause_at}"
    );
    assert_eq!(syncs_of_1(&sim, mark), vec!["DIFF"], "one new sync: a DIFF");
    assert!(has(&sim, 0, "/a") && has(&sim, 0, "/b"));
    assert_eq!(sim.view().leaders(), vec![3], "the leader kept its quorum");
    // Bytes server 1 wrote on the closed connection after SIGCONT are not read.
    let unread = sim.trace()[mark..].iter().any(
        |e| matches!(&e.kind, EventKind::Drop { reason, .. } if *reason == "connection closed"),
    );
    assert!(
        unread,
        "the resumed follower's replies fell on a closed connection"
    );
}

#[test]
fn a_pause_shorter_than_sync_limit_closes_nothing() {
    let (sim, mark) = paused_follower(6_000);
    assert_eq!(closed_at(&sim, mark), None);
    assert!(syncs_of_1(&sim, mark).is_empty(), "no new sync");
    assert!(
        has(&sim, 0, "/a") && has(&sim, 0, "/b"),
        "read from the socket"
    );
}

#[test]
fn the_narration_says_why_the_leader_closed_the_learner() {
    let (sim, mark) = paused_follower(12_000);
    let (at, _) = closed_at(&sim, mark).unwrap();
    let step = (sim.trace().iter())
        .find(|e| matches!(e.kind, EventKind::LearnerClosed { .. }))
        .map(|e| e.step)
        .unwrap();
    for lang in [Lang::En, Lang::ZhCn] {
        let text = sim.narration(step).map(|t| t.render(lang)).unwrap();
        assert!(text.contains("10000"), "{lang:?}: {text} (at {at})");
    }
}
