//! GlobalPrimaryOrder (Zab.tla): txns of an earlier primary are delivered before those of a
//! later one — a server's delivered epochs never go down.

use super::Invariant;
use super::{Delivery, Found};
use crate::explain::Text;

pub fn check(d: &Delivery, found: &mut Found) {
    let Some(last) = d.last else { return };
    if d.zxid.epoch() < last.epoch() {
        found.push((
            Invariant::GlobalPrimaryOrder.name(),
            Text::new("violation.global_primary_order")
                .arg("sid", d.server.core.id)
                .arg("epoch", d.zxid.epoch())
                .arg("last", last.epoch()),
        ));
    }
}
