//! Fast Leader Election's wire message and vote (`FastLeaderElection.Notification`, `Vote.java`).

use crate::ids::ServerId;
use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// `QuorumPeer.ServerState`, as carried in a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ServerState {
    /// LOOKING: in leader election.
    Looking,
    /// FOLLOWING: a voting learner of the leader.
    Following,
    /// LEADING: the elected leader.
    Leading,
    /// OBSERVING: a non-voting learner.
    Observing,
}

impl fmt::Display for ServerState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ServerState::Looking => "LOOKING",
            ServerState::Following => "FOLLOWING",
            ServerState::Leading => "LEADING",
            ServerState::Observing => "OBSERVING",
        })
    }
}

/// A vote: who should lead, and the data that makes it a good choice (`Vote.java`).
/// `leader` is `None` for an observer's own vote (ZooKeeper uses `Long.MIN_VALUE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Vote {
    /// The proposed leader's sid (`None` before the first vote).
    pub leader: Option<ServerId>,
    /// The proposed leader's last zxid.
    pub zxid: Zxid,
    /// The election round (`electionEpoch`, the sender's logicalclock).
    pub election_epoch: u64,
    /// The proposed leader's epoch (`peerEpoch`).
    pub peer_epoch: u32,
}

impl Vote {
    /// `totalOrderPredicate(new…, cur…)`: is `self` better than `cur`? A non-voter never wins;
    /// otherwise higher peerEpoch, then higher zxid, then higher sid.
    #[must_use]
    pub fn beats(&self, cur: &Vote, is_voter: impl Fn(ServerId) -> bool) -> bool {
        let Some(new_id) = self.leader.filter(|id| is_voter(*id)) else {
            return false;
        };
        let cur_id = cur.leader.map_or(-1, |c| i64::from(c.0));
        (self.peer_epoch, self.zxid, i64::from(new_id.0)) > (cur.peer_epoch, cur.zxid, cur_id)
    }
}

/// The notification every election message is (`FastLeaderElection.Notification`/`ToSend`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// The proposed leader's sid.
    pub leader: Option<ServerId>,
    /// The proposed leader's last zxid.
    pub zxid: Zxid,
    /// The sender's `logicalclock` (its election round).
    pub election_epoch: u64,
    /// The proposed leader's epoch (`peerEpoch`).
    pub peer_epoch: u32,
    /// The sender's state (LOOKING, FOLLOWING, LEADING, OBSERVING).
    pub state: ServerState,
    /// The sender's sid.
    pub sid: ServerId,
}

impl Notification {
    /// The vote this notification proposes.
    #[must_use]
    pub fn vote(&self) -> Vote {
        Vote {
            leader: self.leader,
            zxid: self.zxid,
            election_epoch: self.election_epoch,
            peer_epoch: self.peer_epoch,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(leader: u32, zxid: u64, peer_epoch: u32) -> Vote {
        Vote {
            leader: Some(ServerId(leader)),
            zxid: Zxid(zxid),
            election_epoch: 1,
            peer_epoch,
        }
    }

    #[test]
    fn vote_order_is_epoch_then_zxid_then_sid() {
        // FastLeaderElection.totalOrderPredicate.
        let all = |_: ServerId| true;
        assert!(v(1, 0, 2).beats(&v(3, 9, 1), all));
        assert!(v(1, 9, 1).beats(&v(3, 5, 1), all));
        assert!(v(3, 5, 1).beats(&v(2, 5, 1), all));
        assert!(!v(2, 5, 1).beats(&v(2, 5, 1), all));
        // Weight 0 (observer) never wins.
        assert!(!v(9, 99, 9).beats(&v(1, 0, 0), |id| id != ServerId(9)));
    }
}
