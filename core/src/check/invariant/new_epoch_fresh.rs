//! NewEpochFresh (the ZAB paper's Phase 1, Discovery; Zab.tla's NEWEPOCH / ACKEPOCH): the
//! epoch a prospective leader proposes is greater than the acceptedEpoch of every server of
//! the quorum it gathered — its own and each one whose FOLLOWERINFO (CEPOCH) it waited for —
//! and no server acknowledges (ACKEPOCH) an epoch below one it already accepted. A reused
//! epoch lets two leaders hand out the same zxids.
//!
//! Checked from the wire (`Wire`): the acceptedEpochs are what FOLLOWERINFO, LEADERINFO and
//! ACKEPOCH carried, not the leader's own `max_accepted`.

use super::wire::Wire;
use super::{Found, Invariant};
use crate::explain::Text;
use crate::ids::ServerId;

/// `leader` sent LEADERINFO(`epoch`) to `to`. `deciding` is the epoch `leader` decided in this
/// step, if any (set here on its first LEADERINFO for `epoch`): every learner it answers in
/// that step was waiting in the quorum it decided with.
pub fn proposed(
    w: &mut Wire,
    leader: ServerId,
    epoch: u32,
    to: ServerId,
    deciding: &mut Option<(ServerId, u32)>,
    found: &mut Found,
) {
    if w.decided.get(&leader) != Some(&epoch) {
        let own = w.accepted.get(&leader).copied().unwrap_or(0);
        if own >= epoch {
            found.push((
                Invariant::NewEpochFresh.name(),
                Text::new("violation.new_epoch_fresh.own")
                    .arg("leader", leader)
                    .arg("epoch", epoch)
                    .arg("own", own),
            ));
        }
        w.decided.insert(leader, epoch);
        w.accept(leader, epoch);
        *deciding = Some((leader, epoch));
    }
    if *deciding == Some((leader, epoch)) {
        let theirs = w.info.get(&(to, leader)).copied().unwrap_or(0);
        if theirs >= epoch {
            found.push((
                Invariant::NewEpochFresh.name(),
                Text::new("violation.new_epoch_fresh.quorum")
                    .arg("leader", leader)
                    .arg("epoch", epoch)
                    .arg("sid", to)
                    .arg("theirs", theirs),
            ));
        }
    }
}

/// `from` sent ACKEPOCH to `to`: it acknowledges the epoch of the last LEADERINFO `to` sent it.
pub fn acked(w: &mut Wire, from: ServerId, to: ServerId, found: &mut Found) {
    let Some(&(epoch, leader)) = w.offered.get(&from) else {
        return;
    };
    if leader != to {
        return;
    }
    let had = w.accepted.get(&from).copied().unwrap_or(0);
    if had > epoch {
        found.push((
            Invariant::NewEpochFresh.name(),
            Text::new("violation.new_epoch_fresh.ackepoch")
                .arg("sid", from)
                .arg("epoch", epoch)
                .arg("leader", to)
                .arg("had", had),
        ));
    }
    w.accept(from, epoch);
}
