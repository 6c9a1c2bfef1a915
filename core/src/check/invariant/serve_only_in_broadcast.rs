//! ServeOnlyInBroadcast (ZooKeeper serves clients only from a running ZooKeeperServer, which a
//! peer starts at UPTODATE / establishment and shuts down when it leaves BROADCAST): a server
//! answers a client request only while it is in BROADCAST, and a learner only while its
//! connection to the leader it synced with is open and that leader was heard from within
//! syncLimit ticks (the socket read timeout — the longest a follower cut off from its leader
//! may go on serving).
//!
//! The leader part is ground truth (`Wire`): the leader is the one whose UPTODATE the learner
//! received, "heard" is the last quorum packet the network delivered from it, "open" is no
//! CLOSED (connection reset) delivered since — not the learner's own `last_heard`, which a
//! learner that ignores losing its leader could keep fresh. The phase is the server's own.

use super::Found;
use super::Invariant;
use super::wire::{Synced, Wire};
use crate::explain::Text;
use crate::time::SimTime;
use crate::zab::server::Server;

pub fn check(w: &Wire, server: &Server, now: SimTime, found: &mut Found) {
    let core = &server.core;
    let why = if !server.serving() {
        Some(Text::new("violation.serve_only_in_broadcast.phase").arg("phase", server.phase()))
    } else {
        match w.synced.get(&core.id) {
            // A single voter is its own quorum: it establishes without sending NEWLEADER.
            None if core.config.is_quorum([&core.id]) => None,
            None => Some(Text::new("violation.serve_only_in_broadcast.unsynced")),
            Some(Synced::Leader(_)) => None,
            Some(Synced::Learner(h)) if !h.open => {
                Some(Text::new("violation.serve_only_in_broadcast.closed").arg("leader", h.leader))
            }
            Some(Synced::Learner(h)) => {
                let limit = core.config.tick_time.saturating_mul(core.config.sync_limit);
                (now > h.last.plus_ms(limit)).then(|| {
                    Text::new("violation.serve_only_in_broadcast.silent")
                        .arg("ms", now.ms() - h.last.ms())
                        .arg("leader", h.leader)
                        .arg("limit", limit)
                })
            }
        }
    };
    if let Some(why) = why {
        found.push((
            Invariant::ServeOnlyInBroadcast.name(),
            Text::new("violation.serve_only_in_broadcast")
                .arg("sid", core.id)
                .arg("why", why),
        ));
    }
}
