//! `Agenda`: the kernel's pending items ordered by `(SimTime, seq)`, with the map operations
//! the kernel needs (insert, take the first, remove or look up by key, iterate in order).
//!
//! A sorted ring buffer rather than a `BTreeMap`: nearly every new item belongs at or near the
//! end (a message sent now arrives after what is already pending; a re-armed timer lies ahead)
//! and items are taken from the front, so an insert is a binary search plus a short shift of
//! the nearer side and taking the next item is O(1). The B-tree's node searches, splits and
//! merges were a noticeable share of a step (docs/figures.md, "Design choices"). The order, and so
//! every run and digest, is the same: keys are unique and compared exactly as the map compared
//! them.

use crate::sim::kernel::Item;
use crate::time::SimTime;
use std::collections::VecDeque;

/// An agenda key: when, then the sequence number of the scheduling (unique).
pub type Key = (SimTime, u64);

/// See the module header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    items: VecDeque<(Key, Item)>,
}

impl Agenda {
    #[must_use]
    pub fn new() -> Agenda {
        Agenda::default()
    }

    /// Where `key` is or would go. The buffer is kept in one piece ([`Agenda::insert`]), so
    /// this is one branch-free binary search over a slice, keys compared as one 128-bit number.
    fn search(&self, key: &Key) -> Result<usize, usize> {
        let wide = |k: &Key| u128::from(k.0.0) << 64 | u128::from(k.1);
        let want = wide(key);
        let (front, back) = self.items.as_slices();
        let i = if back.is_empty() {
            front.partition_point(|(k, _)| wide(k) < want)
        } else {
            self.items.partition_point(|(k, _)| wide(k) < want)
        };
        match self.items.get(i) {
            Some((k, _)) if k == key => Ok(i),
            _ => Err(i),
        }
    }

    /// Schedule `item` under `key`; the item it replaces, if the key was taken.
    pub fn insert(&mut self, key: Key, item: Item) -> Option<Item> {
        let old = if self.items.back().is_none_or(|(k, _)| *k < key) {
            self.items.push_back((key, item));
            None
        } else {
            match self.search(&key) {
                Ok(i) => Some(std::mem::replace(&mut self.items[i].1, item)),
                Err(i) => {
                    self.items.insert(i, (key, item));
                    None
                }
            }
        };
        // One piece again if the ring wrapped (a no-op otherwise; a rotation once per lap).
        self.items.make_contiguous();
        old
    }

    /// Take the item under `key`.
    pub fn remove(&mut self, key: &Key) -> Option<Item> {
        let i = self.search(key).ok()?;
        self.items.remove(i).map(|(_, item)| item)
    }

    /// Take the first item.
    pub fn pop_first(&mut self) -> Option<(Key, Item)> {
        self.items.pop_front()
    }

    #[must_use]
    pub fn get(&self, key: &Key) -> Option<&Item> {
        self.search(key).ok().map(|i| &self.items[i].1)
    }

    #[must_use]
    pub fn contains_key(&self, key: &Key) -> bool {
        self.search(key).is_ok()
    }

    /// `(key, item)` in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Key, &Item)> + '_ {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Key> + '_ {
        self.items.iter().map(|(k, _)| k)
    }

    /// The items in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Item> + '_ {
        self.items.iter().map(|(_, v)| v)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl FromIterator<(Key, Item)> for Agenda {
    /// From entries in any order (a key given twice keeps its last item, as a map would).
    fn from_iter<I: IntoIterator<Item = (Key, Item)>>(iter: I) -> Agenda {
        let mut a = Agenda::new();
        for (k, v) in iter {
            a.insert(k, v);
        }
        a
    }
}

impl<'a> IntoIterator for &'a Agenda {
    type Item = (&'a Key, &'a Item);
    type IntoIter = std::iter::Map<
        std::collections::vec_deque::Iter<'a, (Key, Item)>,
        fn(&'a (Key, Item)) -> (&'a Key, &'a Item),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
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

    /// The same answers as the `BTreeMap` it replaces, over inserts at the end, in the middle
    /// and at the front, replacements, removals of present and absent keys and pops.
    #[test]
    fn answers_like_a_btreemap() {
        let mut a = Agenda::new();
        let mut b: BTreeMap<Key, Item> = BTreeMap::new();
        let mut x = 11u64;
        for n in 0..20_000u64 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let r = x >> 33;
            let key = (SimTime(n / 3 + r % 40), r % 7);
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
            }
        }
        assert!(a.iter().eq(b.iter()));
        let rebuilt: Agenda = b.iter().rev().map(|(k, v)| (*k, v.clone())).collect();
        assert_eq!(rebuilt, a);
    }
}
