//! Bytes already sent survive their sender's crash and wait in a paused receiver's socket
//! (the network as connections). Played against a real ZooKeeper 3.8.0 ensemble (three
//! servers on loopback): both followers SIGSTOPped, a write reaches the leader (logged there,
//! PROPOSAL sent), the leader is SIGKILLed, the followers SIGCONTed. The followers read the
//! PROPOSAL still in their sockets, log it, elect a leader that has it, and the write
//! survives; the old leader rejoins with an empty DIFF.

use zabscope_core::sim::trace::EventKind;
use zabscope_core::*;

mod common;
use common::{cmd, has};

fn sync_of(sim: &Simulation, from: usize, learner: u32) -> Option<(String, Zxid)> {
    sim.trace()[from..].iter().find_map(|e| match &e.kind {
        EventKind::Sync {
            learner: l,
            kind,
            zxid,
            ..
        } if l.0 == learner => Some((kind.to_string(), *zxid)),
        _ => None,
    })
}

/// Leader 3 takes /w while 1 and 2 are paused, then dies; 1 and 2 resume.
fn proposal_in_paused_sockets(write_after: bool) -> Simulation {
    let mut sim = Simulation::with_servers(3, 11).unwrap();
    assert!(sim.run_until(5000, |s| !s.view().leaders().is_empty()));
    assert_eq!(sim.view().leaders(), vec![3]);
    sim.apply(cmd("connect c1 3")).unwrap();
    sim.run_for(200);
    sim.apply(cmd("pause 1")).unwrap();
    sim.apply(cmd("pause 2")).unwrap();
    sim.apply(cmd("create c1 /w x")).unwrap();
    sim.run_for(50);
    sim.apply(cmd("crash 3")).unwrap();
    sim.run_for(50);
    sim.apply(cmd("resume 1")).unwrap();
    sim.apply(cmd("resume 2")).unwrap();
    assert!(sim.run_until(20_000, |s| s.view().leaders() == vec![2]));
    sim.run_for(500);
    if write_after {
        sim.apply(cmd("connect c2 2")).unwrap();
        sim.run_for(200);
        sim.apply(cmd("create c2 /after y")).unwrap();
        sim.run_for(200);
    }
    sim
}

#[test]
fn a_proposal_sent_before_the_crash_is_read_after_sigcont_and_survives() {
    let mut sim = proposal_in_paused_sockets(false);
    // The PROPOSAL was not dropped with its sender's crash.
    let dropped = sim.trace().iter().any(|e| {
        matches!(&e.kind, EventKind::Drop { msg, .. } if msg.to_string().starts_with("PROPOSAL"))
    });
    assert!(!dropped, "no PROPOSAL is lost");
    assert!(
        has(&sim, 0, "/w") && has(&sim, 1, "/w"),
        "the write survives"
    );
    let mark = sim.trace().len();
    sim.apply(cmd("restart 3")).unwrap();
    sim.run_for(3000);
    let (kind, _) = sync_of(&sim, mark, 3).expect("server 3 synced");
    assert_eq!(
        kind, "DIFF",
        "the old leader already has the write: an empty DIFF"
    );
    assert!(has(&sim, 2, "/w"));
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}

#[test]
fn a_write_of_the_new_epoch_reaches_the_old_leader_by_diff() {
    let mut sim = proposal_in_paused_sockets(true);
    let mark = sim.trace().len();
    sim.apply(cmd("restart 3")).unwrap();
    sim.run_for(3000);
    let (kind, _) = sync_of(&sim, mark, 3).expect("server 3 synced");
    assert_eq!(kind, "DIFF");
    assert!(has(&sim, 2, "/w") && has(&sim, 2, "/after"));
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}
