//! Client-side check: linearizable writes, per key (ZooKeeper's writes are linearizable;
//! reads are sequentially consistent, so a read may be stale unless `sync` comes first).
//! Each node's data is a register; every library client records its create/setData
//! (writes) and getData (reads) with invoke and completion time. A Wing–Gong search looks
//! for an order of the key's *writes* that respects real time, with each *synced* read — a
//! read right after a `sync` by the same client — returning the latest write before it.
//! A write answered ConnectionLoss may or may not have happened (it may be left out or
//! placed anywhere after its invocation). Small histories only: keys with more than
//! [`MAX_OPS`] operations are skipped.

use crate::sim::kernel::Kernel;
use crate::time::SimTime;
use std::collections::{BTreeMap, BTreeSet};

/// One register operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegOp {
    /// The client that issued it.
    pub client: String,
    /// Its cxid.
    pub cxid: i32,
    /// The register (znode path).
    pub key: String,
    /// `Some(v)`: a write of `v`; `None`: a read.
    pub write: Option<String>,
    /// When it was sent.
    pub invoke: SimTime,
    /// `None` while in flight or when the outcome is unknown (ConnectionLoss).
    pub complete: Option<SimTime>,
    /// The value a read returned (`None` = NoNode).
    pub read: Option<Option<String>>,
    /// Whether it succeeded (`None`: unknown).
    pub ok: Option<bool>,
    /// A read issued right after a `sync` on the same client (must see the latest write).
    pub synced: bool,
}

/// Histories longer than this per key are not checked (the search is exponential).
pub const MAX_OPS: usize = 14;

/// Violations: the key whose history has no linearization.
#[must_use]
pub fn check(k: &Kernel) -> Vec<String> {
    let ops = || {
        k.clients
            .iter()
            .filter_map(|c| c.zk.as_deref())
            .flat_map(|z| &z.ops)
    };
    // key → (operations on it, those the search places: writes and synced reads). Only keys
    // with something to order are counted (a lone write, or no write, always linearizes).
    let mut by_key: BTreeMap<&str, (usize, Vec<&RegOp>)> = BTreeMap::new();
    for op in ops().filter(|o| placed(o)) {
        by_key.entry(&op.key).or_default().1.push(op);
    }
    by_key.retain(|_, (_, p)| p.len() > 1 || p.iter().any(|o| o.write.is_none()));
    if by_key.is_empty() {
        return Vec::new();
    }
    for op in ops() {
        if let Some(e) = by_key.get_mut(op.key.as_str()) {
            e.0 += 1;
        }
    }
    by_key
        .into_iter()
        .filter(|(_, (n, _))| *n <= MAX_OPS)
        .filter(|(_, (_, ops))| !linearizable(ops))
        .map(|(key, _)| {
            format!("linearizability: no linearization of the writes and synced reads of {key}")
        })
        .collect()
}

/// Wing–Gong: try every op that may go first (no completed op ends before it starts).
fn linearizable(ops: &[&RegOp]) -> bool {
    let mut seen = BTreeSet::new();
    search(ops, 0, &None, &mut seen)
}

/// Whether the search places `o`: a write that did not fail, or a synced read answered.
fn placed(o: &RegOp) -> bool {
    o.ok != Some(false) && (o.write.is_some() || (o.synced && o.ok == Some(true)))
}

fn search(
    ops: &[&RegOp],
    done: u32,
    value: &Option<String>,
    seen: &mut BTreeSet<(u32, Option<String>)>,
) -> bool {
    // Every op whose outcome is known must be placed; unknown writes may be dropped.
    if ops
        .iter()
        .enumerate()
        .all(|(i, o)| done & (1 << i) != 0 || o.ok.is_none())
    {
        return true;
    }
    if !seen.insert((done, value.clone())) {
        return false;
    }
    let end = |o: &RegOp| o.complete.unwrap_or(SimTime(u64::MAX));
    let pending: Vec<usize> = (0..ops.len()).filter(|i| done & (1 << i) == 0).collect();
    let first_end = pending
        .iter()
        .filter(|i| ops[**i].ok.is_some())
        .map(|i| end(ops[*i]))
        .min()
        .unwrap_or(SimTime(u64::MAX));
    for &i in &pending {
        let o = ops[i];
        if o.invoke > first_end {
            continue;
        }
        let next = match (&o.write, &o.read) {
            (Some(v), _) => Some(v.clone()),
            (None, Some(r)) if r == value => value.clone(),
            _ => continue,
        };
        if search(ops, done | (1 << i), &next, seen) {
            return true;
        }
    }
    false
}
