//! Simulated message deliveries per second under a write-heavy workload, for 3, 5, 7 and 51
//! servers (issue 4 target: ≥ 1,000,000 deliveries/s natively on one core).
//!
//! Each iteration runs a fresh ensemble to a leader, then a client per server writes every
//! 2 ms of simulated time; the measured unit is one agenda step that delivers a message.
//! `view/full` and `view/compact` time building the page's picture of a busy 7-server run.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zabscope_core::sim::kernel::Item;
use zabscope_core::view::ViewOptions;
use zabscope_core::{ClientOp, Command, ServerId, Simulation};

/// An elected ensemble of `n` with one connected client per server, trace off.
fn ready(n: u32) -> Simulation {
    let mut sim = Simulation::with_servers(n, 1).expect("size");
    sim.keep_trace(false);
    sim.run_until(10_000, |s| !s.leaders().is_empty());
    for i in 1..=n {
        let c = Command::Connect {
            client: format!("c{i}"),
            server: ServerId(i),
            timeout_ms: 30_000,
        };
        sim.apply(c).expect("connect");
    }
    let op = ClientOp::Create {
        path: "/bench".into(),
        data: "0".into(),
        ephemeral: false,
    };
    sim.apply(Command::Op {
        client: "c1".into(),
        op,
    })
    .expect("create");
    sim.run_for(500);
    sim
}

/// Take agenda items until `k` messages were delivered, starting a new round of writes (one
/// per client) whenever client c1's previous write was answered.
fn deliver(sim: &mut Simulation, n: u32, round: &mut u64, k: u64) -> u64 {
    let mut delivered = 0;
    while delivered < k {
        if sim
            .kernel()
            .clients
            .first()
            .is_none_or(|c| c.outstanding.is_empty())
        {
            *round += 1;
            for i in 1..=n {
                let op = ClientOp::Set {
                    path: "/bench".into(),
                    data: format!("{round}"),
                };
                let _ = sim.apply(Command::Op {
                    client: format!("c{i}"),
                    op,
                });
            }
        }
        let is_delivery = sim
            .kernel()
            .agenda
            .values()
            .next()
            .is_some_and(|i| matches!(i, Item::Deliver(_)));
        if sim.step().is_empty() && sim.kernel().agenda.is_empty() {
            break;
        }
        delivered += u64::from(is_delivery);
    }
    delivered
}

/// Deliveries per benchmark iteration.
const K: u64 = 10_000;

fn deliveries(c: &mut Criterion) {
    let mut group = c.benchmark_group("deliveries");
    group.throughput(Throughput::Elements(K));
    for n in [3u32, 5, 7, 51] {
        let mut sim = ready(n);
        let mut round = 0;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| black_box(deliver(&mut sim, n, &mut round, K)));
        });
    }
    group.finish();
}

/// Building the page's picture of 7 servers after 2,000 writes: the full view (every data tree
/// and log) against `ViewOptions::compact()` (no trees, 32-entry log tails) the page builds
/// per frame.
fn views(c: &mut Criterion) {
    let mut sim = ready(7);
    let mut round = 0;
    while round < 300 {
        deliver(&mut sim, 7, &mut round, 1_000);
    }
    let mut group = c.benchmark_group("view");
    group.bench_function("full", |b| b.iter(|| black_box(sim.view())));
    group.bench_function("compact", |b| {
        b.iter(|| black_box(sim.view_with(ViewOptions::compact())))
    });
    group.finish();
}

criterion_group!(benches, deliveries, views);
criterion_main!(benches);
