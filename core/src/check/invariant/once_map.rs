//! The checker's memory of every txn ever proposed, delivered or acknowledged grows with the
//! run, and the simulation keeps copies of the checker for time travel (every 10,000 steps):
//! with plain `BTreeMap`s each copy cloned the whole history, so a lecture-length run paid
//! O(run length) per copy. These two collections keep the same answers but share
//! what does not change between copies.
//!
//! [`OnceMap`]: a map whose keys are written once and never removed (what Integrity,
//! Agreement, DigestAgreement and AckedWritesSurvive remember), keyed by zxid. Keys almost
//! always arrive in increasing order (a leader proposes and servers deliver in zxid order),
//! so entries are appended to a sorted sequence held in shared chunks ([`Chunked`]): a copy costs a pointer per 256 entries and
//! nothing is ever re-sorted or merged (an earlier version merged `BTreeMap` runs as they grew,
//! re-copying each entry log₂ n times: docs/figures.md, "Design choices"). A key that arrives a
//! little late (clients on different servers are answered slightly out of zxid order) is inserted
//! in place among the newest 256–511 entries, kept unshared for that; only one older than those (a
//! new leader's recovered history) goes to a small side map. [`ZxidRuns`]: a set of zxids stored as
//! runs of consecutive values (a server ACKs proposals in order, so its set is a few runs, not one
//! entry per write).

use crate::sim::chunked::Chunked;
use crate::zxid::Zxid;
use std::collections::BTreeMap;
use std::fmt;

/// Entries per shared chunk of a [`OnceMap`]'s sorted sequence, and the least number of the
/// newest entries kept unshared (where a slightly late key is inserted in place).
const CHUNK: usize = 256;

/// See the module header. The first value written for a key stays.
#[derive(Clone)]
pub struct OnceMap<K, V> {
    /// The older entries, in key order, shared between copies.
    sorted: Chunked<(K, V), CHUNK>,
    /// The newest entries, in key order, all above `sorted`'s: between [`CHUNK`] and twice
    /// that many once the map is that big.
    recent: Vec<(K, V)>,
    /// Entries whose key arrived below every entry of `recent`, by key.
    late: BTreeMap<K, V>,
}

impl<K, V> Default for OnceMap<K, V> {
    fn default() -> Self {
        OnceMap {
            sorted: Chunked::default(),
            recent: Vec::new(),
            late: BTreeMap::new(),
        }
    }
}

impl<K: Ord + Copy, V: Clone> OnceMap<K, V> {
    #[must_use]
    pub fn get(&self, k: &K) -> Option<&V> {
        if self.recent.last().is_none_or(|(max, _)| k > max) {
            return None;
        }
        if self.recent.first().is_some_and(|(min, _)| k >= min) {
            return self
                .recent
                .binary_search_by(|(x, _)| x.cmp(k))
                .ok()
                .map(|i| &self.recent[i].1);
        }
        let i = self.sorted.partition_point(|(x, _)| x < k);
        match self.sorted.get(i) {
            Some((x, v)) if x == k => Some(v),
            _ => self.late.get(k),
        }
    }

    #[must_use]
    pub fn contains_key(&self, k: &K) -> bool {
        self.get(k).is_some()
    }

    /// Remember `v` for `k` unless `k` already has a value.
    pub fn insert_new(&mut self, k: K, v: V) {
        let at = self.recent.partition_point(|(x, _)| *x < k);
        if self.recent.get(at).is_some_and(|(x, _)| *x == k) {
            return;
        }
        let below_recent = at == 0 && (!self.sorted.is_empty() || !self.late.is_empty());
        if below_recent {
            if !self.contains_key(&k) {
                self.late.insert(k, v);
            }
            return;
        }
        self.recent.insert(at, (k, v));
        if self.recent.len() >= 2 * CHUNK {
            for e in self.recent.drain(..CHUNK) {
                self.sorted.push_back(e);
            }
        }
    }

    /// Every entry with a key below `end`, in key order.
    #[must_use]
    pub fn before(&self, end: K) -> Vec<(&K, &V)> {
        self.sorted_while(|k| *k < end)
    }

    /// Every entry with a key up to `end` included, in key order.
    #[must_use]
    pub fn up_to(&self, end: K) -> Vec<(&K, &V)> {
        self.sorted_while(|k| *k <= end)
    }

    /// The entry with the largest key below `end`.
    #[must_use]
    pub fn last_before(&self, end: K) -> Option<(&K, &V)> {
        let r = self.recent.partition_point(|(x, _)| *x < end);
        let main = match r.checked_sub(1) {
            Some(j) => self.recent.get(j),
            None => {
                let i = self.sorted.partition_point(|(x, _)| *x < end);
                i.checked_sub(1).and_then(|j| self.sorted.get(j))
            }
        }
        .map(|(k, v)| (k, v));
        let late = self.late.range(..end).next_back();
        match (main, late) {
            (Some(a), Some(b)) => Some(if a.0 > b.0 { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// The entries whose key passes `keep` (a prefix of the key order), in key order.
    fn sorted_while(&self, keep: impl Fn(&K) -> bool) -> Vec<(&K, &V)> {
        let mut out: Vec<(&K, &V)> = self
            .sorted
            .iter()
            .chain(self.recent.iter())
            .take_while(|(k, _)| keep(k))
            .map(|(k, v)| (k, v))
            .collect();
        if self.late.keys().next().is_some_and(&keep) {
            out.extend(self.late.iter().take_while(|(k, _)| keep(k)));
            out.sort_by_key(|(k, _)| **k);
        }
        out
    }

    /// How many keys are remembered.
    #[must_use]
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.sorted.len() + self.recent.len() + self.late.len()
    }
}

impl<K: Ord + Copy + fmt::Debug, V: Clone + fmt::Debug> fmt::Debug for OnceMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.sorted_while(|_| true)).finish()
    }
}

/// A set of zxids as sorted, disjoint, non-adjacent runs `first..=last` of raw zxid values
/// (see the module header). Iterates in ascending order like a `BTreeSet<Zxid>`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ZxidRuns {
    runs: Vec<(u64, u64)>,
}

impl ZxidRuns {
    pub fn insert(&mut self, z: Zxid) {
        let v = z.0;
        // The usual case: the next zxid after the newest run, or one already in it.
        if let Some(last) = self.runs.last_mut() {
            if v >= last.0 && v <= last.1 {
                return;
            }
            if last.1.checked_add(1) == Some(v) {
                last.1 = v;
                return;
            }
        }
        // The first run starting after v.
        let i = self.runs.partition_point(|r| r.0 <= v);
        if i > 0 && self.runs[i - 1].1 >= v {
            return;
        }
        let joins_prev = i > 0 && self.runs[i - 1].1.checked_add(1) == Some(v);
        let joins_next = i < self.runs.len() && v.checked_add(1) == Some(self.runs[i].0);
        match (joins_prev, joins_next) {
            (true, true) => {
                self.runs[i - 1].1 = self.runs[i].1;
                self.runs.remove(i);
            }
            (true, false) => self.runs[i - 1].1 = v,
            (false, true) => self.runs[i].0 = v,
            (false, false) => self.runs.insert(i, (v, v)),
        }
    }

    /// Keep only the zxids up to `z` (a TRUNC to `z`).
    pub fn retain_up_to(&mut self, z: Zxid) {
        self.runs.retain(|r| r.0 <= z.0);
        if let Some(last) = self.runs.last_mut() {
            last.1 = last.1.min(z.0);
        }
    }

    /// Every zxid in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = Zxid> + '_ {
        self.runs.iter().flat_map(|&(a, b)| (a..=b).map(Zxid))
    }

    #[must_use]
    #[cfg(test)]
    pub fn contains(&self, z: Zxid) -> bool {
        let i = self.runs.partition_point(|r| r.0 <= z.0);
        i > 0 && self.runs[i - 1].1 >= z.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Same answers as a `BTreeMap` / `BTreeSet` over a pseudo-random sequence with mostly
    /// increasing keys, out-of-order ones and repeats.
    #[test]
    fn once_map_answers_like_a_btreemap() {
        let mut m: OnceMap<u64, u64> = OnceMap::default();
        let mut b: BTreeMap<u64, u64> = BTreeMap::new();
        let mut x = 7u64;
        let mut copies = Vec::new();
        for i in 0..5_000u64 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let k = if x.is_multiple_of(7) {
                (x >> 33) % (i + 1)
            } else {
                i
            };
            m.insert_new(k, x);
            b.entry(k).or_insert(x);
            if i % 700 == 0 {
                copies.push((m.clone(), b.clone()));
            }
        }
        copies.push((m, b));
        for (m, b) in &copies {
            assert_eq!(m.len(), b.len());
            for k in 0..5_100 {
                assert_eq!(m.get(&k), b.get(&k));
                assert_eq!(m.last_before(k), b.range(..k).next_back());
            }
            for end in [0, 1, 511, 512, 2_000, 4_999, 6_000] {
                assert_eq!(m.before(end), b.range(..end).collect::<Vec<_>>());
                assert_eq!(m.up_to(end), b.range(..=end).collect::<Vec<_>>());
            }
        }
    }

    /// Answers arriving a little out of order (clients on different servers) stay in the
    /// shared sequence: the side map, copied whole with every checker copy, stays empty.
    #[test]
    fn slightly_late_keys_stay_in_the_shared_sequence() {
        let mut m: OnceMap<u64, u64> = OnceMap::default();
        for i in 0..10_000u64 {
            // Each run of 50 keys arrives in reverse: up to 49 places late.
            let k = i / 50 * 50 + (49 - i % 50);
            m.insert_new(k, i);
        }
        assert_eq!(m.len(), 10_000);
        assert!(m.late.is_empty(), "{} keys in the side map", m.late.len());
        assert!((0..10_000).all(|k| m.get(&k).is_some()));
    }

    #[test]
    fn zxid_runs_answer_like_a_btreeset() {
        let mut r = ZxidRuns::default();
        let mut s: BTreeSet<Zxid> = BTreeSet::new();
        let mut x = 3u64;
        for i in 0..4_000u64 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            match x % 11 {
                0 => {
                    let z = Zxid((x >> 40) % (i + 2));
                    r.retain_up_to(z);
                    s.retain(|y| *y <= z);
                }
                1..=3 => {
                    let z = Zxid((x >> 40) % (i + 2));
                    r.insert(z);
                    s.insert(z);
                }
                _ => {
                    let z = Zxid(i);
                    r.insert(z);
                    s.insert(z);
                }
            }
            if i % 97 == 0 {
                assert_eq!(
                    r.iter().collect::<Vec<_>>(),
                    s.iter().copied().collect::<Vec<_>>()
                );
            }
        }
        assert_eq!(
            r.iter().collect::<Vec<_>>(),
            s.iter().copied().collect::<Vec<_>>()
        );
        for v in 0..4_100 {
            assert_eq!(r.contains(Zxid(v)), s.contains(&Zxid(v)));
        }
    }
}
