//! What the network carried, kept by the checker as ground truth: the invariants that decide
//! whether a server may serve, lead or commit read this, not a field of the server's own
//! state that the server's bug could change too (a follower that lost its leader and says it
//! still hears from it). Everything here is updated from the kernel's events — messages sent
//! (a SEND, or a DROP at send time) and delivered (DELIVER), and process restarts
//! (incarnations) — never from a server's protocol notes.

use crate::ids::ServerId;
use crate::time::SimTime;
use crate::zab::proto::ServerState;
use crate::zxid::Zxid;
use std::collections::BTreeMap;

/// A learner's connection to the leader it synced with, as the wire saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heard {
    pub leader: ServerId,
    /// The last quorum packet delivered from that leader (the learner's socket read).
    pub last: SimTime,
    /// No CLOSED (connection reset) delivered from it since.
    pub open: bool,
}

/// What a server last did, per the wire: synced as a learner (UPTODATE received) or
/// established an epoch as leader (NEWLEADER sent), in its current incarnation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Synced {
    Learner(Heard),
    Leader(u32),
}

/// A vote as a NOTIFICATION carried it: (peerEpoch, zxid) of the proposed leader.
pub type Summary = (u32, Zxid);

#[derive(Clone, Debug, Default)]
pub struct Wire {
    /// Per server, in its current incarnation: learner or leader (ServeOnlyInBroadcast).
    pub synced: BTreeMap<ServerId, Synced>,
    /// Per server, in its current LOOKING period: its own (currentEpoch, lastZxid), as its vote
    /// for itself carried it (FLE starts every round by voting for itself).
    pub own: BTreeMap<ServerId, Summary>,
    /// Per server: the vote its last LOOKING notification carried (leader, summary).
    pub vote: BTreeMap<ServerId, (ServerId, Summary)>,
    /// Per server: the highest epoch it accepted (answered a LEADERINFO with ACKEPOCH,
    /// proposed it as leader, or reported it in FOLLOWERINFO). The acceptedEpoch file
    /// survives restarts, so this does too.
    pub accepted: BTreeMap<ServerId, u32>,
    /// Per learner: the last LEADERINFO delivered to it (epoch, from).
    pub offered: BTreeMap<ServerId, (u32, ServerId)>,
    /// Per (learner, leader): the acceptedEpoch of the last FOLLOWERINFO / OBSERVERINFO
    /// delivered.
    pub info: BTreeMap<(ServerId, ServerId), u32>,
    /// Per server, in its current incarnation: the last epoch it proposed (LEADERINFO sent).
    pub decided: BTreeMap<ServerId, u32>,
    /// Per epoch: the server (and incarnation) that established it (NEWLEADER sent).
    pub established: BTreeMap<u32, (ServerId, u32)>,
}

impl Wire {
    /// A process restarted (or stopped): its connections and its election round are gone.
    pub fn restarted(&mut self, id: ServerId) {
        self.synced.remove(&id);
        self.own.remove(&id);
        self.vote.remove(&id);
        self.offered.remove(&id);
        self.decided.remove(&id);
    }

    /// A NOTIFICATION sent by `from`.
    pub fn notified(
        &mut self,
        from: ServerId,
        leader: Option<ServerId>,
        s: Summary,
        state: ServerState,
    ) {
        if state != ServerState::Looking {
            return;
        }
        let Some(leader) = leader else { return };
        if leader == from {
            self.own.insert(from, s);
        }
        self.vote.insert(from, (leader, s));
    }

    /// A quorum packet from `from` reached `to` (CLOSED included).
    pub fn heard(&mut self, from: ServerId, to: ServerId, now: SimTime, closed: bool) {
        if let Some(Synced::Learner(h)) = self.synced.get_mut(&to)
            && h.leader == from
        {
            if closed {
                h.open = false;
            } else if h.open {
                h.last = now;
            }
        }
    }

    /// UPTODATE from `leader` reached `learner`: it serves from now on.
    pub fn up_to_date(&mut self, leader: ServerId, learner: ServerId, now: SimTime) {
        self.synced.insert(
            learner,
            Synced::Learner(Heard {
                leader,
                last: now,
                open: true,
            }),
        );
    }

    /// `id` reported its acceptedEpoch (FOLLOWERINFO) or accepted / proposed `epoch`.
    pub fn accept(&mut self, id: ServerId, epoch: u32) {
        let a = self.accepted.entry(id).or_insert(0);
        *a = (*a).max(epoch);
    }
}
