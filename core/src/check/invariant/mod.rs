//! Invariants of ZAB, one file each, named after the TLA+ specifications
//! (zookeeper-specifications `Zab.tla`, `ZkV3_7_0.tla`), checked after every step.
//!
//! Each check looks at the events of the step just taken and the kernel state, against a
//! `History` of what was ever proposed and delivered, so checking stays cheap enough to run
//! after every step of every fuzzed seed.
//!
//! Besides the order invariants of the spec, ZabScope adds invariants that see *state*:
//! DigestAgreement, Durability, AckedWritesSurvive, MonotonicReads, EphemeralCleanup,
//! ServeOnlyInBroadcast and the kernel self-check LinkFifo. Then ReadYourSync (the `sync()`
//! guarantee, seen by clients) and the election and discovery as safety properties:
//! ElectedLeaderHighest, NewEpochFresh, EpochOnce. Those that decide whether a server may
//! serve, lead or commit read what the network carried (`wire::Wire`), not the server's own
//! fields a buggy server could keep looking healthy.

mod acked_writes_survive;
mod agreement;
mod digest_agreement;
mod durability;
mod elected_leader_highest;
mod ephemeral_cleanup;
mod epoch_once;
mod global_primary_order;
mod integrity;
mod leadership1;
mod leadership2;
mod link_fifo;
mod local_primary_order;
mod monotonic_reads;
mod new_epoch_fresh;
mod once_map;
mod prefix_consistency;
mod primary_integrity;
mod read_your_sync;
mod serve_only_in_broadcast;
mod total_order;
pub mod wire;

/// Every invariant the checker knows, declared once: its name is what a `Violation` names,
/// what `--break` expects and what the page lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Invariant {
    /// The `Leadership1` invariant (see its file).
    Leadership1,
    /// The `Leadership2` invariant (see its file).
    Leadership2,
    /// The `Integrity` invariant (see its file).
    Integrity,
    /// The `Agreement` invariant (see its file).
    Agreement,
    /// The `TotalOrder` invariant (see its file).
    TotalOrder,
    /// The `LocalPrimaryOrder` invariant (see its file).
    LocalPrimaryOrder,
    /// The `GlobalPrimaryOrder` invariant (see its file).
    GlobalPrimaryOrder,
    /// The `PrimaryIntegrity` invariant (see its file).
    PrimaryIntegrity,
    /// The `PrefixConsistency` invariant (see its file).
    PrefixConsistency,
    /// The `DigestAgreement` invariant (see its file).
    DigestAgreement,
    /// The `Durability` invariant (see its file).
    Durability,
    /// The `AckedWritesSurvive` invariant (see its file).
    AckedWritesSurvive,
    /// The `MonotonicReads` invariant (see its file).
    MonotonicReads,
    /// The `EphemeralCleanup` invariant (see its file).
    EphemeralCleanup,
    /// The `ServeOnlyInBroadcast` invariant (see its file).
    ServeOnlyInBroadcast,
    /// The `LinkFifo` invariant (see its file).
    LinkFifo,
    /// The `ReadYourSync` invariant (see its file).
    ReadYourSync,
    /// The `ElectedLeaderHighest` invariant (see its file).
    ElectedLeaderHighest,
    /// The `NewEpochFresh` invariant (see its file).
    NewEpochFresh,
    /// The `EpochOnce` invariant (see its file).
    EpochOnce,
}

impl Invariant {
    /// Every invariant, in the order the checker reports them.
    pub const ALL: [Invariant; 20] = [
        Invariant::Leadership1,
        Invariant::Leadership2,
        Invariant::Integrity,
        Invariant::Agreement,
        Invariant::TotalOrder,
        Invariant::LocalPrimaryOrder,
        Invariant::GlobalPrimaryOrder,
        Invariant::PrimaryIntegrity,
        Invariant::PrefixConsistency,
        Invariant::DigestAgreement,
        Invariant::Durability,
        Invariant::AckedWritesSurvive,
        Invariant::MonotonicReads,
        Invariant::EphemeralCleanup,
        Invariant::ServeOnlyInBroadcast,
        Invariant::LinkFifo,
        Invariant::ReadYourSync,
        Invariant::ElectedLeaderHighest,
        Invariant::NewEpochFresh,
        Invariant::EpochOnce,
    ];

    /// Its name as the specifications write it (`TotalOrder`, `LinkFifo`, …).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Invariant::Leadership1 => "Leadership1",
            Invariant::Leadership2 => "Leadership2",
            Invariant::Integrity => "Integrity",
            Invariant::Agreement => "Agreement",
            Invariant::TotalOrder => "TotalOrder",
            Invariant::LocalPrimaryOrder => "LocalPrimaryOrder",
            Invariant::GlobalPrimaryOrder => "GlobalPrimaryOrder",
            Invariant::PrimaryIntegrity => "PrimaryIntegrity",
            Invariant::PrefixConsistency => "PrefixConsistency",
            Invariant::DigestAgreement => "DigestAgreement",
            Invariant::Durability => "Durability",
            Invariant::AckedWritesSurvive => "AckedWritesSurvive",
            Invariant::MonotonicReads => "MonotonicReads",
            Invariant::EphemeralCleanup => "EphemeralCleanup",
            Invariant::ServeOnlyInBroadcast => "ServeOnlyInBroadcast",
            Invariant::LinkFifo => "LinkFifo",
            Invariant::ReadYourSync => "ReadYourSync",
            Invariant::ElectedLeaderHighest => "ElectedLeaderHighest",
            Invariant::NewEpochFresh => "NewEpochFresh",
            Invariant::EpochOnce => "EpochOnce",
        }
    }
}

/// Every invariant the checker knows, by name (what a `Violation` names; what a lesson's
/// `expect-violation` may say).
pub const NAMES: [&str; 20] = {
    let mut names = [""; 20];
    let mut i = 0;
    while i < names.len() {
        names[i] = Invariant::ALL[i].name();
        i += 1;
    }
    names
};

use crate::explain::Text;
use crate::ids::{ServerId, SessionId};
use crate::sim::kernel::Kernel;
use crate::sim::trace::{EventKind, MsgInfo};
use crate::time::SimTime;
use crate::zab::server::outbox::Persist;
use crate::zab::server::replica::Entry;
use crate::zab::server::{Role, Server};
use crate::zxid::Zxid;
pub use once_map::{OnceMap, ZxidRuns};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use wire::Wire;

/// What invariant `name` says, as a [`Text`] (`invariant.<name>`), for the banner and a
/// glossary; `None` for a name not in [`NAMES`].
#[must_use]
#[cfg(test)]
pub fn explain(name: &str) -> Option<Text> {
    Some(Text::new(match name {
        "Leadership1" => "invariant.Leadership1",
        "Leadership2" => "invariant.Leadership2",
        "Integrity" => "invariant.Integrity",
        "Agreement" => "invariant.Agreement",
        "TotalOrder" => "invariant.TotalOrder",
        "LocalPrimaryOrder" => "invariant.LocalPrimaryOrder",
        "GlobalPrimaryOrder" => "invariant.GlobalPrimaryOrder",
        "PrimaryIntegrity" => "invariant.PrimaryIntegrity",
        "PrefixConsistency" => "invariant.PrefixConsistency",
        "DigestAgreement" => "invariant.DigestAgreement",
        "Durability" => "invariant.Durability",
        "AckedWritesSurvive" => "invariant.AckedWritesSurvive",
        "MonotonicReads" => "invariant.MonotonicReads",
        "EphemeralCleanup" => "invariant.EphemeralCleanup",
        "ServeOnlyInBroadcast" => "invariant.ServeOnlyInBroadcast",
        "LinkFifo" => "invariant.LinkFifo",
        "ReadYourSync" => "invariant.ReadYourSync",
        "ElectedLeaderHighest" => "invariant.ElectedLeaderHighest",
        "NewEpochFresh" => "invariant.NewEpochFresh",
        "EpochOnce" => "invariant.EpochOnce",
        _ => return None,
    }))
}

/// A broken invariant, with what reproduces it. `detail` is `why` in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub invariant: &'static str,
    pub seed: u64,
    pub step: u64,
    pub detail: String,
    /// What broke, by key (`violation.*`), for rendering in another language.
    pub why: Text,
}

impl Violation {
    /// The whole report by key (`invariant.violated`): what [`Display`](fmt::Display) prints in
    /// English. The invariant's name stays as in the TLA+ specifications.
    #[must_use]
    pub fn text(&self) -> Text {
        Text::new("invariant.violated")
            .arg("invariant", self.invariant)
            .arg("step", self.step)
            .arg("seed", self.seed)
            .arg("detail", self.why.clone())
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} violated at step {} (seed {}): {}",
            self.invariant, self.step, self.seed, self.detail
        )
    }
}

/// What the invariants remember across steps.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Every txn some leader proposed (broadcast), by zxid.
    pub proposed: OnceMap<Zxid, Entry>,
    /// Every txn delivered (committed) somewhere, by zxid; a leader's recovered history counts
    /// as delivered once its epoch is established.
    pub delivered: OnceMap<Zxid, Entry>,
    /// Leaders that set currentEpoch in an epoch (Leadership2) / established it (Leadership1).
    pub leaders: BTreeMap<u32, BTreeSet<ServerId>>,
    pub established: BTreeMap<u32, BTreeSet<ServerId>>,
    /// Per server: the last zxid it delivered since its role last changed.
    pub last_commit: BTreeMap<ServerId, Zxid>,
    /// DigestAgreement: the database digest right after applying each zxid.
    pub digests: OnceMap<Zxid, u64>,
    /// Durability: per server, the txns it ACKed and was not since told to truncate.
    pub acked: BTreeMap<ServerId, ZxidRuns>,
    /// AckedWritesSurvive: client writes answered OK, with their txn.
    pub acked_writes: OnceMap<Zxid, Entry>,
    /// MonotonicReads: per session, the newest zxid an OK reply carried.
    pub seen: BTreeMap<SessionId, Zxid>,
    /// LinkFifo: per directed link, the id of the last message delivered.
    pub link_last: BTreeMap<(ServerId, ServerId), u64>,
    /// ReadYourSync: writes, syncs and reads in flight, and what was acknowledged.
    pub sync_reads: read_your_sync::SyncReads,
    /// Ground truth from the network for the checks that decide who may serve or lead.
    pub wire: Wire,
}

/// One step's view for the checks: a commit at a server, with the entry it applied.
pub struct Delivery<'a> {
    pub server: &'a Server,
    pub zxid: Zxid,
    pub entry: Option<Entry>,
    /// The server's previous delivery since its last role change.
    pub last: Option<Zxid>,
}

/// Checks every invariant; keeps the history some of them need.
#[derive(Clone, Debug, Default)]
pub struct Checker {
    seed: u64,
    history: History,
    reported: BTreeSet<&'static str>,
    /// The kernel's message sequence after the last check: a DROP with a larger id was
    /// dropped as it was sent (not a late drop of an older message).
    seq: u64,
    /// Each node's incarnation at the last check (Durability looks at a disk when it changes).
    incarnations: Vec<u32>,
    /// Each node's server as a leader (`(id, leader_epoch)`) at the last check: Leadership1/2
    /// record a leader only when that changes (their sets only grow), not every step.
    leading: Vec<Option<(ServerId, u32, bool)>>,
    /// NewEpochFresh: the (leader, epoch) decided in the step being checked.
    deciding: Option<(ServerId, u32)>,
}

type Found = Vec<(&'static str, Text)>;

impl Checker {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Checker {
            seed,
            seq: u64::MAX,
            ..Checker::default()
        }
    }

    /// Forget history (after time travel).
    pub fn reset(&mut self) {
        self.history = History::default();
        self.reported.clear();
        self.seq = u64::MAX;
        self.incarnations.clear();
        self.leading.clear();
    }

    /// Check the step the kernel just took. Each invariant is reported once.
    pub fn check(&mut self, k: &Kernel) -> Vec<Violation> {
        let mut found: Found = Vec::new();
        if self.incarnations.len() == k.nodes.len() {
            for (n, &inc) in k.nodes.iter().zip(&self.incarnations) {
                if n.incarnation != inc {
                    self.history.wire.restarted(n.id);
                }
            }
        }
        self.deciding = None;
        self.leadership(k, &mut found);
        for (i, e) in k.events.iter().enumerate() {
            self.kernel_event(k, i, &mut found);
            let Some(server) = e
                .from
                .and_then(|id| k.slot(id))
                .and_then(|i| k.nodes[i].server.as_ref())
            else {
                continue;
            };
            match &e.kind {
                EventKind::Propose { zxid, .. } => {
                    integrity::proposed(&mut self.history, server, *zxid, &mut found)
                }
                EventKind::Established { epoch } => {
                    primary_integrity::check(&self.history, server, *epoch, &mut found);
                    acked_writes_survive::established(&self.history, server, *epoch, &mut found);
                    agreement::recovered(&mut self.history, server, &mut found);
                }
                EventKind::State { .. } | EventKind::Applied { .. } => {
                    self.history.last_commit.remove(&server.core.id);
                }
                EventKind::Commit { zxid } => self.delivered(server, *zxid, &mut found),
                _ => {}
            }
        }
        self.disks(k, &mut found);
        self.seq = k.seq;
        let mut out = Vec::new();
        for (name, why) in found {
            if self.reported.insert(name) {
                out.push(Violation {
                    invariant: name,
                    seed: self.seed,
                    step: k.step,
                    detail: why.en(),
                    why,
                });
            }
        }
        out
    }

    /// Leadership1 then Leadership2, for the servers whose `leader_epoch` changed since the
    /// last check (in node order, as a check of every server would report them).
    fn leadership(&mut self, k: &Kernel, found: &mut Found) {
        if self.leading.len() != k.nodes.len() {
            self.leading = vec![None; k.nodes.len()];
        }
        let mut changed: Vec<(ServerId, u32, bool)> = Vec::new();
        for (n, seen) in k.nodes.iter().zip(self.leading.iter_mut()) {
            let now = n
                .server
                .as_ref()
                .and_then(|s| leader_epoch(s).map(|(e, est)| (s.core.id, e, est)));
            if *seen != now {
                *seen = now;
                changed.extend(now);
            }
        }
        for &(id, epoch, established) in &changed {
            leadership1::check(&mut self.history, id, epoch, established, found);
        }
        for &(id, epoch, _) in &changed {
            leadership2::check(&mut self.history, id, epoch, found);
        }
    }

    fn delivered(&mut self, server: &Server, zxid: Zxid, found: &mut Found) {
        let entry = server
            .core
            .replica
            .committed_log
            .iter()
            .rev()
            .find(|e| e.zxid() == zxid)
            .cloned();
        let id = server.core.id;
        let d = Delivery {
            server,
            zxid,
            entry,
            last: self.history.last_commit.get(&id).copied(),
        };
        integrity::check(&self.history, &d, found);
        prefix_consistency::check(&self.history, &d, found);
        total_order::check(&d, found);
        local_primary_order::check(&d, found);
        global_primary_order::check(&d, found);
        agreement::check(&mut self.history, &d, found);
        digest_agreement::check(&mut self.history, server, zxid, found);
        if let Some(e) = &d.entry {
            ephemeral_cleanup::check(server, e, found);
        }
        self.history.last_commit.insert(id, zxid);
    }

    /// The checks that look at the kernel's own events (links, ACKs, the disk, client replies)
    /// rather than at a running server's protocol notes.
    fn kernel_event(&mut self, k: &Kernel, i: usize, found: &mut Found) {
        let e = &k.events[i];
        let h = &mut self.history;
        match &e.kind {
            EventKind::Deliver { msg_id, msg } => {
                if let (Some(from), Some(to)) = (e.from, e.to) {
                    if msg.name != "CLOSED" {
                        link_fifo::check(h, from, to, *msg_id, found);
                    }
                    if msg.notification.is_none() {
                        delivered_msg(&mut h.wire, k.now, from, to, msg);
                    }
                }
            }
            EventKind::Send { msg_id, msg } | EventKind::Drop { msg_id, msg, .. } => {
                let sent_now = matches!(e.kind, EventKind::Send { .. }) || *msg_id > self.seq;
                let (true, Some(from), Some(to)) = (sent_now, e.from, e.to) else {
                    return;
                };
                if msg.name != "ACK" {
                    return sent_msg(h, k, from, to, msg, &mut self.deciding, found);
                }
                if let Some(z) = msg.zxid
                    && z.counter() != 0
                {
                    h.acked.entry(from).or_default().insert(z);
                }
            }
            // The leader's own ACK, counted after its log flush.
            EventKind::Ack { zxid, from, .. } if e.from == Some(*from) => {
                h.acked.entry(*from).or_default().insert(*zxid);
            }
            EventKind::Persist(Persist::Truncate(z)) => {
                if let Some(acked) = e.from.and_then(|id| h.acked.get_mut(&id)) {
                    acked.retain_up_to(*z);
                }
            }
            EventKind::ClientRequest { session, cxid, op } => {
                read_your_sync::issued(&mut h.sync_reads, *session, *cxid, op);
            }
            EventKind::ClientTimeout { session, cxid } => {
                read_your_sync::timed_out(&mut h.sync_reads, *session, *cxid);
            }
            EventKind::ClientReply {
                session,
                cxid,
                zxid,
                err,
            } => {
                read_your_sync::answered(&mut h.sync_reads, *session, *cxid, *zxid, *err, found);
                if *err != 0 {
                    return;
                }
                let Some(server) = e
                    .from
                    .and_then(|id| k.slot(id))
                    .and_then(|s| k.nodes[s].server.as_ref())
                else {
                    return;
                };
                acked_writes_survive::replied(h, server, session.0, *cxid, *zxid);
                if *cxid == 0 {
                    return;
                }
                monotonic_reads::check(h, *session, *zxid, found);
                // A server that replied and then changed role in the same step was serving
                // when it replied.
                let changed = k.events[i..].iter().any(|x| {
                    x.from == e.from
                        && matches!(x.kind, EventKind::State { .. } | EventKind::GaveUp(_))
                });
                if !changed {
                    serve_only_in_broadcast::check(&h.wire, server, k.now, found);
                }
            }
            _ => {}
        }
    }

    /// Durability: a disk is checked whenever its server's incarnation changed (crash, stop,
    /// restart: the disk is what the next boot reloads, or just reloaded).
    fn disks(&mut self, k: &Kernel, found: &mut Found) {
        if self.incarnations.len() != k.nodes.len() {
            self.incarnations = k.nodes.iter().map(|n| n.incarnation).collect();
            return;
        }
        for (i, n) in k.nodes.iter().enumerate() {
            if n.incarnation != self.incarnations[i] {
                self.incarnations[i] = n.incarnation;
                durability::check(&self.history, n.id, n.durable(), found);
            }
        }
    }
}

/// A quorum packet reached `to`: the learner heard from its leader, or the leader's handshake.
fn delivered_msg(w: &mut Wire, now: SimTime, from: ServerId, to: ServerId, msg: &MsgInfo) {
    w.heard(from, to, now, msg.name == "CLOSED");
    let epoch = msg.zxid.map_or(0, |z| z.epoch());
    match msg.name {
        "UPTODATE" => w.up_to_date(from, to, now),
        "LEADERINFO" => {
            w.offered.insert(to, (epoch, from));
        }
        "FOLLOWERINFO" | "OBSERVERINFO" => {
            w.info.insert((from, to), epoch);
        }
        _ => {}
    }
}

/// A packet `from` sent (an ACK aside): votes, the discovery handshake, NEWLEADER.
fn sent_msg(
    h: &mut History,
    k: &Kernel,
    from: ServerId,
    to: ServerId,
    msg: &MsgInfo,
    deciding: &mut Option<(ServerId, u32)>,
    found: &mut Found,
) {
    let w = &mut h.wire;
    if let Some(n) = &msg.notification {
        // Votes between voters (an observer is answered with the sender's last decided vote).
        if k.config.is_voter(to) {
            w.notified(from, n.leader, (n.peer_epoch, n.zxid), n.state);
        }
        return;
    }
    let epoch = msg.zxid.map_or(0, |z| z.epoch());
    if matches!(msg.name, "FOLLOWERINFO" | "OBSERVERINFO") {
        // A new handshake (`Learner.registerWithLeader`): whatever the sender synced with
        // before is over on the wire; it may serve again only after the next UPTODATE.
        w.synced.remove(&from);
    }
    match msg.name {
        "FOLLOWERINFO" => {
            elected_leader_highest::follows(w, from, to, found);
            w.accept(from, epoch);
        }
        "OBSERVERINFO" => w.accept(from, epoch),
        "LEADERINFO" => new_epoch_fresh::proposed(w, from, epoch, to, deciding, found),
        "ACKEPOCH" => new_epoch_fresh::acked(w, from, to, found),
        "NEWLEADER" => {
            let inc = k.slot(from).map_or(0, |i| k.nodes[i].incarnation);
            epoch_once::established(w, from, inc, epoch, found);
        }
        _ => {}
    }
}

/// The leader's epoch once decided, and whether it is established.
fn leader_epoch(s: &Server) -> Option<(u32, bool)> {
    match &s.role {
        Role::Leading(l) => {
            let set = l.phase >= crate::zab::server::outbox::Phase::Synchronization;
            l.epoch
                .filter(|_| set)
                .map(|e| (e, l.phase == crate::zab::server::outbox::Phase::Broadcast))
        }
        _ => None,
    }
}
