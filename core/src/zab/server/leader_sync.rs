//! The leader's discovery and synchronization (`Leader.getEpochToPropose`, `waitForEpochAck`,
//! `waitForNewLeaderAck`, `LearnerHandler.run` and `syncFollower`).

use crate::check::breaks::Break;
use crate::explain::SyncWhy;
use crate::ids::ServerId;
use crate::time::SimTime;
use crate::zab::proto::PeerMsg;
use crate::zab::proto::SyncKind;
use crate::zab::server::Core;
use crate::zab::server::leader::{Handler, HandlerState, Leader};
use crate::zab::server::outbox::{Note, Outbox, Phase};
use crate::zab::server::replica::Entry;
use crate::zxid::Zxid;

impl Leader {
    /// FOLLOWERINFO / OBSERVERINFO: a new `LearnerHandler` (`getEpochToPropose`).
    pub(crate) fn learner_info(
        &mut self,
        core: &mut Core,
        now: SimTime,
        from: ServerId,
        accepted: Zxid,
        observer: bool,
        out: &mut Outbox,
    ) {
        let h = Handler {
            observer,
            state: HandlerState::AwaitEpoch,
            ack_deadline_tick: self
                .tick
                .saturating_add(core.config.init_limit)
                .saturating_add(core.config.sync_limit),
            peer_last: Zxid::ZERO,
            // LearnerCnxAcceptor: `socket.setSoTimeout(tickTime * initLimit)`.
            read_deadline: now.plus_ms(core.tick_ms(core.config.init_limit)),
        };
        self.learners.insert(from, h);
        self.max_accepted = self.max_accepted.max(accepted.epoch());
        if !observer && core.config.is_voter(from) {
            self.connecting.insert(from);
        }
        match self.epoch {
            Some(e) => self.send_leader_info(from, e, out),
            None if core.config.is_quorum(self.connecting.iter()) => {
                self.decide_epoch(core, now, out)
            }
            None => {}
        }
    }

    /// A quorum is connected: the new epoch is max(acceptedEpoch) + 1.
    pub(crate) fn decide_epoch(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) {
        let epoch = if core.config.broken(Break::NewEpochReused) {
            // BREAK ZAB (newEpochReused): max(acceptedEpoch), no + 1.
            self.max_accepted
        } else if core.config.broken(Break::NewEpochMax) {
            // BREAK ZAB (newEpochMax): max instead of max + 1 (at least 1, so a fresh ensemble
            // still leaves epoch 0).
            self.max_accepted.max(1)
        } else {
            self.max_accepted + 1
        };
        self.epoch = Some(epoch);
        core.durable.set_accepted_epoch(epoch, out);
        self.last_proposed = Zxid::new(epoch, 0);
        self.wait_deadline = now.plus_ms(core.tick_ms(core.config.init_limit));
        let waiting: Vec<ServerId> = self
            .learners
            .iter()
            .filter(|(_, h)| h.state == HandlerState::AwaitEpoch)
            .map(|(id, _)| *id)
            .collect();
        for id in waiting {
            self.send_leader_info(id, epoch, out);
        }
        // The leader's own epoch ack (`waitForEpochAck(self.getId(), leaderStateSummary)`).
        self.electing.insert(core.id);
        self.check_epoch_quorum(core, now, out);
    }

    fn send_leader_info(&mut self, to: ServerId, epoch: u32, out: &mut Outbox) {
        if let Some(h) = self.learners.get_mut(&to) {
            h.state = HandlerState::AwaitAckEpoch;
            out.send(
                to,
                PeerMsg::LeaderInfo {
                    new_epoch: Zxid::new(epoch, 0),
                },
            );
        }
    }

    /// ACKEPOCH: refuse a learner more recent than me, count it, sync it once a quorum acked.
    pub(crate) fn ack_epoch(
        &mut self,
        core: &mut Core,
        now: SimTime,
        from: ServerId,
        last_logged: Zxid,
        epoch: i64,
        out: &mut Outbox,
    ) {
        let mine = (
            i64::from(core.durable.current_epoch),
            core.replica.last_processed(),
        );
        let Some(h) = self.learners.get_mut(&from) else {
            return;
        };
        if h.state != HandlerState::AwaitAckEpoch {
            return;
        }
        // BREAK ZAB (electBySidOnly) also drops this guard: it only backs up the election's
        // promise that the leader's history is the most recent.
        let guard = !core.config.broken(Break::ElectBySidOnly);
        if guard && epoch != -1 && (epoch, last_logged) > mine {
            // StateSummary.isMoreRecentThan: "Follower is ahead of the leader".
            self.learners.remove(&from);
            out.send(from, PeerMsg::Closed);
            return;
        }
        h.peer_last = last_logged;
        h.state = HandlerState::AwaitEpochQuorum;
        if epoch != -1 && !h.observer && core.config.is_voter(from) {
            self.electing.insert(from);
        }
        if self.phase == Phase::Discovery {
            self.check_epoch_quorum(core, now, out);
        } else {
            self.sync_learner(core, from, out);
        }
    }

    /// A quorum acked the epoch: currentEpoch is set and waiting learners are synced.
    fn check_epoch_quorum(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) {
        if self.phase != Phase::Discovery || !core.config.is_quorum(self.electing.iter()) {
            return;
        }
        let Some(epoch) = self.epoch else { return };
        core.durable.set_current_epoch(epoch, out);
        self.phase = Phase::Synchronization;
        out.note(Note::State(
            crate::zab::proto::ServerState::Leading,
            Phase::Synchronization,
        ));
        self.wait_deadline = now.plus_ms(core.tick_ms(core.config.init_limit));
        let ready: Vec<ServerId> = self
            .learners
            .iter()
            .filter(|(_, h)| h.state == HandlerState::AwaitEpochQuorum)
            .map(|(id, _)| *id)
            .collect();
        for id in ready {
            self.sync_learner(core, id, out);
        }
        // The leader's own NEWLEADER ack.
        self.newleader_acks.insert(core.id);
        self.check_newleader_quorum(core, now, out);
    }

    /// `syncFollower` + `startForwarding` + NEWLEADER.
    fn sync_learner(&mut self, core: &mut Core, id: ServerId, out: &mut Outbox) {
        let Some(epoch) = self.epoch else { return };
        let Some(h) = self.learners.get(&id) else {
            return;
        };
        let (kind, msgs, current, why) = sync_packets(core, h.peer_last);
        out.note(Note::SyncChoice {
            learner: id,
            kind,
            zxid: current,
            why,
        });
        let observer = h.observer;
        for m in msgs {
            out.send(id, m);
        }
        // startForwarding: proposals after what the learner now has.
        for (z, p) in &self.outstanding {
            if *z > current && !observer {
                out.send(id, PeerMsg::Proposal(p.entry.clone()));
            }
        }
        out.send(
            id,
            PeerMsg::NewLeader {
                zxid: Zxid::new(epoch, 0),
            },
        );
        if let Some(h) = self.learners.get_mut(&id) {
            h.state = HandlerState::AwaitNewLeaderAck;
        }
    }

    /// The ACK of NEWLEADER: UPTODATE once a quorum of voters acked.
    pub(crate) fn newleader_ack(
        &mut self,
        core: &mut Core,
        now: SimTime,
        from: ServerId,
        out: &mut Outbox,
    ) {
        let Some(h) = self.learners.get_mut(&from) else {
            return;
        };
        if h.state != HandlerState::AwaitNewLeaderAck {
            return;
        }
        h.state = HandlerState::AwaitNewLeaderQuorum;
        if !h.observer && core.config.is_voter(from) {
            self.newleader_acks.insert(from);
        }
        if self.phase == Phase::Broadcast {
            self.up_to_date(from, out);
        } else {
            self.check_newleader_quorum(core, now, out);
        }
    }

    fn check_newleader_quorum(&mut self, core: &mut Core, now: SimTime, out: &mut Outbox) {
        if self.phase != Phase::Synchronization
            || !core.config.is_quorum(self.newleader_acks.iter())
        {
            return;
        }
        self.phase = Phase::Broadcast;
        // Leader.startZkServer: "starting up and setting last processed zxid: 0x<epoch>00000000"
        // (`zkDb.setlastProcessedZxid(zk.getZxid())`). Until a txn follows, this is what the
        // leader's syncFollower compares a learner with (a late joiner at the previous epoch's
        // last txn is no longer "in sync": with an empty committedLog it gets a SNAP), what a
        // SNAP carries and, if the leader gives up its role, what it votes with.
        let mark = Zxid::new(self.epoch.unwrap_or_default(), 0);
        core.replica.db.last_processed_zxid = core.replica.last_processed().max(mark);
        Leader::track_sessions(core, now);
        // QuorumPeer.updateElectionVote (ZOOKEEPER-1732): report the epoch actually led.
        core.current_vote.peer_epoch = self.epoch.unwrap_or_default();
        let epoch = self.epoch.unwrap_or_default();
        out.note(Note::Established { epoch });
        let ready: Vec<ServerId> = self
            .learners
            .iter()
            .filter(|(_, h)| h.state == HandlerState::AwaitNewLeaderQuorum)
            .map(|(id, _)| *id)
            .collect();
        for id in ready {
            self.up_to_date(id, out);
        }
    }

    fn up_to_date(&mut self, id: ServerId, out: &mut Outbox) {
        if let Some(h) = self.learners.get_mut(&id) {
            h.state = HandlerState::UpToDate;
            out.send(id, PeerMsg::UpToDate);
        }
    }
}

/// The sync kind, the packets, the zxid the learner will be at, and why (for the page).
type SyncPlan = (SyncKind, Vec<PeerMsg>, Zxid, SyncWhy);

/// `LearnerHandler.syncFollower`: the packets that bring a learner at `peer` up to date,
/// the kind chosen, the zxid the learner will then be at, and the rule that chose it.
fn sync_packets(core: &Core, peer: Zxid) -> SyncPlan {
    let last = core.replica.last_processed();
    let (min, max) = core.replica.committed_range();
    let new_epoch_zxid = peer.counter() == 0;
    if peer == last {
        let why = SyncWhy::InSync { peer };
        return (
            SyncKind::Diff,
            vec![PeerMsg::Diff { zxid: peer }],
            peer,
            why,
        );
    }
    if peer > max && !new_epoch_zxid {
        let why = SyncWhy::PeerAhead { peer, max };
        return (
            SyncKind::Trunc,
            vec![PeerMsg::Trunc { zxid: max }],
            max,
            why,
        );
    }
    if min <= peer && peer <= max {
        let log: Vec<Entry> = core.replica.committed_log.iter().cloned().collect();
        return match queue_committed(&log, peer, max) {
            Some((kind, msgs, at, truncated_to)) => {
                let txns = proposals(&msgs);
                let why = match truncated_to {
                    Some(to) => SyncWhy::Diverged { peer, to, txns },
                    None => SyncWhy::InCommittedLog {
                        peer,
                        min,
                        max,
                        txns,
                    },
                };
                (kind, msgs, at, why)
            }
            None => snap(core, SyncWhy::EpochCrossing { peer }),
        };
    }
    if peer > max {
        return snap(core, SyncWhy::NewEpochBeyond { peer, max });
    }
    // peer < min: `getProposalsFromTxnLog`, if `txnLogSyncEnabled` (factor ≥ 0).
    let factor = core.config.snapshot_size_factor_ppm;
    if factor < 0 {
        return snap(core, SyncWhy::TxnLogDisabled { peer, min });
    }
    // calculateTxnLogSizeLimit: (long) (newest snapshot file's length × factor).
    let snap_size = core.durable.snapshot().map_or(0, |s| s.size());
    let limit = u64::try_from(i128::from(snap_size) * i128::from(factor) / 1_000_000).unwrap_or(0);
    let Some((from, header, read)) = core.durable.read_txn_log(peer) else {
        // No log file: the iterator is empty (`hasNext` false), SNAP.
        return snap(core, SyncWhy::TxnLogMissing { peer, min });
    };
    // "If we cannot guarantee that this is strictly the starting txn after a given zxid, we
    // should fail": the first txn read (not fast-forwarded) must not be after the peer's.
    if header.is_none_or(|h| h > peer) {
        return snap(core, SyncWhy::TxnLogMissing { peer, min });
    }
    let size = read.storage_size;
    if limit > 0 && size > limit {
        // "Txnlog size: … exceeds sizeLimit: …"
        return snap(
            core,
            SyncWhy::TxnLogTooBig {
                peer,
                min,
                size,
                limit,
            },
        );
    }
    // "Use txnlog and committedLog for peer sid": the txn log up to minCommittedLog, then the
    // committedLog after it.
    let from_log: Vec<Entry> = core
        .durable
        .log
        .iter_from(from)
        .take_while(|e| e.zxid() <= min)
        .cloned()
        .collect();
    // "Detected gap between end of txnlog and start of committedLog": SNAP.
    if from_log.last().is_none_or(|e| e.zxid() < min) {
        return snap(core, SyncWhy::TxnLogMissing { peer, min });
    }
    let log: Vec<Entry> = from_log
        .into_iter()
        .chain(
            core.replica
                .committed_log
                .iter()
                .filter(|e| e.zxid() > min)
                .cloned(),
        )
        .collect();
    match queue_committed(&log, peer, max) {
        Some((kind, msgs, at, _)) => {
            let txns = proposals(&msgs);
            let why = SyncWhy::FromTxnLog {
                peer,
                min,
                size,
                limit,
                txns,
            };
            (kind, msgs, at, why)
        }
        None => snap(core, SyncWhy::EpochCrossing { peer }),
    }
}

/// How many PROPOSALs a sync sends.
fn proposals(msgs: &[PeerMsg]) -> u32 {
    msgs.iter()
        .filter(|m| matches!(m, PeerMsg::Proposal(_)))
        .count() as u32
}

fn snap(core: &Core, why: SyncWhy) -> SyncPlan {
    let s = core.replica.snapshot();
    let z = s.zxid;
    (
        SyncKind::Snap,
        vec![PeerMsg::Snap {
            zxid: z,
            snapshot: Box::new(s),
        }],
        z,
        why,
    )
}

/// The kind, packets and end zxid of a committed-log sync, and where it truncated back to.
type Queued = (SyncKind, Vec<PeerMsg>, Zxid, Option<Zxid>);

/// `queueCommittedProposals`: DIFF (possibly after a TRUNC back to the last common txn), then
/// PROPOSAL+COMMIT pairs. `None` when the peer's history diverged across an epoch (→ SNAP).
fn queue_committed(log: &[Entry], peer: Zxid, max: Zxid) -> Option<Queued> {
    let new_epoch_zxid = peer.counter() == 0;
    let mut msgs = Vec::new();
    let mut kind = None;
    let mut truncated_to = None;
    let mut queued = peer;
    let mut prev = None;
    for e in log {
        let z = e.zxid();
        if z > max {
            break;
        }
        if z < peer {
            prev = Some(z);
            continue;
        }
        if kind.is_none() {
            if z == peer {
                kind = Some(SyncKind::Diff);
                msgs.push(PeerMsg::Diff { zxid: max });
                continue;
            }
            if new_epoch_zxid {
                kind = Some(SyncKind::Diff);
                msgs.push(PeerMsg::Diff { zxid: max });
            } else {
                if z.epoch() != peer.epoch() {
                    return None;
                }
                let to = prev.unwrap_or(Zxid::ZERO);
                kind = Some(SyncKind::TruncDiff);
                truncated_to = Some(to);
                msgs.push(PeerMsg::Trunc { zxid: to });
            }
        }
        if z <= queued {
            continue;
        }
        msgs.push(PeerMsg::Proposal(e.clone()));
        msgs.push(PeerMsg::Commit { zxid: z });
        queued = z;
    }
    match kind {
        Some(k) => Some((k, msgs, queued.max(max), truncated_to)),
        None if new_epoch_zxid => {
            Some((SyncKind::Diff, vec![PeerMsg::Diff { zxid: max }], max, None))
        }
        None => None,
    }
}
