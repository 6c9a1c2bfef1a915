//! The explanation state the kernel keeps beside the protocol state (and so checkpoints and
//! time travel keep it too): which zxids a quorum committed, the recent proposals with who
//! ACKed them and when they committed, the entries TRUNC/SNAP discarded, each learner's last
//! sync and why, and what the current step did (vote change, narration, timeline markers).
//!
//! It is fed from the step's trace events; it never changes what a server does, and it is not
//! part of the trace digest.

use crate::explain::sync::SyncWhy;
use crate::explain::timeline::{self, Marker};
use crate::explain::vote::VoteChange;
use crate::explain::{Text, narrate, ser};
use crate::ids::ServerId;
use crate::sim::kernel::Node;
use crate::sim::trace::{Event, EventKind};
use crate::time::SimTime;
use crate::zab::proto::SyncKind;
use crate::zab::server::Role;
use crate::zab::server::outbox::Persist;
use crate::zxid::Zxid;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Proposals kept after they committed (the broadcast panel shows the latest ones).
const PROPOSALS_KEPT: usize = 64;
/// Discarded entries kept per server.
const TRUNCATED_KEPT: usize = 32;

/// One proposal of a leader: its ACKs against the quorum and when it committed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposalRecord {
    /// The leader that proposed it.
    pub leader: ServerId,
    /// The proposal's zxid.
    #[serde(serialize_with = "ser::zxid")]
    pub zxid: Zxid,
    /// ACKs a quorum needs.
    pub needed: u32,
    /// Who ACKed, the leader included once its own log flush is done.
    pub acks: BTreeSet<ServerId>,
    /// The step of the PROPOSAL.
    pub proposed_step: u64,
    /// The simulated time of the PROPOSAL.
    pub proposed_at: SimTime,
    /// `(step, time)` of the leader's commit.
    pub committed: Option<(u64, SimTime)>,
}

/// A log entry a TRUNC or SNAP discarded (kept so the page can strike it through).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TruncatedEntry {
    /// The discarded entry's zxid.
    #[serde(serialize_with = "ser::zxid")]
    pub zxid: Zxid,
    /// The transaction as one line.
    pub txn: String,
    /// "TRUNC" or "SNAP".
    pub by: &'static str,
    /// The step that discarded it.
    pub step: u64,
    /// The simulated time it was discarded.
    pub at: SimTime,
}

/// A learner's last sync.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncRecord {
    pub leader: ServerId,
    pub learner: ServerId,
    /// DIFF, TRUNC, TRUNC+DIFF or SNAP.
    pub kind: SyncKind,
    #[serde(serialize_with = "ser::zxid")]
    pub zxid: Zxid,
    pub why: SyncWhy,
    pub text: Text,
    pub step: u64,
    pub at: SimTime,
}

/// What a TRUNC/SNAP will discard: by which, and the `(zxid, txn)` entries.
type Discarding = (&'static str, Vec<(Zxid, String)>);

/// See the module header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tracker {
    /// Per epoch, the highest zxid a quorum committed (one leader per epoch commits in zxid
    /// order, so every zxid of that epoch up to it is committed).
    pub committed: BTreeMap<u32, Zxid>,
    /// The latest proposals of every leader, oldest first.
    pub proposals: VecDeque<ProposalRecord>,
    /// How many of `proposals` each leader made: a follower's COMMIT (no record of its own)
    /// is then answered without a scan of every record.
    proposers: BTreeMap<ServerId, usize>,
    /// Each server's discarded entries, newest last.
    pub truncated: BTreeMap<ServerId, VecDeque<TruncatedEntry>>,
    /// Each learner's last sync (kind and why).
    pub syncs: BTreeMap<ServerId, SyncRecord>,
    /// This step: the vote change a delivered notification caused.
    pub vote_change: Option<VoteChange>,
    /// Entries a delivered TRUNC/SNAP will discard once the server truncates its log (at once
    /// for TRUNC; for SNAP when the snapshot replaces the log, at NEWLEADER).
    pub(crate) discarding: BTreeMap<ServerId, Discarding>,
    /// This step: its one-sentence narration.
    pub narration: Option<Text>,
    /// This step: its timeline markers.
    pub markers: Vec<Marker>,
    /// No narration, markers or vote explanations (runs without a trace: fuzzing,
    /// benchmarks); commits, ACKs, truncations and syncs are still tracked.
    pub quiet: bool,
}

impl Tracker {
    /// Was `zxid` committed by a quorum (as far as this run has shown)?
    #[must_use]
    pub fn is_committed(&self, zxid: Zxid) -> bool {
        zxid != Zxid::ZERO
            && self
                .committed
                .get(&zxid.epoch())
                .is_some_and(|m| zxid <= *m)
    }

    fn mark_committed(&mut self, zxid: Zxid) {
        let m = self.committed.entry(zxid.epoch()).or_insert(zxid);
        *m = (*m).max(zxid);
    }

    /// Forget the previous step's per-step facts.
    pub(crate) fn begin_step(&mut self) {
        self.vote_change = None;
        self.narration = None;
        self.markers.clear();
    }

    /// Learn from one step's events (after the step ran).
    pub(crate) fn observe(&mut self, events: &[Event], nodes: &[Node]) {
        // One pass, noting which of the later passes this step needs (most steps need none).
        let (mut proposed, mut committed, mut truncated) = (false, false, false);
        for e in events {
            self.observe_one(e, nodes);
            match &e.kind {
                EventKind::Propose { .. } => proposed = true,
                EventKind::Commit { .. } => committed = true,
                EventKind::Persist(Persist::Truncate(_)) => truncated = true,
                _ => {}
            }
        }
        if proposed {
            self.fill_self_acks(events, nodes);
        }
        if committed {
            for e in events {
                if let EventKind::Commit { zxid } = &e.kind
                    && self.quorum_acked(*zxid)
                {
                    self.mark_committed(*zxid);
                }
            }
        }
        if truncated {
            self.record_discarded(events);
        }
        if self.quiet {
            return;
        }
        self.narration = narrate(events, self.vote_change.as_ref(), nodes);
        let markers = timeline::markers(events, |z, from| {
            self.proposals
                .iter()
                .any(|p| p.leader == from && p.zxid == z)
        });
        self.markers = markers;
    }

    fn observe_one(&mut self, e: &Event, nodes: &[Node]) {
        let Some(me) = e.from else { return };
        match &e.kind {
            EventKind::Commit { zxid } => {
                if let Some(p) = self.record(me, *zxid)
                    && p.committed.is_none()
                {
                    p.committed = Some((e.step, e.at));
                }
            }
            EventKind::Applied { zxid } => self.mark_committed(*zxid),
            EventKind::Established { .. } => {
                // NEWLEADER acked by a quorum: the leader's whole initial history is committed.
                if let Some(n) = nodes.iter().find(|n| n.id == me) {
                    let zxids: Vec<Zxid> = n.durable().log.iter().map(|x| x.zxid()).collect();
                    for z in zxids {
                        self.mark_committed(z);
                    }
                }
            }
            EventKind::Propose { zxid, needed } => {
                self.proposals.push_back(ProposalRecord {
                    leader: me,
                    zxid: *zxid,
                    needed: *needed,
                    acks: BTreeSet::new(),
                    proposed_step: e.step,
                    proposed_at: e.at,
                    committed: None,
                });
                *self.proposers.entry(me).or_default() += 1;
                while self.proposals.len() > PROPOSALS_KEPT {
                    if let Some(old) = self.proposals.pop_front()
                        && let Some(n) = self.proposers.get_mut(&old.leader)
                    {
                        *n -= 1;
                        if *n == 0 {
                            self.proposers.remove(&old.leader);
                        }
                    }
                }
            }
            EventKind::Ack { zxid, from, .. } => {
                if let Some(p) = self.record(me, *zxid) {
                    p.acks.insert(*from);
                }
            }
            EventKind::Sync {
                learner,
                kind,
                zxid,
                why,
            } => {
                self.syncs.insert(
                    *learner,
                    SyncRecord {
                        leader: me,
                        learner: *learner,
                        kind: *kind,
                        zxid: *zxid,
                        why: *why,
                        text: sync_text(me, *learner, *kind, why),
                        step: e.step,
                        at: e.at,
                    },
                );
            }
            _ => {}
        }
    }

    /// Did a quorum ACK `zxid` before `server` committed it? The leader's record says; a
    /// follower's COMMIT follows its leader's. With no record (a restored state) the commit is
    /// taken at its word. (Only a broken protocol — `zabscope.break=commitWithoutQuorum` —
    /// commits with fewer.)
    fn quorum_acked(&self, zxid: Zxid) -> bool {
        // Newest first: the record is almost always among the last few (one look per COMMIT
        // instead of a scan of all PROPOSALS_KEPT records).
        let mut seen = false;
        for p in self.proposals.iter().rev().filter(|p| p.zxid == zxid) {
            if p.acks.len() as u32 >= p.needed {
                return true;
            }
            seen = true;
        }
        !seen
    }

    fn record(&mut self, leader: ServerId, zxid: Zxid) -> Option<&mut ProposalRecord> {
        if !self.proposers.contains_key(&leader) {
            return None;
        }
        self.proposals
            .iter_mut()
            .rev()
            .find(|p| p.leader == leader && p.zxid == zxid)
    }

    /// A leader whose log write finished at once ACKs its proposal without an ACK note: take
    /// the ACKs of this step's proposals from the leader's own `outstanding`.
    fn fill_self_acks(&mut self, events: &[Event], nodes: &[Node]) {
        for e in events {
            let (EventKind::Propose { zxid, .. }, Some(me)) = (&e.kind, e.from) else {
                continue;
            };
            let acks = nodes
                .iter()
                .find(|n| n.id == me)
                .and_then(|n| n.server.as_ref())
                .and_then(|s| match &s.role {
                    Role::Leading(l) => l.outstanding.get(zxid).map(|o| &o.acks),
                    _ => None,
                });
            if let Some(p) = self.record(me, *zxid) {
                match acks {
                    Some(a) => p.acks.extend(a.iter().copied()),
                    // Committed within the step it was proposed: the leader alone was a quorum.
                    None if p.committed.is_some() => {
                        p.acks.insert(me);
                    }
                    None => {}
                }
            }
        }
    }

    /// Entries captured before a TRUNC/SNAP was delivered are discarded once the server really
    /// truncated its log in this step.
    fn record_discarded(&mut self, events: &[Event]) {
        for e in events {
            if let (EventKind::Persist(Persist::Truncate(_)), Some(server)) = (&e.kind, e.from)
                && let Some((by, entries)) = self.discarding.remove(&server)
            {
                self.discard(server, by, entries, e.step, e.at);
            }
        }
    }

    fn discard(
        &mut self,
        server: ServerId,
        by: &'static str,
        entries: Vec<(Zxid, String)>,
        step: u64,
        at: SimTime,
    ) {
        let q = self.truncated.entry(server).or_default();
        for (zxid, txn) in entries {
            q.push_back(TruncatedEntry {
                zxid,
                txn,
                by,
                step,
                at,
            });
        }
        while q.len() > TRUNCATED_KEPT {
            q.pop_front();
        }
    }

    /// Before server `node` handles a TRUNC or SNAP from `leader`: remember the entries it is
    /// about to lose (TRUNC: every txn after its zxid; SNAP: the txns the leader never had and
    /// no quorum committed).
    pub(crate) fn before_sync_packet(
        &mut self,
        node: &Node,
        leader: Option<&Node>,
        msg: &crate::zab::proto::PeerMsg,
    ) {
        use crate::zab::proto::PeerMsg;
        let log = &node.durable().log;
        let (by, lost): (&'static str, Vec<(Zxid, String)>) = match msg {
            PeerMsg::Trunc { zxid } => (
                "TRUNC",
                log.iter()
                    .filter(|e| e.zxid() > *zxid)
                    .map(|e| (e.zxid(), e.txn.to_string()))
                    .collect(),
            ),
            PeerMsg::Snap { .. } => {
                let theirs = leader.map(|l| &l.durable().log);
                let leader_has = |z: Zxid| {
                    theirs.is_some_and(|t| {
                        t.front().is_some_and(|f| z < f.zxid())
                            || t.binary_search_by(|e| e.zxid().cmp(&z)).is_ok()
                    })
                };
                (
                    "SNAP",
                    log.iter()
                        .filter(|e| !self.is_committed(e.zxid()) && !leader_has(e.zxid()))
                        .map(|e| (e.zxid(), e.txn.to_string()))
                        .collect(),
                )
            }
            _ => return,
        };
        self.discarding.insert(node.id, (by, lost));
    }
}

fn sync_text(leader: ServerId, learner: ServerId, kind: SyncKind, why: &SyncWhy) -> Text {
    why.text(leader, learner, kind)
}
