//! What survives a crash (`FileTxnSnapLog` and the epoch files of `QuorumPeer`):
//! acceptedEpoch, currentEpoch, the txn log and the latest snapshot.
//!
//! Every write here is emitted as an `Outbox` `Persist` item at the moment it happens, so a
//! trace shows "log before ACK". Whatever a server held only in memory is lost on `crash`.

use crate::sim::chunked::Chunked;
use crate::zab::server::log_files::{LogFiles, TxnLogRead};
use crate::zab::server::outbox::{Outbox, Persist};
use crate::zab::server::replica::{Entry, EntryExt, Snapshot};
use crate::zxid::Zxid;

/// Entries per shared chunk of a txn log: a copy of the log (a `seek` checkpoint) shares every
/// full chunk and copies at most 255 entry pointers.
pub const LOG_CHUNK: usize = 256;

/// A txn log: grows at its end, is cut at its end (TRUNC, a lost batch) and purged at its
/// front, so it is held in shared chunks ([`Chunked`]) and a copy costs a pointer per chunk.
pub type TxnLog = Chunked<Entry, LOG_CHUNK>;

/// The on-disk state of one server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Durable {
    pub accepted_epoch: u32,
    pub current_epoch: u32,
    /// The txn log after the snapshot, in zxid order (committed or not).
    pub log: TxnLog,
    /// Every snapshot taken, oldest first (ZooKeeper keeps them unless purged).
    pub snapshots: Vec<Snapshot>,
    /// How many txns at the end of `log` are appended but not yet flushed
    /// (`SyncRequestProcessor`'s batch, `zabscope.fsyncMs`): a crash loses them.
    pub unflushed: usize,
    /// The `log.<zxid>` files those txns are in, and when the log rolls.
    pub files: LogFiles,
}

/// `autopurge.snapRetainCount` default: snapshots kept when old files are purged.
pub const SNAP_RETAIN_COUNT: usize = 3;

impl Durable {
    /// The zxid of the last logged txn (`getLastLoggedZxid` after a reload).
    #[must_use]
    pub fn last_logged(&self) -> Zxid {
        self.log
            .back()
            .map(|e| e.zxid())
            .max(self.snapshot().map(|s| s.zxid))
            .unwrap_or(Zxid::ZERO)
    }

    pub fn set_accepted_epoch(&mut self, e: u32, out: &mut Outbox) {
        self.accepted_epoch = e;
        out.persist(Persist::AcceptedEpoch(e));
    }

    pub fn set_current_epoch(&mut self, e: u32, out: &mut Outbox) {
        self.current_epoch = e;
        out.persist(Persist::CurrentEpoch(e));
    }

    /// Append a txn (SyncRequestProcessor: logged and flushed before the ACK).
    pub fn append(&mut self, e: &Entry, out: &mut Outbox) {
        if e.zxid() > self.last_logged() {
            self.log.push_back(e.clone());
            self.files.append(e.zxid(), e.size());
            out.persist(Persist::Append(e.zxid()));
        }
    }

    /// Append a txn to the in-memory batch of `SyncRequestProcessor`: it is in the log but
    /// not durable until [`Durable::flushed`].
    pub fn append_unflushed(&mut self, e: &Entry) -> bool {
        if e.zxid() > self.last_logged() {
            self.log.push_back(e.clone());
            self.files.append(e.zxid(), e.size());
            self.unflushed += 1;
            return true;
        }
        false
    }

    /// `FileTxnLog.commit` finished for the oldest unflushed txn `zxid`.
    pub fn flushed(&mut self, zxid: Zxid, out: &mut Outbox) {
        self.unflushed = self.unflushed.saturating_sub(1);
        out.persist(Persist::Append(zxid));
    }

    /// kill -9: the unflushed batch never reached the disk.
    pub fn lose_unflushed(&mut self) {
        let keep = self.log.len().saturating_sub(self.unflushed);
        self.log.truncate(keep);
        self.unflushed = 0;
    }

    /// The most recent snapshot.
    #[must_use]
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.snapshots.last()
    }

    /// `FileTxnSnapLog.truncateLog(zxid)`: txns after `zxid` go, and so do snapshots taken
    /// after it (they may contain those txns).
    pub fn truncate(&mut self, zxid: Zxid, out: &mut Outbox) {
        let keep = self.log.partition_point(|e| e.zxid() <= zxid);
        self.log.truncate(keep);
        self.unflushed = self.unflushed.min(self.log.len());
        let log = &self.log;
        self.files.truncate(zxid, |name| {
            let from = log.partition_point(|e| e.zxid() < name);
            let txns = log.iter_from(from).filter(|e| e.zxid() <= zxid);
            txns.fold((0, 0), |(n, b), e| (n + 1, b + e.size()))
        });
        self.snapshots.retain(|s| s.zxid <= zxid);
        out.persist(Persist::Truncate(zxid));
    }

    /// `takeSnapshot`. The txn log is kept (ZooKeeper purges old logs only with autopurge), so
    /// the leader can still DIFF from it; recovery replays only txns after the snapshot.
    pub fn save_snapshot(&mut self, s: Snapshot, out: &mut Outbox) {
        let zxid = s.zxid;
        self.snapshots.retain(|x| x.zxid < zxid);
        self.snapshots.push(s);
        out.persist(Persist::Snapshot(zxid));
    }

    /// Autopurge (`PurgeTxnLog`): keep the newest `SNAP_RETAIN_COUNT` snapshots and the log
    /// files from the one holding the oldest of them on; older files and their txns go.
    pub fn purge(&mut self) {
        let n = self.snapshots.len();
        self.snapshots.drain(..n.saturating_sub(SNAP_RETAIN_COUNT));
        let Some(oldest) = self.snapshots.first().map(|s| s.zxid) else {
            return;
        };
        if let Some(first) = self.files.purge(oldest) {
            let drop = self.log.partition_point(|e| e.zxid() < first);
            self.log.drop_front(drop);
        }
    }

    /// After a SNAP sync the old log no longer describes this server's history: drop it.
    pub fn replace_with_snapshot(&mut self, s: Snapshot, out: &mut Outbox) {
        self.log.clear();
        self.files.clear();
        self.unflushed = 0;
        out.persist(Persist::Truncate(Zxid::ZERO));
        self.save_snapshot(s, out);
    }

    /// `snapLog.readTxnLog(zxid, false)`: where reading starts (the index of the first logged
    /// txn of the starting file, and that txn's zxid, the iterator's header) and
    /// `getStorageSize()`. `None` when there is no log file.
    #[must_use]
    pub fn read_txn_log(&self, zxid: Zxid) -> Option<(usize, Option<Zxid>, TxnLogRead)> {
        let read = self.files.read_from(zxid)?;
        let from = self.log.partition_point(|e| e.zxid() < read.start);
        let header = self.log.get(from).map(|e| e.zxid());
        Some((from, header, read))
    }
}
