//! `Simulation::trace_steps`: the events of a step range, found by binary search, are exactly
//! the events a scan of the trace finds — with the whole trace, with a bounded one (the page's
//! window), after a seek back — and every packet's `MsgInfo::kind` names its type.

mod common;

use common::write_every_20ms;
use zabscope_core::sim::trace::{Event, EventKind};
use zabscope_core::zab::proto::PacketKind;
use zabscope_core::{HistoryBudget, Simulation};

/// What a scan finds for `from..to`.
fn scan(sim: &Simulation, from: u64, to: u64) -> Vec<Event> {
    sim.trace()
        .iter()
        .filter(|e| e.step >= from && e.step < to)
        .cloned()
        .collect()
}

fn check_ranges(sim: &Simulation) {
    let last = sim.steps();
    for (from, to) in [
        (0, 1),
        (0, 50),
        (17, 18),
        (last / 3, last / 2),
        (last / 2, last / 2 + 1_000),
        (last - 5, last + 5),
        (last + 1, last + 100),
        (40, 20),
        (0, u64::MAX),
    ] {
        assert_eq!(
            sim.trace_steps(from..to),
            scan(sim, from, to).as_slice(),
            "steps {from}..{to}"
        );
    }
}

#[test]
fn a_step_range_is_what_a_scan_finds() {
    let sim = write_every_20ms(Simulation::with_servers(3, 7).expect("3"), 4_000);
    assert!(sim.steps() > 1_000, "long enough: {}", sim.steps());
    assert!(sim.trace().windows(2).all(|w| w[0].step <= w[1].step));
    check_ranges(&sim);
    // One step's events are all of that step, and some step has several.
    let s = sim.trace()[sim.trace().len() / 2].step;
    let one = sim.trace_steps(s..s + 1);
    assert!(!one.is_empty() && one.iter().all(|e| e.step == s));
}

#[test]
fn a_bounded_trace_and_a_seek_back_keep_it_exact() {
    let mut sim = Simulation::with_servers(3, 7).expect("3");
    sim.set_history(HistoryBudget {
        recent_events: Some(500),
        ..HistoryBudget::default()
    });
    let mut sim = write_every_20ms(sim, 4_000);
    assert!(sim.trace_dropped() > 0, "the front was dropped");
    check_ranges(&sim);
    let back = sim.steps() / 2;
    sim.seek(back);
    assert_eq!(sim.steps(), back);
    assert!(sim.trace_steps(back + 1..u64::MAX).is_empty());
    check_ranges(&sim);
}

#[test]
fn every_packet_names_its_kind() {
    let sim = write_every_20ms(Simulation::with_servers(3, 7).expect("3"), 2_000);
    let mut seen = std::collections::BTreeSet::new();
    for e in sim.trace() {
        if let EventKind::Send { msg, .. } | EventKind::Deliver { msg, .. } = &e.kind {
            let kind = msg.kind().expect("a packet the simulation sent has a kind");
            assert_eq!(kind.name(), msg.name);
            seen.insert(kind);
        }
    }
    for k in [
        PacketKind::Notification,
        PacketKind::Proposal,
        PacketKind::Ack,
        PacketKind::Commit,
    ] {
        assert!(seen.contains(&k), "{k} seen");
    }
    for k in PacketKind::ALL {
        assert_eq!(PacketKind::from_name(k.name()), Some(*k));
    }
    assert_eq!(PacketKind::from_name("NOPE"), None);
}
