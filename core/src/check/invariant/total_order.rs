//! TotalOrder (Zab.tla): servers deliver txns in one order — here, each server delivers zxids
//! in strictly increasing order (with Agreement this makes the order total).

use super::Invariant;
use super::{Delivery, Found};
use crate::explain::Text;

pub fn check(d: &Delivery, found: &mut Found) {
    if let Some(last) = d.last
        && d.zxid <= last
    {
        found.push((
            Invariant::TotalOrder.name(),
            Text::new("violation.total_order")
                .arg("sid", d.server.core.id)
                .arg("zxid", d.zxid)
                .arg("last", last),
        ));
    }
}
