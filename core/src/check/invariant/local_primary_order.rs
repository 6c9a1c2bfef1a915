//! LocalPrimaryOrder (Zab.tla): txns of one primary (epoch) are delivered in the order it
//! broadcast them — within an epoch a server delivers consecutive counters.

use super::Invariant;
use super::{Delivery, Found};
use crate::explain::Text;

pub fn check(d: &Delivery, found: &mut Found) {
    let Some(last) = d.last else { return };
    if last.epoch() == d.zxid.epoch() && d.zxid.counter() != last.counter().wrapping_add(1) {
        found.push((
            Invariant::LocalPrimaryOrder.name(),
            Text::new("violation.local_primary_order")
                .arg("sid", d.server.core.id)
                .arg("zxid", d.zxid)
                .arg("last", last),
        ));
    }
}
