//! Java's `HashSet<String>` iteration order, reproduced so lists ZooKeeper returns from hash
//! sets come out in the real server's order: getEphemerals, the paths a closeSession txn
//! deletes (and so the order of their watch events), getChildren's raw order.
//!
//! A `HashMap` iterates bin by bin (`(h ^ h >>> 16) & (capacity - 1)`), insertion order
//! within a bin; resizes split bins preserving that order. So the order is a stable sort of
//! the insertion sequence by bin. A set's table never shrinks, so callers keep the largest
//! capacity a set reached (`DataNode::children_capacity`); a set rebuilt from a snapshot
//! (a SNAP-synced follower, a restart) would start again from its size — not modelled.

/// `String.hashCode()` over UTF-16 units.
#[must_use]
pub fn string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(i32::from(c)))
}

fn bin(s: &str, capacity: usize) -> usize {
    let h = string_hash(s) as u32;
    ((h ^ (h >> 16)) as usize) & (capacity - 1)
}

/// Capacity of a `HashSet` created with `initial` (a power of two) after growing to `size`
/// (resize when size exceeds 3/4 of the capacity).
#[must_use]
pub fn grown_capacity(initial: usize, size: usize) -> usize {
    let mut cap = initial.max(1).next_power_of_two();
    while size > cap * 3 / 4 {
        cap *= 2;
    }
    cap
}

/// Capacity of `set.clone()` (`HashMap.putMapEntries`: `tableSizeFor(size / 0.75 + 1)`).
#[must_use]
pub fn clone_capacity(size: usize) -> usize {
    (size * 4 / 3 + 1).max(1).next_power_of_two()
}

/// Iteration order of a set holding `items` (given in insertion order) at `capacity`.
#[must_use]
pub fn iteration_order(items: Vec<String>, capacity: usize) -> Vec<String> {
    let mut v = items;
    v.sort_by_key(|s| bin(s, capacity));
    v
}

/// `new HashSet<>()` filled in insertion order, then `clone()`d and iterated (what
/// `DataTree.getEphemerals` hands to getEphemerals and closeSession).
#[must_use]
#[cfg(test)]
pub fn cloned_default_set_order(items: Vec<String>) -> Vec<String> {
    cloned_set_order(items, 16)
}

/// A set whose table once grew to `capacity` (at least what its size needs), `clone()`d and
/// iterated: the clone is filled in the original's iteration order.
#[must_use]
pub fn cloned_set_order(items: Vec<String>, capacity: usize) -> Vec<String> {
    let n = items.len();
    let first = iteration_order(items, grown_capacity(capacity.max(16), n));
    iteration_order(first, clone_capacity(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seen on the real 3.8.0 server: getEphemerals after creating /late then /cc/x0000000000
    /// answers [/late, /cc/x0000000000].
    #[test]
    fn ephemerals_order_matches_real_server() {
        let got = cloned_default_set_order(vec!["/late".into(), "/cc/x0000000000".into()]);
        assert_eq!(got, vec!["/late", "/cc/x0000000000"]);
    }

    #[test]
    fn capacities() {
        assert_eq!(grown_capacity(8, 6), 8);
        assert_eq!(grown_capacity(8, 7), 16);
        assert_eq!(grown_capacity(16, 13), 32);
        assert_eq!(clone_capacity(2), 4);
        assert_eq!(clone_capacity(12), 32);
        assert_eq!(string_hash("a"), 97);
    }
}
