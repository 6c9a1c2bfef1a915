//! Leadership2 (Zab.tla): in any epoch at most one server becomes leader — sets its
//! currentEpoch to it after a quorum acknowledged the epoch (ACKEPOCH).

use super::{Found, History, leader_epoch};
use crate::sim::kernel::Kernel;

pub fn check(h: &mut History, k: &Kernel, found: &mut Found) {
    for s in k.nodes.iter().filter_map(|n| n.server.as_ref()) {
        if let Some((epoch, _)) = leader_epoch(s) {
            let set = h.leaders.entry(epoch).or_default();
            set.insert(s.core.id);
            if set.len() > 1 {
                found.push(("Leadership2", format!("epoch {epoch} has leaders {set:?}")));
            }
        }
    }
}
