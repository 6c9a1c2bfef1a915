//! Four-letter words on an ensemble server (`S/command/*.java` run against a leader, follower
//! or observer). The formats live in `crate::zk::fourlw`; this fills its `ServerSnapshot` from a
//! server and adds what a quorum server prints beyond a standalone one:
//! `QuorumZooKeeperServer.dumpConf` (initLimit…membership with the `server.N` lines),
//! `StatCommand`'s `Proposal sizes` line on the leader, and the gauges of
//! `QuorumZooKeeperServer`/`LeaderZooKeeperServer.registerMetrics` in `mntr`.

use crate::time::SimTime;
use crate::zab::server::{Role, Server};
use crate::zk::fourlw::{QuorumExtras, ServerSnapshot, render};
use crate::zk::standalone::{ConnectionStats, ServerStats};
use std::fmt::Write;

/// `AbstractFourLetterCommand.ZK_NOT_SERVING`.
pub const ZK_NOT_SERVING: &str = "This ZooKeeper instance is not currently serving requests\n";

/// The client port every simulated server listens on.
pub const CLIENT_PORT: u16 = 2181;

impl Server {
    /// The reply to four-letter word `word` sent to this server at `now`; `None` for an
    /// unknown word. A server that is not serving (LOOKING, syncing) answers `ruok` and `envi`
    /// and ZK_NOT_SERVING for the rest (`isZKServerRunning()` checks in each command).
    #[must_use]
    pub fn four_letter(&self, word: &str, now: SimTime) -> Option<String> {
        let conns: Vec<(crate::ids::SessionId, ConnectionStats)> = self
            .core
            .connections
            .keys()
            .enumerate()
            .map(|(i, s)| {
                let to = self.core.tracker.timeout_of(*s).unwrap_or(0);
                let port = ServerStats::port_of(i as u64 + 1);
                (*s, ConnectionStats::new(port, now, to))
            })
            .collect();
        let cfg = self.core.tracker.config();
        let snap = ServerSnapshot {
            mode: self.mode(),
            db: &self.core.replica.db,
            watches: &self.core.watches,
            tracker: matches!(self.role, Role::Leading(_)).then_some(&self.core.tracker),
            connections: conns.iter().map(|(s, c)| (*s, c)).collect(),
            received: 0,
            sent: 0,
            own_port: ServerStats::port_of(0),
            now,
            client_port: CLIENT_PORT,
            tick_time: self.core.config.tick_time,
            min_session_timeout: cfg.min_session_timeout,
            max_session_timeout: cfg.max_session_timeout,
            server_id: u64::from(self.core.id.0),
            client_ip: crate::zab::server::serve::CLIENT_IP,
            quorum: self.quorum_extras(),
        };
        let known = render(&snap, word)?;
        Some(match word {
            "ruok" | "envi" => known,
            _ if !self.serving() => ZK_NOT_SERVING.to_string(),
            _ => known,
        })
    }

    /// `ServerStats.getServerState()`.
    fn mode(&self) -> &'static str {
        match self.role {
            Role::Leading(_) => "leader",
            Role::Following(_) => "follower",
            Role::Observing(_) => "observer",
            Role::Looking(_) => "looking",
        }
    }

    fn quorum_extras(&self) -> QuorumExtras {
        let c = &self.core.config;
        let me = c.servers.get(&self.core.id);
        let mut conf = format!(
            "initLimit={}\nsyncLimit={}\nelectionAlg=3\nelectionPort={}\nquorumPort={}\npeerType={}\nmembership: \n",
            c.init_limit,
            c.sync_limit,
            me.map_or(3888, |s| s.election_port),
            me.map_or(2888, |s| s.quorum_port),
            u8::from(me.is_some_and(|s| s.observer)),
        );
        // QuorumMaj.toString: one `server.N=` line per member, then the config version.
        for (id, s) in &c.servers {
            let kind = if s.observer {
                "observer"
            } else {
                "participant"
            };
            let _ = writeln!(
                conf,
                "server.{id}={}:{}:{}:{kind}",
                s.host, s.quorum_port, s.election_port
            );
        }
        // QuorumMaj.toString ends `version=<hex>` without a newline (real 3.8 `conf`).
        conf.push_str("version=0");
        let voters = c.voters().count();
        let mut mntr = vec![("zk_quorum_size", voters.to_string())];
        let mut srvr = String::new();
        if let Role::Leading(l) = &self.role {
            let synced = |obs: bool| {
                l.learners
                    .values()
                    .filter(|h| h.observer == obs && h.forwarding())
                    .count()
                    .to_string()
            };
            mntr.extend([
                ("zk_learners", l.learners.len().to_string()),
                ("zk_synced_followers", synced(false)),
                ("zk_synced_non_voting_followers", "0".to_string()),
                ("zk_synced_observers", synced(true)),
                ("zk_pending_syncs", l.pending_syncs.len().to_string()),
                ("zk_last_proposal_size", "-1".to_string()),
                ("zk_max_proposal_size", "-1".to_string()),
                ("zk_min_proposal_size", "-1".to_string()),
            ]);
            srvr.push_str("Proposal sizes last/min/max: -1/-1/-1\n");
        }
        let state = format!("{}", self.state()).to_lowercase();
        let peer_state = Some(format!("{state} - {}", self.phase()).to_lowercase());
        let global_sessions = (!matches!(self.role, Role::Leading(_))).then(|| {
            let t = &self.core.tracker;
            t.sessions().iter().map(|(id, to)| (*id, *to)).collect()
        });
        QuorumExtras {
            conf,
            srvr,
            mntr,
            peer_state,
            global_sessions,
        }
    }
}
