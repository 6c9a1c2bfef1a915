//! `Chunked<T>`: an append-at-the-back, drop-at-the-front sequence whose full chunks are
//! shared (`Arc`) between copies, so cloning it costs a pointer per chunk plus the unfinished
//! tail instead of a copy of every item. Checkpoints clone the whole kernel every few hundred
//! steps (docs/page.md, "Memory"): what grows at the back — each client's answers, each
//! server's txn log and committedLog window — is stored this way in the live kernel itself, so
//! a checkpoint's copy shares it and each full chunk is held once.

use std::collections::VecDeque;
use std::sync::Arc;

/// Items per shared chunk by default: small enough that the copied tail stays cheap for big
/// items (a client's answers), large enough that the chunk pointers are a small overhead.
/// Sequences of small items (txn logs: a pointer each) use longer chunks.
pub const CHUNK: usize = 32;

/// See the module header. Equality, `Debug` and iteration are those of the item sequence.
/// `N` items per chunk.
#[derive(Clone)]
pub struct Chunked<T, const N: usize = CHUNK> {
    /// Full chunks of `N` items, oldest first (never modified once shared).
    chunks: VecDeque<Arc<[T]>>,
    /// Items of `chunks[0]` already dropped from the front.
    skip: usize,
    /// The newest items, fewer than `N`.
    tail: Vec<T>,
}

impl<T, const N: usize> Default for Chunked<T, N> {
    fn default() -> Self {
        Chunked {
            chunks: VecDeque::new(),
            skip: 0,
            tail: Vec::new(),
        }
    }
}

impl<T: Clone, const N: usize> Chunked<T, N> {
    #[must_use]
    pub fn new() -> Self {
        Chunked::default()
    }

    /// Drop the `n` oldest items.
    pub fn drop_front(&mut self, n: usize) {
        let n = n.min(self.len());
        let in_chunks = (self.chunks.len() * N - self.skip).min(n);
        let whole = (self.skip + in_chunks) / N;
        self.chunks.drain(..whole);
        self.skip = (self.skip + in_chunks) % N;
        if self.chunks.is_empty() {
            self.skip = 0;
        }
        self.tail.drain(..n - in_chunks);
    }

    /// Keep only the `n` oldest items (a chunk cut in two becomes the tail, copied).
    pub fn truncate(&mut self, n: usize) {
        if n >= self.len() {
            return;
        }
        let in_chunks = self.chunks.len() * N - self.skip;
        if n >= in_chunks {
            self.tail.truncate(n - in_chunks);
            return;
        }
        self.tail.clear();
        let keep = self.skip + n;
        let cut = self.chunks.get(keep / N).cloned();
        self.chunks.truncate(keep / N);
        if let Some(c) = cut {
            let from = if self.chunks.is_empty() { self.skip } else { 0 };
            self.tail.extend_from_slice(&c[from..keep % N]);
            if self.chunks.is_empty() {
                self.skip = 0;
            }
        }
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.chunks.len() * N - self.skip + self.tail.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Append an item; a full tail becomes a shared chunk.
    pub fn push_back(&mut self, item: T) {
        self.tail.push(item);
        if self.tail.len() == N {
            let full = std::mem::take(&mut self.tail);
            self.chunks.push_back(Arc::from(full));
        }
    }

    /// The newest item.
    #[must_use]
    pub fn back(&self) -> Option<&T> {
        self.tail
            .last()
            .or_else(|| self.chunks.back().and_then(|c| c.last()))
            .filter(|_| !self.is_empty())
    }

    /// The oldest item.
    #[must_use]
    pub fn front(&self) -> Option<&T> {
        match self.chunks.front() {
            Some(c) => c.get(self.skip),
            None => self.tail.first(),
        }
    }

    /// Remove every item.
    pub fn clear(&mut self) {
        *self = Chunked::new();
    }

    /// The items, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + '_ {
        let skip = self.skip;
        self.chunks
            .iter()
            .enumerate()
            .flat_map(move |(i, c)| c[if i == 0 { skip } else { 0 }..].iter())
            .chain(self.tail.iter())
    }

    /// The item at `i` (0 = the oldest).
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&T> {
        let in_chunks = self.chunks.len() * N - self.skip;
        if i < in_chunks {
            let at = self.skip + i;
            Some(&self.chunks[at / N][at % N])
        } else {
            self.tail.get(i - in_chunks)
        }
    }

    /// The index of the first item for which `pred` is false (the items are partitioned:
    /// `pred` true for a prefix), as `slice::partition_point`.
    #[must_use]
    pub fn partition_point(&self, mut pred: impl FnMut(&T) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.get(mid).is_some_and(&mut pred) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// `slice::binary_search_by` over the items (sorted by `f`'s order).
    pub fn binary_search_by(
        &self,
        mut f: impl FnMut(&T) -> std::cmp::Ordering,
    ) -> Result<usize, usize> {
        let at = self.partition_point(|x| f(x) == std::cmp::Ordering::Less);
        match self.get(at) {
            Some(x) if f(x) == std::cmp::Ordering::Equal => Ok(at),
            _ => Err(at),
        }
    }

    /// The items from index `from` on, oldest first.
    pub fn iter_from(&self, from: usize) -> impl DoubleEndedIterator<Item = &T> + '_ {
        let in_chunks = self.chunks.len() * N - self.skip;
        let (first_chunk, offset, tail_from) = if from < in_chunks {
            let at = self.skip + from;
            (at / N, at % N, 0)
        } else {
            (self.chunks.len(), 0, from - in_chunks)
        };
        self.chunks
            .iter()
            .enumerate()
            .skip(first_chunk)
            .flat_map(move |(i, c)| c[if i == first_chunk { offset } else { 0 }..].iter())
            .chain(self.tail.get(tail_from..).unwrap_or(&[]).iter())
    }

    /// The items as one vector.
    #[must_use]
    pub fn to_vec(&self) -> Vec<T> {
        let mut v = Vec::with_capacity(self.len());
        v.extend(self.iter().cloned());
        v
    }

    /// How many chunks this and `other` hold in common (the memory shared by two copies).
    #[must_use]
    pub fn shared_chunks(&self, other: &Chunked<T, N>) -> usize {
        self.chunks
            .iter()
            .filter(|c| other.chunks.iter().any(|o| Arc::ptr_eq(c, o)))
            .count()
    }
}

impl<T: Clone + PartialEq, const N: usize> PartialEq for Chunked<T, N> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Clone + Eq, const N: usize> Eq for Chunked<T, N> {}

impl<T: Clone + std::fmt::Debug, const N: usize> std::fmt::Debug for Chunked<T, N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Clone, const N: usize> FromIterator<T> for Chunked<T, N> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut c = Chunked::new();
        for x in iter {
            c.push_back(x);
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexing_matches_a_vector() {
        let mut c: Chunked<u32, 4> = Chunked::new();
        let mut v: Vec<u32> = Vec::new();
        for i in 0..23u32 {
            c.push_back(i * 2);
            v.push(i * 2);
            if i % 7 == 6 {
                c.drop_front(3);
                v.drain(..3);
            }
            for j in 0..=v.len() + 1 {
                assert_eq!(c.get(j), v.get(j), "get {j}");
                let from: Vec<_> = c.iter_from(j).copied().collect();
                assert_eq!(from, v.get(j..).unwrap_or(&[]).to_vec(), "iter_from {j}");
            }
            for x in 0..50 {
                assert_eq!(c.partition_point(|&y| y < x), v.partition_point(|&y| y < x));
            }
        }
    }

    #[test]
    fn behaves_like_a_deque() {
        let mut c: Chunked<u32> = Chunked::new();
        let mut d = VecDeque::new();
        for i in 0..200u32 {
            c.push_back(i);
            d.push_back(i);
            if i % 3 == 0 {
                assert_eq!(c.front(), d.front());
                c.drop_front(1);
                d.pop_front();
            }
            assert_eq!(c.len(), d.len());
            assert_eq!(c.back(), d.back());
            assert_eq!(c.front(), d.front());
            assert!(c.iter().eq(d.iter()));
            assert!(c.iter().rev().eq(d.iter().rev()));
        }
        while !d.is_empty() {
            assert_eq!(c.front(), d.front());
            c.drop_front(1);
            d.pop_front();
            assert_eq!(c.len(), d.len());
        }
        assert_eq!(c.front(), None);
        assert_eq!(c.back(), None);
        assert!(c.is_empty());
    }

    #[test]
    fn longer_chunks_behave_the_same() {
        let mut c: Chunked<u32, 256> = (0..1000).collect();
        let before = c.clone();
        c.drop_front(300);
        for x in 1000..1100 {
            c.push_back(x);
        }
        assert_eq!(c.to_vec(), (300..1100).collect::<Vec<_>>());
        assert_eq!(
            c.shared_chunks(&before),
            2,
            "chunks 256..512 and 512..768 are still shared with the copy"
        );
    }

    #[test]
    fn clones_share_full_chunks() {
        let c: Chunked<u32> = (0..100).collect();
        let copy = c.clone();
        assert_eq!(copy.shared_chunks(&c), 100 / CHUNK);
        assert_eq!(copy, c);
    }

    #[test]
    fn drop_front_and_truncate_match_a_deque() {
        for len in [0usize, 5, 31, 32, 33, 64, 100] {
            for skip in [0usize, 1, 31, 32, 40] {
                for n in [0usize, 1, 7, 31, 32, 33, 70, 200] {
                    let mut c: Chunked<usize> = (0..len).collect();
                    c.drop_front(skip);
                    let base: Vec<usize> = (0..len).skip(skip).collect();
                    let mut d = c.clone();
                    d.drop_front(n);
                    assert_eq!(d.to_vec(), base.iter().skip(n).copied().collect::<Vec<_>>());
                    assert_eq!(d.len(), base.len().saturating_sub(n));
                    let mut t = c.clone();
                    t.truncate(n);
                    assert_eq!(t.to_vec(), base.iter().take(n).copied().collect::<Vec<_>>());
                    t.push_back(999);
                    assert_eq!(t.back(), Some(&999));
                    assert_eq!(t.len(), base.len().min(n) + 1);
                }
            }
        }
    }
}

/// A sorted sequence held as runs of shared arrays: `(array, from, to)` stands for
/// `array[from..to]`. Built against an earlier copy ([`Runs::share_sorted`]): every stretch of
/// items the earlier copy holds contiguously is referenced, not copied, wherever it now sits —
/// for a sequence that changes anywhere, not only at its ends (the agenda: messages come and go
/// at the front, a script's scheduled commands wait further on).
#[derive(Clone, Debug, Default)]
pub struct Runs<T> {
    runs: Vec<(Arc<[T]>, usize, usize)>,
    len: usize,
}

impl<T: Clone> Runs<T> {
    /// The items of `items` (sorted by key, keys unique), reusing runs of `like` (sorted the
    /// same way) where an item has the same key (`key` of a held item, `new_key` of an
    /// incoming one) and is `same`; the others are made owned (`own`) and copied. Returns the
    /// runs and how many items were copied.
    pub fn share_sorted<K: Ord, X: Copy>(
        items: impl Iterator<Item = X>,
        like: Option<&Runs<T>>,
        key: impl Fn(&T) -> K,
        new_key: impl Fn(X) -> K,
        same: impl Fn(&T, X) -> bool,
        own: impl Fn(X) -> T,
    ) -> (Self, usize) {
        // A cursor over `like`'s items: (run, index in its array), without collecting them.
        let old: &[(Arc<[T]>, usize, usize)] = like.map_or(&[], |l| &l.runs);
        let mut at = (0usize, old.first().map_or(0, |r| r.1));
        let item = |(r, i): (usize, usize)| old.get(r).map(|run| (&run.0, i));
        let next = |(r, i): (usize, usize)| match old.get(r) {
            Some(run) if i + 1 < run.2 => (r, i + 1),
            _ => (r + 1, old.get(r + 1).map_or(0, |n| n.1)),
        };
        let mut out = Runs {
            runs: Vec::new(),
            len: 0,
        };
        let mut fresh: Vec<T> = Vec::new();
        let mut copied = 0;
        for x in items {
            let k = new_key(x);
            while item(at).is_some_and(|(a, i)| key(&a[i]) < k) {
                at = next(at);
            }
            let found = item(at).filter(|(a, i)| key(&a[*i]) == k && same(&a[*i], x));
            match found {
                Some((a, i)) => {
                    out.flush(&mut fresh);
                    match out.runs.last_mut() {
                        Some((last, _, to)) if Arc::ptr_eq(last, a) && *to == i => *to += 1,
                        _ => out.runs.push((a.clone(), i, i + 1)),
                    }
                    at = next(at);
                }
                None => {
                    fresh.push(own(x));
                    copied += 1;
                }
            }
            out.len += 1;
        }
        out.flush(&mut fresh);
        (out, copied)
    }

    fn flush(&mut self, fresh: &mut Vec<T>) {
        if !fresh.is_empty() {
            let n = fresh.len();
            self.runs.push((Arc::from(std::mem::take(fresh)), 0, n));
        }
    }

    #[must_use]
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[must_use]
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.runs
            .iter()
            .flat_map(|(a, from, to)| a[*from..*to].iter())
    }

    /// How many runs (the pointers a copy holds).
    #[must_use]
    pub fn runs(&self) -> usize {
        self.runs.len()
    }
}

#[cfg(test)]
mod runs_tests {
    use super::*;

    fn build(items: &[u32], like: Option<&Runs<u32>>) -> (Runs<u32>, usize) {
        Runs::share_sorted(items.iter(), like, |x| *x, |x| *x, |a, b| a == b, |x| *x)
    }

    #[test]
    fn changes_anywhere_copy_only_what_changed() {
        let first: Vec<u32> = (0..1000).map(|i| i * 2).collect();
        let (a, copied) = build(&first, None);
        assert_eq!(copied, 1000);
        assert!(a.iter().copied().eq(first.iter().copied()));
        // The front consumed, a few inserted in the middle, the end grown.
        let mut second: Vec<u32> = first[100..].to_vec();
        second.extend([1, 3, 501, 503, 2001, 2003]);
        second.sort_unstable();
        second.dedup();
        let (b, copied) = build(&second, Some(&a));
        assert!(b.iter().copied().eq(second.iter().copied()));
        assert_eq!(b.len(), second.len());
        assert_eq!(copied, 6, "only 1, 3, 501, 503, 2001, 2003 are new");
        // [1 3] [200..=500] [501] [502] [503] [504..] [2001 2003]
        assert_eq!(b.runs(), 7);
        // Same key, different value: copied, not shared.
        let pairs: Vec<(u32, u32)> = (0..100).map(|k| (k, 0)).collect();
        let (p, _): (Runs<(u32, u32)>, usize) =
            Runs::share_sorted(pairs.iter(), None, |x| x.0, |x| x.0, |a, b| a == b, |x| *x);
        let mut changed = pairs.clone();
        changed[50].1 = 7;
        let (q, copied) = Runs::share_sorted(
            changed.iter(),
            Some(&p),
            |x| x.0,
            |x| x.0,
            |a, b| a == b,
            |x| *x,
        );
        assert!(q.iter().eq(changed.iter()));
        assert_eq!(copied, 1);
        let c = b;
        let (d, copied) = build(&[], Some(&c));
        assert!(d.is_empty());
        assert_eq!(copied, 0);
    }
}
