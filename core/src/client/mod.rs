//! The ZooKeeper client library each simulated client process runs (Java's `ZooKeeper` +
//! `ClientCnxn` + `StaticHostProvider`, docs/zookeeper-semantics.md §3, §10), inside the same
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
//! `cnxn.rs` holds each handle's state; [`ZooKeeper`] (`zookeeper/`) is the library's code,
//! which reaches the world only through the narrow [`host::Host`] interface (the kernel
//! implements it); `recipes/` are the recipes written against the client API. The
//! client-side checkers live in `check::client`.

pub(crate) mod cnxn;
pub(crate) mod host;
pub(crate) mod recipes;
mod zookeeper;

pub(crate) use cnxn::Cnxn;
pub(crate) use zookeeper::{ZooKeeper, check_command};
