//! Simulated message deliveries per second under a steady write load, for 3, 5, 7, 13 and 51
//! servers, trace off (`zabscope bench` prints the same workload's writes/s and the
//! browser's mode, and `scripts/bench.sh` puts the figures in docs/figures.md).
//!
//! The workload is `zabscope_core::tools::bench::Workload`: an elected ensemble, one client per
//! server each keeping a `setData` outstanding. Every iteration starts from a clone of the same
//! ready ensemble, so criterion's iterations measure the same steps (no drift as logs grow),
//! and each iteration asserts that the workload still held (writes committed by every client,
//! one leader throughout). `view/full` and `view/compact` time building the page's picture of
//! a busy 7-server run.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zabscope_core::sim::view::ViewOptions;
use zabscope_core::tools::bench::{Mode, Workload};

/// Agenda steps per benchmark iteration.
const STEPS: u64 = 40_000;

/// An elected ensemble of `n` with one connected, writing client per server, warmed up.
fn ready(n: u32) -> Workload {
    let mut w = Workload::new(n, n, Mode::TraceOff).expect("workload set up");
    w.run(10_000);
    w
}

fn deliveries(c: &mut Criterion) {
    let mut group = c.benchmark_group("deliveries");
    group.sample_size(20);
    for n in [3u32, 5, 7, 13, 51] {
        let base = ready(n);
        // The steps are the same every iteration: count them once for the throughput.
        let mut probe = base.clone();
        let counts = probe.run(STEPS);
        probe.check().expect("workload holds");
        println!(
            "deliveries/{n}: {STEPS} steps = {} deliveries, {} committed writes ({:.1} messages per write)",
            counts.deliveries,
            counts.committed_writes,
            counts.deliveries as f64 / counts.committed_writes.max(1) as f64
        );
        group.throughput(Throughput::Elements(counts.deliveries));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter_batched(
                || base.clone(),
                |mut w| {
                    let got = w.run(STEPS);
                    assert_eq!(got, counts, "the workload drifted");
                    black_box(w)
                },
                BatchSize::PerIteration,
            );
        });
        probe.check().expect("workload holds");
    }
    group.finish();
}

/// Building the page's picture of 7 servers after 100,000 steps of writes: the full view
/// (every data tree and log) against `ViewOptions::compact()` (no trees, 32-entry log tails)
/// the page builds per frame.
fn views(c: &mut Criterion) {
    let mut w = ready(7);
    w.run(100_000);
    w.check().expect("workload holds");
    let sim = w.simulation();
    let mut group = c.benchmark_group("view");
    group.bench_function("full", |b| b.iter(|| black_box(sim.view())));
    group.bench_function("compact", |b| {
        b.iter(|| black_box(sim.view_with(ViewOptions::compact())))
    });
    group.finish();
}

criterion_group!(benches, deliveries, views);
criterion_main!(benches);
