//! Client-side checkers the tests run after every step: FIFO order per client, lock mutual
//! exclusion, linearizable writes, queue and barrier semantics, reads never older than what the
//! client had seen.

pub mod check_barrier;
pub mod check_fifo;
pub mod check_linearizable;
pub mod check_mutex;
pub mod check_queue;

/// Recipe checkers order sequential znodes by this suffix, as the recipes do.
pub use crate::client::recipes::sequence_of;

use crate::sim::kernel::Kernel;

/// Every client-side checker on the kernel's current state (FIFO order, lock mutual exclusion,
/// linearizable writes, no read older than what the client had seen), one line per finding.
#[must_use]
pub fn check_all(k: &Kernel) -> Vec<String> {
    let mut v = check_fifo::check(k);
    v.extend(check_mutex::check(k));
    v.extend(check_linearizable::check(k));
    for c in &k.clients {
        if c.zk.as_ref().is_some_and(|z| z.went_back > 0) {
            v.push(format!("{} read older than what it had seen", c.name));
        }
    }
    v
}
