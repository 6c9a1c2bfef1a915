//! ZAB, the ensemble protocol: `config` (zoo.cfg), `proto` (FLE notifications and quorum
//! packets) and `server` (one sans-IO ensemble server: election, discovery, sync, broadcast,
//! and its leader / follower / observer roles).

pub mod config;
pub mod proto;
pub mod server;
