//! ReadYourSync (ZooKeeper's `sync()` guarantee, Programmer's Guide "Consistency
//! Guarantees"): a read a client issues after its `sync()` (same session, later cxid) returns a
//! state at least as new as every write committed — answered OK to any client — before the
//! `sync()` was issued. A follower must forward `sync()` to the leader and answer it only after
//! the leader's SYNC, which follows every COMMIT the leader sent before it (FIFO).
//!
//! Checked from the client side: the requests clients issued (`ClientRequest`) and the answers
//! they got (`ClientReply`, whose zxid is the answering server's last processed zxid).
//! Only writes of epochs up to the sync answer's epoch count: a follower still attached to a
//! deposed leader (within its syncLimit) answers `sync()` through that leader, which cannot
//! know what the next epoch committed — ZooKeeper's sync is not a quorum operation.

use super::{Found, Invariant};
use crate::explain::Text;
use crate::ids::SessionId;
use crate::zxid::Zxid;
use std::collections::{BTreeMap, BTreeSet};

/// Requests in flight that the check follows, and what was answered so far.
#[derive(Clone, Debug, Default)]
pub struct SyncReads {
    /// Writes in flight (answered OK: committed, acknowledged).
    writes: BTreeSet<(SessionId, i32)>,
    /// Per epoch, the newest write acknowledged to any client.
    acked: BTreeMap<u32, Zxid>,
    /// `sync()` calls in flight, with `acked` as it was when they were issued.
    syncs: BTreeMap<(SessionId, i32), BTreeMap<u32, Zxid>>,
    /// Per session, its last `sync()` answered OK: (cxid, the newest write it must show).
    synced: BTreeMap<SessionId, (i32, Zxid)>,
    /// Reads in flight issued after a `sync()` of the same session.
    reads: BTreeSet<(SessionId, i32)>,
    /// Reads checked so far (how much the check was exercised).
    pub checked: u64,
}

/// What kind of request an operation name is (`ClientRequest.op`: "getData /k1", "sync", …).
fn kind(op: &str) -> Option<bool> {
    let name = op.split(' ').next().unwrap_or("");
    match name {
        "create" | "setData" | "delete" | "multi" | "closeSession" => Some(true),
        "getData" | "exists" | "getChildren" | "getChildren2" => Some(false),
        _ => None,
    }
}

/// A client issued (session, cxid).
pub fn issued(s: &mut SyncReads, session: SessionId, cxid: i32, op: &str) {
    if cxid == 0 {
        return;
    }
    if op == "sync" || op.starts_with("sync ") {
        s.syncs.insert((session, cxid), s.acked.clone());
        return;
    }
    match kind(op) {
        Some(true) => {
            s.writes.insert((session, cxid));
        }
        Some(false) => {
            let after_sync = s.synced.contains_key(&session)
                || s.syncs
                    .range((session, i32::MIN)..(session, cxid))
                    .next()
                    .is_some();
            if after_sync {
                s.reads.insert((session, cxid));
            }
        }
        None => {}
    }
}

/// (session, cxid) was answered (`err` 0 = OK) at `zxid`.
pub fn answered(
    s: &mut SyncReads,
    session: SessionId,
    cxid: i32,
    zxid: Zxid,
    err: i32,
    found: &mut Found,
) {
    let key = (session, cxid);
    if s.writes.remove(&key) {
        if err == 0 {
            let a = s.acked.entry(zxid.epoch()).or_insert(zxid);
            *a = (*a).max(zxid);
        }
        return;
    }
    if let Some(acked) = s.syncs.remove(&key) {
        if err == 0 {
            let newest = acked
                .range(..=zxid.epoch())
                .next_back()
                .map_or(Zxid::ZERO, |(_, z)| *z);
            s.synced.insert(session, (cxid, newest));
        }
        return;
    }
    if !s.reads.remove(&key) || err != 0 {
        return;
    }
    let Some(&(sync_cxid, newest)) = s.synced.get(&session) else {
        return;
    };
    if sync_cxid < cxid {
        s.checked += 1;
        if zxid < newest {
            found.push((
                Invariant::ReadYourSync.name(),
                Text::new("violation.read_your_sync")
                    .arg("session", session)
                    .arg("cxid", cxid)
                    .arg("sync_cxid", sync_cxid)
                    .arg("zxid", zxid)
                    .arg("newest", newest),
            ));
        }
    }
}

/// (session, cxid) timed out: no answer will come.
pub fn timed_out(s: &mut SyncReads, session: SessionId, cxid: i32) {
    let key = (session, cxid);
    s.writes.remove(&key);
    s.syncs.remove(&key);
    s.reads.remove(&key);
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: SessionId = SessionId(1);
    const B: SessionId = SessionId(2);

    fn z(e: u32, c: u32) -> Zxid {
        Zxid::new(e, c)
    }

    /// B's write is acknowledged, then A syncs and reads: the read must show the write.
    fn run(sync_answer: Zxid, read_answer: Zxid) -> (Found, u64) {
        let (mut s, mut found) = (SyncReads::default(), Found::new());
        issued(&mut s, B, 1, "setData /k1");
        answered(&mut s, B, 1, z(1, 5), 0, &mut found);
        issued(&mut s, A, 1, "sync /k1");
        issued(&mut s, A, 2, "getData /k1");
        answered(&mut s, A, 1, sync_answer, 0, &mut found);
        answered(&mut s, A, 2, read_answer, 0, &mut found);
        (found, s.checked)
    }

    #[test]
    fn a_read_after_sync_sees_writes_acknowledged_before_it() {
        assert_eq!(run(z(1, 5), z(1, 5)), (Vec::new(), 1));
        let (found, checked) = run(z(1, 4), z(1, 4));
        assert_eq!(checked, 1);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "ReadYourSync");
        assert!(
            found[0].1.en().contains("older than write 0x100000005"),
            "{found:?}"
        );
    }

    #[test]
    fn writes_of_a_later_epoch_than_the_sync_answer_do_not_count() {
        // A deposed leader's follower answers within syncLimit: not a sync violation.
        let (mut s, mut found) = (SyncReads::default(), Found::new());
        issued(&mut s, B, 1, "create /k1");
        answered(&mut s, B, 1, z(2, 1), 0, &mut found);
        issued(&mut s, A, 1, "sync /k1");
        answered(&mut s, A, 1, z(1, 7), 0, &mut found);
        issued(&mut s, A, 2, "exists /k1");
        answered(&mut s, A, 2, z(1, 7), 0, &mut found);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(s.checked, 1);
    }

    #[test]
    fn writes_acknowledged_after_the_sync_was_issued_do_not_count() {
        let (mut s, mut found) = (SyncReads::default(), Found::new());
        issued(&mut s, A, 1, "sync");
        issued(&mut s, B, 1, "setData /k1");
        answered(&mut s, B, 1, z(1, 9), 0, &mut found);
        answered(&mut s, A, 1, z(1, 3), 0, &mut found);
        issued(&mut s, A, 2, "getData /k1");
        answered(&mut s, A, 2, z(1, 3), 0, &mut found);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_failed_sync_checks_nothing() {
        let (mut s, mut found) = (SyncReads::default(), Found::new());
        issued(&mut s, B, 1, "setData /k1");
        answered(&mut s, B, 1, z(1, 9), 0, &mut found);
        issued(&mut s, A, 1, "sync /k1");
        issued(&mut s, A, 2, "getData /k1");
        answered(&mut s, A, 1, z(1, 3), -4, &mut found);
        answered(&mut s, A, 2, z(1, 3), 0, &mut found);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(s.checked, 0);
    }
}
