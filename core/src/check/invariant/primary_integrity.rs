//! PrimaryIntegrity (Zab.tla): a primary delivers everything delivered in earlier epochs
//! before it broadcasts anything — checked when its epoch is established.

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::zab::server::Server;
use crate::zxid::Zxid;

pub fn check(h: &History, leader: &Server, epoch: u32, found: &mut Found) {
    let core = &leader.core;
    let Some((&last, _)) = h.delivered.last_before(Zxid::new(epoch, 0)) else {
        return;
    };
    let snap = core.durable.snapshot().map_or(Zxid::ZERO, |s| s.zxid);
    let has = last <= snap
        || core
            .durable
            .log
            .binary_search_by(|e| e.zxid().cmp(&last))
            .is_ok();
    if !has || core.replica.last_processed() < last {
        found.push((
            Invariant::PrimaryIntegrity.name(),
            Text::new("violation.primary_integrity")
                .arg("leader", core.id)
                .arg("epoch", epoch)
                .arg("last", last),
        ));
    }
}
