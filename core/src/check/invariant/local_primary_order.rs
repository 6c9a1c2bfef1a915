//! LocalPrimaryOrder (Zab.tla): txns of one primary (epoch) are delivered in the order it
//! broadcast them — within an epoch a server delivers consecutive counters.

use super::Invariant;
use super::{Delivery, Found};

pub fn check(d: &Delivery, found: &mut Found) {
    let Some(last) = d.last else { return };
    if last.epoch() == d.zxid.epoch() && d.zxid.counter() != last.counter().wrapping_add(1) {
        found.push((
            Invariant::LocalPrimaryOrder.name(),
            format!(
                "server {} delivered {} right after {last}",
                d.server.core.id, d.zxid
            ),
        ));
    }
}
