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

use super::Found;
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
                "ReadYourSync",
                format!(
                    "session {session}: read cxid {cxid} after sync cxid {sync_cxid} was answered at {zxid}, older than write {newest} acknowledged before the sync"
                ),
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
