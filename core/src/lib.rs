//! ZabScope's core: a deterministic, no-IO model of a ZooKeeper 3.8 ensemble.
//!
//! Everything here is driven by a seed and a script, so a run replays byte for byte natively
//! and in wasm. No wall clock, no thread RNG, no hash-ordered state (see `clippy.toml`).
//!
//! The folders follow the design, bottom to top:
//!
//! - `zk`: ZooKeeper's data model and the standalone server (codes, ACLs, paths, stats, the
//!   data tree, requests and transactions, the database, sessions, watches, zkCli, four-letter
//!   words);
//! - `zab`: the ensemble protocol (zoo.cfg, FLE and quorum packets, the server and its roles);
//! - `client`: the ZooKeeper client library and the recipes written against it;
//! - `sim`: the deterministic kernel, network, commands, scripts, trace, cluster view and
//!   `Simulation`, the front the page and the cli drive;
//! - `check`: invariants, break switches, the explorer, fuzzers, shrinking, client checkers;
//! - `explain`: the narration of what happened, by text key;
//! - `lesson`: guided lessons (a script with narrated steps and computed checkpoints);
//! - `tools`: the benchmark workload, the JSON-lines API and the performance lab.
//!
//! The root keeps the small shared types: ids, simulated time, zxids, seeded random streams.
//!
//! Public surface: the front re-exported below (`Simulation`, `ClusterView`, `Command`,
//! `Script`, `Config`, ZooKeeper's request and transaction types, the small types) and the seven
//! public folders, each exporting only what the page, the cli and the tests use; every such
//! item is documented (`missing_docs`). `ids`, `time`, `zxid` and `client` are crate-private.
//! What is marked `#[doc(hidden)]` (`Simulation::kernel`, `sim::kernel`, `sim::client`,
//! `zab::server`, `rng`) is white-box inspection for the integration tests and the cli's
//! measuring tools, not a stable interface; the page never uses it (docs/architecture.md,
//! "Public surface").

#![warn(missing_docs)]

pub mod check;
pub(crate) mod client;
pub mod explain;
pub(crate) mod ids;
pub mod lesson;
/// White-box inspection only (see docs/architecture.md, "Public surface"): the seeded random
/// streams, for integration tests that drive a workload from the run's own seed.
#[doc(hidden)]
pub mod rng;
pub mod sim;
pub(crate) mod time;
pub mod tools;
pub mod zab;
pub mod zk;
pub(crate) mod zxid;

pub use check::breaks::Break;
pub use ids::{ServerId, SessionId};
pub use sim::command::{ClientOp, Command};
pub use sim::script::Script;
pub use sim::simulation::{AgendaRef, CommandError, HistoryBudget, Pending, Simulation};
pub use sim::view::{ClusterView, ServerView};
pub use time::SimTime;
pub use zab::config::{Config, ConfigError};
pub use zk::code::Code;
pub use zk::db::{ApplyResult, DbConfig, ZkDatabase};
pub use zk::request::{CreateMode, Request, RequestContext, Response, ResponseBody};
pub use zk::txn::{Txn, TxnEntry, TxnHeader};
pub use zxid::Zxid;
