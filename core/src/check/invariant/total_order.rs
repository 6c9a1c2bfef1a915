//! TotalOrder (Zab.tla): servers deliver txns in one order — here, each server delivers zxids
//! in strictly increasing order (with Agreement this makes the order total).

use super::{Delivery, Found};

pub fn check(d: &Delivery, found: &mut Found) {
    if let Some(last) = d.last
        && d.zxid <= last
    {
        found.push((
            "TotalOrder",
            format!(
                "server {} delivered {} after {last}",
                d.server.core.id, d.zxid
            ),
        ));
    }
}
