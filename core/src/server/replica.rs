//! A server's in-memory database as ZAB sees it (`ZKDatabase`): the data tree, the last
//! processed zxid and the `committedLog` window of the last 500 commits the leader syncs from.
//!
//! This is the seam to the data model: ZAB only needs a txn's zxid and size, `apply`, `read`,
//! `prep` and snapshots.

use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zxid::Zxid;
use std::collections::VecDeque;
use std::sync::Arc;

pub use super::stub::{Request, Response, Txn, TxnEntry, TxnHeader, ZkDatabase};

/// A logged / proposed / committed txn, shared between logs, packets and the committedLog.
pub type Entry = Arc<TxnEntry>;

/// `ZKDatabase.commitLogCount` default.
pub const COMMIT_LOG_COUNT: usize = 500;

/// What ZAB reads off a txn.
pub trait EntryExt {
    fn zxid(&self) -> Zxid;
    /// Bytes on disk, for the DIFF-from-txnlog size limit.
    fn size(&self) -> u64;
}

impl EntryExt for TxnEntry {
    fn zxid(&self) -> Zxid {
        self.header.zxid
    }
    fn size(&self) -> u64 {
        // TxnHeader is 8+4+8+8+4 bytes, plus a rough payload size.
        let payload = match &self.txn {
            Txn::Create { path, data } | Txn::SetData { path, data } => path.len() + data.len() + 8,
            _ => 8,
        };
        32 + payload as u64
    }
}

/// A snapshot: the database as of `zxid`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub zxid: Zxid,
    pub db: ZkDatabase,
}

impl Snapshot {
    /// Approximate file size (`snapFile.length()`), for `calculateTxnLogSizeLimit`.
    #[must_use]
    pub fn size(&self) -> u64 {
        self.db
            .nodes
            .iter()
            .map(|(k, v)| (k.len() + v.len() + 60) as u64)
            .sum::<u64>()
            + 100
    }
}

/// The in-memory database plus its committedLog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replica {
    pub db: ZkDatabase,
    pub committed_log: VecDeque<Entry>,
}

impl Replica {
    /// `FileTxnSnapLog.restore`: the snapshot, then every logged txn after it (committed or not;
    /// that is why a recovering server may need TRUNC).
    #[must_use]
    pub fn load(snapshot: Option<&Snapshot>, log: &[Entry]) -> Replica {
        let (db, from) = snapshot.map_or((ZkDatabase::default(), Zxid::ZERO), |s| {
            (s.db.clone(), s.zxid)
        });
        let mut r = Replica {
            db,
            committed_log: VecDeque::new(),
        };
        for e in log.iter().filter(|e| e.zxid() > from) {
            r.commit(e);
        }
        r
    }

    /// `getDataTreeLastProcessedZxid`.
    #[must_use]
    pub fn last_processed(&self) -> Zxid {
        self.db.last_processed
    }

    /// Apply a committed txn and remember it in the committedLog (`addCommittedProposal`).
    pub fn commit(&mut self, e: &Entry) -> Response {
        let r = self.db.apply(e);
        self.committed_log.push_back(e.clone());
        if self.committed_log.len() > COMMIT_LOG_COUNT {
            self.committed_log.pop_front();
        }
        r
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
        }
    }

    /// Replace the tree with a received snapshot (Learner.syncWithLeader on SNAP).
    pub fn install(&mut self, s: &Snapshot) {
        self.db = s.db.clone();
        self.committed_log.clear();
    }

    /// PrepRequestProcessor against this view.
    #[must_use]
    pub fn prep(
        &self,
        session: SessionId,
        cxid: i32,
        req: &Request,
        zxid: Zxid,
        now: SimTime,
    ) -> TxnEntry {
        self.db.prep(session, cxid, req, zxid, now)
    }
}
