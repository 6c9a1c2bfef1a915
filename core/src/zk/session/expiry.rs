//! `ExpiryQueue` (S/ExpiryQueue.java): elements expire in buckets on multiples of the
//! expiration interval (tickTime): `roundToNextInterval(now + timeout)`.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Buckets of elements by expiry time (ms).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpiryQueue<E: Ord + Clone> {
    interval: u64,
    elem_map: BTreeMap<E, u64>,
    expiry_map: BTreeMap<u64, BTreeSet<E>>,
}

impl<E: Ord + Clone> ExpiryQueue<E> {
    /// A queue whose buckets are `interval` ms apart (at least 1).
    #[must_use]
    pub fn new(interval: u64) -> Self {
        ExpiryQueue {
            interval: interval.max(1),
            elem_map: BTreeMap::new(),
            expiry_map: BTreeMap::new(),
        }
    }

    /// `roundToNextInterval(time)` = `(time / interval + 1) * interval`.
    #[must_use]
    pub fn round_to_next_interval(&self, time: u64) -> u64 {
        (time / self.interval + 1).saturating_mul(self.interval)
    }

    /// `update(elem, timeout)`: moves `e` to the bucket of `now + timeout`; returns the new
    /// expiry time.
    pub fn update(&mut self, e: E, now: u64, timeout: u64) -> u64 {
        let new = self.round_to_next_interval(now.saturating_add(timeout));
        if let Some(prev) = self.elem_map.insert(e.clone(), new) {
            if prev == new {
                return new;
            }
            self.remove_from_bucket(&e, prev);
        }
        self.expiry_map.entry(new).or_default().insert(e);
        new
    }

    fn remove_from_bucket(&mut self, e: &E, at: u64) {
        if let Some(set) = self.expiry_map.get_mut(&at) {
            set.remove(e);
            if set.is_empty() {
                self.expiry_map.remove(&at);
            }
        }
    }

    /// `remove(elem)`.
    pub fn remove(&mut self, e: &E) -> Option<u64> {
        let at = self.elem_map.remove(e)?;
        self.remove_from_bucket(e, at);
        Some(at)
    }

    /// When `e` expires, if queued.
    #[must_use]
    pub fn expiry_of(&self, e: &E) -> Option<u64> {
        self.elem_map.get(e).copied()
    }

    /// The earliest non-empty bucket's time.
    #[must_use]
    pub fn next_expiration(&self) -> Option<u64> {
        self.expiry_map.keys().next().copied()
    }

    /// `poll()` repeated up to `now`: removes and returns every bucket whose time ≤ now,
    /// earliest first, each with its time.
    pub fn poll_until(&mut self, now: u64) -> Vec<(u64, Vec<E>)> {
        let mut out = Vec::new();
        while let Some((&at, _)) = self.expiry_map.iter().next() {
            if at > now {
                break;
            }
            let set = self.expiry_map.remove(&at).unwrap_or_default();
            for e in &set {
                self.elem_map.remove(e);
            }
            out.push((at, set.into_iter().collect()));
        }
        out
    }
}
