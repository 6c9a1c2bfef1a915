//! MonotonicReads (ZooKeeper's "single system image" guarantee, and ZkV3_7_0.tla's
//! MonotonicRead): a client never sees an older state than one it has already seen — no OK
//! reply carries a zxid below the client's last seen zxid (`ClientCnxn.lastZxid`). A server
//! behind the client must refuse its reconnect (`ZooKeeperServer.processConnectRequest`).

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::ids::SessionId;
use crate::zxid::Zxid;

pub fn check(h: &mut History, session: SessionId, zxid: Zxid, found: &mut Found) {
    let seen = h.seen.entry(session).or_insert(Zxid::ZERO);
    if zxid < *seen {
        found.push((
            Invariant::MonotonicReads.name(),
            Text::new("violation.monotonic_reads")
                .arg("session", session)
                .arg("zxid", zxid)
                .arg("seen", *seen),
        ));
    }
    *seen = (*seen).max(zxid);
}
