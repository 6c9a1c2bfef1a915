//! The lab's figures have the documented shape, and a chunked computation gives exactly what
//! one uninterrupted run gives.

use super::*;
use crate::tools::lab::engine::Engine;

/// A quick grid: the documentation's set-up and the default costs, short windows.
fn params(servers: Vec<u32>, reads: Vec<u32>) -> LabParams {
    LabParams {
        servers,
        reads,
        setup: Setup::default(),
        warmup_ms: 30,
        window_ms: 60,
    }
}

fn ops(points: &[Point], servers: u32, reads: u32) -> u64 {
    let p = points
        .iter()
        .find(|p| p.servers == servers && p.reads == reads)
        .unwrap();
    assert_eq!(p.failed, None, "{p:?}");
    p.ops_per_sec
}

#[test]
fn reads_scale_with_servers_and_writes_fall() {
    let mut lab = Lab::new(params(vec![3, 9], vec![0, 100])).unwrap();
    let points = lab.finish().to_vec();
    assert!(ops(&points, 9, 100) > ops(&points, 3, 100), "{points:?}");
    assert!(ops(&points, 9, 0) < ops(&points, 3, 0), "{points:?}");
    assert!(ops(&points, 3, 100) > 3 * ops(&points, 3, 0), "{points:?}");
    for p in &points {
        assert!(p.latency_ms.median > 0.0 && p.latency_ms.p99 >= p.latency_ms.median);
    }
}

#[test]
fn chunks_of_any_size_give_the_same_points() {
    let mut whole = Lab::new(params(vec![3], vec![30, 90])).unwrap();
    let expect = whole.finish().to_vec();
    let mut chunked = Lab::new(params(vec![3], vec![30, 90])).unwrap();
    let mut progress = chunked.progress();
    let mut calls = 0;
    while !progress.finished {
        progress = chunked.run_for(997);
        assert!(progress.done <= progress.total);
        calls += 1;
    }
    assert!(calls > 20, "{calls} chunks");
    assert_eq!(chunked.points(), &expect[..]);
}

#[test]
fn bad_parameters_are_refused() {
    assert!(Lab::new(params(vec![], vec![0])).is_err());
    assert!(
        Lab::new(params(vec![3], vec![101]))
            .unwrap_err()
            .contains("0..=100")
    );
    assert!(
        Lab::new(params(vec![52], vec![0]))
            .unwrap_err()
            .contains("1 to 51")
    );
    let mut p = params(vec![1], vec![0]);
    p.setup.leader_serves = false;
    assert!(Lab::new(p).unwrap_err().contains("leaderServes"));
}

#[test]
fn an_observer_adds_read_throughput_without_slowing_writes_much() {
    let base = params(vec![3], vec![0, 100]);
    let mut with = base.clone();
    with.setup.observers = 4;
    let a = Lab::new(base).unwrap().finish().to_vec();
    let b = Lab::new(with).unwrap().finish().to_vec();
    assert!(ops(&b, 3, 100) > ops(&a, 3, 100), "{a:?} {b:?}");
    assert!(ops(&b, 3, 0) * 10 > ops(&a, 3, 0) * 7, "{a:?} {b:?}");
}

#[test]
fn a_leader_crash_stops_service_until_a_new_leader_is_elected() {
    let mut e = Engine::new(Setup {
        voters: 5,
        read_pct: 70,
        clients: 60,
        ..Setup::default()
    })
    .unwrap();
    e.bucket_by(10_000_000);
    e.election_ns = 150_000_000;
    e.run_until(200_000_000, u64::MAX);
    let old = e.leader().unwrap();
    e.crash(old);
    e.run_until(2_000_000_000, u64::MAX);
    let b = e.buckets();
    // 10 ms buckets: busy before, nothing in the 150 ms election, busy again after.
    assert!(b[10..20].iter().all(|n| *n > 0), "{b:?}");
    assert!(b[21..34].iter().all(|n| *n == 0), "{b:?}");
    assert!(b[150..200].iter().all(|n| *n > 0), "{b:?}");
    assert_ne!(e.leader(), Some(old));
    assert_eq!(e.connected(), 60);
}

#[test]
fn kernel_times_are_the_same_however_the_run_is_cut() {
    use crate::tools::lab::reliability::{Fault, KernelTimes, documented_plan, kernel_times};
    let whole = kernel_times(7, &documented_plan(), 1).unwrap();
    let mut cut = KernelTimes::new(7, documented_plan(), 1).unwrap();
    let mut calls = 0;
    while !cut.advance(37).unwrap() {
        calls += 1;
    }
    assert!(calls > 100, "{calls} pieces");
    assert_eq!(cut.times(), &whole[..]);
    // A leader's crash: FLE's finalizeWait (200 ms) alone is part of every election.
    for (t, (_, fault, _)) in whole.iter().zip(documented_plan()) {
        match fault {
            Fault::CrashLeader => assert!(t.is_some_and(|ms| ms > 200), "{whole:?}"),
            Fault::RecoverFollowers => assert!(t.is_some(), "{whole:?}"),
            Fault::CrashFollowers(_) => assert_eq!(*t, None),
        }
    }
}
