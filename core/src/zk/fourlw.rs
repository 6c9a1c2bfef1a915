//! Four-letter words (S/command/*.java): ruok, isro, srvr, stat, conf, cons, mntr, wchs,
//! wchc, wchp, dump, envi in ZooKeeper 3.8's formats with simulated values. The server is
//! assumed to run with `4lw.commands.whitelist=*`.
//!
//! Rendering works from a `ServerSnapshot` any server role can fill (standalone here; the
//! ensemble's leader/follower/observer later), so formats live in one place.

use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zk::db::ZkDatabase;
use crate::zk::jdate::java_date;
use crate::zk::session::SessionTracker;
use crate::zk::standalone::{ConnectionStats, StandaloneServer};
use crate::zk::watch::WatchManager;
use std::collections::BTreeMap;
use std::fmt::Write;

/// `Version.getFullVersion()` of the upstream 3.8.0 release.
pub const VERSION: &str =
    "3.8.0-5a02a05eddb59aee6ac762f7ea82e92a68eb9c0f, built on 2022-02-25 08:49 UTC";

/// Everything a four-letter word reads from one server.
pub struct ServerSnapshot<'a> {
    /// `standalone`, `leader`, `follower`, `observer`.
    pub mode: &'a str,
    pub db: &'a ZkDatabase,
    pub watches: &'a WatchManager,
    /// The session tracker, when this server has one (standalone, leader).
    pub tracker: Option<&'a SessionTracker>,
    pub connections: Vec<(SessionId, &'a ConnectionStats)>,
    pub received: u64,
    pub sent: u64,
    /// The port of the four-letter word's own connection.
    pub own_port: u64,
    pub now: SimTime,
    pub client_port: u16,
    pub tick_time: u64,
    pub min_session_timeout: i32,
    pub max_session_timeout: i32,
    pub server_id: u64,
    pub client_ip: &'a str,
    /// Quorum servers' additions (`QuorumZooKeeperServer.dumpConf`, leader gauges…); empty
    /// for standalone.
    pub quorum: QuorumExtras,
}

/// What a quorum server adds to the standalone formats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuorumExtras {
    /// Appended to `conf` (initLimit…membership, server.N lines, version).
    pub conf: String,
    /// Appended to `srvr`/`stat` (the leader's `Proposal sizes` line).
    pub srvr: String,
    /// Extra `mntr` rows (`zk_quorum_size`, the leader's gauges).
    pub mntr: Vec<(&'static str, String)>,
    /// `zk_peer_state` (`QuorumPeer.getDetailedPeerState`: `leading - broadcast`), printed
    /// right after `zk_server_state`.
    pub peer_state: Option<String>,
    /// A learner's `dump`: `Global Sessions(n):` with each session's timeout
    /// (LearnerSessionTracker.dumpSessions) instead of the leader's expiry sets.
    pub global_sessions: Option<Vec<(SessionId, i32)>>,
}

/// Runs `word` against a standalone server (counting the exchange as ZooKeeper does).
pub fn four_letter(s: &mut StandaloneServer, word: &str) -> Option<String> {
    let own_port = s.note_four_letter();
    let cfg = s.config().clone();
    let snap = ServerSnapshot {
        mode: "standalone",
        db: s.db(),
        watches: s.watches(),
        tracker: Some(s.tracker()),
        connections: s
            .connections()
            .iter()
            .map(|(id, c)| (*id, &c.stats))
            .collect(),
        received: s.stats().received,
        sent: s.stats().sent,
        own_port,
        now: s.now(),
        client_port: cfg.client_port,
        tick_time: cfg.session.tick_time,
        min_session_timeout: cfg.session.min_session_timeout,
        max_session_timeout: cfg.session.max_session_timeout,
        server_id: 0,
        client_ip: &cfg.client_ip,
        quorum: QuorumExtras::default(),
    };
    let out = render(&snap, word);
    s.note_four_letter_sent();
    out
}

/// The reply to `word`, or `None` for an unknown word.
#[must_use]
pub fn render(s: &ServerSnapshot<'_>, word: &str) -> Option<String> {
    Some(match word {
        "ruok" => "imok".to_string(),
        "isro" => "rw".to_string(),
        "srvr" => srvr(s, false),
        "stat" => srvr(s, true),
        "conf" => conf(s),
        "cons" => cons(s),
        "mntr" => mntr(s),
        "wchs" => wchs(s),
        "wchc" => wchc(s),
        "wchp" => wchp(s),
        "dump" => dump(s),
        "envi" => envi(s),
        _ => return None,
    })
}

/// `getNodeCount()`: ZooKeeper's map also holds the root under `""`.
fn node_count(s: &ServerSnapshot<'_>) -> usize {
    s.db.tree().node_count() + 1
}

fn server_stats(s: &ServerSnapshot<'_>) -> String {
    format!(
        "Latency min/avg/max: 0/0.0/0\nReceived: {}\nSent: {}\nConnections: {}\nOutstanding: 0\nZxid: {}\nMode: {}\n",
        s.received,
        s.sent,
        s.connections.len() + 1,
        s.db.last_processed_zxid(),
        s.mode
    )
}

fn srvr(s: &ServerSnapshot<'_>, with_clients: bool) -> String {
    let mut o = format!("Zookeeper version: {VERSION}\n");
    if with_clients {
        o.push_str("Clients:\n");
        for line in connection_lines(s, true) {
            let _ = writeln!(o, "{line}");
        }
        o.push('\n');
    }
    o.push_str(&server_stats(s));
    let _ = writeln!(o, "Node count: {}", node_count(s));
    o.push_str(&s.quorum.srvr);
    o
}

/// `ServerCnxn.dumpConnectionInfo`; the four-letter word's own connection comes first.
fn connection_lines(s: &ServerSnapshot<'_>, brief: bool) -> Vec<String> {
    let mut v = vec![format!(
        " /{}:{}[0](queued=0,recved=1,sent=0)",
        s.client_ip, s.own_port
    )];
    for (id, c) in &s.connections {
        let mut l = format!(
            " /{}:{}[1](queued=0,recved={},sent={}",
            s.client_ip, c.port, c.received, c.sent
        );
        if !brief {
            let _ = write!(
                l,
                ",sid={id},lop={},est={},to={},lcxid=0x{:x},lzxid={},lresp={},llat=0,minlat=0,avglat=0,maxlat=0",
                c.last_op,
                c.established.ms(),
                c.timeout_ms,
                c.cxid,
                lzxid(c),
                c.last_response.ms()
            );
        }
        l.push(')');
        v.push(l);
    }
    v
}

fn lzxid(c: &ConnectionStats) -> String {
    format!("0x{:x}", c.last_zxid.0)
}

fn cons(s: &ServerSnapshot<'_>) -> String {
    let mut o = String::new();
    for l in connection_lines(s, false) {
        let _ = writeln!(o, "{l}");
    }
    o.push('\n');
    o
}

fn conf(s: &ServerSnapshot<'_>) -> String {
    format!(
        "clientPort={}\nsecureClientPort=-1\ndataDir=/var/lib/zookeeper/version-2\ndataDirSize=0\n\
         dataLogDir=/var/lib/zookeeper/version-2\ndataLogSize=0\ntickTime={}\nmaxClientCnxns=60\n\
         minSessionTimeout={}\nmaxSessionTimeout={}\nclientPortListenBacklog=-1\nserverId={}\n",
        s.client_port, s.tick_time, s.min_session_timeout, s.max_session_timeout, s.server_id
    ) + &s.quorum.conf
}

fn mntr(s: &ServerSnapshot<'_>) -> String {
    let tree = s.db.tree();
    let ephemerals: usize = tree.all_ephemerals().values().map(|p| p.len()).sum();
    let data_size: usize = tree.iter().map(|(p, n)| p.len() + n.data_len()).sum();
    let mut rows: Vec<(&str, String)> = vec![
        ("zk_version", VERSION.to_string()),
        ("zk_server_state", s.mode.to_string()),
        ("zk_ephemerals_count", ephemerals.to_string()),
        (
            "zk_num_alive_connections",
            (s.connections.len() + 1).to_string(),
        ),
        ("zk_avg_latency", "0.0".into()),
        ("zk_outstanding_requests", "0".into()),
        ("zk_znode_count", node_count(s).to_string()),
        ("zk_global_sessions", s.db.sessions().len().to_string()),
        ("zk_packets_sent", s.sent.to_string()),
        ("zk_packets_received", s.received.to_string()),
        ("zk_watch_count", s.watches.watch_count().to_string()),
        ("zk_min_latency", "0".into()),
        ("zk_approximate_data_size", data_size.to_string()),
        ("zk_local_sessions", "0".into()),
        ("zk_uptime", s.now.ms().to_string()),
        ("zk_max_latency", "0".into()),
    ];
    if let Some(p) = &s.quorum.peer_state {
        rows.insert(2, ("zk_peer_state", p.clone()));
    }
    rows.extend(s.quorum.mntr.iter().map(|(k, v)| (*k, v.clone())));
    let mut o = String::new();
    for (k, v) in rows {
        let _ = writeln!(o, "{k}\t{v}");
    }
    o
}

/// `dataWatches.toString()`: only the data-watch table is summarised (3.8 behaviour).
fn wchs(s: &ServerSnapshot<'_>) -> String {
    let t = &s.watches.data;
    format!(
        "{} connections watching {} paths\nTotal watches:{}\n",
        t.by_watcher().len(),
        t.by_path().len(),
        t.size()
    )
}

fn wchc(s: &ServerSnapshot<'_>) -> String {
    let mut o = String::new();
    for (w, paths) in s.watches.data.by_watcher() {
        let _ = writeln!(o, "{w}");
        for p in paths {
            let _ = writeln!(o, "\t{p}");
        }
    }
    o.push('\n');
    o
}

fn wchp(s: &ServerSnapshot<'_>) -> String {
    let mut o = String::new();
    for (p, ws) in s.watches.data.by_path() {
        let _ = writeln!(o, "{p}");
        for w in ws {
            let _ = writeln!(o, "\t{w}");
        }
    }
    o.push('\n');
    o
}

fn dump(s: &ServerSnapshot<'_>) -> String {
    let mut o = String::from("SessionTracker dump:\n");
    if let Some(g) = &s.quorum.global_sessions {
        let _ = writeln!(o, "Global Sessions({}):", g.len());
        for (id, to) in g {
            let _ = writeln!(o, "{id}\t{to}ms");
        }
    } else if let Some(t) = s.tracker {
        let mut buckets: BTreeMap<SimTime, Vec<SessionId>> = BTreeMap::new();
        for id in t.sessions().keys() {
            if let Some(at) = t.expiry_of(*id) {
                buckets.entry(at).or_default().push(*id);
            }
        }
        let n: usize = buckets.values().map(Vec::len).sum();
        let _ = writeln!(o, "Session Sets ({})/({n}):", buckets.len());
        for (at, ids) in &buckets {
            let _ = writeln!(o, "{} expire at {}:", ids.len(), java_date(at.ms() as i64));
            for id in ids {
                let _ = writeln!(o, "\t{id}");
            }
        }
    }
    o.push_str("ephemeral nodes dump:\n");
    let eph = s.db.tree().all_ephemerals();
    let _ = writeln!(o, "Sessions with Ephemerals ({}):", eph.len());
    for (sid, paths) in eph {
        let _ = writeln!(o, "{}:", SessionId(*sid));
        for p in paths {
            let _ = writeln!(o, "\t{p}");
        }
    }
    o.push_str("Connections dump:\n");
    let _ = writeln!(o, "Connections Sets ({n})/({n}):", n = s.connections.len());
    for (id, c) in &s.connections {
        let at = s.tracker.and_then(|t| t.expiry_of(*id)).unwrap_or(s.now);
        let _ = writeln!(o, "1 expire at {}:", java_date(at.ms() as i64));
        let _ = writeln!(o, "\tip: /{}:{} sessionId: {id}", s.client_ip, c.port);
    }
    o
}

fn envi(_s: &ServerSnapshot<'_>) -> String {
    let rows = [
        ("zookeeper.version", VERSION),
        ("host.name", "localhost"),
        ("java.version", "17.0.15"),
        ("java.vendor", "ZabScope (simulated)"),
        ("java.home", "/usr/lib/jvm/java-17-openjdk-amd64"),
        (
            "java.class.path",
            "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar",
        ),
        ("java.library.path", "/usr/lib"),
        ("java.io.tmpdir", "/tmp"),
        ("java.compiler", "<NA>"),
        ("os.name", "Linux"),
        ("os.arch", "wasm32"),
        ("os.version", "zabscope"),
        ("user.name", "zookeeper"),
        ("user.home", "/var/lib/zookeeper"),
        ("user.dir", "/var/lib/zookeeper"),
        ("os.memory.free", "100MB"),
        ("os.memory.max", "1024MB"),
        ("os.memory.total", "128MB"),
    ];
    let mut o = String::from("Environment:\n");
    for (k, v) in rows {
        let _ = writeln!(o, "{k}={v}");
    }
    o
}

#[cfg(test)]
mod tests;
