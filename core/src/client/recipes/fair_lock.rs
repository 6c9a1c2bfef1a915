//! The fair lock (ZooKeeper's recipes page, "Locks" — no herd effect; Curator's
//! `InterProcessMutex`): `DIR/lock-<session>-NNNNNNNNNN` EPHEMERAL_SEQUENTIAL; the lowest
//! sequence number holds; each waiter watches only its predecessor, so one release wakes one
//! waiter, and the lock is granted in sequence order.

use crate::client::recipes::Role;
use crate::client::recipes::seq::{Rule, SeqWaiter};

/// A fair-lock contender on `dir`.
#[must_use]
pub fn new(dir: String) -> SeqWaiter {
    SeqWaiter::new(dir, "lock-", Rule::Any, Role::Holder, Role::Waiting)
}
