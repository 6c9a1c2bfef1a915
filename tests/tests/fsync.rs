//! `SyncRequestProcessor` (zabscope.fsyncMs): a proposal is ACKed only after the log flush that
//! makes it durable (SendAckRequestProcessor / the leader's own ACK run after the flush), and a
//! kill -9 before the flush loses it from disk (FileTxnLog: only `commit()`ed txns survive).

use zabscope_core::sim::trace::EventKind;
use zabscope_core::zab::server::outbox::Persist;
use zabscope_core::{Command, Script, ServerId, Simulation, Zxid};
use zabscope_tests::*;

/// A fresh 3-server ensemble (server 3 leads) with a slow disk and no jitter; c1 writes at 2 s.
const SCRIPT: &str = "seed 7
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
zabscope.jitterMs=0
zabscope.fsyncMs=50
end
at 0 start 1
at 0 start 2
at 0 start 3
at 1000 connect c1 3
at 2000 create c1 /a x
until 6000
";

fn ensemble() -> Simulation {
    start(&Script::parse(SCRIPT).expect("script"))
}

/// Run until server `to` has been delivered a PROPOSAL; returns its zxid.
fn until_proposal_delivered(sim: &mut Simulation, to: u32) -> Zxid {
    let seen = |s: &Simulation| {
        s.trace().iter().rev().find_map(|e| match &e.kind {
            EventKind::Deliver { msg, .. }
                if msg.name == "PROPOSAL" && e.to == Some(ServerId(to)) =>
            {
                msg.zxid
            }
            _ => None,
        })
    };
    assert!(
        sim.run_until(3_000, |s| seen(s).is_some()),
        "a PROPOSAL reached {to}"
    );
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    seen(sim).expect("proposal zxid")
}

/// kill -9 server `id` now (the command is the next agenda item).
fn crash(sim: &mut Simulation, id: u32) {
    sim.apply(Command::Crash(ServerId(id))).expect("crash");
    let slot = (id - 1) as usize;
    let now = sim.now().ms();
    while sim.kernel().nodes[slot].server.is_some() {
        sim.step();
    }
    assert!(
        sim.now().ms() < now + 50,
        "crashed before a flush could end"
    );
}

fn acks_sent_by(sim: &Simulation, id: u32, zxid: Zxid) -> usize {
    events(sim, |e| {
        e.from == Some(ServerId(id))
            && matches!(&e.kind, EventKind::Send { msg, .. } if msg.name == "ACK" && msg.zxid == Some(zxid))
    })
    .count()
}

fn commits(sim: &Simulation, zxid: Zxid) -> usize {
    events(
        sim,
        |e| matches!(e.kind, EventKind::Commit { zxid: z } if z == zxid),
    )
    .count()
}

/// A follower killed between PROPOSAL and its log flush never ACKed the txn and restarts
/// without it on disk (only flushed txns are in the txn log it reloads); it gets it back by
/// syncing with the leader. The write still commits with the other follower's flushed ACK.
#[test]
fn follower_crashed_before_flush_loses_the_unflushed_entry() {
    let mut sim = ensemble();
    let zxid = until_proposal_delivered(&mut sim, 2);
    crash(&mut sim, 2);
    assert_eq!(acks_sent_by(&sim, 2, zxid), 0, "ACK only after the flush");
    let disk = sim.kernel().nodes[1].durable();
    assert!(
        disk.last_logged() < zxid,
        "unflushed {zxid} lost: {}",
        disk.last_logged()
    );
    run_to(&mut sim, 3_000);
    assert_eq!(acks_sent_by(&sim, 2, zxid), 0);
    assert!(commits(&sim, zxid) >= 1, "leader + server 1 are a quorum");
    sim.apply(Command::Restart(ServerId(2))).expect("restart");
    run_to(&mut sim, 6_000);
    assert_eq!(leaders(&sim), vec![3]);
    assert!(
        has_node(&sim, 2, "/a", "x"),
        "recovered from the leader (DIFF)"
    );
}

/// Leader.processAck / tryToCommit: a quorum of *flushed* ACKs. The leader's own ACK comes
/// after its own flush; if both followers die before flushing, the write never commits.
#[test]
fn commit_needs_a_quorum_of_flushed_acks() {
    let mut sim = ensemble();
    let zxid = until_proposal_delivered(&mut sim, 1);
    let delivered = sim.now().ms();
    // Server 2 gets the PROPOSAL at the same time (no jitter): both followers die unflushed.
    crash(&mut sim, 1);
    crash(&mut sim, 2);
    run_to(&mut sim, 3_000);
    assert_eq!(
        commits(&sim, zxid),
        0,
        "the leader's own flushed ACK is not a quorum"
    );
    let flushed_on_leader = events(&sim, |e| {
        e.from == Some(ServerId(3)) && e.kind == EventKind::Persist(Persist::Append(zxid))
    })
    .next()
    .map(|e| e.at.ms())
    .expect("the leader flushed its own log");
    // Proposed 1 ms (the latency) before the delivery, flushed fsyncMs later.
    assert_eq!(
        flushed_on_leader + 1,
        delivered + 50,
        "flush takes zabscope.fsyncMs"
    );

    // Without the crashes the commit follows both flushes: ≥ fsyncMs after the PROPOSAL.
    let mut sim = ensemble();
    let zxid = until_proposal_delivered(&mut sim, 1);
    let delivered = sim.now().ms();
    run_to(&mut sim, 3_000);
    let committed = events(&sim, |e| {
        e.from == Some(ServerId(3)) && matches!(e.kind, EventKind::Commit { zxid: z } if z == zxid)
    })
    .next()
    .map(|e| e.at.ms())
    .expect("committed");
    assert!(
        committed >= delivered + 50,
        "commit at {committed}, proposal at {delivered}"
    );
    let acks_before_commit = events(&sim, |e| {
        e.at.ms() <= committed && matches!(e.kind, EventKind::Ack { zxid: z, .. } if z == zxid)
    })
    .count();
    assert!(
        acks_before_commit >= 2,
        "two flushed ACKs (leader + one follower)"
    );
}
