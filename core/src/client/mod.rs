//! The ZooKeeper client library each simulated client process runs (Java's `ZooKeeper` +
//! `ClientCnxn` + `StaticHostProvider`, zookeeper-semantics.md §3, §5), inside the same
//! deterministic simulation as the ensemble:
//!
//! - a connect string shuffled with the run's seed (`rng::Stream::Client`);
//! - session establishment, pings after `readTimeout/2` of send idleness (= sessionTimeout/3),
//!   `readTimeout = 2/3 sessionTimeout`, connect timeout `sessionTimeout / #hosts`;
//! - disconnect detection (server reset, server closing the connection, read timeout);
//!   reconnect to the next host after a seeded 0–1 s back-off (plus `spinDelay` 1 s after a
//!   full round), keeping the session id, password and `lastZxidSeen`;
//! - a server behind `lastZxidSeen` refuses → next host; SessionExpired ends the handle;
//! - FIFO requests; requests made while CONNECTING wait in the outgoing queue; every request
//!   in flight (or queued) when a connection fails gets ConnectionLoss (`ClientCnxn.cleanup`);
//! - watches re-registered with SetWatches and `lastZxidSeen` on every reconnect;
//! - connection-state events (SyncConnected, Disconnected, Expired, Closed) in the trace;
//! - the client *process* can crash, pause (GC) and be cut off from servers on its own.
//!
//! `cnxn.rs` holds the state, `driver.rs` runs it inside the kernel, `check_*.rs` are the
//! client-side checkers the tests run after every step.

pub mod check_barrier;
pub mod check_fifo;
pub mod check_linearizable;
pub mod check_mutex;
pub mod check_queue;
pub mod cnxn;
mod driver;

pub use cnxn::{Cnxn, CnxnState, Process};

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
