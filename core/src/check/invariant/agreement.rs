//! Agreement (Zab.tla): if two servers deliver a txn with some zxid, they deliver the same txn.
//! A leader's recovered history counts as delivered once its epoch is established (ZAB's
//! recovery commits it in the new epoch) — including txns it holds only inside a snapshot
//! (received in a SNAP), which are in no log.

use super::Invariant;
use super::{Delivery, Found, History};
use crate::explain::Text;
use crate::zab::server::Server;
use crate::zab::server::replica::Entry;
use crate::zxid::Zxid;

pub fn check(h: &mut History, d: &Delivery, found: &mut Found) {
    let Some(e) = &d.entry else { return };
    match h.delivered.get(&d.zxid) {
        Some(x) if x != e => found.push((
            Invariant::Agreement.name(),
            Text::new("violation.agreement.delivered")
                .arg("sid", d.server.core.id)
                .arg("zxid", d.zxid),
        )),
        Some(_) => {}
        None => {
            h.delivered.insert_new(d.zxid, e.clone());
        }
    }
}

/// The new leader's whole history is delivered in its epoch: what it logged, and what its
/// snapshot holds (every txn some leader proposed that is in the history its tree holds).
pub fn recovered(h: &mut History, leader: &Server, found: &mut Found) {
    let replica = &leader.core.replica;
    let upto = replica.last_processed();
    for e in leader.core.durable.log.iter().filter(|e| e.zxid() <= upto) {
        match h.delivered.get(&e.zxid()) {
            Some(x) if x != e => found.push((
                Invariant::Agreement.name(),
                Text::new("violation.agreement.recovered")
                    .arg("leader", leader.core.id)
                    .arg("zxid", e.zxid()),
            )),
            Some(_) => {}
            None => {
                h.delivered.insert_new(e.zxid(), e.clone());
            }
        }
    }
    let in_snapshot: Vec<(Zxid, Entry)> = h
        .proposed
        .up_to(upto)
        .into_iter()
        .filter(|(z, _)| replica.holds(**z) && !h.delivered.contains_key(z))
        .map(|(z, e)| (*z, e.clone()))
        .collect();
    for (z, e) in in_snapshot {
        h.delivered.insert_new(z, e);
    }
}
