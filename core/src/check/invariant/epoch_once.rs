//! EpochOnce (the ZAB paper's Phase 1 and 2; Zab.tla's Leadership2 seen from the wire): no two
//! servers ever establish the same epoch — at most one process sets currentEpoch to an epoch
//! after a quorum acknowledged it, which is when it sends NEWLEADER. Recorded per process
//! incarnation: a restarted server must not establish its old epoch again either.

use super::wire::{Synced, Wire};
use super::{Found, Invariant};
use crate::explain::Text;
use crate::ids::ServerId;

/// `leader` (incarnation `inc`) sent NEWLEADER for `epoch`.
pub fn established(w: &mut Wire, leader: ServerId, inc: u32, epoch: u32, found: &mut Found) {
    let first = *w.established.entry(epoch).or_insert((leader, inc));
    if first != (leader, inc) {
        let how = if first.0 == leader {
            Text::new("violation.epoch_once.restart").arg("sid", leader)
        } else {
            Text::new("violation.epoch_once.two")
                .arg("first", first.0)
                .arg("sid", leader)
        };
        found.push((
            Invariant::EpochOnce.name(),
            Text::new("violation.epoch_once")
                .arg("epoch", epoch)
                .arg("how", how),
        ));
    }
    w.synced.insert(leader, Synced::Leader(epoch));
}
