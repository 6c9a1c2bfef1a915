//! Every "break ZAB" switch (docs/break-zab.md) is caught by a named *safety*
//! invariant within a pinned number of seeds of the hunt workload (`sim::break_hunt`: writes,
//! reads, ephemerals, close/expiry, moves, crashes, restarts, pauses, held links, partitions,
//! a late boot, slow disks); with no switch on, the same workload breaks nothing.
//!
//! `cargo test -p zabscope-tests --test break_zab -- --nocapture` prints the table.

use zabscope_core::check::break_hunt;
use zabscope_core::check::breaks::Break;

/// Seeds a hunt may take before the test fails (the pinned values below are far under it).
const MAX_SEEDS: u64 = 500;

/// (switch, invariant that fires first, seed it fires at — the number of seeds needed - 1).
const CAUGHT: [(Break, &str, u64); 13] = [
    (Break::ElectBySidOnly, "ElectedLeaderHighest", 2),
    (Break::CommitWithoutQuorum, "PrimaryIntegrity", 4),
    (Break::AckBeforeLogging, "Durability", 31),
    (Break::SkipTrunc, "PrefixConsistency", 21),
    (Break::NewEpochMax, "NewEpochFresh", 0),
    (Break::KeepEphemeralsOnExpiry, "EphemeralCleanup", 1),
    (Break::CommitOutOfOrder, "LocalPrimaryOrder", 100),
    (Break::ServeAfterLeaderLoss, "ServeOnlyInBroadcast", 105),
    (Break::ServeBehindClient, "MonotonicReads", 159),
    (Break::SyncLocally, "ReadYourSync", 40),
    (Break::VoteBySidOnly, "ElectedLeaderHighest", 2),
    (Break::NewEpochReused, "NewEpochFresh", 0),
    (Break::ServeWithoutLeader, "ServeOnlyInBroadcast", 105),
];

fn caught(b: Break) {
    let (_, invariant, seed) = CAUGHT.iter().find(|c| c.0 == b).copied().unwrap();
    let found = break_hunt::hunt(b, 0, MAX_SEEDS);
    let Some((s, v)) = found else {
        panic!("{b}: no invariant fired in {MAX_SEEDS} seeds");
    };
    println!("| {b} | {} | {} | {v}", v.invariant, s + 1);
    assert_eq!((v.invariant, s), (invariant, seed), "{b}: {v}");
    assert_eq!(
        b.caught_by(),
        invariant,
        "{b}: Break::caught_by is out of date"
    );
}

#[test]
fn elect_by_sid_only_elects_a_leader_behind_its_voters() {
    caught(Break::ElectBySidOnly);
}

#[test]
fn commit_without_quorum_loses_a_delivered_txn() {
    caught(Break::CommitWithoutQuorum);
}

#[test]
fn ack_before_logging_loses_an_acked_txn_on_crash() {
    caught(Break::AckBeforeLogging);
}

#[test]
fn skip_trunc_keeps_a_txn_no_quorum_accepted() {
    caught(Break::SkipTrunc);
}

#[test]
fn new_epoch_max_proposes_an_epoch_already_accepted() {
    caught(Break::NewEpochMax);
}

#[test]
fn keep_ephemerals_on_expiry_leaves_a_dead_session_s_znode() {
    caught(Break::KeepEphemeralsOnExpiry);
}

#[test]
fn commit_out_of_order_delivers_a_gap() {
    caught(Break::CommitOutOfOrder);
}

#[test]
fn serve_after_leader_loss_serves_past_the_read_timeout() {
    caught(Break::ServeAfterLeaderLoss);
}

#[test]
fn serve_behind_client_goes_back_in_time() {
    caught(Break::ServeBehindClient);
}

#[test]
fn sync_locally_reads_behind_an_acknowledged_write() {
    caught(Break::SyncLocally);
}

#[test]
fn vote_by_sid_only_elects_a_leader_behind_its_voters() {
    caught(Break::VoteBySidOnly);
}

#[test]
fn new_epoch_reused_proposes_an_epoch_already_accepted() {
    caught(Break::NewEpochReused);
}

#[test]
fn serve_without_leader_is_seen_from_the_wire() {
    caught(Break::ServeWithoutLeader);
}

#[test]
fn with_no_switch_the_hunt_workload_breaks_nothing() {
    // As many seeds as the longest hunt above needs, and then some.
    for seed in 0..250 {
        if let Some(v) = break_hunt::run(seed, &[]) {
            panic!("seed {seed} with no switch: {v}");
        }
    }
}
