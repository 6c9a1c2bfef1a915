//! TotalOrder (Zab.tla): servers deliver txns in one order — here, each server delivers zxids
//! in strictly increasing order (with Agreement this makes the order total).

use super::Invariant;
use super::{Delivery, Found};

pub fn check(d: &Delivery, found: &mut Found) {
    if let Some(last) = d.last
        && d.zxid <= last
    {
        found.push((
            Invariant::TotalOrder.name(),
            format!(
                "server {} delivered {} after {last}",
                d.server.core.id, d.zxid
            ),
        ));
    }
}
