//! LEADING: `Leader.lead()` and the broadcast half of ZAB.
//!
//! The leader first learns a quorum's accepted epochs and proposes `max + 1` (discovery, see
//! `leader_sync.rs`), syncs each learner and waits for a quorum of NEWLEADER ACKs; then it
//! proposes txns in zxid order, commits each once a quorum has ACKed it and every earlier one
//! is committed, and checks every tick that a quorum of learners is still in touch.

use crate::check::breaks::Break;
use crate::ids::{ServerId, SessionId};
use crate::time::SimTime;
use crate::zab::proto::PeerMsg;
use crate::zab::server::outbox::{Note, Outbox, Phase};
use crate::zab::server::replica::{Entry, Request, Response, ResponseBody, Txn, ZkDatabase};
use crate::zab::server::{ClientReq, Core, Transition};
use crate::zk::code::Code;
use crate::zxid::Zxid;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Where a `LearnerHandler` is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HandlerState {
    /// FOLLOWERINFO received; waiting for the epoch to be decided.
    AwaitEpoch,
    /// LEADERINFO sent; waiting for ACKEPOCH.
    AwaitAckEpoch,
    /// ACKEPOCH received; waiting for a quorum of them.
    AwaitEpochQuorum,
    /// Synced and NEWLEADER sent; forwarding proposals; waiting for the NEWLEADER ACK.
    AwaitNewLeaderAck,
    /// NEWLEADER ACKed; waiting for a quorum before UPTODATE.
    AwaitNewLeaderQuorum,
    /// UPTODATE sent: a full member of the broadcast.
    UpToDate,
}

/// The leader's view of one connected learner (`LearnerHandler`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handler {
    pub observer: bool,
    pub state: HandlerState,
    /// `tickOfNextAckDeadline`.
    pub ack_deadline_tick: u64,
    /// The learner's last logged zxid from ACKEPOCH.
    pub peer_last: Zxid,
    /// When the handler's socket read times out if nothing more arrives (`sock.setSoTimeout`:
    /// initLimit × tickTime from the accept, syncLimit × tickTime once NEWLEADER was ACKed).
    pub read_deadline: SimTime,
}

impl Handler {
    /// In `forwardingFollowers` / `observingLearners` (after `startForwarding`).
    #[must_use]
    pub fn forwarding(&self) -> bool {
        self.state >= HandlerState::AwaitNewLeaderAck
    }
}

/// A proposal waiting for its quorum (`Leader.Proposal`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outstanding {
    pub entry: Entry,
    pub acks: BTreeSet<ServerId>,
}

/// Who waits for a `sync()`: a learner (answered with SYNC) or a client of mine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncFor {
    Learner(ServerId, SessionId, i32, String),
    Local(SessionId, i32, String),
}

/// The leader's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leader {
    pub phase: Phase,
    /// The new epoch, once a quorum's accepted epochs are known.
    pub epoch: Option<u32>,
    pub max_accepted: u32,
    /// `connectingFollowers`, `electingFollowers`, the NEWLEADER proposal's acks.
    pub connecting: BTreeSet<ServerId>,
    pub electing: BTreeSet<ServerId>,
    pub newleader_acks: BTreeSet<ServerId>,
    pub learners: BTreeMap<ServerId, Handler>,
    /// Deadline of the current wait (epoch, epoch acks, NEWLEADER acks): initLimit ticks.
    pub wait_deadline: SimTime,
    pub outstanding: BTreeMap<Zxid, Outstanding>,
    pub last_proposed: Zxid,
    /// PrepRequestProcessor's view: the tree with every proposed txn applied.
    pub prep: ZkDatabase,
    pub tick: u64,
    pub tick_skip: bool,
    pub next_half_tick: SimTime,
    pub pending_syncs: Vec<(Zxid, SyncFor)>,
    /// The quorum port is bound from this time (`zabscope.leaderStartMs` after deciding):
    /// before it a FOLLOWERINFO/OBSERVERINFO is a refused connect.
    pub listening_at: SimTime,
    /// How many voters the configuration has (counted once: every ACK asks for the quorum).
    pub voters: u32,
}

impl Leader {
    /// `Leader.lead()` up to the epoch wait: snapshot, count myself as connecting.
    pub fn start(core: &mut Core, now: SimTime, out: &mut Outbox) -> Leader {
        let snap = core.replica.snapshot();
        core.durable.save_snapshot(snap, out);
        let mut l = Leader {
            phase: Phase::Discovery,
            epoch: None,
            max_accepted: core.durable.accepted_epoch,
            connecting: BTreeSet::from([core.id]),
            electing: BTreeSet::new(),
            newleader_acks: BTreeSet::new(),
            learners: BTreeMap::new(),
            wait_deadline: now.plus_ms(core.tick_ms(core.config.init_limit)),
            outstanding: BTreeMap::new(),
            last_proposed: Zxid::ZERO,
            prep: core.replica.db.clone(),
            tick: 0,
            tick_skip: true,
            next_half_tick: now,
            pending_syncs: Vec::new(),
            listening_at: now.plus_ms(core.config.leader_start_ms),
            voters: u32::try_from(core.config.voters().count()).unwrap_or(u32::MAX),
        };
        if core.config.is_quorum(l.connecting.iter()) {
            l.decide_epoch(core, now, out);
        }
        l
    }

    #[must_use]
    pub fn deadline(&self, core: &Core) -> SimTime {
        if self.phase == Phase::Broadcast {
            core.tracker
                .next_expiration()
                .map_or(self.next_half_tick, |t| t.min(self.next_half_tick))
        } else {
            self.wait_deadline
        }
    }

    /// Tell every learner the connection is gone (`Leader.shutdown`).
    pub fn close_all(&self, out: &mut Outbox) {
        for id in self.learners.keys() {
            out.send(*id, PeerMsg::Closed);
        }
    }

    pub fn on_message(
        &mut self,
        core: &mut Core,
        now: SimTime,
        from: ServerId,
        msg: PeerMsg,
        out: &mut Outbox,
    ) -> Transition {
        let connect = matches!(
            msg,
            PeerMsg::FollowerInfo { .. } | PeerMsg::ObserverInfo { .. }
        );
        if connect && now < self.listening_at {
            // `QuorumPeer.makeLeader` has not bound the quorum port yet: connection refused,
            // the learner retries after leaderConnectDelayDuringRetryMs.
            out.send(from, PeerMsg::Closed);
            return Transition::Stay;
        }
        if let Some(h) = self.learners.get_mut(&from) {
            h.ack_deadline_tick = self.tick.saturating_add(core.config.sync_limit);
            // LearnerHandler.run: after the NEWLEADER ACK the read timeout is syncLimit ticks.
            let synced = h.state >= HandlerState::AwaitNewLeaderQuorum
                || matches!(msg, PeerMsg::Ack { zxid } if zxid.counter() == 0);
            h.read_deadline = now.plus_ms(read_timeout_ms(core, synced));
        }
        match msg {
            PeerMsg::FollowerInfo { accepted } => {
                self.learner_info(core, now, from, accepted, false, out)
            }
            PeerMsg::ObserverInfo { accepted } => {
                self.learner_info(core, now, from, accepted, true, out)
            }
            PeerMsg::AckEpoch { last_logged, epoch } => {
                self.ack_epoch(core, now, from, last_logged, epoch, out)
            }
            PeerMsg::Ack { zxid } if zxid.counter() == 0 => {
                self.newleader_ack(core, now, from, out)
            }
            PeerMsg::Ack { zxid } => self.process_ack(core, now, from, zxid, out),
            PeerMsg::Request { ctx, request } => {
                let req = ClientReq {
                    ctx,
                    request: *request,
                };
                return self.request(core, now, from, req, out);
            }
            PeerMsg::Ping { touches } => {
                // The learner's clients are alive (Leader.processPing → touch each session).
                for (s, _) in touches {
                    core.tracker.touch(s, now);
                }
            }
            PeerMsg::Revalidate { session, .. } => {
                // LearnerHandler REVALIDATE → revalidateSession: touch, setOwner, answer.
                let valid = core.revalidate(session, from, now);
                out.send(from, PeerMsg::RevalidateReply { session, valid });
            }
            PeerMsg::Closed => {
                self.learners.remove(&from);
            }
            _ => {}
        }
        Transition::Stay
    }

    /// A write from a learner or a local client (`ProposalRequestProcessor`).
    fn request(
        &mut self,
        core: &mut Core,
        now: SimTime,
        from: ServerId,
        req: ClientReq,
        out: &mut Outbox,
    ) -> Transition {
        if self.phase != Phase::Broadcast {
            return Transition::Stay;
        }
        if let Request::Sync { path } = &req.request {
            let who = SyncFor::Learner(from, req.ctx.session, req.ctx.cxid, path.clone());
            self.process_sync(core, who, out);
            return Transition::Stay;
        }
        self.propose(core, now, from, req, out)
    }

    /// A write submitted on this server.
    pub fn submit(
        &mut self,
        core: &mut Core,
        now: SimTime,
        req: ClientReq,
        out: &mut Outbox,
    ) -> Transition {
        if let Request::Sync { path } = &req.request {
            let who = SyncFor::Local(req.ctx.session, req.ctx.cxid, path.clone());
            self.process_sync(core, who, out);
            return Transition::Stay;
        }
        let me = core.id;
        self.propose(core, now, me, req, out)
    }

    /// `Leader.propose`: prep, log, send PROPOSAL, ACK myself.
    fn propose(
        &mut self,
        core: &mut Core,
        now: SimTime,
        owner: ServerId,
        req: ClientReq,
        out: &mut Outbox,
    ) -> Transition {
        let Some(zxid) = self.last_proposed.next() else {
            // XidRolloverException: the leader steps down so a new epoch starts.
            return Transition::Looking("zxid counter rolled over");
        };
        self.last_proposed = zxid;
        let mut txn = self.prep.prep(&req.ctx, &req.request, zxid, now);
        let live = self.prep.sessions().contains_key(&req.ctx.session);
        if !live
            && !matches!(
                req.request,
                Request::CreateSession { .. } | Request::CloseSession
            )
        {
            // SessionTrackerImpl.checkSession: a closed (or closing) session's request
            // becomes an error txn (SessionExpiredException) — found by EphemeralCleanup.
            txn.txn = Txn::Error(Code::SessionExpired);
        } else if core.session_moved(req.ctx.session, owner, &req.request) {
            // PrepRequestProcessor: checkSession threw SessionMovedException → error txn.
            txn.txn = Txn::Error(Code::SessionMoved);
        }
        let entry: Entry = Arc::new(txn);
        self.prep.apply(&entry);
        let ack_now = core.log_proposal(&entry, now, out);
        let needed = self.quorum_size();
        out.note(Note::Propose { zxid, needed });
        for (id, h) in &self.learners {
            if h.forwarding() && !h.observer {
                out.send(*id, PeerMsg::Proposal(entry.clone()));
            }
        }
        // The leader's own ACK follows its log flush (SyncRequestProcessor → AckRequestProcessor).
        let acks = if ack_now {
            BTreeSet::from([core.id])
        } else {
            BTreeSet::new()
        };
        self.outstanding.insert(zxid, Outstanding { entry, acks });
        self.try_commit(core, now, out);
        Transition::Stay
    }

    /// `Leader.processAck`.
    pub(crate) fn process_ack(
        &mut self,
        core: &mut Core,
        now: SimTime,
        from: ServerId,
        zxid: Zxid,
        out: &mut Outbox,
    ) {
        if !core.config.is_voter(from) {
            return;
        }
        let Some(p) = self.outstanding.get_mut(&zxid) else {
            return;
        };
        p.acks.insert(from);
        let (acks, needed) = (p.acks.len() as u32, self.voters / 2 + 1);
        out.note(Note::Acked {
            zxid,
            from,
            acks,
            needed,
        });
        self.try_commit(core, now, out);
    }

    /// `tryToCommit`, strictly in zxid order.
    fn try_commit(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) {
        if core.config.broken(Break::CommitOutOfOrder) {
            return self.commit_newest_first(core, now, out);
        }
        let voters = self.voters;
        while let Some(entry) = self.outstanding.first_entry() {
            if !has_quorum(core, voters, &entry.get().acks) {
                break;
            }
            let p = entry.remove();
            self.commit_one(core, now, p, out);
        }
    }

    /// BREAK ZAB (commitOutOfOrder): tryToCommit without "commit in zxid order" — every
    /// proposal with a quorum is committed, the newest first.
    fn commit_newest_first(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) {
        let ready: Vec<Zxid> = (self.outstanding.iter().rev())
            .filter(|(_, p)| has_quorum(core, self.voters, &p.acks))
            .map(|(z, _)| *z)
            .collect();
        for z in ready {
            if let Some(p) = self.outstanding.remove(&z) {
                self.commit_one(core, now, p, out);
            }
        }
    }

    /// The leader's own ACKs for a whole flushed batch, counted before committing
    /// (BREAK ZAB commitOutOfOrder only; ZooKeeper counts them one by one).
    pub(crate) fn own_acks(
        &mut self,
        core: &mut Core,
        now: SimTime,
        batch: &[Zxid],
        out: &mut Outbox,
    ) {
        let needed = self.quorum_size();
        for z in batch {
            if let Some(p) = self.outstanding.get_mut(z) {
                p.acks.insert(core.id);
                let acks = p.acks.len() as u32;
                out.note(Note::Acked {
                    zxid: *z,
                    from: core.id,
                    acks,
                    needed,
                });
            }
        }
        self.try_commit(core, now, out);
    }

    /// COMMIT (INFORM to observers) one proposal and apply it.
    fn commit_one(&mut self, core: &mut Core, now: SimTime, p: Outstanding, out: &mut Outbox) {
        let zxid = p.entry.zxid();
        for (id, h) in &self.learners {
            if h.forwarding() {
                let msg = if h.observer {
                    PeerMsg::Inform(p.entry.clone())
                } else {
                    PeerMsg::Commit { zxid }
                };
                out.send(*id, msg);
            }
        }
        core.commit(&p.entry, now, out);
        self.release_syncs(core, zxid, out);
    }

    /// `processSync`: answered once everything proposed so far is committed.
    fn process_sync(&mut self, core: &mut Core, who: SyncFor, out: &mut Outbox) {
        if self.outstanding.is_empty() {
            send_sync(core, who, out);
        } else {
            self.pending_syncs.push((self.last_proposed, who));
        }
    }

    fn release_syncs(&mut self, core: &mut Core, committed: Zxid, out: &mut Outbox) {
        let (ready, rest): (Vec<_>, Vec<_>) = self
            .pending_syncs
            .drain(..)
            .partition(|(z, _)| *z <= committed);
        self.pending_syncs = rest;
        for (_, who) in ready {
            send_sync(core, who, out);
        }
    }

    /// Waits time out after initLimit ticks; once broadcasting, the half-tick loop of `lead()`.
    pub fn timeout(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) -> Transition {
        if self.phase != Phase::Broadcast {
            if now >= self.wait_deadline {
                return Transition::Looking("timed out waiting for a quorum of learners");
            }
            return Transition::Stay;
        }
        if let Transition::Looking(w) = self.expire_sessions(core, now, out) {
            return Transition::Looking(w);
        }
        if now < self.next_half_tick {
            return Transition::Stay;
        }
        self.next_half_tick = now.plus_ms(core.config.tick_time / 2);
        self.close_silent_learners(core, now, out);
        if !self.tick_skip {
            self.tick += 1;
            let synced: Vec<ServerId> = std::iter::once(core.id)
                .chain(
                    self.learners
                        .iter()
                        .filter(|(_, h)| h.forwarding() && self.tick <= h.ack_deadline_tick)
                        .map(|(id, _)| *id),
                )
                .collect();
            if !core.config.is_quorum(synced.iter()) {
                return Transition::Looking("not sufficient followers synced");
            }
        }
        self.tick_skip = !self.tick_skip;
        // Live clients of mine ping me; learners' clients arrive in their PING replies.
        for (s, c) in &core.connections {
            if c.alive {
                core.tracker.touch(*s, now);
            }
        }
        for (id, h) in &self.learners {
            if h.forwarding() {
                out.send(
                    *id,
                    PeerMsg::Ping {
                        touches: Vec::new(),
                    },
                );
            }
        }
        Transition::Stay
    }
}

impl Leader {
    /// `LearnerHandler.run`: a handler whose socket read timed out (a paused or cut-off
    /// learner sent nothing, not even a PING reply) logs `SocketTimeoutException: Read timed
    /// out`, shuts down and closes the socket; the learner reads what was already sent, then
    /// the close, and rejoins through an election. Checked at the leader's half-tick, so the
    /// close comes at most tickTime / 2 after the deadline.
    fn close_silent_learners(&mut self, core: &Core, now: SimTime, out: &mut Outbox) {
        let silent: Vec<ServerId> = (self.learners.iter())
            .filter(|(_, h)| h.read_deadline <= now)
            .map(|(id, _)| *id)
            .collect();
        for id in silent {
            let Some(h) = self.learners.remove(&id) else {
                continue;
            };
            let synced = h.state >= HandlerState::AwaitNewLeaderQuorum;
            out.note(Note::LearnerClosed {
                learner: id,
                ms: read_timeout_ms(core, synced),
            });
            out.send(id, PeerMsg::Closed);
        }
    }

    /// `SessionTrackerImpl.run`: sessions whose bucket passed are closed by a closeSession
    /// txn (`ZooKeeperServer.expire` → `close`), proposed like any write.
    fn expire_sessions(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) -> Transition {
        for (_, session) in core.tracker.expired(now) {
            core.tracker.set_closing(session);
            let ctx = crate::zk::request::RequestContext::new(session, 0, Vec::new());
            let req = ClientReq {
                ctx,
                request: Request::CloseSession,
            };
            let me = core.id;
            if let Transition::Looking(w) = self.propose(core, now, me, req, out) {
                return Transition::Looking(w);
            }
        }
        Transition::Stay
    }

    /// On becoming established the leader tracks every session its database knows, as
    /// `LeaderSessionTracker` does after `loadData`.
    pub(crate) fn track_sessions(core: &mut Core, now: SimTime) {
        let sessions: Vec<(SessionId, i32)> = core
            .replica
            .db
            .sessions()
            .iter()
            .map(|(s, t)| (*s, *t))
            .collect();
        core.tracker.restart(&sessions, now);
    }
}

fn send_sync(core: &mut Core, who: SyncFor, out: &mut Outbox) {
    match who {
        SyncFor::Learner(to, session, cxid, path) => out.send(
            to,
            PeerMsg::Sync {
                session,
                cxid,
                path,
            },
        ),
        SyncFor::Local(session, cxid, path) => {
            if core.pending.remove(&(session, cxid)) {
                let mut r = Response::ok(ResponseBody::Sync { path });
                r.zxid = core.replica.last_processed();
                out.reply(session, cxid, r.zxid, r);
                core.release_reads(session, out);
            }
        }
    }
}

impl Leader {
    /// How many voters make a quorum (`QuorumMaj`: more than half).
    #[must_use]
    pub fn quorum_size(&self) -> u32 {
        self.voters / 2 + 1
    }
}

/// Has a proposal with these ACKs a quorum of `voters` (`QuorumMaj.containsQuorum`)? Only
/// voters' ACKs are counted (`processAck` drops the others; the leader is a voter), so the
/// count is the set's size: O(1) per ACK. BREAK ZAB (commitWithoutQuorum): any ACK (the
/// leader's own) will do.
fn has_quorum(core: &Core, voters: u32, acks: &BTreeSet<ServerId>) -> bool {
    if core.config.broken(Break::CommitWithoutQuorum) {
        return !acks.is_empty();
    }
    debug_assert!(acks.iter().all(|id| core.config.is_voter(*id)));
    acks.len() * 2 > voters as usize
}

/// A `LearnerHandler`'s socket read timeout: initLimit ticks until NEWLEADER is ACKed,
/// syncLimit ticks after.
fn read_timeout_ms(core: &Core, synced: bool) -> u64 {
    core.tick_ms(if synced {
        core.config.sync_limit
    } else {
        core.config.init_limit
    })
}
