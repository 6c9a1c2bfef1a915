//! One ZooKeeper server as a sans-IO state machine (docs/architecture.md): it never touches a
//! socket or a clock. The simulation hands it messages, client requests and timeouts; it answers
//! with an [`Outbox`] of persists, sends, replies and trace notes.
//!
//! `Server{core, role}`: the role (`QuorumPeer.ServerState`) is an enum so a LOOKING server
//! cannot hold a leader's state by mistake; `Core` is what every role shares (myid, config,
//! the durable files, the in-memory database, the election clock, connected clients).

pub mod durable;
pub mod election;
pub mod fourlw;
pub mod leader;
mod leader_sync;
pub mod learner;
pub mod log_files;
pub mod outbox;
pub mod replica;
pub mod serve;
mod session_move;
pub mod sync_log;

use crate::ids::{ServerId, SessionId};
use crate::time::SimTime;
use crate::zab::config::Config;
use crate::zab::proto::{Notification, PeerMsg, ServerState, Vote};
use crate::zk::acl::Id;
use crate::zk::code::Code;
use crate::zk::session::{SessionConfig, SessionTracker};
use crate::zk::watch::WatchManager;
use crate::zxid::Zxid;
use durable::Durable;
use election::Election;
use leader::Leader;
use learner::Learner;
use outbox::{Note, Outbox, Phase};
use replica::{Replica, Request, RequestContext, Response};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A client request waiting for this server to be able to serve it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientReq {
    pub ctx: RequestContext,
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
    /// Reads queued behind the same session's writes still in the pipeline
    /// (`CommitProcessor`: a session's requests complete in order).
    pub held_reads: Vec<ClientReq>,
    /// How many times this process left a serving role: ZooKeeper closes every client
    /// connection then (`ZooKeeperServer.shutdown`); library clients compare it with the
    /// value they connected under and reconnect.
    pub shutdowns: u64,
    /// Writes submitted to ZAB whose commit this server must answer.
    pub pending: BTreeSet<(SessionId, i32)>,
    /// Client connections to this server: session → auth ids (`ServerCnxn.authInfo`) and
    /// whether the client is alive (pinging).
    pub connections: BTreeMap<SessionId, Connection>,
    /// This server's WatchManager: each server fires its own clients' watches.
    pub watches: WatchManager,
    /// SessionTracker: makes session ids here; on the leader it also decides expiry.
    pub tracker: SessionTracker,
    /// `SessionImpl.owner` on the leader: the server a session's requests must come through
    /// (set at createSession, REVALIDATE, or the first request after a leader change).
    pub owners: BTreeMap<SessionId, ServerId>,
    /// Sessions moved here whose REVALIDATE awaits the leader's answer (`Learner.pendingRevalidations`).
    pub revalidating: BTreeSet<SessionId>,
    /// `SyncRequestProcessor`: txn-log flushes under way and the ACKs waiting for them.
    pub sync_log: sync_log::SyncLog,
}

/// A client connection (`ServerCnxn`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    pub auth: Vec<Id>,
    pub alive: bool,
}

/// What a role's handler asks the server to become next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Stay,
    Looking(&'static str),
    /// A learner's `Follower.shutdown` is over: LOOKING and `lookForLeader` now.
    Elect,
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
            zxid: self.last_logged(),
            election_epoch: self.logical_clock,
            peer_epoch: self.durable.current_epoch,
        }
    }

    /// `QuorumPeer.getLastLoggedZxid`: the tree's lastProcessedZxid once the log is replayed
    /// into it — the last logged txn, or a later epoch mark no txn followed yet.
    #[must_use]
    pub fn last_logged(&self) -> Zxid {
        self.durable
            .last_logged()
            .max(self.replica.last_processed())
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

    /// Reload the database from disk, as a server leaving a role does (`zkDb.clear` + reload).
    fn reload(&mut self) {
        self.replica = Replica::load(self.durable.snapshot(), self.durable.log.iter());
    }

    /// Drop every request this server can no longer answer: the client sees ConnectionLoss.
    fn lose_pending(&mut self, out: &mut Outbox) {
        let last = self.replica.last_processed();
        let mut lost: Vec<(SessionId, i32)> = std::mem::take(&mut self.pending)
            .into_iter()
            .chain(
                self.held_reads
                    .drain(..)
                    .map(|r| (r.ctx.session, r.ctx.cxid)),
            )
            .collect();
        lost.sort_unstable();
        for (session, cxid) in lost {
            let mut r = Response::err(Code::ConnectionLoss);
            r.zxid = last;
            out.reply(session, cxid, last, r);
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
        let mut durable = durable;
        // A new process: the log stream is closed until the first append (`FileTxnLog`).
        let c = &config;
        durable
            .files
            .configure(c.snap_count, c.pre_alloc_kb, u64::from(id.0));
        durable.files.start_process();
        let replica = Replica::load(durable.snapshot(), durable.log.iter());
        let mut core = Core {
            id,
            config: config.clone(),
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
            held_reads: Vec::new(),
            shutdowns: 0,
            pending: BTreeSet::new(),
            connections: BTreeMap::new(),
            watches: WatchManager::default(),
            tracker: SessionTracker::new(u64::from(id.0), session_config(&config), now),
            owners: BTreeMap::new(),
            revalidating: BTreeSet::new(),
            sync_log: sync_log::SyncLog::default(),
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
        self.phase() == Phase::Broadcast && !self.shutting_down()
    }

    /// A learner that lost its leader and is still in `Follower.shutdown`
    /// (`zabscope.learnerShutdownMs`).
    #[must_use]
    pub fn shutting_down(&self) -> bool {
        match &self.role {
            Role::Following(l) | Role::Observing(l) => l.shutdown_until.is_some(),
            _ => false,
        }
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
        let was_serving = self.serving();
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
        self.apply_transition(t, was_serving, now, out);
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

    /// Timers: election polls, learner read timeouts, the leader's ticks and waits.
    pub fn handle_timeout(&mut self, now: SimTime, out: &mut Outbox) {
        let was_serving = self.serving();
        if self.flush_done(now, out) && now < self.role_deadline() {
            return;
        }
        let t = match &mut self.role {
            Role::Looking(e) => e.timeout(&mut self.core, now, out),
            Role::Following(l) | Role::Observing(l) => l.timeout(&mut self.core, now, out),
            Role::Leading(l) => l.timeout(&mut self.core, now, out),
        };
        self.apply_transition(t, was_serving, now, out);
    }

    /// The next instant this server wants `handle_timeout`: its role's timer or the end of
    /// a txn-log flush.
    #[must_use]
    pub fn poll_timeout(&self) -> Option<SimTime> {
        let role = self.role_deadline();
        Some(self.core.sync_log.deadline().map_or(role, |f| f.min(role)))
    }

    fn role_deadline(&self) -> SimTime {
        match &self.role {
            Role::Looking(e) => e.deadline,
            Role::Following(l) | Role::Observing(l) => l.deadline(&self.core),
            Role::Leading(l) => l.deadline(&self.core),
        }
    }

    /// A txn-log flush completed: `SendAckRequestProcessor` ACKs its txns (the leader counts
    /// its own ACK, `Leader.processAck(self.getId(), ...)`). True if one completed.
    fn flush_done(&mut self, now: SimTime, out: &mut Outbox) -> bool {
        let flushed = self.core.complete_flush(now, out);
        if flushed.is_empty() {
            return false;
        }
        let me = self.core.id;
        match &mut self.role {
            Role::Leading(l)
                if self
                    .core
                    .config
                    .broken(crate::check::breaks::Break::CommitOutOfOrder) =>
            {
                l.own_acks(&mut self.core, now, &flushed, out);
            }
            Role::Leading(l) => {
                for z in flushed {
                    l.process_ack(&mut self.core, now, me, z, out);
                }
            }
            Role::Following(l) if !l.observer => {
                for zxid in flushed {
                    out.send(l.leader, PeerMsg::Ack { zxid });
                }
            }
            _ => {}
        }
        true
    }

    /// Apply a role change, closing the old role's connections; a server that just started
    /// serving handles the client requests that waited.
    pub(crate) fn apply_transition(
        &mut self,
        t: Transition,
        was_serving: bool,
        now: SimTime,
        out: &mut Outbox,
    ) {
        if t != Transition::Stay {
            self.core.flush_all(out);
        }
        match t {
            Transition::Stay => {}
            Transition::Looking(why) => self.go_looking(why, now, out),
            Transition::Elect => self.elect(now, out),
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
        if t != Transition::Stay && !self.shutting_down() {
            out.note(Note::State(self.state(), self.phase()));
        }
        if !was_serving && self.serving() {
            self.started_serving(now, out);
        }
    }

    /// Leave the role: close its connections and lose what clients waited for; a learner then
    /// spends `zabscope.learnerShutdownMs` in `Follower.shutdown` before it looks for a leader.
    fn go_looking(&mut self, why: &'static str, now: SimTime, out: &mut Outbox) {
        if self.shutting_down() {
            return;
        }
        out.note(Note::GaveUp(why));
        let shutdown_ms = self.core.config.learner_shutdown_ms;
        match &mut self.role {
            Role::Leading(l) => l.close_all(out),
            Role::Following(l) | Role::Observing(l) => {
                out.send(l.leader, PeerMsg::Closed);
                if shutdown_ms > 0 {
                    l.shutdown_until = Some(now.plus_ms(shutdown_ms));
                }
            }
            Role::Looking(_) => return,
        }
        self.core.lose_pending(out);
        self.core.lose_revalidations(out);
        self.core.owners.clear();
        self.core.shutdowns += 1;
        if !self.shutting_down() {
            self.elect(now, out);
        }
    }

    /// `setPeerState(LOOKING)` + `lookForLeader` with the database reloaded from disk.
    fn elect(&mut self, now: SimTime, out: &mut Outbox) {
        let mark = self.core.replica.last_processed();
        self.core.reload();
        // ZooKeeperServer.shutdown does not clear the tree: `zkDb.fastForwardDataBase` replays
        // the log after lastProcessedZxid. So a leader's epoch mark (Leader.startZkServer) that
        // no txn followed, or a SNAP's zxid, stays what it votes with.
        if mark.counter() == 0 && mark > self.core.replica.last_processed() {
            self.core.replica.db.last_processed_zxid = mark;
        }
        self.role = Role::Looking(Election::start(&mut self.core, now, out));
    }
}

/// The session timeout bounds of a config.
fn session_config(c: &Config) -> SessionConfig {
    let mut s = SessionConfig::for_tick(c.tick_time);
    if let Some(min) = c.min_session_timeout {
        s.min_session_timeout = i32::try_from(min).unwrap_or(i32::MAX);
    }
    if let Some(max) = c.max_session_timeout {
        s.max_session_timeout = i32::try_from(max).unwrap_or(i32::MAX);
    }
    s
}
