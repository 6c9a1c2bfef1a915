//! ZabScope's core: a deterministic, no-IO model of a ZooKeeper 3.8 ensemble.
//!
//! Everything here is driven by a seed and a script, so a run replays byte for byte natively
//! and in wasm. No wall clock, no thread RNG, no hash-ordered state (see `clippy.toml`).

pub mod ids;
pub mod simulation;
pub mod time;
pub mod zxid;

pub use ids::{ServerId, SessionId};
pub use simulation::{ServerView, Simulation, SimulationView};
pub use time::SimTime;
pub use zxid::Zxid;
