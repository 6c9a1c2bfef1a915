//! ElectedLeaderHighest (the ZAB paper's Phase 0 requirement on the election, FLE's
//! `totalOrderPredicate`; FastLeaderElection.tla): the server a quorum elects has the highest
//! (currentEpoch, lastZxid) among them — a server follows the leader it voted for only if
//! that leader's vote is at least its own. The election is what makes the new leader's
//! history the longest; without it the leader either truncates committed txns or has to refuse
//! followers ahead of it and the ensemble stalls.
//!
//! Checked from the wire (`Wire`): each server's own (currentEpoch, lastZxid) is what its vote
//! for itself carried at the start of the round, and the leader's is what the vote it
//! followed carried; the check runs when it sends FOLLOWERINFO to that leader.

use super::wire::Wire;
use super::{Found, Invariant};
use crate::explain::Text;
use crate::ids::ServerId;

/// `from` sent FOLLOWERINFO to `leader`.
pub fn follows(w: &Wire, from: ServerId, leader: ServerId, found: &mut Found) {
    let (Some(own), Some(&(voted, theirs))) = (w.own.get(&from), w.vote.get(&from)) else {
        return;
    };
    // A vote whose zxid is `<epoch>00000000` carries an established leader's epoch mark
    // (Leader.startZkServer), no txn: its history ends before that epoch, so it says nothing
    // about being ahead (it may join an established leader of the same epoch through FLE's
    // out-of-election path; that leader SNAPs it, `new_epoch_beyond`).
    if voted == leader && *own > theirs && own.1.counter() != 0 {
        found.push((
            Invariant::ElectedLeaderHighest.name(),
            Text::new("violation.elected_leader_highest")
                .arg("sid", from)
                .arg("leader", leader)
                .arg("their_epoch", format!("{:#x}", theirs.0))
                .arg("their_zxid", theirs.1)
                .arg("own_epoch", format!("{:#x}", own.0))
                .arg("own_zxid", own.1),
        ));
    }
}
