//! ZAB, the ensemble protocol: `config` (zoo.cfg), `proto` (FLE notifications and quorum
//! packets) and `server` (one sans-IO ensemble server: election, discovery, sync, broadcast,
//! and its leader / follower / observer roles).

pub(crate) mod config;
pub mod proto;
/// White-box inspection only (see docs/architecture.md, "Public surface"): the integration
/// tests and the cli's measuring tools read this directly; it is not a stable interface and the
/// page never uses it.
#[doc(hidden)]
pub mod server;
