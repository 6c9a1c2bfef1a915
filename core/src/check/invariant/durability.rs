//! Durability (ZkV3_7_0.tla's committed-log durability; ZAB's "log before ACK"): a txn a
//! server ACKed to its leader is in the txn log or snapshot that server reloads after a crash
//! or restart — unless a leader later told it to TRUNC (or SNAP) it away.
//!
//! Incremental: each ACK a follower sends, and each of the leader's own ACKs (its `Ack` note
//! naming itself, after its log flush), is remembered per server; a `Persist(Truncate)`
//! forgets those after the truncation point, and each server's disk is checked once per
//! incarnation change (crash, stop, restart).

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::ids::ServerId;
use crate::zab::server::durable::Durable;

pub fn check(h: &History, id: ServerId, disk: &Durable, found: &mut Found) {
    let Some(acked) = h.acked.get(&id) else {
        return;
    };
    let snap = disk.snapshot().map(|s| s.zxid);
    let durable_len = disk.log.len() - disk.unflushed.min(disk.log.len());
    let log = &disk.log;
    let lost = acked.iter().find(|z| {
        snap.is_none_or(|s| *z > s)
            && !log
                .binary_search_by(|e| e.zxid().cmp(z))
                .is_ok_and(|i| i < durable_len)
    });
    if let Some(z) = lost {
        found.push((
            Invariant::Durability.name(),
            Text::new("violation.durability")
                .arg("sid", id)
                .arg("zxid", z),
        ));
    }
}
