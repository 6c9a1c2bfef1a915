//! Leadership1 (Zab.tla): in any epoch there is at most one *established* leader — one that
//! gathered a quorum of NEWLEADER ACKs and started broadcasting.

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::ids::ServerId;

/// Server `id` leads `epoch`, `established` or not yet (`leader_epoch`). The checker calls
/// this only when a server's answer changed: the sets only grow, so a repeat adds nothing.
pub fn check(h: &mut History, id: ServerId, epoch: u32, established: bool, found: &mut Found) {
    if !established {
        return;
    }
    let set = h.established.entry(epoch).or_default();
    set.insert(id);
    if set.len() > 1 {
        found.push((
            Invariant::Leadership1.name(),
            Text::new("violation.leadership1")
                .arg("epoch", epoch)
                .arg("leaders", format!("{set:?}")),
        ));
    }
}
