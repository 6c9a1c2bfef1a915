//! Integrity (Zab.tla): a server delivers only a txn some leader broadcast — the very txn,
//! not another one with the same zxid.

use super::Invariant;
use super::{Delivery, Found, History};
use crate::explain::Text;
use crate::zab::server::Server;
use crate::zxid::Zxid;

/// A leader proposed `zxid`: remember the txn (two different proposals for one zxid would
/// make "the" broadcast txn ambiguous).
pub fn proposed(h: &mut History, leader: &Server, zxid: Zxid, found: &mut Found) {
    let log = &leader.core.durable.log;
    // A leader logs its proposal last: look there before a binary search of the whole log
    // (the same entry the search would find: the first one with that zxid).
    let n = log.len();
    let zxid_at = |i: usize| log.get(i).map(|e| e.zxid());
    let last_is_it =
        n > 0 && zxid_at(n - 1) == Some(zxid) && (n == 1 || zxid_at(n - 2) < Some(zxid));
    let at = if last_is_it {
        n - 1
    } else {
        log.partition_point(|e| e.zxid() < zxid)
    };
    let Some(e) = log.get(at).filter(|e| e.zxid() == zxid) else {
        return;
    };
    match h.proposed.get(&zxid) {
        Some(p) if p != e => found.push((
            Invariant::Integrity.name(),
            Text::new("violation.integrity.proposed").arg("zxid", zxid),
        )),
        Some(_) => {}
        None => {
            h.proposed.insert_new(zxid, e.clone());
        }
    }
}

pub fn check(h: &History, d: &Delivery, found: &mut Found) {
    let Some(e) = &d.entry else { return };
    if h.proposed.get(&d.zxid) != Some(e) {
        found.push((
            Invariant::Integrity.name(),
            Text::new("violation.integrity.delivered")
                .arg("sid", d.server.core.id)
                .arg("zxid", d.zxid),
        ));
    }
}
