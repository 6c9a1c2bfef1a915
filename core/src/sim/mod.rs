//! The simulation: a deterministic kernel (agenda, network, servers, clients), commands,
//! scripts, the trace, the cluster view, and `Simulation` (in `simulation/`), the front the web
//! app and the cli use.

pub(crate) mod agenda;
pub mod api_backend;
pub(crate) mod chunked;
/// White-box inspection only (see docs/architecture.md, "Public surface"): the integration
/// tests and the cli's measuring tools read this directly; it is not a stable interface and the
/// page never uses it.
#[doc(hidden)]
pub mod client;
mod client_host;
pub(crate) mod command;
mod exec;
/// White-box inspection only (see docs/architecture.md, "Public surface"): the integration
/// tests and the cli's measuring tools read this directly; it is not a stable interface and the
/// page never uses it.
#[doc(hidden)]
pub mod kernel;
pub(crate) mod network;
pub mod script;
pub(crate) mod simulation;
pub mod trace;
pub mod usage;
pub(crate) mod validate;
pub mod view;
mod view_msg;
