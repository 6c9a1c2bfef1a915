//! Four-letter words on each server of an ensemble through the api (docs/ensemble.md):
//! the role-specific lines ZooKeeper 3.8 prints on a leader, follower and observer.

use serde_json::Value;
use zabscope_core::sim::api_backend::ZabBackend;
use zabscope_core::tools::api::Api;
use zabscope_core::zk::standalone::{ServerConfig, StandaloneServer};

const CFG: &str = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=127.0.0.1:2888:3888\\nserver.2=127.0.0.1:2889:3889\\nserver.3=127.0.0.1:2890:3890\\nserver.4=127.0.0.1:2891:3891:observer";

fn api() -> Api<ZabBackend> {
    let mut a = Api::new(ZabBackend::new(StandaloneServer::new(
        ServerConfig::default(),
    )));
    for l in [
        format!(r#"{{"op":"ensemble","config":"{CFG}","seed":1}}"#),
        r#"{"op":"start","server":1}"#.into(),
        r#"{"op":"start","server":2}"#.into(),
        r#"{"op":"start","server":3}"#.into(),
        r#"{"op":"start","server":4}"#.into(),
        r#"{"op":"runUntil","leader":true,"max_ms":60000}"#.into(),
        r#"{"op":"run","ms":3000}"#.into(),
    ] {
        let r: Value = serde_json::from_str(&a.handle_line(&l)).expect("json");
        assert_eq!(r["ok"], true, "{l} → {r}");
    }
    a
}

fn word(a: &mut Api<ZabBackend>, server: u32, w: &str) -> String {
    let r: Value = serde_json::from_str(
        &a.handle_line(&format!(r#"{{"op":"4lw","server":{server},"word":"{w}"}}"#)),
    )
    .expect("json");
    assert_eq!(r["ok"], true, "{w} on {server}: {r}");
    r["output"].as_str().expect("output").to_string()
}

/// StatCommand: `Mode:` is `ServerStats.getServerState()`; the leader adds
/// `Proposal sizes last/min/max:` (StatCommand.commandRun, 3.8).
#[test]
fn srvr_and_stat_print_each_role() {
    let mut a = api();
    // A fresh 3-voter ensemble elects server 3 (FLE: highest sid wins on equal zxid).
    let leader = word(&mut a, 3, "srvr");
    assert!(leader.contains("Mode: leader\n"), "{leader}");
    assert!(
        leader.ends_with("Proposal sizes last/min/max: -1/-1/-1\n"),
        "{leader}"
    );
    let follower = word(&mut a, 1, "srvr");
    assert!(follower.contains("Mode: follower\n"), "{follower}");
    assert!(!follower.contains("Proposal sizes"), "{follower}");
    assert!(word(&mut a, 4, "stat").contains("Mode: observer\n"));
    assert!(word(&mut a, 2, "stat").starts_with("Zookeeper version: 3.8.0"));
    assert_eq!(word(&mut a, 2, "ruok"), "imok");
}

/// QuorumZooKeeperServer.dumpConf: serverId, initLimit, syncLimit, electionAlg=3, ports,
/// peerType (LearnerType ordinal: 0 participant, 1 observer), `membership: ` and
/// QuorumMaj.toString's `server.N=host:quorum:election:type` lines and `version=`.
#[test]
fn conf_prints_membership_and_server_id() {
    let mut a = api();
    let c = word(&mut a, 2, "conf");
    for line in [
        "serverId=2\n",
        "initLimit=10\n",
        "syncLimit=5\n",
        "electionAlg=3\n",
        "electionPort=3889\n",
        "quorumPort=2889\n",
        "peerType=0\n",
        "membership: \n",
        "server.1=127.0.0.1:2888:3888:participant\n",
        "server.4=127.0.0.1:2891:3891:observer\n",
    ] {
        assert!(c.contains(line), "missing {line:?} in\n{c}");
    }
    // Real 3.8 ends `conf` with `version=0` and no newline (QuorumMaj.toString via print).
    assert!(c.ends_with("\nversion=0"), "{c:?}");
    assert!(word(&mut a, 4, "conf").contains("peerType=1\n"));
}

/// mntr: `zk_server_state`; LeaderZooKeeperServer.registerMetrics adds learners,
/// synced_followers, synced_observers, pending_syncs on the leader only; every quorum server
/// has quorum_size (QuorumZooKeeperServer).
#[test]
fn mntr_has_leader_gauges_on_the_leader_only() {
    let mut a = api();
    let l = word(&mut a, 3, "mntr");
    for row in [
        "zk_server_state\tleader\nzk_peer_state\tleading - broadcast\n",
        "zk_learners\t3\n",
        "zk_synced_followers\t2\n",
        "zk_synced_observers\t1\n",
        "zk_pending_syncs\t0\n",
        "zk_quorum_size\t3\n",
    ] {
        assert!(l.contains(row), "missing {row:?} in\n{l}");
    }
    let f = word(&mut a, 1, "mntr");
    assert!(
        f.contains("zk_server_state\tfollower\nzk_peer_state\tfollowing - broadcast\n"),
        "{f}"
    );
    assert!(!f.contains("zk_learners"), "{f}");
    assert!(word(&mut a, 4, "mntr").contains("zk_server_state\tobserver\n"));
}

/// cons/wchs/wchc/wchp/dump/envi answer on every server; a session's connection and watches
/// show on the server it is connected to; dump's SessionTracker sets are the leader's.
#[test]
fn connection_and_watch_words_follow_the_client() {
    let mut a = api();
    let r = a.handle_line(r#"{"client":"c1","op":"connect","server":1,"timeout_ms":10000}"#);
    assert!(r.contains("\"ok\":true"), "{r}");
    a.handle_line(r#"{"client":"c1","op":"create","path":"/e","data":"x","ephemeral":true}"#);
    a.handle_line(r#"{"client":"c1","op":"getData","path":"/e","watch":true}"#);
    let cons1 = word(&mut a, 1, "cons");
    assert_eq!(
        cons1.lines().filter(|l| l.contains("sid=0x")).count(),
        1,
        "{cons1}"
    );
    assert!(!word(&mut a, 2, "cons").contains("sid=0x"));
    assert!(word(&mut a, 1, "wchs").contains("1 connections watching 1 paths\nTotal watches:1"));
    assert!(word(&mut a, 2, "wchs").contains("0 connections watching 0 paths"));
    assert!(word(&mut a, 1, "wchp").starts_with("/e\n\t0x"));
    assert!(word(&mut a, 1, "wchc").contains("\t/e\n"));
    let dump = word(&mut a, 3, "dump");
    assert!(dump.contains("Session Sets (1)/(1):"), "{dump}");
    assert!(dump.contains("Sessions with Ephemerals (1):"), "{dump}");
    // A learner prints its global sessions with timeouts (LearnerSessionTracker; real 3.8:
    // `Global Sessions(1):` / `0x100005cb40e0000\t30000ms`).
    let fdump = word(&mut a, 1, "dump");
    assert!(
        fdump.starts_with("SessionTracker dump:\nGlobal Sessions(1):\n0x"),
        "{fdump}"
    );
    assert!(fdump.contains("\t10000ms\n"), "{fdump}");
    assert!(word(&mut a, 2, "envi").starts_with("Environment:\nzookeeper.version=3.8.0"));
}

/// A server that is not serving answers ZK_NOT_SERVING (AbstractFourLetterCommand) except
/// for ruok; a crashed one refuses the connection.
#[test]
fn looking_and_crashed_servers() {
    let mut a = Api::new(ZabBackend::new(StandaloneServer::new(
        ServerConfig::default(),
    )));
    a.handle_line(&format!(r#"{{"op":"ensemble","config":"{CFG}","seed":1}}"#));
    a.handle_line(r#"{"op":"start","server":1}"#);
    a.handle_line(r#"{"op":"run","ms":1000}"#);
    assert_eq!(
        word(&mut a, 1, "srvr"),
        "This ZooKeeper instance is not currently serving requests\n"
    );
    assert_eq!(word(&mut a, 1, "ruok"), "imok");
    let r = a.handle_line(r#"{"op":"4lw","server":2,"word":"srvr"}"#);
    assert!(r.contains("\"ok\":false"), "{r}");
    let r = a.handle_line(r#"{"op":"4lw","server":1,"word":"xyzw"}"#);
    assert!(r.contains("\"ok\":false"), "{r}");
}
