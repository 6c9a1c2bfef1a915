//! Leadership1 (Zab.tla): in any epoch there is at most one *established* leader — one that
//! gathered a quorum of NEWLEADER ACKs and started broadcasting.

use super::{Found, History, leader_epoch};
use crate::sim::kernel::Kernel;

pub fn check(h: &mut History, k: &Kernel, found: &mut Found) {
    for s in k.nodes.iter().filter_map(|n| n.server.as_ref()) {
        if let Some((epoch, true)) = leader_epoch(s) {
            let set = h.established.entry(epoch).or_default();
            set.insert(s.core.id);
            if set.len() > 1 {
                found.push((
                    "Leadership1",
                    format!("epoch {epoch} has established leaders {set:?}"),
                ));
            }
        }
    }
}
