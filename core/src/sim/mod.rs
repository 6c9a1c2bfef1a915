//! The simulation: a deterministic kernel (agenda, network, servers, clients), commands, and
//! the `Simulation` front the web app and the cli use.

pub mod agenda;
pub mod api_backend;
pub mod break_hunt;
pub mod chunked;
pub mod client;
pub mod command;
mod exec;
pub mod kernel;
mod moves;
pub mod nemesis;
pub mod network;
pub mod shrink;
pub mod usage;
pub(crate) mod validate;
