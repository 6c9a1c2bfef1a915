//! `Agenda`: the kernel's pending items ordered by `(SimTime, seq)`, with the map operations
//! the kernel needs (insert, take the first, remove or look up by key, iterate in order).
//!
//! Two tiers, so that a step costs the same with a thousand or a million items pending:
//! - `near`, a short sorted ring buffer holding every key below `bound`. Nearly every new item
//!   belongs at or near its end (a message sent now arrives after what is already pending) and
//!   items are taken from its front, so an insert is a binary search plus a shift of at most
//!   [`NEAR_CAP`]` / 2` entries and taking the next item is O(1). On a small agenda (the
//!   classroom ensembles) this tier is all there is.
//! - `far`, a B-tree holding every key at or above `bound`: the long tail of timeouts and
//!   commands queued behind the live traffic. Insert and remove are O(log n) there.
//!
//! When `near` grows past [`NEAR_CAP`] its later half moves to `far` (and `bound` drops to the
//! first key moved); when it runs empty the next [`REFILL`] items move back. Each move is paid
//! for by at least `NEAR_CAP / 2` operations on `near`, so every operation is amortised
//! O(log n), where one sorted buffer shifted up to all n entries on an insert before the
//! tail (3 ms a step with 500,000 pending). The order, and so every run and digest, is the
//! same as a map's: keys are unique and compared exactly as a `BTreeMap` compares them.

use crate::sim::kernel::Item;
use crate::time::SimTime;
use std::collections::{BTreeMap, VecDeque, btree_map, vec_deque};
use std::fmt;

/// An agenda key: when, then the sequence number of the scheduling (unique).
pub type Key = (SimTime, u64);

/// The most entries `near` holds before its later half moves to `far`.
pub const NEAR_CAP: usize = 128;
/// How many entries move from `far` to `near` when `near` runs empty.
const REFILL: usize = NEAR_CAP / 2;

/// See the module header.
#[derive(Clone, Default)]
pub struct Agenda {
    /// Sorted; every key `< bound`.
    near: VecDeque<(Key, Item)>,
    /// Every key `>= bound`; empty when `bound` is `None`.
    far: BTreeMap<Key, Item>,
    /// `None`: everything is in `near`.
    bound: Option<Key>,
}

type NearIter<'a> =
    std::iter::Map<vec_deque::Iter<'a, (Key, Item)>, fn(&'a (Key, Item)) -> (&'a Key, &'a Item)>;

/// `(key, item)` in key order: `near`, then `far`.
pub type Iter<'a> = std::iter::Chain<NearIter<'a>, btree_map::Iter<'a, Key, Item>>;

impl Agenda {
    #[must_use]
    pub fn new() -> Agenda {
        Agenda::default()
    }

    /// Does `key` belong to the `far` tier?
    fn is_far(&self, key: &Key) -> bool {
        self.bound.is_some_and(|b| *key >= b)
    }

    /// Where `key` is or would go in `near`. The buffer is kept in one piece
    /// ([`Agenda::insert`]), so this is one branch-free binary search over a slice, keys
    /// compared as one 128-bit number.
    fn search(&self, key: &Key) -> Result<usize, usize> {
        let wide = |k: &Key| u128::from(k.0.0) << 64 | u128::from(k.1);
        let want = wide(key);
        let (front, back) = self.near.as_slices();
        let i = if back.is_empty() {
            front.partition_point(|(k, _)| wide(k) < want)
        } else {
            self.near.partition_point(|(k, _)| wide(k) < want)
        };
        match self.near.get(i) {
            Some((k, _)) if k == key => Ok(i),
            _ => Err(i),
        }
    }

    /// Schedule `item` under `key`; the item it replaces, if the key was taken.
    pub fn insert(&mut self, key: Key, item: Item) -> Option<Item> {
        if self.is_far(&key) {
            return self.far.insert(key, item);
        }
        let old = if self.near.back().is_none_or(|(k, _)| *k < key) {
            self.near.push_back((key, item));
            None
        } else {
            match self.search(&key) {
                Ok(i) => Some(std::mem::replace(&mut self.near[i].1, item)),
                Err(i) => {
                    self.near.insert(i, (key, item));
                    None
                }
            }
        };
        if self.near.len() > NEAR_CAP {
            self.spill();
        }
        // One piece again if the ring wrapped (a no-op otherwise; a rotation once per lap).
        self.near.make_contiguous();
        old
    }

    /// `near` is full: its later half moves to `far`, and `bound` drops to the first key moved.
    fn spill(&mut self) {
        let moved = self.near.split_off(self.near.len() / 2);
        if let Some((first, _)) = moved.front() {
            self.bound = Some(*first);
        }
        self.far.extend(moved);
    }

    /// `near` ran empty: the next [`REFILL`] items of `far` move into it.
    fn refill(&mut self) {
        while self.near.len() < REFILL {
            match self.far.pop_first() {
                Some(entry) => self.near.push_back(entry),
                None => break,
            }
        }
        self.bound = self.far.first_key_value().map(|(k, _)| *k);
    }

    /// Take the item under `key`.
    pub fn remove(&mut self, key: &Key) -> Option<Item> {
        if self.is_far(key) {
            return self.far.remove(key);
        }
        let i = self.search(key).ok()?;
        self.near.remove(i).map(|(_, item)| item)
    }

    /// Take the first item.
    pub fn pop_first(&mut self) -> Option<(Key, Item)> {
        if self.near.is_empty() {
            self.refill();
        }
        self.near.pop_front()
    }

    #[must_use]
    pub fn get(&self, key: &Key) -> Option<&Item> {
        if self.is_far(key) {
            return self.far.get(key);
        }
        self.search(key).ok().map(|i| &self.near[i].1)
    }

    #[must_use]
    pub fn contains_key(&self, key: &Key) -> bool {
        self.get(key).is_some()
    }

    /// `(key, item)` in key order.
    pub fn iter(&self) -> Iter<'_> {
        let pair: fn(&(Key, Item)) -> (&Key, &Item) = |(k, v)| (k, v);
        self.near.iter().map(pair).chain(self.far.iter())
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Key> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// The items in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Item> + '_ {
        self.iter().map(|(_, v)| v)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.near.len() + self.far.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.near.is_empty() && self.far.is_empty()
    }
}

/// Equal when the same items are pending under the same keys, however they are split
/// between the tiers.
impl PartialEq for Agenda {
    fn eq(&self, other: &Agenda) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Agenda {}

/// As a map, in key order (the split between the tiers is not shown).
impl fmt::Debug for Agenda {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(Key, Item)> for Agenda {
    /// From entries in any order (a key given twice keeps its last item, as a map would):
    /// everything starts in `far`, and the first step refills `near`.
    fn from_iter<I: IntoIterator<Item = (Key, Item)>>(iter: I) -> Agenda {
        let mut far = BTreeMap::new();
        for (k, v) in iter {
            far.insert(k, v);
        }
        Agenda {
            near: VecDeque::new(),
            bound: far.first_key_value().map(|(k, _)| *k),
            far,
        }
    }
}

impl<'a> IntoIterator for &'a Agenda {
    type Item = (&'a Key, &'a Item);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn item(n: u64) -> Item {
        Item::Timer {
            slot: 0,
            set_step: n,
        }
    }

    /// The same answers as a `BTreeMap`, over inserts at the end, in the middle and at the
    /// front, replacements, removals of present and absent keys and pops; `spread` sets how
    /// far ahead keys go, so both tiers and the moves between them are exercised.
    fn compare(seed: u64, ops: u64, spread: u64) {
        let mut a = Agenda::new();
        let mut b: BTreeMap<Key, Item> = BTreeMap::new();
        let mut x = seed;
        for n in 0..ops {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let r = x >> 33;
            let key = (SimTime(n / 3 + r % spread), r % 7);
            match r % 10 {
                0..=5 => assert_eq!(a.insert(key, item(n)), b.insert(key, item(n))),
                6 | 7 => assert_eq!(a.remove(&key), b.remove(&key)),
                8 => assert_eq!(a.pop_first(), b.pop_first()),
                _ => {
                    assert_eq!(a.get(&key), b.get(&key));
                    assert_eq!(a.contains_key(&key), b.contains_key(&key));
                }
            }
            assert_eq!(a.len(), b.len());
            if n % 97 == 0 {
                assert!(a.iter().eq(b.iter()));
                assert_eq!(a.keys().next(), b.keys().next());
                assert_eq!(a.keys().next_back(), b.keys().next_back());
            }
        }
        assert!(a.iter().eq(b.iter()));
        let rebuilt: Agenda = b.iter().rev().map(|(k, v)| (*k, v.clone())).collect();
        assert_eq!(rebuilt, a);
        assert_eq!(format!("{rebuilt:?}"), format!("{b:?}"));
        while let Some(e) = b.pop_first() {
            assert_eq!(a.pop_first(), Some(e));
        }
        assert!(a.is_empty());
        assert_eq!(a.pop_first(), None);
    }

    #[test]
    fn answers_like_a_btreemap() {
        compare(11, 20_000, 40);
    }

    /// Thousands pending (keys up to 5,000 ahead): `near` spills into `far` and refills.
    #[test]
    fn answers_like_a_btreemap_when_thousands_are_pending() {
        compare(29, 60_000, 5_000);
        compare(7, 60_000, 400);
    }

    /// A long tail queued far ahead stays in `far` while the traffic in front of it passes
    /// through `near`, and everything still comes out in key order.
    #[test]
    fn a_long_tail_leaves_the_front_short() {
        let mut a = Agenda::new();
        for i in 0..10_000u64 {
            a.insert((SimTime(1_000_000 + i), i), item(i));
        }
        for t in 0..5_000u64 {
            a.insert((SimTime(t), 100_000 + t), item(t));
            assert_eq!(
                a.pop_first().map(|(k, _)| k),
                Some((SimTime(t), 100_000 + t))
            );
            assert!(a.near.len() <= NEAR_CAP);
        }
        let keys: Vec<Key> = a.keys().copied().collect();
        assert_eq!(keys.len(), 10_000);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }
}
