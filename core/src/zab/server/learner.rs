//! FOLLOWING and OBSERVING: the learner side of ZAB (`Learner.java`, `Follower.java`,
//! `Observer.java`).
//!
//! Discovery: FOLLOWERINFO/OBSERVERINFO → LEADERINFO → ACKEPOCH. Sync (`syncWithLeader`):
//! DIFF/TRUNC/SNAP, then PROPOSAL/COMMIT pairs, NEWLEADER (set currentEpoch, log, ACK) and
//! UPTODATE. Broadcast: log each PROPOSAL then ACK it, apply COMMITs in order, answer PINGs;
//! an observer applies INFORMs instead. A leader silent for syncLimit ticks (initLimit while
//! syncing) is abandoned.

use crate::check::breaks::Break;
use crate::ids::ServerId;
use crate::time::SimTime;
use crate::zab::proto::PeerMsg;
use crate::zab::server::outbox::{Outbox, Phase};
use crate::zab::server::replica::{Entry, Response, ResponseBody, Snapshot};
use crate::zab::server::{ClientReq, Core, Transition};
use crate::zxid::Zxid;
use std::collections::VecDeque;

/// `Learner.leaderConnectDelayDuringRetryMs` default (3.8): wait before retrying a connect.
pub const CONNECT_RETRY_MS: u64 = 100;
/// `Learner.connectToLeader` tries at most this many times.
pub const CONNECT_TRIES: u32 = 5;

/// A follower's or observer's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Learner {
    pub leader: ServerId,
    pub observer: bool,
    pub phase: Phase,
    /// The epoch from LEADERINFO.
    pub new_epoch: u32,
    /// SNAP received: commits are applied at once and a snapshot is taken at NEWLEADER.
    pub snapshot_needed: bool,
    /// `packetsNotCommitted`: proposals received but not yet committed.
    pub not_committed: VecDeque<Entry>,
    /// `packetsCommitted`: COMMITs seen during sync, applied at UPTODATE.
    pub committed: VecDeque<Zxid>,
    /// Last time anything arrived from the leader (socket read timeout).
    pub last_heard: SimTime,
    /// A refused connect is retried at this time.
    pub retry_at: Option<SimTime>,
    pub tries: u32,
    pub started: SimTime,
    /// NEWLEADER processed: from now on proposals are logged as they arrive.
    pub new_leader_seen: bool,
    /// The leader is lost and `Follower.shutdown` runs until this time; the peer state stays
    /// FOLLOWING/OBSERVING (QuorumPeer.run's `finally` sets LOOKING only afterwards).
    pub shutdown_until: Option<SimTime>,
    /// BREAK ZAB (serveAfterLeaderLoss): the leader is lost but the learner stays; it looks
    /// again at this time.
    pub recheck: Option<SimTime>,
}

impl Learner {
    /// `Learner.connectToLeader` + `registerWithLeader`.
    pub fn start(
        core: &mut Core,
        leader: ServerId,
        observer: bool,
        now: SimTime,
        out: &mut Outbox,
    ) -> Learner {
        let l = Learner {
            leader,
            observer,
            phase: Phase::Discovery,
            new_epoch: 0,
            snapshot_needed: false,
            not_committed: VecDeque::new(),
            committed: VecDeque::new(),
            last_heard: now,
            retry_at: None,
            tries: 1,
            started: now,
            new_leader_seen: false,
            shutdown_until: None,
            recheck: None,
        };
        l.register(core, out);
        l
    }

    fn register(&self, core: &Core, out: &mut Outbox) {
        let accepted = Zxid::new(core.durable.accepted_epoch, 0);
        let msg = if self.observer {
            PeerMsg::ObserverInfo { accepted }
        } else {
            PeerMsg::FollowerInfo { accepted }
        };
        out.send(self.leader, msg);
    }

    /// The socket read timeout: initLimit ticks until synced, then syncLimit ticks.
    #[must_use]
    pub fn deadline(&self, core: &Core) -> SimTime {
        if let Some(t) = self.shutdown_until.or(self.retry_at).or(self.recheck) {
            return t;
        }
        let limit = if self.phase == Phase::Broadcast {
            core.config.sync_limit
        } else {
            core.config.init_limit
        };
        self.last_heard.plus_ms(core.tick_ms(limit))
    }

    pub fn timeout(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) -> Transition {
        if let Some(t) = self.shutdown_until {
            return if now >= t {
                Transition::Elect
            } else {
                Transition::Stay
            };
        }
        if let Some(t) = self.retry_at {
            if now >= t {
                self.retry_at = None;
                self.tries += 1;
                self.register(core, out);
            }
            return Transition::Stay;
        }
        if now >= self.deadline(core) {
            if self.keeps_serving(core) {
                self.recheck = Some(now.plus_ms(core.tick_ms(core.config.sync_limit)));
                self.pretend_heard(core, now);
                return Transition::Stay;
            }
            return Transition::Looking("leader silent past the read timeout");
        }
        Transition::Stay
    }

    /// BREAK ZAB (serveAfterLeaderLoss, serveWithoutLeader): a learner in BROADCAST ignores
    /// losing its leader.
    fn keeps_serving(&self, core: &Core) -> bool {
        self.phase == Phase::Broadcast
            && (core.config.broken(Break::ServeAfterLeaderLoss)
                || core.config.broken(Break::ServeWithoutLeader))
    }

    /// BREAK ZAB (serveWithoutLeader): the lost leader counts as heard from just now, so the
    /// learner's own bookkeeping (`last_heard`) looks healthy.
    fn pretend_heard(&mut self, core: &Core, now: SimTime) {
        if core.config.broken(Break::ServeWithoutLeader) {
            self.last_heard = now;
            self.recheck = None;
        }
    }

    /// Forward a client's write to the leader (`FollowerRequestProcessor` → REQUEST).
    pub fn forward(&self, req: ClientReq, out: &mut Outbox) {
        out.send(
            self.leader,
            PeerMsg::Request {
                ctx: req.ctx,
                request: Box::new(req.request),
            },
        );
    }

    pub fn on_message(
        &mut self,
        core: &mut Core,
        now: SimTime,
        from: ServerId,
        msg: PeerMsg,
        out: &mut Outbox,
    ) -> Transition {
        if from != self.leader || self.shutdown_until.is_some() {
            if matches!(
                msg,
                PeerMsg::FollowerInfo { .. } | PeerMsg::ObserverInfo { .. }
            ) {
                out.send(from, PeerMsg::Closed);
            }
            return Transition::Stay;
        }
        if msg == PeerMsg::Closed {
            if self.keeps_serving(core) {
                self.pretend_heard(core, now);
                return Transition::Stay;
            }
            return self.closed(now);
        }
        self.last_heard = now;
        match self.phase {
            Phase::Discovery => self.discovery(core, msg, out),
            Phase::Synchronization => self.sync(core, now, msg, out),
            _ => self.broadcast(core, now, msg, out),
        }
    }

    /// The connection to the leader broke: before LEADERINFO it was a refused connect (retry
    /// after 100 ms, up to 5 tries); otherwise the leader is gone.
    fn closed(&mut self, now: SimTime) -> Transition {
        if self.phase == Phase::Discovery && self.tries < CONNECT_TRIES {
            self.retry_at = Some(now.plus_ms(CONNECT_RETRY_MS));
            return Transition::Stay;
        }
        Transition::Looking("connection to the leader closed")
    }

    /// LEADERINFO → ACKEPOCH (`registerWithLeader`).
    fn discovery(&mut self, core: &mut Core, msg: PeerMsg, out: &mut Outbox) -> Transition {
        let PeerMsg::LeaderInfo { new_epoch } = msg else {
            return Transition::Stay;
        };
        let new_epoch = new_epoch.epoch();
        let last_logged = core.last_logged();
        let epoch = if new_epoch > core.durable.accepted_epoch {
            let current = i64::from(core.durable.current_epoch);
            core.durable.set_accepted_epoch(new_epoch, out);
            current
        } else if new_epoch == core.durable.accepted_epoch {
            -1
        } else {
            return Transition::Looking("leader's epoch is less than my accepted epoch");
        };
        self.new_epoch = new_epoch;
        self.phase = Phase::Synchronization;
        // The leader answered: the connection is up, so no reconnect is pending any more
        // (`Learner.connectToLeader` retries only a connect that failed). A reset of an older
        // connection between the same processes that arrived before this LEADERINFO must not
        // send a second FOLLOWERINFO later (fuzz seed 4117853).
        self.retry_at = None;
        out.send(self.leader, PeerMsg::AckEpoch { last_logged, epoch });
        Transition::Stay
    }

    /// `syncWithLeader`: everything up to UPTODATE.
    fn sync(
        &mut self,
        core: &mut Core,
        now: SimTime,
        msg: PeerMsg,
        out: &mut Outbox,
    ) -> Transition {
        match msg {
            PeerMsg::Diff { .. } => self.snapshot_needed = false,
            PeerMsg::Trunc { .. } if core.config.broken(Break::SkipTrunc) => {
                // BREAK ZAB (skipTrunc): TRUNC handled as DIFF, the log is kept.
                self.snapshot_needed = false;
            }
            PeerMsg::Trunc { zxid } => {
                core.durable.truncate(zxid, out);
                core.reload();
                self.snapshot_needed = false;
                if core.replica.last_processed() != zxid {
                    // The disk no longer reaches `zxid`: the history up to it lived only in a
                    // snapshot taken after it (a SNAP from a leader that never established),
                    // and that snapshot had to go with the txns after `zxid`. ZooKeeper's
                    // `truncateLog` fails here ("Not able to truncate the log", the process
                    // exits); this learner rejoins instead, and the leader syncs what is left
                    // (a prefix of its history) with a DIFF or a SNAP.
                    return Transition::Looking("not able to truncate the log");
                }
            }
            PeerMsg::Snap { snapshot, .. } => self.install(core, &snapshot),
            PeerMsg::Proposal(e) if self.new_leader_seen => {
                // After NEWLEADER proposals are logged (and ACKed) as they come
                // (`writeToTxnLog`, ZOOKEEPER-3911).
                if core.log_proposal(&e, now, out) && !self.observer {
                    out.send(self.leader, PeerMsg::Ack { zxid: e.zxid() });
                }
                self.not_committed.push_back(e);
            }
            PeerMsg::Proposal(e) => self.not_committed.push_back(e),
            PeerMsg::Inform(e) => self.sync_inform(core, now, e, out),
            PeerMsg::Commit { zxid } => return self.sync_commit(core, now, zxid, out),
            PeerMsg::NewLeader { zxid } => self.new_leader(core, zxid, out),
            PeerMsg::UpToDate => return self.up_to_date(core, now, out),
            _ => {}
        }
        Transition::Stay
    }

    fn install(&mut self, core: &mut Core, s: &Snapshot) {
        core.replica.install(s);
        self.snapshot_needed = true;
    }

    /// A COMMIT while syncing: applied at once after a SNAP, else remembered for UPTODATE.
    fn sync_commit(
        &mut self,
        core: &mut Core,
        now: SimTime,
        zxid: Zxid,
        out: &mut Outbox,
    ) -> Transition {
        if !self.snapshot_needed {
            self.committed.push_back(zxid);
            return Transition::Stay;
        }
        match self.not_committed.front() {
            Some(e) if e.zxid() == zxid => {
                let e = e.clone();
                self.not_committed.pop_front();
                core.apply_during_sync(&e, now, out);
            }
            _ => {}
        }
        Transition::Stay
    }

    /// An INFORM while syncing (observers): applied at once after a SNAP, else queued as a
    /// committed proposal (`syncWithLeader`, case INFORM).
    fn sync_inform(&mut self, core: &mut Core, now: SimTime, e: Entry, out: &mut Outbox) {
        if self.snapshot_needed {
            core.apply_during_sync(&e, now, out);
            return;
        }
        if self.new_leader_seen {
            core.durable.append(&e, out);
        }
        self.committed.push_back(e.zxid());
        self.not_committed.push_back(e);
    }

    /// NEWLEADER: snapshot if needed, set currentEpoch, log what is pending, ACK.
    fn new_leader(&mut self, core: &mut Core, zxid: Zxid, out: &mut Outbox) {
        if self.snapshot_needed {
            let snap = core.replica.snapshot();
            core.durable.replace_with_snapshot(snap, out);
            self.snapshot_needed = false;
        }
        core.durable.set_current_epoch(self.new_epoch, out);
        self.new_leader_seen = true;
        for e in &self.not_committed {
            core.durable.append(e, out);
        }
        if !self.observer {
            for e in &self.not_committed {
                if !self.committed.contains(&e.zxid()) {
                    out.send(self.leader, PeerMsg::Ack { zxid: e.zxid() });
                }
            }
        }
        out.send(self.leader, PeerMsg::Ack { zxid });
    }

    /// UPTODATE: apply what was committed during sync and start serving.
    fn up_to_date(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) -> Transition {
        while let Some(z) = self.committed.pop_front() {
            if let Transition::Looking(w) = self.commit(core, now, z, out) {
                return Transition::Looking(w);
            }
        }
        self.phase = Phase::Broadcast;
        // QuorumPeer.updateElectionVote (ZOOKEEPER-1732): report the epoch actually followed.
        core.current_vote.peer_epoch = self.new_epoch;
        Transition::Stay
    }

    /// Commit the next pending proposal; it must be `zxid` (`FollowerZooKeeperServer.commit`).
    fn commit(
        &mut self,
        core: &mut Core,
        now: SimTime,
        zxid: Zxid,
        out: &mut Outbox,
    ) -> Transition {
        match self.not_committed.front() {
            Some(e) if e.zxid() == zxid => {
                let e = e.clone();
                self.not_committed.pop_front();
                core.commit(&e, now, out);
                Transition::Stay
            }
            // Already applied (e.g. part of a TRUNC'd/SNAP'd history) → nothing to do.
            _ if zxid <= core.replica.last_processed() => Transition::Stay,
            _ => Transition::Looking("COMMIT for a txn that is not next"),
        }
    }

    fn broadcast(
        &mut self,
        core: &mut Core,
        now: SimTime,
        msg: PeerMsg,
        out: &mut Outbox,
    ) -> Transition {
        match msg {
            PeerMsg::Proposal(e) => {
                // SyncRequestProcessor: ACKed once flushed (SendAckRequestProcessor).
                // BREAK ZAB (ackBeforeLogging): ACKed as it arrives, before the flush.
                let early = core.config.broken(Break::AckBeforeLogging);
                if core.log_proposal(&e, now, out) || early {
                    out.send(self.leader, PeerMsg::Ack { zxid: e.zxid() });
                }
                self.not_committed.push_back(e);
            }
            PeerMsg::Commit { zxid } => return self.commit(core, now, zxid, out),
            PeerMsg::RevalidateReply { session, valid } => {
                core.finish_revalidate(session, valid, out);
            }
            PeerMsg::Inform(e) => {
                core.durable.append(&e, out);
                core.commit(&e, now, out);
            }
            PeerMsg::Ping { .. } => out.send(
                self.leader,
                PeerMsg::Ping {
                    touches: core.touches(),
                },
            ),
            PeerMsg::Sync {
                session,
                cxid,
                path,
            } if core.pending.remove(&(session, cxid)) => {
                let mut r = Response::ok(ResponseBody::Sync { path });
                r.zxid = core.replica.last_processed();
                out.reply(session, cxid, r.zxid, r);
                core.release_reads(session, out);
            }
            _ => {}
        }
        Transition::Stay
    }
}
