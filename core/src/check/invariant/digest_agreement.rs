//! DigestAgreement (ZooKeeper's own digest check, `ZKDatabase.calculateTxnDigest` /
//! `DataTree.compareDigest` of ZOOKEEPER-3114): replicas that have applied the same zxid hold
//! the same database — tree digest, sessions and last zxid (what `ZkDatabase::digest` covers).
//! The order invariants see *which* txns were applied; this one sees the state they produced.
//!
//! Incremental: the first digest seen after each zxid is remembered; every later commit of that
//! zxid (at the end of its step) must produce the same one. Every server digests its state on
//! every commit, so the digest here folds whole words (one multiply each, the trace's
//! [`Fnv::write_u64`]) rather than `ZkDatabase::digest`'s bytes: 8× fewer rounds over the
//! sessions, which grow with the clients.

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::sim::trace::Fnv;
use crate::zab::server::Server;
use crate::zk::db::ZkDatabase;
use crate::zxid::Zxid;

/// The tree digest, the last zxid and every session with its timeout.
fn state_digest(db: &ZkDatabase) -> u64 {
    let mut h = Fnv::new();
    h.write_u64(db.tree().digest());
    h.write_u64(db.last_processed_zxid().0);
    for (s, t) in db.sessions() {
        h.write_u64(s.0 as u64);
        h.write_u64(u64::from(*t as u32));
    }
    h.finish()
}

pub fn check(h: &mut History, server: &Server, zxid: Zxid, found: &mut Found) {
    let db = &server.core.replica.db;
    // Several commits in one step: only the last one's state is still there to compare.
    if db.last_processed_zxid() != zxid {
        return;
    }
    let digest = state_digest(db);
    match h.digests.get(&zxid) {
        Some(d) if *d != digest => found.push((
            Invariant::DigestAgreement.name(),
            Text::new("violation.digest_agreement")
                .arg("sid", server.core.id)
                .arg("zxid", zxid)
                .arg("digest", format!("{digest:x}"))
                .arg("other", format!("{d:x}")),
        )),
        Some(_) => {}
        None => {
            h.digests.insert_new(zxid, digest);
        }
    }
}
