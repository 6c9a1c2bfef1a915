//! ServeOnlyInBroadcast (ZooKeeper serves clients only from a running ZooKeeperServer, which a
//! peer starts at UPTODATE / establishment and shuts down when it leaves BROADCAST): a server
//! answers a client request only while it is in BROADCAST, and a learner only while it has
//! heard from its leader within syncLimit ticks (its socket read timeout — the longest a
//! follower cut off from its leader may go on serving).

use super::Found;
use super::Invariant;
use crate::time::SimTime;
use crate::zab::server::{Role, Server};

pub fn check(server: &Server, now: SimTime, found: &mut Found) {
    let core = &server.core;
    let why = if !server.serving() {
        Some(format!("in {}", server.phase()))
    } else {
        match &server.role {
            Role::Following(l) | Role::Observing(l) => {
                let limit = core.config.tick_time.saturating_mul(core.config.sync_limit);
                (now > l.last_heard.plus_ms(limit)).then(|| {
                    format!(
                        "{} ms after it last heard from leader {} (syncLimit is {limit} ms)",
                        now.ms() - l.last_heard.ms(),
                        l.leader
                    )
                })
            }
            _ => None,
        }
    };
    if let Some(why) = why {
        found.push((
            Invariant::ServeOnlyInBroadcast.name(),
            format!("server {} answered a client {why}", core.id),
        ));
    }
}
