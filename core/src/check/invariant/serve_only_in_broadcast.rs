//! ServeOnlyInBroadcast (ZooKeeper serves clients only from a running ZooKeeperServer, which a
//! peer starts at UPTODATE / establishment and shuts down when it leaves BROADCAST): a server
//! answers a client request only while it is in BROADCAST, and a learner only while it has
//! heard from its leader within syncLimit ticks (its socket read timeout — the longest a
//! follower cut off from its leader may go on serving).

use super::Found;
use crate::explain::Text;
use crate::time::SimTime;
use crate::zab::server::{Role, Server};

pub fn check(server: &Server, now: SimTime, found: &mut Found) {
    let core = &server.core;
    let why = if !server.serving() {
        Some(Text::new("violation.serve_only_in_broadcast.phase").arg("phase", server.phase()))
    } else {
        match &server.role {
            Role::Following(l) | Role::Observing(l) => {
                let limit = core.config.tick_time.saturating_mul(core.config.sync_limit);
                (now > l.last_heard.plus_ms(limit)).then(|| {
                    Text::new("violation.serve_only_in_broadcast.silent")
                        .arg("ms", now.ms() - l.last_heard.ms())
                        .arg("leader", l.leader)
                        .arg("limit", limit)
                })
            }
            _ => None,
        }
    };
    if let Some(why) = why {
        found.push((
            "ServeOnlyInBroadcast",
            Text::new("violation.serve_only_in_broadcast")
                .arg("sid", core.id)
                .arg("why", why),
        ));
    }
}
