//! ZabScope's core: a deterministic, no-IO model of a ZooKeeper 3.8 ensemble.
//!
//! Everything here is driven by a seed and a script, so a run replays byte for byte natively
//! and in wasm. No wall clock, no thread RNG, no hash-ordered state (see `clippy.toml`).

pub mod config;
pub mod ids;
pub mod invariant;
pub mod proto;
pub mod rng;
pub mod script;
pub mod server;
pub mod sim;
pub mod simulation;
pub mod time;
pub mod trace;
pub mod view;
pub mod zxid;

pub use config::{Config, ConfigError};
pub use ids::{ServerId, SessionId};
pub use script::Script;
pub use sim::command::{ClientOp, Command};
pub use simulation::{AgendaRef, CommandError, Simulation};
pub use time::SimTime;
pub use view::{ClusterView, ServerView};
pub use zxid::Zxid;
