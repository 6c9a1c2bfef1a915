//! Every fuzz seed that once failed, as its shrunk script (tests/fuzz-regressions/), re-run
//! with all of the fuzzer's checks: invariants after every step, then liveness and a probe
//! write after the heal. One test per seed, named after it, with the reason in one line.

use zabscope_core::Script;
use zabscope_core::check::nemesis;

fn script(seed: u64) -> Script {
    let path = format!(
        "{}/fuzz-regressions/seed_{seed}.zs",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Script::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn passes(seed: u64) {
    if let Err(f) = nemesis::check_script(&script(seed)) {
        panic!("seed {seed}: {f}");
    }
}

/// Kernel: a paused receiver on a held link took newer messages ahead of older held ones.
#[test]
fn seed_5407() {
    passes(5407);
}

/// Kernel: the same reordering left a replica with a different tree at the same zxid.
#[test]
fn seed_89049() {
    passes(89049);
}

/// Checker: txns a new leader holds only inside a SNAP'd snapshot are part of its history.
#[test]
fn seed_41945() {
    passes(41945);
}

/// Liveness: learners stranded by acceptedEpoch 2 > the leader's epoch 1 (ZooKeeper's too).
#[test]
fn seed_110120() {
    let s = script(110120);
    passes(110120);
    // The excluded pattern really is there: after the run, servers 4 and 5 keep acceptedEpoch
    // 2 and never get past DISCOVERY with the established leader of epoch 1.
    let mut sim = zabscope_core::Simulation::from_script(&s).expect("sim");
    sim.keep_trace(false);
    sim.run_until(s.until_ms, |_| false);
    let k = sim.kernel();
    let leader = k
        .nodes
        .iter()
        .filter_map(|n| n.server.as_ref())
        .find(|s| s.state() == zabscope_core::zab::proto::ServerState::Leading)
        .expect("a leader");
    let epoch = leader.core.durable.current_epoch;
    let stranded: Vec<u32> = k
        .nodes
        .iter()
        .filter_map(|n| n.server.as_ref())
        .filter(|s| nemesis::stranded(s, epoch))
        .map(|s| s.core.id.0)
        .collect();
    assert_eq!((epoch, stranded), (1, vec![4, 5]));
}

/// Kernel: resume put messages parked before a hold behind the ones held since.
#[test]
fn seed_8945() {
    passes(8945);
}

/// Learner: a TRUNC below the only snapshot (from a SNAP) left an empty tree; it rejoins now.
#[test]
fn seed_8103() {
    passes(8103);
}

/// Client: a reply from the server a session moved away from raised its lastZxid.
#[test]
fn seed_806() {
    passes(806);
}

/// Kernel: a leader answered a dead incarnation's held FOLLOWERINFO/ACKEPOCH into the
/// restarted server's connection, which then synced twice and applied 0x100000002 twice;
/// quorum messages now die with their sender's process (`InFlight::from_incarnation`).
#[test]
fn seed_370233() {
    passes(370233);
}

/// Kernel: a learner's new connection did not replace its old one, so held resets of the old
/// one (sent to a dead incarnation of the leader) were read as news about the new handshake;
/// a stale reconnect timer then sent a second FOLLOWERINFO while the learner kept serving,
/// and a read after `sync()` missed a committed write (ReadYourSync). Opening a connection
/// now records the peer it was opened with; the checker also stops counting a learner as
/// synced once it sends FOLLOWERINFO (ServeOnlyInBroadcast would have caught it first).
#[test]
fn seed_812071() {
    passes(812071);
}

/// Learner: a reset the leader sent on a learner's old connection (the same two processes,
/// before the learner reconnected) arrived after the new FOLLOWERINFO and armed a reconnect;
/// the handshake went on, and the stale timer later sent a second FOLLOWERINFO while the
/// learner served (ServeOnlyInBroadcast). A LEADERINFO now cancels any pending reconnect.
#[test]
fn seed_4117853() {
    passes(4117853);
}

/// Client: two clients that connected to a paused server (no session established, id 0x0)
/// were moved to other servers, which "reconnected" session 0x0 and served both as one
/// session (MonotonicReads). A client without a session now creates a new one on `move`
/// (ClientCnxn.primeConnection sends sessionId 0).
#[test]
fn seed_6120532() {
    passes(6120532);
}
