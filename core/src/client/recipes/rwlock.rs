//! The shared read/write lock (ZooKeeper's recipes page, "Shared Locks"; Curator's
//! `InterProcessReadWriteLock`): readers create `read-` and writers `write-` sequential
//! nodes in one directory. A reader holds when no `write-` node comes before its own (it
//! watches the closest earlier writer); a writer holds only when it is the lowest node (it
//! watches its predecessor, reader or writer).

use crate::client::recipes::Role;
use crate::client::recipes::seq::{Rule, SeqWaiter};

/// A read (`write == false`) or write contender on `dir`.
#[must_use]
pub fn new(dir: String, write: bool) -> SeqWaiter {
    if write {
        SeqWaiter::new(dir, "write-", Rule::Any, Role::Holder, Role::Waiting)
    } else {
        SeqWaiter::new(dir, "read-", Rule::Writers, Role::Holder, Role::Waiting)
    }
}
