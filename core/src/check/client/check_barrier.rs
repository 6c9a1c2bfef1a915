//! The double-barrier checker (ZooKeeper's recipes page, "Double Barriers"), after every step:
//!
//! - **enter**: `DIR/ready` appears only after some server's tree held at least N member
//!   nodes under `DIR` at once (the opener must have listed N children);
//! - **leave**: when a client reports `left barrier DIR (…, zxid R)` (its listing, answered at
//!   zxid R, had no member node), every session that reported joining with a node created at
//!   or before R has deleted its node (`leaving barrier DIR`) or is dead (closed or expired,
//!   committed by a quorum) — nobody is out while a member is still inside or still waiting
//!   to enter. (A late joiner whose node came after R joined a barrier already emptied.)
//!
//! Members are read from every running server's tree (any state a reader could have been
//! answered from); the joins/leaves from the clients' notes in the trace.

use crate::ids::SessionId;
use crate::sim::kernel::{Kernel, Status};
use crate::sim::trace::{Event, EventKind};
use crate::zxid::Zxid;
use std::collections::{BTreeMap, BTreeSet};

/// What the checker knows of one barrier directory.
#[derive(Clone, Debug, Default)]
struct One {
    count: usize,
    /// Most member nodes seen at once in a tree without `ready`.
    most: usize,
    opened: bool,
    /// Session → (client, czxid of its member node).
    joined: BTreeMap<SessionId, (String, Zxid)>,
    leaving: BTreeSet<SessionId>,
    entered: BTreeSet<SessionId>,
    left: BTreeSet<SessionId>,
}

/// Incremental checker for the barriers under `root` (e.g. `/r/bar` for `/r/bar/1`, …).
#[derive(Clone, Debug)]
pub struct BarrierCheck {
    root: String,
    seen: usize,
    barriers: BTreeMap<String, One>,
}

impl BarrierCheck {
    /// A checker of the barrier at `root`.
    #[must_use]
    pub fn new(root: &str) -> BarrierCheck {
        BarrierCheck {
            root: root.to_string(),
            seen: 0,
            barriers: BTreeMap::new(),
        }
    }

    /// Barrier `dir` is for `count` clients (call before its first member joins).
    pub fn expect(&mut self, dir: &str, count: usize) {
        self.barriers.entry(dir.to_string()).or_default().count = count;
    }

    /// (entered, left) sessions of `dir` so far.
    #[must_use]
    pub fn progress(&self, dir: &str) -> (usize, usize) {
        self.barriers
            .get(dir)
            .map_or((0, 0), |b| (b.entered.len(), b.left.len()))
    }

    /// Check the new trace events and the servers' trees; one line per violation.
    pub fn observe(&mut self, k: &Kernel, trace: &[Event], dropped: usize) -> Vec<String> {
        let mut v = Vec::new();
        self.trees(k, &mut v);
        let from = self.seen.max(dropped) - dropped;
        for e in trace.iter().skip(from) {
            if let EventKind::Recipe { text, client } = &e.kind {
                self.note(k, client, text, &mut v);
            }
        }
        self.seen = dropped + trace.len();
        v
    }

    fn trees(&mut self, k: &Kernel, v: &mut Vec<String>) {
        let trees: Vec<_> = k
            .nodes
            .iter()
            .filter(|n| n.status == Status::Up)
            .filter_map(|n| n.server.as_ref())
            .map(|s| s.core.replica.db.tree())
            .collect();
        for (dir, b) in self.barriers.iter_mut().filter(|(_, b)| !b.opened) {
            let ready = format!("{dir}/ready");
            for t in &trees {
                if t.get(&ready).is_none() {
                    let n = t.get(dir).map_or(0, |d| d.children.len());
                    b.most = b.most.max(n);
                }
            }
            if !b.opened && trees.iter().any(|t| t.get(&ready).is_some()) {
                b.opened = true;
                if b.most < b.count {
                    v.push(format!(
                        "barrier {dir} opened ({ready} created) with at most {} of {} members present",
                        b.most, b.count
                    ));
                }
            }
        }
    }

    fn note(&mut self, k: &Kernel, client: &str, text: &str, v: &mut Vec<String>) {
        let Some((what, rest)) = text.split_once(" barrier ") else {
            return;
        };
        let Some((dir, rest)) = rest.split_once(' ') else {
            return;
        };
        if !dir.starts_with(&format!("{}/", self.root)) {
            return;
        }
        // "(session 0x…)" or "(session 0x…, zxid 0x…)".
        let Some((session, zxid)) = rest
            .rsplit_once("(session 0x")
            .and_then(|(_, s)| s.strip_suffix(')'))
            .and_then(|s| {
                let (s, z) = s.split_once(", zxid 0x").unwrap_or((s, "0"));
                Some((
                    SessionId(u64::from_str_radix(s, 16).ok()? as i64),
                    Zxid(u64::from_str_radix(z, 16).ok()?),
                ))
            })
        else {
            return;
        };
        let b = self.barriers.entry(dir.to_string()).or_default();
        match what {
            "joined" => {
                b.joined.insert(session, (client.to_string(), zxid));
            }
            "entered" => {
                b.entered.insert(session);
            }
            "leaving" => {
                b.leaving.insert(session);
            }
            "left" => {
                b.left.insert(session);
                for (j, (who, czxid)) in &b.joined {
                    if *czxid > zxid || b.leaving.contains(j) {
                        continue;
                    }
                    let dead = !k.session_alive(*j) || k.session_closed_by_quorum(*j);
                    if !dead {
                        v.push(format!(
                            "barrier {dir}: {client} left while {who} (session {j}) is still in it"
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}
