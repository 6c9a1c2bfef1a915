//! ZooKeeper's data model and the standalone server, as one ZooKeeper 3.8 server keeps them:
//! error codes, ACLs, paths, stats, the data tree, client requests and the transactions they
//! become (`prep`), reads, the in-memory database, sessions, watches, the standalone
//! `ZooKeeperServer`, zkCli and the four-letter words.

pub mod acl;
pub mod code;
pub mod db;
pub mod fourlw;
pub mod javaorder;
pub mod jdate;
pub mod limits;
pub mod path;
mod prep;
mod read;
pub mod request;
pub mod session;
pub mod standalone;
pub mod stat;
pub mod tree;
pub mod txn;
pub mod watch;
pub mod zkcli;
