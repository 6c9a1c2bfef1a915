//! The benchmark workload (`zabscope bench`, `window.zabscope.bench`) run briefly, so the
//! benchmark cannot rot: its own checks hold (clients connected, writes committing in the
//! last fifth, one leader throughout, no invariant violated) and its trace digest is pinned,
//! so an optimisation of the hot paths that changes what happens is caught. (The pins were
//! recorded when the workload was written, before the hot paths were optimised.)

use zabscope_core::tools::bench::{Mode, Workload};
use zabscope_core::{Command, ServerId};

fn run(servers: u32, clients: u32, mode: Mode, steps: u64) -> (u64, u64) {
    let mut w = Workload::new(servers, clients, mode).expect("workload set up");
    let counts = w.run(steps);
    assert_eq!(counts.steps, steps);
    assert!(counts.deliveries > steps / 2, "{counts:?}");
    assert!(counts.committed_writes > 0, "{counts:?}");
    if let Err(e) = w.check() {
        panic!("{servers} servers, {mode:?}: {e}");
    }
    println!(
        "{servers} {mode:?}: {counts:?} digest {:#018x}",
        w.simulation().digest()
    );
    (w.simulation().digest(), counts.committed_writes)
}

#[test]
fn trace_off_workload_holds_and_is_unchanged() {
    let got = [
        run(3, 3, Mode::TraceOff, 6_000),
        run(13, 13, Mode::TraceOff, 10_000),
        run(51, 5, Mode::TraceOff, 10_000),
    ];
    assert_eq!(
        got,
        [
            (0x2578_f989_4461_fdf1, 596),
            (0xc3f8_9973_8f7d_2d21, 239),
            (0x9a13_3ef3_43ee_8f80, 53)
        ]
    );
}

#[test]
fn browser_workload_holds_and_is_unchanged() {
    assert_eq!(
        run(5, 5, Mode::Browser, 3_000),
        (0x1f4d_dbc1_7101_653d, 178)
    );
}

#[test]
fn a_stalled_workload_is_reported() {
    // Crash every server but the leader: no quorum, so writes stop committing.
    let mut w = Workload::new(3, 3, Mode::TraceOff).expect("workload set up");
    w.run(2_000);
    assert_eq!(w.check(), Ok(()));
    let leader = w.leader();
    for id in (1..=3).filter(|i| *i != leader) {
        w.apply(Command::Crash(ServerId(id))).expect("crash");
    }
    w.run(3_000);
    let why = w
        .check()
        .expect_err("a workload without a quorum must fail its check");
    // The leader gives up its role (no quorum), or first a writer whose server was crashed
    // sees its writes fail: either way the workload is no longer what it says.
    assert!(
        why.contains("changed state") || why.contains("answered with error -4"),
        "{why}"
    );
}
