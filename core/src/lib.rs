//! ZabScope's core: a deterministic, no-IO model of a ZooKeeper 3.8 ensemble.
//!
//! Everything here is driven by a seed and a script, so a run replays byte for byte natively
//! and in wasm. No wall clock, no thread RNG, no hash-ordered state (see `clippy.toml`).
//!
//! Data model (issue 3): `code` (KeeperException.Code), `acl`, `path`, `stat`, `tree`
//! (DataTree), `request` (client requests/responses), `txn` (what ZAB logs and commits), `db`
//! (ZKDatabase: prep / apply / read), `watch` (WatchManager), `session` (SessionTracker),
//! `standalone` (ZooKeeperServer for one server), `zkcli`, `fourlw`, `api` (JSON lines).
//!
//! Ensemble (issue 4): `config` (zoo.cfg), `rng`, `proto` (FLE notifications and quorum
//! packets), `server` (one sans-IO ZooKeeper server: FLE, discovery, sync, broadcast), `sim`
//! (kernel, network, clients, commands), `simulation` (the front the UI drives), `script`,
//! `trace`, `view`, `invariant`.
//!
//! Performance (issue 10): `bench` (the benchmark workload native and wasm share).
//!
//! Correctness (issue 9): `breaks` ("break ZAB" switches), `explore` (exhaustive small-scope
//! exploration through `Simulation::enabled/fire`).
//!
//! Clients (issue 7): `client` (the ZooKeeper client library: ClientCnxn, connect string,
//! reconnects, session expiry, plus client-side checkers) and `recipes` (locks, election,
//! queue, config push, group membership) written against it.

pub mod acl;
pub mod api;
pub mod bench;
pub mod breaks;
pub mod client;
pub mod code;
pub mod config;
pub mod db;
pub mod explain;
pub mod explore;
pub mod fourlw;
pub mod ids;
pub mod invariant;
pub mod javaorder;
pub mod jdate;
pub mod limits;
pub mod parser_fuzz;
pub mod path;
mod prep;
pub mod proto;
mod read;
pub mod recipes;
pub mod request;
pub mod rng;
pub mod script;
pub mod server;
pub mod session;
pub mod sim;
pub mod simulation;
pub mod standalone;
pub mod stat;
pub mod time;
pub mod trace;
pub mod tree;
pub mod txn;
pub mod view;
pub mod watch;
pub mod zkcli;
pub mod zxid;

pub use breaks::Break;
pub use code::Code;
pub use config::{Config, ConfigError};
pub use db::{ApplyResult, DbConfig, ZkDatabase};
pub use ids::{ServerId, SessionId};
pub use request::{CreateMode, Request, RequestContext, Response, ResponseBody};
pub use script::Script;
pub use sim::command::{ClientOp, Command};
pub use simulation::{AgendaRef, CommandError, HistoryBudget, Simulation};
pub use time::SimTime;
pub use txn::{Txn, TxnEntry, TxnHeader};
pub use view::{ClusterView, ServerView};
pub use zxid::Zxid;
