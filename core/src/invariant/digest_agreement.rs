//! DigestAgreement (ZooKeeper's own digest check, `ZKDatabase.calculateTxnDigest` /
//! `DataTree.compareDigest` of ZOOKEEPER-3114): replicas that have applied the same zxid hold
//! the same database — tree digest, sessions and last zxid (`ZkDatabase::digest`). The order
//! invariants see *which* txns were applied; this one sees the state they produced.
//!
//! Incremental: the first digest seen after each zxid is remembered; every later commit of that
//! zxid (at the end of its step) must produce the same one.

use super::{Found, History};
use crate::server::Server;
use crate::zxid::Zxid;

pub fn check(h: &mut History, server: &Server, zxid: Zxid, found: &mut Found) {
    let db = &server.core.replica.db;
    // Several commits in one step: only the last one's state is still there to compare.
    if db.last_processed_zxid() != zxid {
        return;
    }
    let digest = db.digest();
    match h.digests.get(&zxid) {
        Some(d) if *d != digest => found.push((
            "DigestAgreement",
            format!(
                "server {} applied {zxid} and holds digest {digest:x}, another replica at {zxid} held {d:x}",
                server.core.id
            ),
        )),
        Some(_) => {}
        None => {
            h.digests.insert_new(zxid, digest);
        }
    }
}
