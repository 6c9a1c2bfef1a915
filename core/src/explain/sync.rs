//! Why the leader synced a learner with DIFF, TRUNC or SNAP (`LearnerHandler.syncFollower`):
//! the learner's last zxid against the leader's committedLog `[min, max]` and, below `min`, the
//! on-disk txn log's size against `snapshotSizeFactor` × the snapshot size.

use crate::explain::{Text, ser};
use crate::ids::ServerId;
use crate::zab::proto::SyncKind;
use crate::zxid::Zxid;
use serde::Serialize;

/// The rule of `syncFollower` that chose the sync kind, with the numbers it compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "camelCase")]
pub enum SyncWhy {
    /// peerLastZxid == lastProcessedZxid: an empty DIFF.
    InSync {
        /// The learner's last zxid (`peerLastZxid`).
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
    },
    /// peerLastZxid > maxCommittedLog: TRUNC back to max.
    PeerAhead {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The leader's `maxCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        max: Zxid,
    },
    /// minCommittedLog ≤ peerLastZxid ≤ maxCommittedLog: DIFF with the missing txns.
    InCommittedLog {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The leader's `minCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        min: Zxid,
        /// The leader's `maxCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        max: Zxid,
        /// How many txns the DIFF carries.
        txns: u32,
    },
    /// The peer holds txns of its epoch the leader never had: TRUNC back to the last common
    /// txn, then DIFF.
    Diverged {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The last common zxid the TRUNC goes back to.
        #[serde(serialize_with = "ser::zxid")]
        to: Zxid,
        /// How many txns the DIFF carries after it.
        txns: u32,
    },
    /// The peer's history left the leader's across an epoch: no TRUNC can fix it, SNAP.
    EpochCrossing {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
    },
    /// peerLastZxid < minCommittedLog and the log files after the one holding the peer's zxid
    /// (`getStorageSize`, each file padded to `preAllocSize`) are within snapshotSizeFactor ×
    /// the newest snapshot (0 while that file is still being written): DIFF from the on-disk
    /// log, then the committedLog.
    FromTxnLog {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The leader's `minCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        min: Zxid,
        /// The bytes of txn log to send.
        size: u64,
        /// The most it may be (snapshotSizeFactor × the snapshot's size).
        limit: u64,
        /// How many txns the DIFF carries.
        txns: u32,
    },
    /// peerLastZxid < minCommittedLog and the log files after the one holding the peer's zxid
    /// are longer than snapshotSizeFactor (0.33) × the newest snapshot file: SNAP.
    TxnLogTooBig {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The leader's `minCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        min: Zxid,
        /// The bytes of txn log it would have to send.
        size: u64,
        /// The most it may be (snapshotSizeFactor × the snapshot's size).
        limit: u64,
    },
    /// peerLastZxid < minCommittedLog and the txn log does not reach back to it (or does not
    /// reach up to minCommittedLog): SNAP.
    TxnLogMissing {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The leader's `minCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        min: Zxid,
    },
    /// peerLastZxid < minCommittedLog and snapshotSizeFactor is negative (syncing from the txn
    /// log disabled): SNAP.
    TxnLogDisabled {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The leader's `minCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        min: Zxid,
    },
    /// The peer reports the start of an epoch past the committedLog: SNAP.
    NewEpochBeyond {
        /// The learner's last zxid.
        #[serde(serialize_with = "ser::zxid")]
        peer: Zxid,
        /// The leader's `maxCommittedLog`.
        #[serde(serialize_with = "ser::zxid")]
        max: Zxid,
    },
}

impl SyncWhy {
    /// "leader L syncs learner F with KIND: reason" as a sentence key + arguments.
    #[must_use]
    pub fn text(&self, leader: ServerId, learner: ServerId, kind: SyncKind) -> Text {
        let base = |key: &'static str| {
            Text::new(key)
                .arg("leader", leader)
                .arg("learner", learner)
                .arg("kind", kind.name())
        };
        match *self {
            SyncWhy::InSync { peer } => base("sync.why.in_sync").arg("peer", peer),
            SyncWhy::PeerAhead { peer, max } => base("sync.why.peer_ahead")
                .arg("peer", peer)
                .arg("max", max),
            SyncWhy::InCommittedLog {
                peer,
                min,
                max,
                txns,
            } => base("sync.why.in_committed_log")
                .arg("peer", peer)
                .arg("min", min)
                .arg("max", max)
                .arg("txns", txns),
            SyncWhy::Diverged { peer, to, txns } => base("sync.why.diverged")
                .arg("peer", peer)
                .arg("to", to)
                .arg("txns", txns),
            SyncWhy::EpochCrossing { peer } => base("sync.why.epoch_crossing").arg("peer", peer),
            SyncWhy::FromTxnLog {
                peer,
                min,
                size,
                limit,
                txns,
            } => base("sync.why.from_txn_log")
                .arg("peer", peer)
                .arg("min", min)
                .arg("size", size)
                .arg("limit", limit)
                .arg("txns", txns),
            SyncWhy::TxnLogTooBig {
                peer,
                min,
                size,
                limit,
            } => base("sync.why.txn_log_too_big")
                .arg("peer", peer)
                .arg("min", min)
                .arg("size", size)
                .arg("limit", limit),
            // A minCommittedLog with counter 0 is no txn: the committedLog is empty and the
            // leader's lastProcessedZxid is its epoch's mark (Leader.startZkServer).
            SyncWhy::TxnLogMissing { peer, min } if min.counter() == 0 => {
                base("sync.why.after_epoch_mark")
                    .arg("peer", peer)
                    .arg("min", min)
                    .arg("epoch", min.epoch())
            }
            SyncWhy::TxnLogMissing { peer, min } => base("sync.why.txn_log_missing")
                .arg("peer", peer)
                .arg("min", min),
            SyncWhy::TxnLogDisabled { peer, min } => base("sync.why.txn_log_disabled")
                .arg("peer", peer)
                .arg("min", min),
            SyncWhy::NewEpochBeyond { peer, max } => base("sync.why.new_epoch_beyond")
                .arg("peer", peer)
                .arg("max", max),
        }
    }
}
