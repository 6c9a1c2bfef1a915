//! The simulation's controls: stepping, manual delivery in TCP order,
//! time travel, held / dropped / delayed messages, pause vs crash, one-way partitions.

use zabscope_core::sim::kernel::Item;
use zabscope_core::sim::trace::EventKind;
use zabscope_core::{Command, ServerId, Simulation};

fn cmd(s: &str) -> Command {
    Command::parse(s).expect("command")
}

fn booted() -> Simulation {
    let mut sim = Simulation::with_servers(3, 9).expect("3");
    sim.check_invariants(true);
    assert!(sim.run_until(5_000, |s| !s.leaders().is_empty()));
    sim
}

/// `step()` takes exactly one agenda item and says what it caused.
#[test]
fn step_takes_exactly_one_item() {
    let mut sim = Simulation::with_servers(3, 1).expect("3");
    let events = sim.step().to_vec();
    assert_eq!(sim.view().step, 1);
    assert!(matches!(&events[0].kind, EventKind::Command(c) if c == "start 1"));
    assert!(events.iter().all(|e| e.step == 1));
}

/// seek(k) restores the state after step k exactly, backwards and forwards.
#[test]
fn seek_replays_to_the_same_state() {
    let mut sim = booted();
    sim.apply(cmd("connect c1 2")).expect("connect");
    sim.run_for(50);
    sim.apply(cmd("create c1 /t x")).expect("op");
    sim.run_for(3_000);
    sim.step();
    let (end, view, digest) = (sim.view().step, sim.view(), sim.digest());
    sim.seek(end / 3);
    assert_eq!(sim.view().step, end / 3);
    assert_ne!(sim.view(), view);
    sim.seek(end);
    assert_eq!(sim.view(), view);
    assert_eq!(sim.digest(), digest);
}

/// Acting in the past discards the future: after `seek` back and `discard_future`, a
/// command recorded later is not replayed, and the new one is.
#[test]
fn discard_future_forgets_later_commands() {
    let mut sim = booted();
    let back_to = sim.view().step;
    sim.apply(cmd("crash 1")).expect("crash");
    sim.run_for(100);
    let end = sim.view().step;
    let digest = sim.digest();
    // Back to the step the command was applied at, then forward: the command is replayed.
    sim.seek(back_to);
    sim.seek(end);
    assert_eq!(sim.digest(), digest);
    assert!(sim.view().servers[0].state.is_none(), "server 1 crashed");
    sim.seek(back_to);
    sim.discard_future();
    sim.apply(cmd("crash 2")).expect("crash");
    sim.run_for(100);
    sim.seek(back_to);
    sim.seek(end);
    let script = sim.script().to_string();
    assert!(script.contains("crash 2"), "{script}");
    assert!(!script.contains("crash 1"), "{script}");
    let v = sim.view();
    assert!(
        v.servers[0].state.is_some(),
        "server 1 was never crashed in this history"
    );
    assert!(v.servers[1].state.is_none(), "server 2 crashed");
}

/// Manual mode offers every timer but only the oldest message of each link (TCP order), and
/// `fire` takes the chosen one.
#[test]
fn manual_mode_respects_link_order() {
    let mut sim = Simulation::with_servers(3, 2).expect("3");
    for _ in 0..3 {
        sim.step();
    }
    let enabled = sim.enabled();
    let k = sim.kernel();
    let mut links = std::collections::BTreeSet::new();
    for r in &enabled {
        if let Some(Item::Deliver(m)) = k.agenda.get(&(r.0, r.1)) {
            assert!(
                links.insert((m.from, m.to)),
                "two messages offered on one link"
            );
        }
    }
    let last = *enabled.last().expect("something to fire");
    let before = sim.view().step;
    sim.fire(last);
    assert_eq!(sim.view().step, before + 1);
}

/// A held link delivers nothing until released, then everything in order.
#[test]
fn hold_and_release_a_link() {
    let mut sim = booted();
    sim.apply(cmd("hold 3 1")).expect("hold");
    sim.run_for(3_000);
    let held = sim.kernel().held.values().map(Vec::len).sum::<usize>();
    assert!(held > 0, "pings from the leader wait on the held link");
    sim.apply(cmd("release 3 1")).expect("release");
    sim.run_for(10);
    assert!(sim.kernel().held.values().all(Vec::is_empty));
    assert!(sim.violations().is_empty());
}

/// Dropping one quorum packet breaks its TCP connection: the follower never sees a gap, it
/// times out and rejoins.
#[test]
fn dropping_a_quorum_packet_breaks_the_connection() {
    let mut sim = booted();
    sim.apply(cmd("connect c1 3")).expect("connect");
    sim.run_for(50);
    sim.apply(cmd("create c1 /d x")).expect("op");
    let proposal = |s: &Simulation| {
        s.kernel().agenda.values().find_map(|i| match i {
            Item::Deliver(m)
                if m.to == ServerId(1)
                    && matches!(m.msg, zabscope_core::zab::proto::PeerMsg::Proposal(_)) =>
            {
                Some(m.id)
            }
            _ => None,
        })
    };
    assert!(sim.run_until(100, |s| proposal(s).is_some()));
    let id = proposal(&sim).expect("a PROPOSAL to server 1");
    sim.apply(Command::DropMsg(id)).expect("drop");
    sim.run_for(30_000);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    let v = sim.view();
    assert!(
        v.servers
            .iter()
            .all(|s| s.tree.iter().any(|(p, _)| p == "/d")),
        "everyone has /d again"
    );
}

/// A delayed message delays those behind it on its link (FIFO).
#[test]
fn delay_keeps_link_order() {
    let mut sim = booted();
    let now = sim.now();
    let later = |s: &Simulation| {
        s.kernel().agenda.iter().find_map(|(k, i)| match i {
            Item::Deliver(m) if k.0 > s.now() => Some((*k, m.clone())),
            _ => None,
        })
    };
    assert!(
        sim.run_until(3_000, |s| later(s).is_some()),
        "a message in flight after {now}"
    );
    let (key, m) = later(&sim).expect("message");
    sim.apply(Command::DelayMsg { id: m.id, ms: 500 })
        .expect("delay");
    sim.run_until(0, |s| {
        s.kernel()
            .agenda
            .values()
            .all(|i| !matches!(i, Item::Command(_)))
    });
    let due = sim
        .kernel()
        .agenda
        .iter()
        .find_map(|(k, i)| matches!(i, Item::Deliver(x) if x.id == m.id).then_some(k.0));
    assert_eq!(due, Some(key.0.plus_ms(500)));
}

/// A paused leader keeps its connections: followers notice only by their read timeout
/// (syncLimit × tickTime), not at once as after a crash (reset read at once, then
/// `Follower.shutdown` for zabscope.learnerShutdownMs = 50 ms before LOOKING).
#[test]
fn pause_is_silent_crash_is_loud() {
    let mut paused = booted();
    paused.apply(cmd("pause 3")).expect("pause");
    paused.run_for(5_000);
    assert!(
        paused
            .view()
            .servers
            .iter()
            .filter(|s| s.myid != 3)
            .all(|s| s.leader == Some(ServerId(3)))
    );
    let mut crashed = booted();
    crashed.apply(cmd("crash 3")).expect("crash");
    crashed.run_for(60);
    assert!(
        crashed
            .view()
            .servers
            .iter()
            .filter(|s| s.myid != 3)
            .all(|s| s.leader.is_none())
    );
}

/// A one-way block from the leader to one follower: that follower hears nothing, times out,
/// and cannot rejoin while the block lasts; the others carry on.
#[test]
fn one_way_partition() {
    let mut sim = booted();
    sim.apply(cmd("block 3 1")).expect("block");
    sim.run_for(15_000);
    let v = sim.view();
    assert_eq!(v.servers[1].leader, Some(ServerId(3)));
    assert_ne!(
        v.servers[0].phase,
        Some(zabscope_core::zab::server::outbox::Phase::Broadcast)
    );
    sim.apply(cmd("heal")).expect("heal");
    sim.run_for(60_000);
    assert!(
        sim.view()
            .servers
            .iter()
            .all(|s| s.leader == Some(ServerId(3)))
    );
    assert!(sim.violations().is_empty());
}

/// Commands naming unknown servers or clients are refused, not panics.
#[test]
fn bad_commands_are_errors() {
    let mut sim = booted();
    assert!(sim.apply(cmd("crash 9")).is_err());
    assert!(sim.apply(cmd("create nobody /x y")).is_err());
    assert!(Command::parse("partition 1,x|2").is_err());
    assert!(Command::parse("frobnicate 1").is_err());
}
