//! The ensemble's configuration, read from and printed as zoo.cfg text.
//!
//! Keys follow `QuorumPeerConfig.parseProperties`: `tickTime`, `initLimit`, `syncLimit`,
//! `minSessionTimeout`, `maxSessionTimeout`, and `server.N=host:quorumPort:electionPort[:observer]`.
//! The simulated network's settings ride along as `zabscope.*` keys (ZooKeeper ignores keys it
//! does not know). Other zoo.cfg keys (`dataDir`, `clientPort`, …) are accepted and ignored.

use crate::check::breaks::Break;
use crate::explain::Text;
use crate::ids::ServerId;
use crate::tools::lab::cost::CostModel;
use crate::zk::limits::{self, MIN_TICK_TIME};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One `server.N=` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerConfig {
    pub host: String,
    pub quorum_port: u16,
    pub election_port: u16,
    /// `:observer`: never votes, learns by INFORM (Observer.java).
    pub observer: bool,
}

/// A whole ensemble: ZooKeeper's settings plus the simulated network's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `tickTime` in ms (default 2000 in the shipped zoo.cfg; required by ZooKeeper).
    pub tick_time: u64,
    /// `initLimit` in ticks: time allowed for discovery and sync.
    pub init_limit: u64,
    /// `syncLimit` in ticks: how long a learner may be silent.
    pub sync_limit: u64,
    /// `minSessionTimeout` in ms (default 2 × tickTime).
    pub min_session_timeout: Option<u64>,
    /// `maxSessionTimeout` in ms (default 20 × tickTime).
    pub max_session_timeout: Option<u64>,
    /// Every server of zoo.cfg, by myid.
    pub servers: BTreeMap<ServerId, ServerConfig>,
    /// One-way link latency in ms (`zabscope.latencyMs`).
    pub latency_ms: u64,
    /// Extra uniform jitter 0..=jitter ms (`zabscope.jitterMs`).
    pub jitter_ms: u64,
    /// Message loss in parts per million (`zabscope.lossPpm`); loss drops a message and, like a
    /// broken TCP stream, everything after it until the connection is rebuilt is not assumed.
    pub loss_ppm: u32,
    /// `zabscope.learnerShutdownMs`: a follower or observer that lost its leader stays in its
    /// role this long before `lookForLeader` (`Follower.shutdown` in `QuorumPeer.run`: request
    /// processors joined, client connections closed, db reloaded); real 3.8.0: 17–80 ms.
    pub learner_shutdown_ms: u64,
    /// `zabscope.leaderStartMs`: a new leader's quorum port is bound this long after it decides
    /// LEADING (`QuorumPeer.makeLeader` builds the `Leader`); connects before are refused.
    /// Real 3.8.0: 30–40 ms.
    pub leader_start_ms: u64,
    /// `zabscope.learnerStartMs`: a learner's ACK of NEWLEADER leaves this long after the
    /// NEWLEADER arrived (`Learner.syncWithLeader`: `setCurrentEpoch`, then
    /// `zk.startupWithoutServing()` before `writePacket(ACK)`). Real 3.8.0: 16–73 ms from the
    /// leader's `Sending DIFF` to its `Have quorum of supporters`. It decides whether a learner
    /// that connects a little after another one is synced before the epoch is established.
    pub learner_start_ms: u64,
    /// `zabscope.fsyncMs`: how long one txn-log flush (`FileTxnLog.commit`, an fsync) takes in
    /// `SyncRequestProcessor`; proposals are ACKed only once flushed (group commit). 0 = the
    /// append is durable at once (the idealised model).
    pub fsync_ms: u64,
    /// `zabscope.break=NAME[,NAME…]`: deliberate protocol bugs, off by default
    /// (docs/break-zab.md).
    pub breaks: BTreeSet<Break>,
    /// `snapCount` (system property `zookeeper.snapCount`, which a zoo.cfg key becomes):
    /// `SyncRequestProcessor` rolls the txn log and snapshots after snapCount/2 + a random
    /// 0..snapCount/2 txns. At least 2 (`ZooKeeperServer.getSnapCount`).
    pub snap_count: u64,
    /// `snapshotSizeFactor` (`zookeeper.snapshotSizeFactor`, default 0.33) in millionths:
    /// the txn log a leader may sync from is limited to this fraction of the newest snapshot
    /// file; negative disables syncing from the txn log (`ZKDatabase`).
    pub snapshot_size_factor_ppm: i64,
    /// `preAllocSize` in KB (`zookeeper.preAllocSize`, default 65536 = 64 MB): a txn log file
    /// grows in steps of this size (`FilePadding`), so its length counts the padding.
    pub pre_alloc_kb: u64,
    /// `leaderServes` (yes/no, default yes): whether the leader takes client connections.
    /// Read by the performance lab; the classroom ensemble does not route clients by it.
    pub leader_serves: bool,
    /// `zabscope.cost.*`: the performance lab's cost model (docs/performance-lab.md). The
    /// classroom simulation does not read it: its servers work in zero time.
    pub cost: CostModel,
}

/// Default `zabscope.learnerShutdownMs`: a typical measured `Follower.shutdown` (docs/ensemble.md).
pub const DEFAULT_LEARNER_SHUTDOWN_MS: u64 = 50;
/// Default `zabscope.leaderStartMs`: the measured decide → bind time of a new leader.
pub const DEFAULT_LEADER_START_MS: u64 = 35;
/// Default `zabscope.learnerStartMs`: a warm learner's NEWLEADER → ACK time measured here.
pub const DEFAULT_LEARNER_START_MS: u64 = 20;
/// Default `zabscope.fsyncMs` (docs/fidelity-timing.md).
pub const DEFAULT_FSYNC_MS: u64 = 4;
/// ZooKeeper's default `snapCount`.
pub const DEFAULT_SNAP_COUNT: u64 = 100_000;
/// ZooKeeper's default `snapshotSizeFactor` (0.33) in millionths.
pub const DEFAULT_SNAPSHOT_SIZE_FACTOR_PPM: i64 = 330_000;
/// ZooKeeper's default `preAllocSize` in KB (64 MB).
pub const DEFAULT_PRE_ALLOC_KB: u64 = 65_536;

/// Why zoo.cfg text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Line number (1-based) and what is wrong with it.
    Line(usize, Text),
    /// A required key is missing.
    Missing(&'static str),
    /// ZooKeeper ensembles here have 1 to 51 servers.
    ServerCount(usize),
    /// An ensemble needs at least one voting member.
    NoVoters,
    /// A value out of its range (`tickTime` below 2, `initLimit` 0, …): the key and why.
    Range(&'static str, Text),
}

impl ConfigError {
    /// The error by key (`config.*`), to render in any language; zoo.cfg's keys stay as
    /// ZooKeeper spells them.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            ConfigError::Line(n, why) => Text::new("config.line")
                .arg("n", *n)
                .arg("why", why.clone()),
            ConfigError::Missing(key) => Text::new("config.missing").arg("key", *key),
            ConfigError::ServerCount(n) => Text::new("config.server_count").arg("n", *n),
            ConfigError::NoVoters => Text::new("config.no_voters"),
            ConfigError::Range(key, why) => Text::new("config.range")
                .arg("key", *key)
                .arg("why", why.clone()),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en())
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// `n` voting servers `server.i=zk{i}:2888:3888`, tickTime 2000, initLimit 10, syncLimit 5
    /// (the values of ZooKeeper's zoo_sample.cfg), 1 ms LAN latency with 1 ms jitter.
    pub fn ensemble(n: u32) -> Result<Config, ConfigError> {
        if !(1..=51).contains(&n) {
            return Err(ConfigError::ServerCount(n as usize));
        }
        let servers = (1..=n)
            .map(|i| (ServerId(i), ServerConfig::new(i, false)))
            .collect();
        Ok(Config {
            servers,
            ..Config::empty()
        })
    }

    fn empty() -> Config {
        Config {
            tick_time: 2000,
            init_limit: 10,
            sync_limit: 5,
            min_session_timeout: None,
            max_session_timeout: None,
            servers: BTreeMap::new(),
            latency_ms: 1,
            jitter_ms: 1,
            loss_ppm: 0,
            learner_shutdown_ms: DEFAULT_LEARNER_SHUTDOWN_MS,
            leader_start_ms: DEFAULT_LEADER_START_MS,
            learner_start_ms: DEFAULT_LEARNER_START_MS,
            fsync_ms: DEFAULT_FSYNC_MS,
            breaks: BTreeSet::new(),
            snap_count: DEFAULT_SNAP_COUNT,
            snapshot_size_factor_ppm: DEFAULT_SNAPSHOT_SIZE_FACTOR_PPM,
            pre_alloc_kb: DEFAULT_PRE_ALLOC_KB,
            leader_serves: true,
            cost: CostModel::default(),
        }
    }

    /// Parses zoo.cfg text. `tickTime`, `initLimit`, `syncLimit` and at least one server are
    /// required, as `QuorumPeerConfig` requires them for a quorum.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let mut cfg = Config::empty();
        let mut seen = (false, false, false);
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |why: Text| ConfigError::Line(i + 1, why);
            let (key, value) = line
                .split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .ok_or_else(|| err(Text::new("config.key_value").arg("line", line.to_string())))?;
            let bad = |k: &'static str, v: &str| {
                err(Text::new(k)
                    .arg("key", key.to_string())
                    .arg("value", v.to_string()))
            };
            let num = |v: &str| -> Result<u64, ConfigError> {
                v.parse::<u64>().map_err(|_| bad("config.not_number", v))
            };
            // QuorumPeerConfig reads these as Java ints (Integer.parseInt).
            let int = |v: &str| -> Result<u64, ConfigError> {
                let n = num(v)?;
                if n > i32::MAX as u64 {
                    return Err(bad("config.too_big", v));
                }
                Ok(n)
            };
            // The simulated network's times: at most one command's span (24 h).
            let ms = |v: &str| -> Result<u64, ConfigError> {
                limits::span_text(key.to_string(), num(v)?).map_err(err)
            };
            match key {
                "tickTime" => (cfg.tick_time, seen.0) = (int(value)?, true),
                "initLimit" => (cfg.init_limit, seen.1) = (int(value)?, true),
                "syncLimit" => (cfg.sync_limit, seen.2) = (int(value)?, true),
                "minSessionTimeout" => cfg.min_session_timeout = Some(int(value)?),
                "maxSessionTimeout" => cfg.max_session_timeout = Some(int(value)?),
                "zabscope.latencyMs" => cfg.latency_ms = ms(value)?,
                "zabscope.jitterMs" => cfg.jitter_ms = ms(value)?,
                "zabscope.learnerShutdownMs" => cfg.learner_shutdown_ms = ms(value)?,
                "zabscope.leaderStartMs" => cfg.leader_start_ms = ms(value)?,
                "zabscope.learnerStartMs" => cfg.learner_start_ms = ms(value)?,
                "zabscope.fsyncMs" => cfg.fsync_ms = ms(value)?,
                "zabscope.break" => {
                    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        cfg.breaks.insert(Break::parse_text(name).map_err(err)?);
                    }
                }
                "leaderServes" => {
                    // QuorumPeerConfig: `"no".equalsIgnoreCase(...)` turns it off.
                    cfg.leader_serves = match value.to_ascii_lowercase().as_str() {
                        "yes" | "true" => true,
                        "no" | "false" => false,
                        _ => return Err(bad("config.yes_no", value)),
                    };
                }
                _ if key.starts_with(crate::tools::lab::cost::KEY_PREFIX) => {
                    cfg.cost.set(key, num(value)?).map_err(err)?;
                }
                "zabscope.lossPpm" => {
                    cfg.loss_ppm = u32::try_from(num(value)?)
                        .ok()
                        .filter(|p| *p <= 1_000_000)
                        .ok_or_else(|| err(Text::new("config.loss")))?;
                }
                // ZooKeeper turns keys it does not know into `zookeeper.KEY` system properties.
                "snapCount" => {
                    // ZooKeeperServer.getSnapCount: "snapCount is reset to 2".
                    cfg.snap_count = int(value)?.max(2);
                }
                "snapshotSizeFactor" => {
                    cfg.snapshot_size_factor_ppm =
                        parse_millionths(value).ok_or_else(|| bad("config.decimal", value))?;
                    // ZKDatabase: a factor above 1 falls back to the default.
                    if cfg.snapshot_size_factor_ppm > 1_000_000 {
                        cfg.snapshot_size_factor_ppm = DEFAULT_SNAPSHOT_SIZE_FACTOR_PPM;
                    }
                }
                "preAllocSize" => cfg.pre_alloc_kb = int(value)?,
                _ if key.starts_with("server.") => {
                    let id = key["server.".len()..]
                        .parse::<u32>()
                        .ok()
                        .filter(|id| (1..=255).contains(id))
                        .ok_or_else(|| {
                            err(Text::new("config.server_id").arg("key", key.to_string()))
                        })?;
                    let server = ServerConfig::parse(value).map_err(err)?;
                    if cfg.servers.insert(ServerId(id), server).is_some() {
                        return Err(err(Text::new("config.server_twice").arg("id", id)));
                    }
                }
                _ => {}
            }
        }
        match seen {
            (false, _, _) => return Err(ConfigError::Missing("tickTime")),
            (_, false, _) => return Err(ConfigError::Missing("initLimit")),
            (_, _, false) => return Err(ConfigError::Missing("syncLimit")),
            _ => {}
        }
        cfg.validate()?;
        Ok(cfg)
    }

    /// What every ensemble must satisfy, however it was built (`Simulation::new` checks it).
    /// `tickTime` ≥ 2 so the leader's half-tick (`Leader.lead` sleeps `tickTime / 2`) is at
    /// least 1 ms — with 1 it would be 0 and fire forever at one instant; `initLimit` and
    /// `syncLimit` ≥ 1 (`QuorumPeerConfig.checkValidity`: "initLimit is not set").
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.tick_time < MIN_TICK_TIME {
            return Err(ConfigError::Range(
                "tickTime",
                Text::new("config.tick_min")
                    .arg("min", MIN_TICK_TIME)
                    .arg("tick", self.tick_time),
            ));
        }
        if self.init_limit == 0 {
            return Err(ConfigError::Range("initLimit", Text::new("config.not_set")));
        }
        if self.sync_limit == 0 {
            return Err(ConfigError::Range("syncLimit", Text::new("config.not_set")));
        }
        if !(1..=51).contains(&self.servers.len()) {
            return Err(ConfigError::ServerCount(self.servers.len()));
        }
        if self.voters().next().is_none() {
            return Err(ConfigError::NoVoters);
        }
        Ok(())
    }

    /// Is the "break ZAB" switch `b` on?
    #[must_use]
    pub fn broken(&self, b: Break) -> bool {
        self.breaks.contains(&b)
    }

    /// The voting members (`QuorumVerifier.getVotingMembers`).
    pub fn voters(&self) -> impl Iterator<Item = ServerId> + '_ {
        self.servers
            .iter()
            .filter(|(_, s)| !s.observer)
            .map(|(id, _)| *id)
    }

    /// Every configured server id.
    pub fn ids(&self) -> impl Iterator<Item = ServerId> + '_ {
        self.servers.keys().copied()
    }

    /// Is `id` a voting member (`validVoter`)?
    #[must_use]
    pub fn is_voter(&self, id: ServerId) -> bool {
        self.servers.get(&id).is_some_and(|s| !s.observer)
    }

    /// `QuorumMaj.containsQuorum`: strictly more than half of the voters.
    #[must_use]
    pub fn is_quorum<'a>(&self, ids: impl IntoIterator<Item = &'a ServerId>) -> bool {
        let n = ids.into_iter().filter(|id| self.is_voter(**id)).count();
        n * 2 > self.voters().count()
    }

    /// The negotiated session timeout: clamp into [min, max] (ZooKeeperServer.processConnectRequest).
    #[must_use]
    pub fn negotiate_session_timeout(&self, asked: u64) -> u64 {
        let min = self.min_session_timeout.unwrap_or(2 * self.tick_time);
        let max = self.max_session_timeout.unwrap_or(20 * self.tick_time);
        asked.clamp(min, max.max(min))
    }
}

impl ServerConfig {
    fn new(i: u32, observer: bool) -> Self {
        ServerConfig {
            host: format!("zk{i}"),
            quorum_port: 2888,
            election_port: 3888,
            observer,
        }
    }

    /// `host:2888:3888[:observer|:participant][;clientPort]`.
    fn parse(value: &str) -> Result<Self, Text> {
        let addr = value.split(';').next().unwrap_or(value);
        let parts: Vec<&str> = addr.split(':').collect();
        if parts.len() < 3 || parts.len() > 4 || parts[0].is_empty() {
            return Err(Text::new("config.server_value").arg("value", value.to_string()));
        }
        let port = |p: &str| {
            p.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| Text::new("config.port").arg("port", p.to_string()))
        };
        let observer = match parts.get(3) {
            None | Some(&"participant") => false,
            Some(&"observer") => true,
            Some(other) => {
                return Err(Text::new("config.peer_type").arg("type", other.to_string()));
            }
        };
        Ok(ServerConfig {
            host: parts[0].to_string(),
            quorum_port: port(parts[1])?,
            election_port: port(parts[2])?,
            observer,
        })
    }
}

impl fmt::Display for Config {
    /// zoo.cfg text that [`Config::parse`] reads back to the same value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "tickTime={}", self.tick_time)?;
        writeln!(f, "initLimit={}", self.init_limit)?;
        writeln!(f, "syncLimit={}", self.sync_limit)?;
        if let Some(v) = self.min_session_timeout {
            writeln!(f, "minSessionTimeout={v}")?;
        }
        if let Some(v) = self.max_session_timeout {
            writeln!(f, "maxSessionTimeout={v}")?;
        }
        for (id, s) in &self.servers {
            let kind = if s.observer { ":observer" } else { "" };
            let (h, q, e) = (&s.host, s.quorum_port, s.election_port);
            writeln!(f, "server.{id}={h}:{q}:{e}{kind}")?;
        }
        writeln!(f, "zabscope.latencyMs={}", self.latency_ms)?;
        writeln!(f, "zabscope.jitterMs={}", self.jitter_ms)?;
        writeln!(f, "zabscope.lossPpm={}", self.loss_ppm)?;
        writeln!(f, "zabscope.learnerShutdownMs={}", self.learner_shutdown_ms)?;
        writeln!(f, "zabscope.leaderStartMs={}", self.leader_start_ms)?;
        if self.learner_start_ms != DEFAULT_LEARNER_START_MS {
            writeln!(f, "zabscope.learnerStartMs={}", self.learner_start_ms)?;
        }
        if self.fsync_ms != DEFAULT_FSYNC_MS {
            writeln!(f, "zabscope.fsyncMs={}", self.fsync_ms)?;
        }
        if self.snap_count != DEFAULT_SNAP_COUNT {
            writeln!(f, "snapCount={}", self.snap_count)?;
        }
        if self.snapshot_size_factor_ppm != DEFAULT_SNAPSHOT_SIZE_FACTOR_PPM {
            let v = self.snapshot_size_factor_ppm;
            let sign = if v < 0 { "-" } else { "" };
            let a = v.unsigned_abs();
            writeln!(
                f,
                "snapshotSizeFactor={sign}{}.{:06}",
                a / 1_000_000,
                a % 1_000_000
            )?;
        }
        if self.pre_alloc_kb != DEFAULT_PRE_ALLOC_KB {
            writeln!(f, "preAllocSize={}", self.pre_alloc_kb)?;
        }
        if !self.breaks.is_empty() {
            let names: Vec<&str> = self.breaks.iter().map(|b| b.key()).collect();
            writeln!(f, "zabscope.break={}", names.join(","))?;
        }
        if !self.leader_serves {
            writeln!(f, "leaderServes=no")?;
        }
        write!(f, "{}", self.cost)
    }
}

/// A decimal such as `0.33`, `-1` or `1.5` in millionths (digits past the sixth dropped, as
/// `(long)(size * factor)` drops the fraction anyway). No floats in protocol state.
fn parse_millionths(v: &str) -> Option<i64> {
    let (neg, body) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut micro = 0i64;
    for (i, b) in frac.bytes().take(6).enumerate() {
        micro += i64::from(b - b'0') * 10i64.pow(5 - i as u32);
    }
    let n = whole.checked_mul(1_000_000)?.checked_add(micro)?;
    Some(if neg { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CFG: &str = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\n\
        server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888:observer\n";

    #[test]
    fn parses_zoo_cfg_and_round_trips() {
        let cfg = Config::parse(CFG).unwrap();
        assert_eq!(cfg.tick_time, 2000);
        assert_eq!(
            cfg.voters().collect::<Vec<_>>(),
            vec![ServerId(1), ServerId(2)]
        );
        assert!(cfg.servers[&ServerId(3)].observer);
        assert_eq!(Config::parse(&cfg.to_string()).unwrap(), cfg);
    }

    #[test]
    fn fsync_key_defaults_parses_and_round_trips() {
        // SyncRequestProcessor's flush: fsync median 4 ms here (docs/fidelity-timing.md).
        assert_eq!(Config::parse(CFG).unwrap().fsync_ms, 4);
        let cfg = Config::parse(&format!("{CFG}zabscope.fsyncMs=0\n")).unwrap();
        assert_eq!(cfg.fsync_ms, 0);
        assert!(cfg.to_string().contains("zabscope.fsyncMs=0\n"));
        assert_eq!(Config::parse(&cfg.to_string()).unwrap(), cfg);
        let bad = format!("{CFG}zabscope.fsyncMs=x\n");
        assert!(
            Config::parse(&bad)
                .unwrap_err()
                .to_string()
                .contains("fsyncMs")
        );
    }

    #[test]
    fn jvm_cost_keys_default_parse_and_print() {
        // Measured on 3.8.0 (docs/fidelity-timing.md): Follower.shutdown ≈ 50 ms, Leader
        // construction → bind ≈ 35 ms; 0 restores the idealised (free) behaviour.
        let cfg = Config::parse(CFG).unwrap();
        assert_eq!((cfg.learner_shutdown_ms, cfg.leader_start_ms), (50, 35));
        let text = format!("{CFG}zabscope.learnerShutdownMs=0\nzabscope.leaderStartMs=7\n");
        let cfg = Config::parse(&text).unwrap();
        assert_eq!((cfg.learner_shutdown_ms, cfg.leader_start_ms), (0, 7));
        assert!(cfg.to_string().contains("zabscope.learnerShutdownMs=0\n"));
        assert!(cfg.to_string().contains("zabscope.leaderStartMs=7\n"));
        assert_eq!(Config::parse(&cfg.to_string()).unwrap(), cfg);
        let bad = format!("{CFG}zabscope.leaderStartMs=-1\n");
        assert!(
            Config::parse(&bad)
                .unwrap_err()
                .to_string()
                .contains("leaderStartMs")
        );
    }

    #[test]
    fn lab_keys_default_parse_print_and_refuse_bad_values() {
        let c = Config::parse(CFG).unwrap();
        assert!(c.leader_serves);
        assert_eq!(c.cost, CostModel::default());
        assert!(!c.to_string().contains("leaderServes") && !c.to_string().contains("cost"));
        let text =
            format!("{CFG}leaderServes=no\nzabscope.cost.readUs=30\nzabscope.cost.fsyncUs=800\n");
        let c = Config::parse(&text).unwrap();
        assert!(!c.leader_serves);
        assert_eq!((c.cost.read_us, c.cost.fsync_us), (30, 800));
        assert_eq!(Config::parse(&c.to_string()).unwrap(), c);
        let bad = |extra: &str| {
            Config::parse(&format!("{CFG}{extra}\n"))
                .unwrap_err()
                .to_string()
        };
        assert!(bad("leaderServes=maybe").contains("yes or no"));
        assert!(bad("zabscope.cost.speed=3").contains("unknown cost"));
        assert!(bad("zabscope.cost.readUs=-1").contains("non-negative"));
    }

    #[test]
    fn break_switches_parse_print_and_reject_unknown_names() {
        assert!(Config::parse(CFG).unwrap().breaks.is_empty());
        let text = format!("{CFG}zabscope.break=skipTrunc, electBySidOnly\n");
        let cfg = Config::parse(&text).unwrap();
        assert!(cfg.broken(Break::SkipTrunc) && cfg.broken(Break::ElectBySidOnly));
        assert!(!cfg.broken(Break::NewEpochMax));
        assert!(
            cfg.to_string()
                .contains("zabscope.break=electBySidOnly,skipTrunc\n")
        );
        assert_eq!(Config::parse(&cfg.to_string()).unwrap(), cfg);
        let bad = Config::parse(&format!("{CFG}zabscope.break=nope\n")).unwrap_err();
        assert!(bad.to_string().contains("unknown break switch 'nope'"));
    }

    #[test]
    fn snapshot_keys_default_parse_and_print() {
        let c = Config::parse(CFG).unwrap();
        assert_eq!(c.snap_count, 100_000);
        assert_eq!(c.snapshot_size_factor_ppm, 330_000);
        assert_eq!(c.pre_alloc_kb, 65_536);
        assert!(!c.to_string().contains("snapCount"));
        let text = format!("{CFG}snapCount=1000\nsnapshotSizeFactor=-1\npreAllocSize=16\n");
        let c = Config::parse(&text).unwrap();
        assert_eq!(c.snap_count, 1000);
        assert_eq!(c.snapshot_size_factor_ppm, -1_000_000);
        assert_eq!(c.pre_alloc_kb, 16);
        assert_eq!(Config::parse(&c.to_string()).unwrap(), c);
        let c = Config::parse(&format!("{CFG}snapCount=1\nsnapshotSizeFactor=2.5\n")).unwrap();
        assert_eq!((c.snap_count, c.snapshot_size_factor_ppm), (2, 330_000));
        let c = Config::parse(&format!("{CFG}snapshotSizeFactor=0.0001234\n")).unwrap();
        assert_eq!(c.snapshot_size_factor_ppm, 123);
        assert!(Config::parse(&format!("{CFG}snapshotSizeFactor=abc\n")).is_err());
        assert!(Config::parse(&format!("{CFG}snapCount=3000000000\n")).is_err());
    }

    #[test]
    fn quorum_is_a_strict_majority_of_voters() {
        let cfg = Config::ensemble(5).unwrap();
        assert!(!cfg.is_quorum(&[ServerId(1), ServerId(2)]));
        assert!(cfg.is_quorum(&[ServerId(1), ServerId(2), ServerId(3)]));
        // Observers never count (QuorumMaj only weighs voting members).
        let obs = Config::parse(CFG).unwrap();
        assert!(!obs.is_quorum(&[ServerId(1), ServerId(3)]));
    }

    #[test]
    fn bad_text_gives_clear_errors() {
        let e = |t: &str| Config::parse(t).unwrap_err().to_string();
        assert!(e("tickTime=abc\n").contains("line 1"));
        assert!(e("tickTime=2000\ninitLimit=5\nsyncLimit=2\n").contains("1 to 51"));
        assert!(e("initLimit=5\nsyncLimit=2\nserver.1=a:1:2\n").contains("tickTime"));
        assert!(e("tickTime=2\ninitLimit=5\nsyncLimit=2\nserver.1=a:1\n").contains("expected"));
        assert!(e("tickTime=2\ninitLimit=5\nsyncLimit=2\nserver.0=a:1:2\n").contains("1..255"));
        assert!(
            e("tickTime=2\ninitLimit=5\nsyncLimit=2\nserver.1=a:1:2:observer\n")
                .contains("observer")
        );
        assert_eq!(
            Config::ensemble(52).unwrap_err(),
            ConfigError::ServerCount(52)
        );
    }

    #[test]
    fn tick_time_below_two_and_zero_limits_are_refused() {
        // tickTime=1 made the leader's half-tick timer 0 ms: 16.7 M steps at one instant
        // (runaway input).
        let servers = "server.1=a:1:2\n";
        let e = |t: &str| {
            Config::parse(&format!("{t}{servers}"))
                .unwrap_err()
                .to_string()
        };
        for tick in ["tickTime=1\n", "tickTime=0\n"] {
            let msg = e(&format!("{tick}initLimit=5\nsyncLimit=2\n"));
            assert!(
                msg.contains("tickTime") && msg.contains("at least 2"),
                "{msg}"
            );
        }
        assert!(e("tickTime=2\ninitLimit=0\nsyncLimit=2\n").contains("initLimit is not set"));
        assert!(e("tickTime=2\ninitLimit=1\nsyncLimit=0\n").contains("syncLimit is not set"));
        let ok = Config::parse(&format!("tickTime=2\ninitLimit=1\nsyncLimit=1\n{servers}"));
        assert_eq!(ok.map(|c| c.tick_time), Ok(2));
        // However a config is built, the simulation checks it too.
        let mut cfg = Config::ensemble(3).unwrap();
        cfg.tick_time = 1;
        assert!(crate::Simulation::new(cfg, 0).is_err());
    }

    /// `initLimit=18446744073709551615` overflowed the leader's ACK deadline (parser fuzzer):
    /// ZooKeeper's keys are Java ints, the simulated network's times at most 24 h.
    #[test]
    fn numbers_beyond_their_range_are_refused() {
        let base = "tickTime=2000\ninitLimit=10\nsyncLimit=5\nserver.1=a:1:2\n";
        let e = |k: &str, v: &str| {
            Config::parse(&format!("{base}{k}={v}\n"))
                .unwrap_err()
                .to_string()
        };
        for k in ["tickTime", "initLimit", "syncLimit", "maxSessionTimeout"] {
            assert!(e(k, "2147483648").contains("at most 2147483647"), "{k}");
            assert!(e(k, "18446744073709551615").contains(k), "{k}");
        }
        for k in [
            "zabscope.latencyMs",
            "zabscope.fsyncMs",
            "zabscope.leaderStartMs",
        ] {
            assert!(e(k, "86400001").contains("24 h"), "{k}");
        }
        let ok = Config::parse(&format!("{base}initLimit=2147483647\n")).unwrap();
        assert_eq!(ok.init_limit, 2_147_483_647);
    }

    #[test]
    fn session_timeout_is_clamped_as_zookeeper_does() {
        // seen on 3.8.0: asked 1000 → 4000, asked 100000 → 40000 (tickTime 2000).
        let cfg = Config::ensemble(3).unwrap();
        assert_eq!(cfg.negotiate_session_timeout(1000), 4000);
        assert_eq!(cfg.negotiate_session_timeout(100_000), 40_000);
    }
}
