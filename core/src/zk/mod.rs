//! ZooKeeper's data model and the standalone server, as one ZooKeeper 3.8 server keeps them:
//! error codes, ACLs, paths, stats, the data tree, client requests and the transactions they
//! become (`prep`), reads, the in-memory database, sessions, watches, the standalone
//! `ZooKeeperServer`, zkCli and the four-letter words.

pub mod acl;
pub mod code;
pub(crate) mod db;
pub(crate) mod fourlw;
pub(crate) mod javaorder;
pub(crate) mod jdate;
pub mod limits;
pub(crate) mod path;
mod prep;
mod read;
pub mod request;
pub mod session;
pub mod standalone;
pub(crate) mod stat;
pub(crate) mod tree;
pub(crate) mod txn;
pub mod watch;
pub mod zkcli;
