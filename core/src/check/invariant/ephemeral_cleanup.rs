//! EphemeralCleanup (`DataTree.killSession`): once a session's closeSession (explicit close or
//! expiry) commits on a server, none of the session's ephemeral znodes is left in that
//! server's tree — every replica checks it as it applies the txn.

use super::Found;
use super::Invariant;
use crate::explain::Text;
use crate::zab::server::Server;
use crate::zab::server::replica::{Entry, Txn};

pub fn check(server: &Server, e: &Entry, found: &mut Found) {
    if !matches!(e.txn, Txn::CloseSession { .. }) {
        return;
    }
    let session = e.header.session;
    let left = server.core.replica.db.tree().ephemerals(session.0);
    if let Some(path) = left.iter().next() {
        found.push((
            Invariant::EphemeralCleanup.name(),
            Text::new("violation.ephemeral_cleanup")
                .arg("sid", server.core.id)
                .arg("zxid", e.zxid())
                .arg("session", session)
                .arg("path", path.to_string()),
        ));
    }
}
