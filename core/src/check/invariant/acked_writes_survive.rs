//! AckedWritesSurvive: a client write answered OK survives any failure pattern that leaves a
//! quorum — every leader established in a later epoch holds the very txn in its history
//! (ZooKeeper's durability guarantee to clients; Zab.tla's PrimaryIntegrity seen from the
//! client side, for every acknowledged write rather than the last delivered txn only).
//!
//! Incremental: an OK reply whose zxid is the reply's own txn (header session and cxid match)
//! records the txn; each `Established` event checks the new leader against them.

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::zab::server::Server;
use crate::zab::server::replica::Entry;
use crate::zxid::Zxid;

/// An OK reply from `server` for (session, cxid) at `zxid`: remember it if it answered a write.
pub fn replied(h: &mut History, server: &Server, session: i64, cxid: i32, zxid: Zxid) {
    let own =
        |e: &&Entry| e.zxid() == zxid && e.header.session.0 == session && e.header.cxid == cxid;
    if let Some(e) = server
        .core
        .replica
        .committed_log
        .iter()
        .rev()
        .take(64)
        .find(own)
    {
        h.acked_writes.insert_new(zxid, e.clone());
    }
}

/// A leader established `epoch`: it must hold every write acknowledged in earlier epochs.
pub fn established(h: &History, leader: &Server, epoch: u32, found: &mut Found) {
    let core = &leader.core;
    let snap = core.durable.snapshot().map_or(Zxid::ZERO, |s| s.zxid);
    let last = core.replica.last_processed();
    let log = &core.durable.log;
    for (z, e) in h.acked_writes.before(Zxid::new(epoch, 0)) {
        let held = *z <= last
            && (*z <= snap
                || log
                    .binary_search_by(|x| x.zxid().cmp(z))
                    .is_ok_and(|i| log.get(i) == Some(e)));
        if !held {
            found.push((
                Invariant::AckedWritesSurvive.name(),
                Text::new("violation.acked_writes_survive")
                    .arg("zxid", z)
                    .arg("leader", core.id)
                    .arg("epoch", epoch),
            ));
            return;
        }
    }
}
