//! Which sync a rejoining follower gets (`LearnerHandler.syncFollower`), on the scenarios
//! played against a real ZooKeeper 3.8.0 ensemble (three servers on loopback, the Debian
//! package): a follower down while a client makes N writes, then restarted. The real leader's
//! decisions (its `LearnerHandler` log lines) are the expected values.

use zabscope_core::sim::trace::EventKind;
use zabscope_core::*;

const BASE: &str = "tickTime=2000\ninitLimit=10\nsyncLimit=5\n\
    server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n";

fn cmd(s: &str) -> Command {
    Command::parse(s).unwrap()
}

/// Server 1 is crashed, `writes` commands run on a client of server 2, server 1 restarts:
/// the kind and rule of the sync leader 3 gives it.
fn rejoin(extra_cfg: &str, writes: &[String]) -> (String, String) {
    let cfg = Config::parse(&format!("{BASE}{extra_cfg}")).unwrap();
    let mut sim = Simulation::new(cfg, 7).unwrap();
    for i in 1..=3 {
        sim.apply(cmd(&format!("start {i}"))).unwrap();
    }
    assert!(sim.run_until(5000, |s| !s.view().leaders().is_empty()));
    assert_eq!(sim.view().leaders(), vec![3]);
    sim.apply(cmd("connect c1 2")).unwrap();
    sim.run_for(200);
    sim.apply(cmd("crash 1")).unwrap();
    sim.run_for(100);
    for w in writes {
        sim.apply(cmd(w)).unwrap();
        sim.run_for(5);
    }
    sim.run_for(2000);
    let mark = sim.trace().len();
    sim.apply(cmd("restart 1")).unwrap();
    sim.run_for(3000);
    let sync = sim.trace()[mark..].iter().find_map(|e| match &e.kind {
        EventKind::Sync {
            learner, kind, why, ..
        } if learner.0 == 1 => Some((kind.to_string(), format!("{why:?}"))),
        _ => None,
    });
    let (kind, why) = sync.expect("server 1 was synced");
    // Whatever the sync, server 1 ends with the leader's tree.
    let v = sim.view();
    assert_eq!(v.servers[0].tree, v.servers[2].tree, "server 1 caught up");
    (kind, why)
}

fn creates(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("create c1 /n{i} x")).collect()
}

#[test]
fn three_and_450_creates_diff_from_the_committed_log() {
    for n in [3, 450] {
        let (kind, why) = rejoin("", &creates(n));
        assert_eq!(kind, "DIFF", "{n} creates");
        assert!(why.starts_with("InCommittedLog"), "{n} creates: {why}");
    }
}

#[test]
fn six_hundred_and_2500_creates_diff_from_the_txn_log() {
    // Real 3.8.0: "Use txnlog and committedLog for peer sid: 1", then DIFF: the leader's log
    // is one file (never rolled at snapCount 100,000), so getStorageSize() is 0.
    for n in [600, 2500] {
        let (kind, why) = rejoin("", &creates(n));
        assert_eq!(kind, "DIFF", "{n} creates");
        assert!(why.starts_with("FromTxnLog"), "{n} creates: {why}");
        assert!(why.contains("size: 0"), "{why}");
    }
}

#[test]
fn fifteen_hundred_1kb_set_data_diff_from_the_txn_log() {
    let kb = "x".repeat(1024);
    let mut w = vec!["create c1 /big x".to_string()];
    w.extend((0..1500).map(|_| format!("set c1 /big {kb}")));
    let (kind, why) = rejoin("", &w);
    assert_eq!(kind, "DIFF");
    assert!(why.starts_with("FromTxnLog"), "{why}");
}

#[test]
fn a_log_rolled_since_the_peer_left_means_snap() {
    // snapCount=100: the leader rolls its log every 51..100 txns, so 600 creates leave newer
    // 64 MB files after the one holding server 1's zxid: "Txnlog size: … exceeds sizeLimit"
    // (ZooKeeper without autopurge); ZabScope purges files older than the third-newest
    // snapshot, so here the file holding the peer's zxid is gone: "Unable to find proposals
    // from txnlog". SNAP either way.
    let (kind, why) = rejoin("snapCount=100\n", &creates(600));
    assert_eq!(kind, "SNAP");
    assert!(why.starts_with("TxnLogMissing"), "{why}");
    // With fewer rolls (snapCount=400: one or two) nothing is purged and the newer file counts.
    let (kind, why) = rejoin("snapCount=400\n", &creates(600));
    assert_eq!(kind, "SNAP");
    assert!(why.starts_with("TxnLogTooBig"), "{why}");
    assert!(why.contains("size: 67108880"), "{why}");
}

#[test]
fn a_negative_snapshot_size_factor_disables_the_txn_log() {
    let (kind, why) = rejoin("snapshotSizeFactor=-1\n", &creates(600));
    assert_eq!(kind, "SNAP");
    assert!(why.starts_with("TxnLogDisabled"), "{why}");
}
