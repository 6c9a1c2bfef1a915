//! The simulation: a deterministic kernel (agenda, network, servers, clients), commands,
//! scripts, the trace, the cluster view, and `Simulation` (in `simulation/`), the front the web
//! app and the cli use.

pub mod agenda;
pub mod api_backend;
pub mod chunked;
pub mod client;
pub mod command;
mod exec;
pub mod kernel;
mod moves;
pub mod network;
pub mod script;
pub mod simulation;
pub mod trace;
pub mod usage;
pub(crate) mod validate;
pub mod view;
