//! The txn log as files on disk (`FileTxnLog`): which file each txn went to, how long each
//! file is, and when `SyncRequestProcessor` rolls to a new one.
//!
//! A leader's choice between syncing a learner from its txn log and sending a snapshot depends
//! on the files, not on the txns: `FileTxnIterator.getStorageSize` sums the lengths of the log
//! files *after* the one that holds the learner's zxid (that one was already taken off the
//! iterator's list by `init` → `goToNextLog`), and every file's length includes its
//! preallocation (`FilePadding`, `preAllocSize` 64 MB). So while the learner's zxid is in the
//! file being written, the size is 0 and the txn log is used however many txns follow; once a
//! newer file exists the size is at least 64 MB, more than `snapshotSizeFactor` × any snapshot
//! below ~194 MB.
//!
//! A new file starts at the first append of a process (`logStream == null` after start), after
//! `rollLog` (every snapCount/2 + random(snapCount/2) txns) and after a TRUNC
//! (`FileTxnSnapLog.truncateLog` reopens the log). It is named after its first txn's zxid.

use crate::zxid::Zxid;

/// `FileHeader`: magic, version, dbId.
const FILE_HEADER_BYTES: u64 = 16;
/// Per txn around its record: CRC (8), length (4), the `TxnDigest` (12) and the end-of-record
/// byte (1).
pub const TXN_FRAME_BYTES: u64 = 25;

/// One `log.<zxid>` file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogFile {
    /// The zxid of its first txn (the file name).
    pub name: Zxid,
    /// Bytes written (header and txns).
    pub written: u64,
    /// `File.length()`: what was written, padded in `preAllocSize` steps.
    pub length: u64,
}

/// What `new FileTxnIterator(logDir, zxid, false)` finds for a learner's zxid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TxnLogRead {
    /// The name of the file it starts reading (the newest one named before the zxid, else the
    /// oldest); the iterator starts at this file's first txn.
    pub start: Zxid,
    /// `getStorageSize()`: the lengths of every newer file.
    pub storage_size: u64,
}

/// The log files of one server plus the state of its open stream and roll counter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogFiles {
    /// On disk, sorted by name.
    pub files: Vec<LogFile>,
    /// The file the open `logStream` appends to; `None` at process start, after a roll or a
    /// truncation: the next append creates a file.
    open: Option<Zxid>,
    /// `ZKDatabase.txnCount`: txns appended since the process started or the log rolled.
    since_roll: u64,
    /// `SyncRequestProcessor.randRoll`.
    rand_roll: u64,
    /// How many rolls this server made (seeds the next `randRoll`).
    rolls: u64,
    /// The log rolled and `SyncRequestProcessor` owes a snapshot.
    pub snapshot_due: bool,
    /// `snapCount` (0: never roll, for a bare `Durable` in tests).
    snap_count: u64,
    /// `preAllocSize` in bytes.
    pre_alloc: u64,
    /// Makes `randRoll` differ per server, deterministically (ZooKeeper uses
    /// `ThreadLocalRandom`; no thread RNG here).
    salt: u64,
}

impl LogFiles {
    /// Settings from zoo.cfg and the server id.
    pub fn configure(&mut self, snap_count: u64, pre_alloc_kb: u64, salt: u64) {
        self.snap_count = snap_count;
        self.pre_alloc = pre_alloc_kb.saturating_mul(1024);
        self.salt = salt;
    }

    /// A process starts (`QuorumPeer.start`): no stream is open, txnCount is 0, and
    /// `SyncRequestProcessor` draws its `randRoll`.
    pub fn start_process(&mut self) {
        self.open = None;
        self.since_roll = 0;
        self.rand_roll = self.draw();
    }

    /// `randRoll = nextInt(snapCount / 2)`, from a fixed mix of the server and its roll count.
    fn draw(&self) -> u64 {
        let half = self.snap_count / 2;
        if half == 0 {
            return 0;
        }
        let mut x = self
            .salt
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(self.rolls.wrapping_mul(0xBF58_476D_1CE4_E5B9));
        x ^= x >> 31;
        x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 29;
        x % half
    }

    /// `FilePadding.calculateFileSizeWithPadding`: within 4 KB of the end, grow by
    /// `preAllocSize`.
    fn padded(&self, position: u64, length: u64) -> u64 {
        let pre = self.pre_alloc;
        if pre > 0 && position + 4096 >= length {
            if position > length {
                let l = position + pre;
                l - l % pre
            } else {
                length + pre
            }
        } else {
            length
        }
    }

    /// `FileTxnLog.append` of a txn of `bytes` record bytes, then `SyncRequestProcessor`'s
    /// `shouldSnapshot` (logCount > snapCount/2 + randRoll → `rollLog` and a snapshot).
    pub fn append(&mut self, zxid: Zxid, bytes: u64) {
        let name = match self.open {
            Some(n) if self.files.iter().any(|f| f.name == n) => n,
            _ => {
                // "Creating new log file: log.<zxid>" (a file of that name is overwritten).
                self.files.retain(|f| f.name != zxid);
                let at = self.files.partition_point(|f| f.name < zxid);
                let f = LogFile {
                    name: zxid,
                    written: FILE_HEADER_BYTES,
                    length: FILE_HEADER_BYTES,
                };
                self.files.insert(at, f);
                self.open = Some(zxid);
                zxid
            }
        };
        let padded = |f: &LogFile| self.padded(f.written, f.length);
        if let Some(i) = self.files.iter().position(|f| f.name == name) {
            let length = padded(&self.files[i]);
            let f = &mut self.files[i];
            f.length = length;
            f.written += bytes + TXN_FRAME_BYTES;
            f.length = f.length.max(f.written);
        }
        self.since_roll += 1;
        if self.snap_count > 0 && self.since_roll > self.snap_count / 2 + self.rand_roll {
            // ZKDatabase.rollLog: the next append starts a new file; resetSnapshotStats.
            self.open = None;
            self.since_roll = 0;
            self.rolls += 1;
            self.rand_roll = self.draw();
            self.snapshot_due = true;
        }
    }

    /// `FileTxnLog.truncate(zxid)`: the file holding `zxid` is cut right after it (no padding
    /// left: `setLength`), newer files are deleted, and the log is reopened.
    /// `kept_bytes(name)` gives the record bytes of that file's txns up to `zxid`.
    pub fn truncate(&mut self, zxid: Zxid, kept_bytes: impl Fn(Zxid) -> (u64, u64)) {
        self.files.retain(|f| f.name <= zxid);
        if let Some(f) = self.files.last_mut() {
            let (txns, bytes) = kept_bytes(f.name);
            f.written = FILE_HEADER_BYTES + bytes + txns * TXN_FRAME_BYTES;
            f.length = f.written;
        }
        self.open = None;
    }

    /// The log was replaced by a snapshot (a SNAP sync): no file describes this history.
    pub fn clear(&mut self) {
        self.files.clear();
        self.open = None;
    }

    /// `FileTxnIterator.init` for `zxid`: files named at or after it plus the newest one named
    /// before it; reading starts at the oldest of those, the size counts the others.
    #[must_use]
    pub fn read_from(&self, zxid: Zxid) -> Option<TxnLogRead> {
        let before = self.files.partition_point(|f| f.name < zxid);
        let start = before.saturating_sub(1);
        let first = self.files.get(start)?;
        Some(TxnLogRead {
            start: first.name,
            storage_size: self.files[start + 1..].iter().map(|f| f.length).sum(),
        })
    }

    /// `PurgeTxnLog`: keep the file that holds `zxid` (the oldest kept snapshot's) and every
    /// newer one; older files go. Returns the first zxid still in a file.
    pub fn purge(&mut self, zxid: Zxid) -> Option<Zxid> {
        let upto = self.files.partition_point(|f| f.name <= zxid);
        let keep_from = upto.saturating_sub(1);
        self.files.drain(..keep_from);
        self.files.first().map(|f| f.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z(e: u32, c: u32) -> Zxid {
        Zxid::new(e, c)
    }

    fn files(snap_count: u64) -> LogFiles {
        let mut f = LogFiles::default();
        f.configure(snap_count, 65_536, 1);
        f.start_process();
        f
    }

    #[test]
    fn one_file_counts_nothing_so_any_number_of_txns_is_read_from_it() {
        let mut f = files(100_000);
        for c in 1..=2_500 {
            f.append(z(1, c), 100);
        }
        assert_eq!(f.files.len(), 1);
        // Header (16 bytes), then `FilePadding` grows it by 64 MB from there.
        assert_eq!(f.files[0].length, 16 + 64 * 1024 * 1024);
        let r = f.read_from(z(1, 3)).unwrap();
        assert_eq!((r.start, r.storage_size), (z(1, 1), 0));
    }

    #[test]
    fn a_restart_starts_a_new_file_and_newer_files_count_with_their_padding() {
        let mut f = files(100_000);
        f.append(z(1, 1), 100);
        f.append(z(1, 2), 100);
        f.start_process();
        f.append(z(2, 1), 100);
        assert_eq!(f.files.len(), 2);
        let r = f.read_from(z(1, 2)).unwrap();
        assert_eq!((r.start, r.storage_size), (z(1, 1), 16 + 64 * 1024 * 1024));
        // A zxid that names a file: reading starts at the file before it.
        let r = f.read_from(z(2, 1)).unwrap();
        assert_eq!(r.start, z(1, 1));
        let r = f.read_from(z(2, 2)).unwrap();
        assert_eq!((r.start, r.storage_size), (z(2, 1), 0));
    }

    #[test]
    fn the_log_rolls_between_half_and_all_of_snap_count() {
        let mut f = files(100);
        let mut rolled_at = Vec::new();
        for c in 1..=400 {
            f.append(z(1, c), 10);
            if std::mem::take(&mut f.snapshot_due) {
                rolled_at.push(c);
            }
        }
        assert!(rolled_at.len() >= 4, "{rolled_at:?}");
        let mut prev = 0;
        for c in rolled_at {
            assert!(
                (51..=100).contains(&(c - prev)),
                "roll after {} txns",
                c - prev
            );
            prev = c;
        }
    }

    #[test]
    fn truncation_cuts_the_file_and_deletes_newer_ones() {
        let mut f = files(100_000);
        f.append(z(1, 1), 100);
        f.append(z(1, 2), 100);
        f.start_process();
        f.append(z(2, 1), 100);
        f.truncate(z(1, 1), |_| (1, 100));
        assert_eq!(f.files.len(), 1);
        assert_eq!(f.files[0].length, 16 + 100 + TXN_FRAME_BYTES);
        f.append(z(3, 1), 100);
        assert_eq!(f.files.len(), 2);
    }

    #[test]
    fn purge_keeps_the_file_holding_the_snapshot() {
        let mut f = files(100_000);
        for (e, n) in [(1, 3), (2, 3), (3, 3)] {
            f.start_process();
            for c in 1..=n {
                f.append(z(e, c), 10);
            }
        }
        assert_eq!(f.purge(z(2, 2)), Some(z(2, 1)));
        assert_eq!(f.files.len(), 2);
    }
}
