//! Invariants of ZAB, one file each, named after the TLA+ specifications
//! (zookeeper-specifications `Zab.tla`, `ZkV3_7_0.tla`), checked after every step.
//!
//! Each check looks at the events of the step just taken and the kernel state, against a
//! `History` of what was ever proposed and delivered, so checking stays cheap enough to run
//! after every step of every fuzzed seed.

mod agreement;
mod global_primary_order;
mod integrity;
mod leadership1;
mod leadership2;
mod local_primary_order;
mod prefix_consistency;
mod primary_integrity;
mod total_order;

use crate::ids::ServerId;
use crate::server::replica::Entry;
use crate::server::{Role, Server};
use crate::sim::kernel::Kernel;
use crate::trace::EventKind;
use crate::zxid::Zxid;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A broken invariant, with what reproduces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub invariant: &'static str,
    pub seed: u64,
    pub step: u64,
    pub detail: String,
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
    pub proposed: BTreeMap<Zxid, Entry>,
    /// Every txn delivered (committed) somewhere, by zxid; a leader's recovered history counts
    /// as delivered once its epoch is established.
    pub delivered: BTreeMap<Zxid, Entry>,
    /// Leaders that set currentEpoch in an epoch (Leadership2) / established it (Leadership1).
    pub leaders: BTreeMap<u32, BTreeSet<ServerId>>,
    pub established: BTreeMap<u32, BTreeSet<ServerId>>,
    /// Per server: the last zxid it delivered since its role last changed.
    pub last_commit: BTreeMap<ServerId, Zxid>,
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
}

type Found = Vec<(&'static str, String)>;

impl Checker {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Checker {
            seed,
            ..Checker::default()
        }
    }

    /// Forget history (after time travel).
    pub fn reset(&mut self) {
        self.history = History::default();
        self.reported.clear();
    }

    /// Check the step the kernel just took. Each invariant is reported once.
    pub fn check(&mut self, k: &Kernel) -> Vec<Violation> {
        let mut found: Found = Vec::new();
        leadership1::check(&mut self.history, k, &mut found);
        leadership2::check(&mut self.history, k, &mut found);
        for e in &k.events {
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
                    agreement::recovered(&mut self.history, server, &mut found);
                }
                EventKind::State { .. } | EventKind::Applied { .. } => {
                    self.history.last_commit.remove(&server.core.id);
                }
                EventKind::Commit { zxid } => self.delivered(server, *zxid, &mut found),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for (name, detail) in found {
            if self.reported.insert(name) {
                out.push(Violation {
                    invariant: name,
                    seed: self.seed,
                    step: k.step,
                    detail,
                });
            }
        }
        out
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
        self.history.last_commit.insert(id, zxid);
    }
}

/// The leader's epoch once decided, and whether it is established.
fn leader_epoch(s: &Server) -> Option<(u32, bool)> {
    match &s.role {
        Role::Leading(l) => {
            let set = l.phase >= crate::server::outbox::Phase::Synchronization;
            l.epoch
                .filter(|_| set)
                .map(|e| (e, l.phase == crate::server::outbox::Phase::Broadcast))
        }
        _ => None,
    }
}
