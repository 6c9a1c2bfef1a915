//! The queue checker ("the queue delivers each item exactly once and in order"),
//! over what clients reported in the trace and, at the end, what is left in the tree:
//!
//! - an item put successfully (`put "x" as NODE`) is in one node only (protected creates
//!   do not duplicate it) and is taken at most once (one claim uuid per item);
//! - items of one producer are claimed in the order their puts completed (claim zxids);
//! - at the end (everything healed, consumers alive): no item without a receipt is left, no
//!   two nodes share a protected name, and every item put successfully was taken — by a
//!   consumer that said so (`took "x" from NODE (claim U, zxid Z)`) or by one that died after
//!   its receipt committed (`DIR/taken/NODE` names it).
//!
//! Items are told apart by their data, so a workload must put distinct items.

use crate::client::recipes::queue::{TAKEN, parse_receipt};
use crate::client::recipes::sequence_of;
use crate::sim::kernel::Kernel;
use crate::sim::trace::{Event, EventKind};
use crate::zxid::Zxid;
use std::collections::BTreeMap;

/// A successful put.
#[derive(Clone, Debug)]
struct Put {
    producer: String,
    node: String,
    /// Position among all successful puts.
    order: usize,
}

/// A claim of an item.
#[derive(Clone, Debug)]
struct Claim {
    consumer: String,
    node: String,
    zxid: Zxid,
}

/// Incremental checker for the queue under `dir`; feed it the trace after every step.
#[derive(Clone, Debug)]
pub struct QueueCheck {
    dir: String,
    /// Trace events consumed so far (counted from step 0, dropped ones included).
    seen: usize,
    puts: BTreeMap<String, Put>,
    /// item → claim uuid → claim.
    claims: BTreeMap<String, BTreeMap<String, Claim>>,
    /// Claims seen (reported or found as receipts).
    taken: usize,
}

impl QueueCheck {
    /// A checker of the queue in `dir`.
    #[must_use]
    pub fn new(dir: &str) -> QueueCheck {
        QueueCheck {
            dir: dir.to_string(),
            seen: 0,
            puts: BTreeMap::new(),
            claims: BTreeMap::new(),
            taken: 0,
        }
    }

    /// Items put successfully so far.
    #[must_use]
    pub fn puts(&self) -> usize {
        self.puts.len()
    }

    /// Claims seen so far (reported by consumers, or found as receipts by [`Self::finish`]).
    #[must_use]
    pub fn taken(&self) -> usize {
        self.taken
    }

    fn in_dir<'a>(&self, node: &'a str) -> Option<&'a str> {
        node.strip_prefix(self.dir.as_str())?.strip_prefix('/')
    }

    /// Read the events added since the last call (`dropped`: events dropped from the front
    /// of `trace`); one line per violation found.
    pub fn observe(&mut self, trace: &[Event], dropped: usize) -> Vec<String> {
        let mut v = Vec::new();
        let from = self.seen.max(dropped) - dropped;
        for e in trace.iter().skip(from) {
            if let EventKind::Recipe { client, text } = &e.kind {
                self.note(client, text, &mut v);
            }
        }
        self.seen = dropped + trace.len();
        v
    }

    fn note(&mut self, client: &str, text: &str, v: &mut Vec<String>) {
        if let Some(rest) = text.strip_prefix("put ")
            && let Some((item, node)) = rest.rsplit_once(" as ")
        {
            let node = node.split(' ').next().unwrap_or_default();
            if self.in_dir(node).is_none() {
                return;
            }
            let item = unquote(item);
            if let Some(p) = self.puts.get(&item) {
                if p.node != node {
                    v.push(format!(
                        "queue {}: item {item:?} put twice: {} and {node}",
                        self.dir, p.node
                    ));
                }
                return;
            }
            let order = self.puts.len();
            self.puts.insert(
                item,
                Put {
                    producer: client.to_string(),
                    node: node.to_string(),
                    order,
                },
            );
        } else if let Some(rest) = text.strip_prefix("took ")
            && let Some((item, rest)) = rest.rsplit_once(" from ")
            && let Some((node, rest)) = rest.split_once(" (claim ")
            && let Some((uuid, rest)) = rest.split_once(", zxid ")
            && self.in_dir(node).is_some()
        {
            let zxid = rest
                .split(')')
                .next()
                .and_then(|z| z.strip_prefix("0x"))
                .and_then(|z| u64::from_str_radix(z, 16).ok())
                .map_or(Zxid::ZERO, Zxid);
            let claim = Claim {
                consumer: client.to_string(),
                node: node.to_string(),
                zxid,
            };
            self.claim(unquote(item), uuid, claim, v);
        }
    }

    fn claim(&mut self, item: String, uuid: &str, c: Claim, v: &mut Vec<String>) {
        let claims = self.claims.entry(item.clone()).or_default();
        if claims.contains_key(uuid) {
            return;
        }
        if let Some(first) = claims.values().next() {
            v.push(format!(
                "queue {}: item {item:?} taken twice: by {} from {} and by {} from {}",
                self.dir, first.consumer, first.node, c.consumer, c.node
            ));
        }
        claims.insert(uuid.to_string(), c);
        self.taken += 1;
        v.extend(self.fifo(&item));
    }

    /// The first claim of each item.
    fn claim_of(&self, item: &str) -> Option<&Claim> {
        self.claims.get(item).and_then(|c| c.values().next())
    }

    /// Items of `item`'s producer claimed out of put order.
    fn fifo(&self, item: &str) -> Vec<String> {
        let (Some(p), Some(c)) = (self.puts.get(item), self.claim_of(item)) else {
            return Vec::new();
        };
        let mut v = Vec::new();
        for (other, q) in &self.puts {
            if q.producer != p.producer || other == item {
                continue;
            }
            let Some(d) = self.claim_of(other) else {
                continue;
            };
            if (q.order < p.order) != (d.zxid < c.zxid) {
                let (a, b) = if q.order < p.order {
                    (other.as_str(), item)
                } else {
                    (item, other.as_str())
                };
                v.push(format!(
                    "queue {}: {} put {a:?} before {b:?} but {b:?} was claimed first",
                    self.dir, p.producer
                ));
            }
        }
        v
    }

    /// The end state, once every fault is repaired and the consumers have run: receipts of
    /// consumers that died before saying so count as taken; an item without a receipt left in
    /// the queue, an item put but neither taken nor queued, or two nodes with one protected
    /// name, is a violation.
    pub fn finish(&mut self, k: &Kernel) -> Vec<String> {
        let mut v = Vec::new();
        let Some(s) = k.freshest() else {
            return vec![format!("queue {}: no serving server to read", self.dir)];
        };
        let tree = s.core.replica.db.tree();
        let taken_dir = format!("{}/{TAKEN}", self.dir);
        let receipts = tree.children(&taken_dir).unwrap_or_default();
        let items: Vec<String> = tree
            .children(&self.dir)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| sequence_of(c).is_some())
            .collect();
        for name in &receipts {
            let Some(n) = tree.get(&format!("{taken_dir}/{name}")) else {
                continue;
            };
            let data = String::from_utf8_lossy(n.data.as_deref().unwrap_or_default()).to_string();
            let Some((uuid, consumer, item)) = parse_receipt(&data) else {
                v.push(format!("queue {}: receipt {name} reads {data:?}", self.dir));
                continue;
            };
            let claim = Claim {
                consumer: consumer.to_string(),
                node: format!("{}/{name}", self.dir),
                zxid: n.stat().czxid,
            };
            self.claim(item.to_string(), uuid, claim, &mut v);
        }
        let mut prefixes: BTreeMap<&str, &String> = BTreeMap::new();
        for name in items.iter().chain(&receipts) {
            let prefix = name.rsplit_once("-item-").map_or(name.as_str(), |(p, _)| p);
            if let Some(other) = prefixes.insert(prefix, name)
                && other != name
            {
                v.push(format!(
                    "queue {}: one protected name, two nodes: {other} and {name}",
                    self.dir
                ));
            }
        }
        for name in &items {
            if !receipts.contains(name) {
                let data = tree
                    .get(&format!("{}/{name}", self.dir))
                    .map(|n| {
                        String::from_utf8_lossy(n.data.as_deref().unwrap_or_default()).to_string()
                    })
                    .unwrap_or_default();
                v.push(format!(
                    "queue {}: item {data:?} ({name}) is still in the queue",
                    self.dir
                ));
            }
        }
        for (item, p) in &self.puts {
            if self.claim_of(item).is_none() {
                v.push(format!(
                    "queue {}: item {item:?} put as {} was never taken and is gone",
                    self.dir, p.node
                ));
            }
        }
        v
    }
}

/// `"x"` (a Rust debug string) → `x`.
fn unquote(s: &str) -> String {
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s);
    inner.replace("\\\"", "\"").replace("\\\\", "\\")
}
