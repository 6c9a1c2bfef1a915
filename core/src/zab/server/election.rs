//! LOOKING: Fast Leader Election (`FastLeaderElection.lookForLeader` and its `WorkerReceiver`).
//!
//! One `Election` is one call of `lookForLeader`: the round (`logicalclock`) is bumped, the
//! server votes for itself, and notifications are processed until a quorum agrees and no better
//! vote arrives for `finalizeWait` (200 ms), or a quorum of FOLLOWING/LEADING peers points at an
//! established leader (`outofelection` + `checkLeader`).

use crate::check::breaks::Break;
use crate::ids::ServerId;
use crate::time::SimTime;
use crate::zab::proto::{Notification, PeerMsg, ServerState, Vote};
use crate::zab::server::outbox::Outbox;
use crate::zab::server::{Core, Transition};
use std::collections::BTreeMap;

/// `FastLeaderElection.finalizeWait` (and `minNotificationInterval`), ms.
pub const FINALIZE_WAIT_MS: u64 = 200;
/// `FastLeaderElection.maxNotificationInterval`, ms.
pub const MAX_NOTIFICATION_INTERVAL_MS: u64 = 60_000;

/// A received vote with the state its sender was in (`Vote.getState`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Received {
    pub vote: Vote,
    pub state: ServerState,
}

impl Received {
    /// `Vote.equals`: if either side is LOOKING every field counts, otherwise only
    /// (leader, peerEpoch).
    pub fn agrees(&self, other: &Received) -> bool {
        if self.state == ServerState::Looking || other.state == ServerState::Looking {
            self.vote == other.vote
        } else {
            self.vote.leader == other.vote.leader && self.vote.peer_epoch == other.vote.peer_epoch
        }
    }
}

/// The state of one `lookForLeader` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    /// proposedLeader / proposedZxid / proposedEpoch, with the round.
    pub proposal: Vote,
    pub recvset: BTreeMap<ServerId, Received>,
    pub outofelection: BTreeMap<ServerId, Received>,
    /// `notTimeout`: 200 ms doubling to 60 s while nothing arrives.
    pub not_timeout: u64,
    /// When the current `recvqueue.poll` gives up.
    pub deadline: SimTime,
    /// Draining the queue for `finalizeWait` after a quorum agreed.
    pub finalizing: bool,
}

impl Election {
    /// Start `lookForLeader`: bump the round, vote for myself, notify every voter.
    pub fn start(core: &mut Core, now: SimTime, out: &mut Outbox) -> Election {
        core.logical_clock += 1;
        let e = Election {
            proposal: core.init_vote(),
            recvset: BTreeMap::new(),
            outofelection: BTreeMap::new(),
            not_timeout: FINALIZE_WAIT_MS,
            deadline: now.plus_ms(FINALIZE_WAIT_MS),
            finalizing: false,
        };
        e.send_notifications(core, out);
        e
    }

    /// `sendNotifications`: my proposal to every voter, myself included.
    fn send_notifications(&self, core: &Core, out: &mut Outbox) {
        for to in core.config.voters() {
            out.send(to, PeerMsg::Notification(self.notification(core)));
        }
    }

    fn notification(&self, core: &Core) -> Notification {
        Notification {
            leader: self.proposal.leader,
            zxid: self.proposal.zxid,
            election_epoch: core.logical_clock,
            peer_epoch: self.proposal.peer_epoch,
            state: ServerState::Looking,
            sid: core.id,
        }
    }

    /// The WorkerReceiver while LOOKING: answer a lagging LOOKING peer with my vote, then let
    /// `lookForLeader` process the notification.
    pub fn receive(
        &mut self,
        core: &mut Core,
        now: SimTime,
        n: Notification,
        out: &mut Outbox,
    ) -> Transition {
        if !core.config.is_voter(n.sid) {
            // A non-voter (observer) is answered with my current vote and otherwise ignored.
            out.send(
                n.sid,
                core.vote_notification(core.current_vote, core.logical_clock),
            );
            return Transition::Stay;
        }
        if n.state == ServerState::Looking && n.election_epoch < core.logical_clock {
            out.send(n.sid, PeerMsg::Notification(self.notification(core)));
        }
        if !n.leader.is_some_and(|l| core.config.is_voter(l)) {
            return Transition::Stay;
        }
        if self.finalizing {
            return self.drain(core, now, n, out);
        }
        let t = self.process(core, n, out);
        if !self.finalizing {
            self.deadline = now.plus_ms(self.not_timeout);
        } else {
            self.deadline = now.plus_ms(FINALIZE_WAIT_MS);
        }
        t
    }

    /// The finalizeWait drain: a better vote ends it and is processed; anything else is
    /// consumed and the 200 ms wait starts over.
    fn drain(
        &mut self,
        core: &mut Core,
        now: SimTime,
        n: Notification,
        out: &mut Outbox,
    ) -> Transition {
        if beats(core, &n.vote(), &self.proposal) {
            self.finalizing = false;
            let t = self.process(core, n, out);
            self.deadline = now.plus_ms(if self.finalizing {
                FINALIZE_WAIT_MS
            } else {
                self.not_timeout
            });
            return t;
        }
        self.deadline = now.plus_ms(FINALIZE_WAIT_MS);
        Transition::Stay
    }

    /// One iteration of the `lookForLeader` loop for a notification.
    fn process(&mut self, core: &mut Core, n: Notification, out: &mut Outbox) -> Transition {
        match n.state {
            ServerState::Looking => {
                self.looking(core, n, out);
                Transition::Stay
            }
            ServerState::Observing => Transition::Stay,
            ServerState::Following | ServerState::Leading => self.established(core, n),
        }
    }

    /// `case LOOKING`.
    fn looking(&mut self, core: &mut Core, n: Notification, out: &mut Outbox) {
        if !core.is_voter() {
            // getInitLastLoggedZxid() == -1: observers ignore LOOKING votes.
            return;
        }
        if n.election_epoch > core.logical_clock {
            core.logical_clock = n.election_epoch;
            self.recvset.clear();
            let init = core.init_vote();
            self.proposal = if beats(core, &n.vote(), &init) {
                n.vote()
            } else {
                init
            };
            self.send_notifications(core, out);
        } else if n.election_epoch < core.logical_clock {
            return;
        } else if beats(core, &n.vote(), &self.proposal) {
            self.proposal = n.vote();
            self.send_notifications(core, out);
        }
        self.proposal.election_epoch = core.logical_clock;
        let received = Received {
            vote: n.vote(),
            state: ServerState::Looking,
        };
        self.recvset.insert(n.sid, received);
        let mine = Received {
            vote: self.proposal,
            state: ServerState::Looking,
        };
        if core.config.is_quorum(agreeing(&self.recvset, &mine).iter()) {
            self.finalizing = true;
        }
    }

    /// `receivedFollowingNotification` / `receivedLeadingNotification`.
    fn established(&mut self, core: &mut Core, n: Notification) -> Transition {
        let theirs = Received {
            vote: n.vote(),
            state: n.state,
        };
        if n.election_epoch == core.logical_clock {
            self.recvset.insert(n.sid, theirs);
            if core
                .config
                .is_quorum(agreeing(&self.recvset, &theirs).iter())
                && check_leader(core, &self.recvset, n)
            {
                return self.decide(core, n.vote());
            }
        }
        self.outofelection.insert(n.sid, theirs);
        if core
            .config
            .is_quorum(agreeing(&self.outofelection, &theirs).iter())
            && check_leader(core, &self.outofelection, n)
        {
            core.logical_clock = n.election_epoch;
            return self.decide(core, n.vote());
        }
        Transition::Stay
    }

    /// The poll timed out: either finalizeWait ran out (decide) or nothing arrived (resend,
    /// double the timeout).
    pub fn timeout(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) -> Transition {
        if now < self.deadline {
            return Transition::Stay;
        }
        if self.finalizing {
            let mut v = self.proposal;
            v.election_epoch = core.logical_clock;
            return self.decide(core, v);
        }
        self.send_notifications(core, out);
        self.not_timeout = (self.not_timeout * 2).min(MAX_NOTIFICATION_INTERVAL_MS);
        self.deadline = now.plus_ms(self.not_timeout);
        Transition::Stay
    }

    /// `setPeerState` + `leaveInstance`.
    fn decide(&mut self, core: &mut Core, vote: Vote) -> Transition {
        core.current_vote = vote;
        match vote.leader {
            Some(l) if l == core.id => Transition::Lead,
            Some(l) if core.is_voter() => Transition::Follow(l),
            Some(l) => Transition::Observe(l),
            None => Transition::Stay,
        }
    }
}

/// `totalOrderPredicate`: does vote `new` beat `cur`?
fn beats(core: &Core, new: &Vote, cur: &Vote) -> bool {
    let voter = |id: ServerId| core.config.is_voter(id);
    if core.config.broken(Break::ElectBySidOnly) || core.config.broken(Break::VoteBySidOnly) {
        // BREAK ZAB (electBySidOnly, voteBySidOnly): (peerEpoch, zxid) ignored, the higher
        // server id wins.
        let Some(n) = new.leader.filter(|id| voter(*id)) else {
            return false;
        };
        return i64::from(n.0) > cur.leader.map_or(-1, |c| i64::from(c.0));
    }
    new.beats(cur, voter)
}

/// `getVoteTracker`: the senders whose vote agrees with `with`.
fn agreeing(votes: &BTreeMap<ServerId, Received>, with: &Received) -> Vec<ServerId> {
    votes
        .iter()
        .filter(|(_, r)| r.agrees(with))
        .map(|(id, _)| *id)
        .collect()
}

/// `checkLeader`: the leader's own notification must be present and say LEADING (or, if I am
/// the leader, the round must be mine).
fn check_leader(core: &Core, votes: &BTreeMap<ServerId, Received>, n: Notification) -> bool {
    match n.leader {
        Some(l) if l == core.id => n.election_epoch == core.logical_clock,
        Some(l) => votes
            .get(&l)
            .is_some_and(|r| r.state == ServerState::Leading),
        None => false,
    }
}
