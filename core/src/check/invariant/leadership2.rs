//! Leadership2 (Zab.tla): in any epoch at most one server becomes leader — sets its
//! currentEpoch to it after a quorum acknowledged the epoch (ACKEPOCH).

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::ids::ServerId;

/// Server `id` leads `epoch` (`leader_epoch`); called only when a server's answer changed (see
/// `leadership1::check`).
pub fn check(h: &mut History, id: ServerId, epoch: u32, found: &mut Found) {
    let set = h.leaders.entry(epoch).or_default();
    set.insert(id);
    if set.len() > 1 {
        found.push((
            Invariant::Leadership2.name(),
            Text::new("violation.leadership2")
                .arg("epoch", epoch)
                .arg("leaders", format!("{set:?}")),
        ));
    }
}
