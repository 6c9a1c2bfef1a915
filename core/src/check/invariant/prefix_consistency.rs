//! PrefixConsistency (Zab.tla): committed histories are prefixes of one another. When a server
//! delivers `z`, what it applied just before `z` must be exactly the txn delivered just before
//! `z` anywhere (nothing missing, nothing extra in between).

use super::Invariant;
use super::{Delivery, Found, History};
use crate::explain::Text;
use crate::zxid::Zxid;

pub fn check(h: &History, d: &Delivery, found: &mut Found) {
    let pred = h
        .delivered
        .last_before(d.zxid)
        .map_or(Zxid::ZERO, |(z, _)| *z);
    let core = &d.server.core;
    let Some(prev) = core.replica.applied_before(d.zxid) else {
        return;
    };
    if prev != pred {
        found.push((
            Invariant::PrefixConsistency.name(),
            Text::new("violation.prefix_consistency")
                .arg("sid", core.id)
                .arg("zxid", d.zxid)
                .arg("prev", prev)
                .arg("pred", pred),
        ));
    }
}
