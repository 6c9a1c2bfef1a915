//! One ZooKeeper server as a sans-IO state machine (design.md §2): it never touches a socket or
//! a clock. The simulation hands it messages, client requests and timeouts; it answers with an
//! [`Outbox`] of persists, sends, replies and trace notes.
//!
//! `Server{core, role}`: the role (`QuorumPeer.ServerState`) is an enum so a LOOKING server
//! cannot hold a leader's state by mistake; `Core` is what every role shares (myid, config,
//! the durable files, the in-memory database, the election clock, connected clients).

pub mod durable;
pub mod election;
pub mod leader;
mod leader_sync;
pub mod learner;
pub mod outbox;
pub mod replica;
mod stub;

use crate::config::Config;
use crate::ids::{ServerId, SessionId};
use crate::proto::{Notification, PeerMsg, ServerState, Vote};
use crate::time::SimTime;
use crate::zxid::Zxid;
use durable::Durable;
use election::Election;
use leader::Leader;
use learner::Learner;
use outbox::{Note, Outbox, Phase};
use replica::{Entry, EntryExt, Replica, Request, Response};
use std::collections::BTreeSet;
use std::sync::Arc;

/// `KeeperException.Code.CONNECTIONLOSS`.
pub const CONNECTION_LOSS: i32 = -4;

/// A client request waiting for this server to be able to serve it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientReq {
    pub session: SessionId,
    pub cxid: i32,
    pub request: Request,
}

/// What every role of a server shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Core {
    pub id: ServerId,
    pub config: Arc<Config>,
    pub durable: Durable,
    pub replica: Replica,
    /// FLE's `logicalclock` (the election round); in memory only.
    pub logical_clock: u64,
    /// `QuorumPeer.currentVote`: the last election's result.
    pub current_vote: Vote,
    /// Requests that arrived while the server could not serve (LOOKING, syncing).
    pub waiting: Vec<ClientReq>,
    /// Writes submitted to ZAB whose commit this server must answer.
    pub pending: BTreeSet<(SessionId, i32)>,
}

/// What a role's handler asks the server to become next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Stay,
    Looking(&'static str),
    Lead,
    Follow(ServerId),
    Observe(ServerId),
}

/// `QuorumPeer.ServerState` with each state's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Looking(Election),
    Following(Learner),
    Leading(Box<Leader>),
    Observing(Learner),
}

/// A server: its shared core and its current role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    pub core: Core,
    pub role: Role,
}

impl Core {
    /// `getInitId/getInitLastLoggedZxid/getPeerEpoch`: my own first vote (an observer's names
    /// nobody).
    #[must_use]
    pub fn init_vote(&self) -> Vote {
        Vote {
            leader: self.is_voter().then_some(self.id),
            zxid: self.durable.last_logged(),
            election_epoch: self.logical_clock,
            peer_epoch: self.durable.current_epoch,
        }
    }

    #[must_use]
    pub fn is_voter(&self) -> bool {
        self.config.is_voter(self.id)
    }

    /// A notification carrying `vote` in `state`-independent form for answering peers.
    #[must_use]
    pub fn vote_notification(&self, vote: Vote, round: u64) -> PeerMsg {
        PeerMsg::Notification(Notification {
            leader: vote.leader,
            zxid: vote.zxid,
            election_epoch: round,
            peer_epoch: vote.peer_epoch,
            state: ServerState::Looking,
            sid: self.id,
        })
    }

    fn tick_ms(&self, ticks: u64) -> u64 {
        self.config.tick_time.saturating_mul(ticks)
    }

    /// Apply a committed txn; answer the client if it is waiting on this server.
    pub fn commit(&mut self, e: &Entry, out: &mut Outbox) {
        let response = self.replica.commit(e);
        out.note(Note::Commit(e.zxid()));
        let key = (e.header.session, e.header.cxid);
        if self.pending.remove(&key) {
            out.reply(key.0, key.1, e.zxid(), response);
        }
    }

    /// Reload the database from disk, as a server leaving a role does (`zkDb.clear` + reload).
    fn reload(&mut self) {
        self.replica = Replica::load(self.durable.snapshot.as_ref(), &self.durable.log);
    }

    /// Drop every request this server can no longer answer: the client sees ConnectionLoss.
    fn lose_pending(&mut self, out: &mut Outbox) {
        let last = self.replica.last_processed();
        for (session, cxid) in std::mem::take(&mut self.pending) {
            out.reply(session, cxid, last, Response::Error(CONNECTION_LOSS));
        }
    }
}

impl Server {
    /// Boot (or recover) server `id` from its durable state and start looking for a leader
    /// (`QuorumPeer.start`: loadDataBase, startLeaderElection).
    pub fn boot(
        id: ServerId,
        config: Arc<Config>,
        durable: Durable,
        now: SimTime,
        out: &mut Outbox,
    ) -> Server {
        let replica = Replica::load(durable.snapshot.as_ref(), &durable.log);
        let mut core = Core {
            id,
            config,
            durable,
            replica,
            logical_clock: 0,
            current_vote: Vote {
                leader: None,
                zxid: Zxid::ZERO,
                election_epoch: 0,
                peer_epoch: 0,
            },
            waiting: Vec::new(),
            pending: BTreeSet::new(),
        };
        core.current_vote = core.init_vote();
        out.note(Note::State(ServerState::Looking, Phase::Election));
        let election = Election::start(&mut core, now, out);
        Server {
            core,
            role: Role::Looking(election),
        }
    }

    #[must_use]
    pub fn id(&self) -> ServerId {
        self.core.id
    }

    /// `QuorumPeer.getPeerState`.
    #[must_use]
    pub fn state(&self) -> ServerState {
        match &self.role {
            Role::Looking(_) => ServerState::Looking,
            Role::Following(_) => ServerState::Following,
            Role::Leading(_) => ServerState::Leading,
            Role::Observing(_) => ServerState::Observing,
        }
    }

    /// `QuorumPeer.getZabState`.
    #[must_use]
    pub fn phase(&self) -> Phase {
        match &self.role {
            Role::Looking(_) => Phase::Election,
            Role::Following(l) | Role::Observing(l) => l.phase,
            Role::Leading(l) => l.phase,
        }
    }

    /// Can this server answer clients now (its ZooKeeperServer is running)?
    #[must_use]
    pub fn serving(&self) -> bool {
        self.phase() == Phase::Broadcast
    }

    /// The leader this server follows or is, once elected.
    #[must_use]
    pub fn leader(&self) -> Option<ServerId> {
        match &self.role {
            Role::Looking(_) => None,
            Role::Following(l) | Role::Observing(l) => Some(l.leader),
            Role::Leading(_) => Some(self.core.id),
        }
    }

    /// A message from another server (or from myself, for FLE's loopback).
    pub fn handle_message(&mut self, now: SimTime, from: ServerId, msg: PeerMsg, out: &mut Outbox) {
        let t = match (&mut self.role, msg) {
            (Role::Looking(e), PeerMsg::Notification(n)) => e.receive(&mut self.core, now, n, out),
            (_, PeerMsg::Notification(n)) => {
                self.answer_looking(n, out);
                Transition::Stay
            }
            (Role::Leading(l), msg) => l.on_message(&mut self.core, now, from, msg, out),
            (Role::Following(l) | Role::Observing(l), msg) => {
                l.on_message(&mut self.core, now, from, msg, out)
            }
            (Role::Looking(_), PeerMsg::FollowerInfo { .. } | PeerMsg::ObserverInfo { .. }) => {
                // Nobody listens on the quorum port: the learner's connect fails.
                out.send(from, PeerMsg::Closed);
                Transition::Stay
            }
            (Role::Looking(_), _) => Transition::Stay,
        };
        self.transition(t, now, out);
    }

    /// WorkerReceiver when not LOOKING: a LOOKING voter is told my current vote.
    fn answer_looking(&self, n: Notification, out: &mut Outbox) {
        if n.state != ServerState::Looking && self.core.config.is_voter(n.sid) {
            return;
        }
        let v = self.core.current_vote;
        let msg = PeerMsg::Notification(Notification {
            leader: v.leader,
            zxid: v.zxid,
            election_epoch: v.election_epoch,
            peer_epoch: v.peer_epoch,
            state: self.state(),
            sid: self.core.id,
        });
        out.send(n.sid, msg);
    }

    /// A client request on a connection to this server (reads local, writes through ZAB).
    pub fn handle_client(
        &mut self,
        now: SimTime,
        session: SessionId,
        cxid: i32,
        request: Request,
        out: &mut Outbox,
    ) {
        let req = ClientReq {
            session,
            cxid,
            request,
        };
        if !self.serving() {
            self.core.waiting.push(req);
            return;
        }
        if !req.request.is_write() {
            let r = self.core.replica.db.read(&req.request);
            out.reply(session, cxid, self.core.replica.last_processed(), r);
            return;
        }
        self.core.pending.insert((session, cxid));
        let t = match &mut self.role {
            Role::Leading(l) => l.submit(&mut self.core, now, req, out),
            Role::Following(l) | Role::Observing(l) => {
                l.forward(req, out);
                Transition::Stay
            }
            Role::Looking(_) => Transition::Stay,
        };
        self.transition(t, now, out);
    }

    /// A client gave up on a request (its timeout passed) before the server could serve it.
    pub fn cancel_client(&mut self, session: SessionId, cxid: i32) {
        self.core
            .waiting
            .retain(|r| (r.session, r.cxid) != (session, cxid));
    }

    /// Timers: election polls, learner read timeouts, the leader's ticks and waits.
    pub fn handle_timeout(&mut self, now: SimTime, out: &mut Outbox) {
        let t = match &mut self.role {
            Role::Looking(e) => e.timeout(&mut self.core, now, out),
            Role::Following(l) | Role::Observing(l) => l.timeout(&mut self.core, now, out),
            Role::Leading(l) => l.timeout(&mut self.core, now, out),
        };
        self.transition(t, now, out);
    }

    /// The next instant this server wants `handle_timeout`.
    #[must_use]
    pub fn poll_timeout(&self) -> Option<SimTime> {
        match &self.role {
            Role::Looking(e) => Some(e.deadline),
            Role::Following(l) | Role::Observing(l) => Some(l.deadline(&self.core)),
            Role::Leading(l) => Some(l.deadline()),
        }
    }

    /// Apply a role change, closing the old role's connections.
    fn transition(&mut self, t: Transition, now: SimTime, out: &mut Outbox) {
        let was_serving = self.serving();
        match t {
            Transition::Stay => {}
            Transition::Looking(why) => self.go_looking(why, now, out),
            Transition::Lead => {
                let l = Leader::start(&mut self.core, now, out);
                self.role = Role::Leading(Box::new(l));
            }
            Transition::Follow(leader) => {
                self.role =
                    Role::Following(Learner::start(&mut self.core, leader, false, now, out));
            }
            Transition::Observe(leader) => {
                self.role = Role::Observing(Learner::start(&mut self.core, leader, true, now, out));
            }
        }
        if t != Transition::Stay {
            out.note(Note::State(self.state(), self.phase()));
        }
        if !was_serving && self.serving() {
            for req in std::mem::take(&mut self.core.waiting) {
                self.handle_client(now, req.session, req.cxid, req.request, out);
            }
        }
    }

    fn go_looking(&mut self, why: &'static str, now: SimTime, out: &mut Outbox) {
        out.note(Note::GaveUp(why));
        match &self.role {
            Role::Leading(l) => l.close_all(out),
            Role::Following(l) | Role::Observing(l) => out.send(l.leader, PeerMsg::Closed),
            Role::Looking(_) => return,
        }
        self.core.lose_pending(out);
        self.core.reload();
        self.role = Role::Looking(Election::start(&mut self.core, now, out));
    }
}
