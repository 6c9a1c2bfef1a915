//! A server's in-memory database as ZAB sees it (`ZKDatabase`): the data tree, the last
//! processed zxid and the `committedLog` window of the last 500 commits the leader syncs from.
//!
//! This is the seam to the data model: ZAB only needs a txn's zxid and size, `apply`, `read`,
//! `prep` and snapshots.

use crate::sim::chunked::Chunked;
use crate::zxid::Zxid;
use std::sync::Arc;

pub use crate::zk::db::{ApplyResult, ZkDatabase};
pub use crate::zk::request::{Request, RequestContext, Response, ResponseBody};
pub use crate::zk::txn::{Txn, TxnEntry, TxnHeader};

/// A logged / proposed / committed txn, shared between logs, packets and the committedLog.
pub type Entry = Arc<TxnEntry>;

/// `ZKDatabase.commitLogCount` default.
pub const COMMIT_LOG_COUNT: usize = 500;

/// Entries per shared chunk of the committedLog window.
pub const COMMITTED_CHUNK: usize = 32;

/// The committedLog window, in shared chunks ([`Chunked`]): it slides by one entry per commit,
/// so a `seek` checkpoint's copy shares its full chunks with the live one.
pub type CommittedLog = Chunked<Entry, COMMITTED_CHUNK>;

/// What ZAB reads off a txn besides its zxid.
pub trait EntryExt {
    /// Bytes on disk, for the DIFF-from-txnlog size limit.
    fn size(&self) -> u64;
}

impl EntryExt for TxnEntry {
    fn size(&self) -> u64 {
        // TxnHeader (8+4+8+8+4 bytes) plus the record: path, data and ACL dominate.
        let payload = match &self.txn {
            Txn::Create { path, data, .. }
            | Txn::CreateContainer { path, data, .. }
            | Txn::CreateTtl { path, data, .. }
            | Txn::SetData { path, data, .. } => {
                path.len() + data.as_ref().map_or(0, Vec::len) + 16
            }
            other => other.describe().len() + 8,
        };
        32 + payload as u64
    }
}

/// A snapshot: the database as of `zxid`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub zxid: Zxid,
    pub db: ZkDatabase,
    /// The history's epochs: see [`Replica::epochs`].
    pub epochs: Vec<Zxid>,
}

impl Snapshot {
    /// Approximate file size (`snapFile.length()`), for `calculateTxnLogSizeLimit`.
    #[must_use]
    pub fn size(&self) -> u64 {
        // Per node: path, data, ACL and the 68-byte StatPersisted, as FileSnap writes them.
        self.db
            .tree()
            .iter()
            .map(|(k, n)| {
                (k.len() + n.data.as_ref().map_or(0, Vec::len) + 68 + 16 * n.acl.len()) as u64
            })
            .sum::<u64>()
            + 100
    }
}

/// The in-memory database plus its committedLog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replica {
    pub db: ZkDatabase,
    pub committed_log: CommittedLog,
    /// The zxid the tree was at just before the first committedLog entry was applied.
    pub base: Zxid,
    /// The last zxid of each epoch in the history this tree holds, oldest first. Within one
    /// epoch a history is a prefix of that epoch's proposals, so this says exactly which txns
    /// the tree holds, even those that arrived inside a SNAP and are in no log. Bookkeeping
    /// for the invariant checker (ZooKeeper keeps no such list); it rides along in snapshots.
    pub epochs: Vec<Zxid>,
}

impl Replica {
    /// `FileTxnSnapLog.restore`: the snapshot, then every logged txn after it (committed or not;
    /// that is why a recovering server may need TRUNC).
    #[must_use]
    pub fn load<'a>(
        snapshot: Option<&Snapshot>,
        log: impl IntoIterator<Item = &'a Entry>,
    ) -> Replica {
        let (db, from, epochs) = snapshot.map_or_else(
            || (ZkDatabase::default(), Zxid::ZERO, Vec::new()),
            |s| (s.db.clone(), s.zxid, s.epochs.clone()),
        );
        let mut r = Replica {
            db,
            committed_log: CommittedLog::new(),
            base: last_txn(&epochs),
            epochs,
        };
        for e in log.into_iter().filter(|e| e.zxid() > from) {
            r.commit(e);
        }
        r
    }

    /// `getDataTreeLastProcessedZxid`.
    #[must_use]
    pub fn last_processed(&self) -> Zxid {
        self.db.last_processed_zxid()
    }

    /// Apply a committed txn and remember it in the committedLog (`addCommittedProposal`).
    pub fn commit(&mut self, e: &Entry) -> ApplyResult {
        let r = self.db.apply(e);
        let z = e.zxid();
        match self.epochs.last_mut() {
            Some(last) if last.epoch() == z.epoch() => *last = z,
            _ => self.epochs.push(z),
        }
        self.remember_committed(e);
        r
    }

    /// BREAK ZAB (keepEphemeralsOnExpiry): a closeSession that forgets the session but not
    /// its ephemeral znodes (`DataTree.killSession` skipped).
    pub fn close_session_keeping_ephemerals(&mut self, e: &Entry) -> ApplyResult {
        self.db.sessions.remove(&e.header.session);
        self.db.last_processed_zxid = self.db.last_processed_zxid.max(e.zxid());
        self.remember_committed(e);
        let mut response = Response::ok(ResponseBody::Empty);
        response.zxid = e.zxid();
        ApplyResult {
            response,
            triggers: Vec::new(),
        }
    }

    /// `addCommittedProposal`: append to the committedLog window, dropping its oldest entry
    /// past `COMMIT_LOG_COUNT`.
    fn remember_committed(&mut self, e: &Entry) {
        self.committed_log.push_back(e.clone());
        if self.committed_log.len() > COMMIT_LOG_COUNT
            && let Some(z) = self.committed_log.front().map(|e| e.zxid())
        {
            self.base = z;
            self.committed_log.drop_front(1);
        }
    }

    /// `(minCommittedLog, maxCommittedLog)`, both the last processed zxid when empty.
    #[must_use]
    pub fn committed_range(&self) -> (Zxid, Zxid) {
        match (self.committed_log.front(), self.committed_log.back()) {
            (Some(a), Some(b)) => (a.zxid(), b.zxid()),
            _ => (self.last_processed(), self.last_processed()),
        }
    }

    /// A snapshot of the current tree.
    #[must_use]
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            zxid: self.last_processed(),
            db: self.db.clone(),
            epochs: self.epochs.clone(),
        }
    }

    /// Replace the tree with a received snapshot (Learner.syncWithLeader on SNAP).
    pub fn install(&mut self, s: &Snapshot) {
        self.db = s.db.clone();
        self.committed_log.clear();
        self.base = last_txn(&s.epochs);
        self.epochs.clone_from(&s.epochs);
    }

    /// Does the history this tree holds include `zxid` (see [`Replica::epochs`])?
    #[must_use]
    pub fn holds(&self, zxid: Zxid) -> bool {
        self.epochs
            .iter()
            .any(|last| last.epoch() == zxid.epoch() && zxid <= *last)
    }

    /// The zxid this replica was at just before it applied `zxid` (if still in the window).
    #[must_use]
    pub fn applied_before(&self, zxid: Zxid) -> Option<Zxid> {
        let from_back = self
            .committed_log
            .iter()
            .rev()
            .position(|e| e.zxid() == zxid)?;
        let i = self.committed_log.len() - 1 - from_back;
        Some(match i.checked_sub(1) {
            None => self.base,
            Some(before) => self.committed_log.get(before)?.zxid(),
        })
    }
}

/// The last txn a history holds. A snapshot's zxid may be past it: a leader's epoch mark
/// (`Leader.startZkServer` sets lastProcessedZxid to `<epoch>00000000`) is no txn.
fn last_txn(epochs: &[Zxid]) -> Zxid {
    epochs.last().copied().unwrap_or(Zxid::ZERO)
}
