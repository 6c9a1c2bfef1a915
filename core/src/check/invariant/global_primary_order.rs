//! GlobalPrimaryOrder (Zab.tla): txns of an earlier primary are delivered before those of a
//! later one — a server's delivered epochs never go down.

use super::Invariant;
use super::{Delivery, Found};

pub fn check(d: &Delivery, found: &mut Found) {
    let Some(last) = d.last else { return };
    if d.zxid.epoch() < last.epoch() {
        found.push((
            Invariant::GlobalPrimaryOrder.name(),
            format!(
                "server {} delivered epoch {} after epoch {}",
                d.server.core.id,
                d.zxid.epoch(),
                last.epoch()
            ),
        ));
    }
}
