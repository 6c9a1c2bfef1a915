//! Native checks of the diagram's index and rows: every message sent is one arrow from its send
//! to its delivery; the window query returns exactly the arrows a scan finds; acting in the
//! past forgets the recorded future; the filters and the collapsed heartbeats.

use super::index::{Kind, Lane, SeqIndex, What};
use super::rows::{Filter, Row, Rows};
use zabscope_core::sim::trace::EventKind;
use zabscope_core::zab::proto::PacketKind;
use zabscope_core::{Command, Simulation};

fn run(ms: u64) -> (Simulation, SeqIndex) {
    let mut sim = Simulation::with_servers(5, 1).expect("5 servers");
    let mut ix = SeqIndex::default();
    // Synced in slices, as the store does after each change.
    for _ in 0..ms / 250 {
        sim.run_for(250);
        ix.sync(&sim);
    }
    (sim, ix)
}

#[test]
fn every_send_is_one_arrow_to_its_delivery() {
    let (sim, ix) = run(4_000);
    let sends = sim
        .trace()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Send { .. }))
        .count();
    let packets = ix
        .arrows
        .iter()
        .filter(|a| matches!(a.kind, Kind::Packet(_)))
        .count();
    assert_eq!(sends, packets);
    for (i, a) in ix.arrows.iter().enumerate() {
        let n = ix.arrow_base + i as u64;
        assert_eq!(
            ix.arrow_of(a.id).filter(|_| a.id != 0),
            (a.id != 0).then_some(n)
        );
        if let Some(end) = a.end {
            assert!(end >= a.send);
            assert!(matches!(ix.ev(end).unwrap().what, What::End(x) | What::Client(x) if x == n));
        }
    }
    assert!(ix.kinds.contains(&Kind::Packet(PacketKind::Notification)));
    assert!(ix.kinds.contains(&Kind::Packet(PacketKind::Ping)));
}

/// What a scan finds for rows `r0..r1`: arrows shown whose [send, end] overlaps the rows.
fn scan(ix: &SeqIndex, rows: &Rows, f: &Filter, r0: usize, r1: usize) -> Vec<u64> {
    let lo = rows.rows[r0].ev();
    let hi = rows.rows[r1 - 1].ev();
    (0..ix.arrows.len() as u64)
        .map(|i| ix.arrow_base + i)
        .filter(|n| {
            let a = ix.arrow(*n).unwrap();
            f.shows(a) && a.send <= hi && a.end.is_none_or(|e| e >= lo)
        })
        .collect()
}

#[test]
fn a_window_holds_exactly_the_arrows_a_scan_finds() {
    let (_, ix) = run(8_000);
    for f in [
        Filter::default(),
        Filter {
            pings: true,
            ..Filter::default()
        },
        Filter {
            lanes: [Lane::Server(2)].into(),
            kinds: [Kind::Packet(PacketKind::Notification)].into(),
            pings: true,
        },
    ] {
        let mut rows = Rows::default();
        rows.update(&ix, &f);
        let n = rows.rows.len();
        assert!(n > 100, "{n} rows");
        for (r0, r1) in [(0, 10), (n / 3, n / 3 + 25), (n - 20, n), (5, 6)] {
            assert_eq!(
                rows.arrows_in(&ix, r0, r1),
                scan(&ix, &rows, &f, r0, r1),
                "{r0}..{r1}"
            );
        }
        // Collapsed heartbeats: no PING row of its own, but "PING ×n" rows.
        let pings = rows.rows.iter().any(|r| matches!(r, Row::Pings { .. }));
        assert_eq!(pings, !f.pings);
    }
}

#[test]
fn rows_grow_with_the_run_as_a_rebuild_would() {
    let mut sim = Simulation::with_servers(3, 2).expect("3");
    let mut ix = SeqIndex::default();
    let mut rows = Rows::default();
    let f = Filter::default();
    for _ in 0..20 {
        sim.run_for(300);
        ix.sync(&sim);
        rows.update(&ix, &f);
    }
    let mut fresh = Rows::default();
    fresh.update(&ix, &f);
    assert_eq!(rows.rows, fresh.rows);
}

#[test]
fn acting_in_the_past_forgets_the_recorded_future_only() {
    let (mut sim, mut ix) = run(3_000);
    let all = ix.events.len();
    let at = sim.steps() / 2;
    sim.seek(at);
    ix.sync(&sim);
    assert_eq!(
        ix.events.len(),
        all,
        "a seek back keeps the recorded future"
    );
    ix.forget_after(at);
    assert!(ix.events.iter().all(|e| e.step <= at));
    assert!(ix.events.len() < all);
    assert!(ix.arrows.iter().all(|a| a.end.is_none_or(|e| e < ix.end())));
    sim.discard_future();
    sim.apply(Command::parse_text("crash 1").expect("crash"))
        .expect("applies");
    sim.run_for(500);
    ix.sync(&sim);
    assert!(ix.events.iter().any(|e| e.step > at));
    // A fresh index of the same run agrees from the start of the kept trace on.
    let mut fresh = SeqIndex::default();
    fresh.sync(&sim);
    assert_eq!(fresh.events.last(), ix.events.last());
}
