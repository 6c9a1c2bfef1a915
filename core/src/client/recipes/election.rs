//! Leader election (ZooKeeper's recipes page, "Leader Election"; the seeds' HA master): each
//! candidate creates `DIR/n_<session>-NNNNNNNNNN` EPHEMERAL_SEQUENTIAL; the lowest sequence
//! number leads; every other candidate watches only the node just before its own and, when
//! it goes, checks whether it is now the lowest. `release` abdicates (deletes the node).

use crate::client::recipes::Role;
use crate::client::recipes::seq::{Rule, SeqWaiter};

/// A candidate on `dir`.
#[must_use]
pub fn new(dir: String) -> SeqWaiter {
    SeqWaiter::new(dir, "n_", Rule::Any, Role::Leader, Role::Follower)
}
