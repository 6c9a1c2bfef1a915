//! Moving a session between servers (docs/zookeeper-semantics.md §3): REVALIDATE through the leader
//! (Learner.validateSession, LearnerHandler REVALIDATE, SessionTrackerImpl.touchSession/
//! setOwner), SessionMoved for a request that arrives through the old server
//! (PrepRequestProcessor → SessionTrackerImpl.checkSession), and the refusal of a client that
//! has seen a newer zxid than the server (ZooKeeperServer.processConnectRequest).

use zabscope_core::sim::client::Client;
use zabscope_core::{Command, Simulation};

fn cmd(sim: &mut Simulation, s: &str) {
    sim.apply(Command::parse(s).expect("command"))
        .expect("apply");
}

/// A fresh 3-server ensemble (leader 3) with invariants checked every step.
fn booted() -> Simulation {
    let mut sim = Simulation::with_servers(3, 7).expect("3");
    sim.check_invariants(true);
    assert!(sim.run_until(10_000, |s| s.leaders() == vec![3]));
    sim.run_for(500);
    sim
}

fn client<'a>(sim: &'a Simulation, name: &str) -> &'a Client {
    sim.kernel()
        .clients
        .iter()
        .find(|c| c.name == name)
        .expect("client")
}

/// The code of the client's last answer for `op` (None = gave up / no answer yet).
fn last_code(sim: &Simulation, name: &str, op: &str) -> Option<i32> {
    client(sim, name)
        .results
        .iter()
        .rev()
        .find(|r| r.op == op)
        .and_then(|r| r.response.as_ref().map(|r| r.code.value()))
}

fn has_node(sim: &Simulation, server: u32, path: &str) -> bool {
    let view = sim.view();
    let s = view
        .servers
        .iter()
        .find(|s| s.myid == server)
        .expect("server");
    s.tree.iter().any(|n| n.0 == path)
}

/// A client moves from follower 1 to follower 2: the same session id answers OK, its
/// ephemeral stays, and later writes go through server 2 (Learner.validateSession →
/// REVALIDATE → finishSessionInit).
#[test]
fn move_keeps_session_and_ephemerals() {
    let mut sim = booted();
    cmd(&mut sim, "connect c1 1 6000");
    sim.run_for(500);
    cmd(&mut sim, "create c1 -e /eph x");
    sim.run_for(500);
    let id = client(&sim, "c1").session;
    cmd(&mut sim, "move c1 2");
    sim.run_for(500);
    assert_eq!(last_code(&sim, "c1", "reconnect"), Some(0));
    assert_eq!(client(&sim, "c1").session, id);
    cmd(&mut sim, "set c1 /eph y");
    sim.run_for(20_000); // well past the session timeout: server 2 keeps touching it
    assert_eq!(last_code(&sim, "c1", "setData /eph"), Some(0));
    assert!(has_node(&sim, 1, "/eph") && has_node(&sim, 3, "/eph"));
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}

/// The follower a client is on crashes; the client moves within its timeout and its
/// ephemeral survives, while a client that does not move is expired by the leader
/// (SessionTrackerImpl expiry → closeSession deletes its ephemerals).
#[test]
fn crashed_servers_clients_move_or_expire() {
    let mut sim = booted();
    cmd(&mut sim, "connect mover 1 6000");
    cmd(&mut sim, "connect stayer 1 6000");
    sim.run_for(500);
    cmd(&mut sim, "create mover -e /m x");
    cmd(&mut sim, "create stayer -e /s x");
    sim.run_for(500);
    cmd(&mut sim, "crash 1");
    sim.run_for(2_000);
    cmd(&mut sim, "move mover 2");
    sim.run_for(20_000);
    assert_eq!(last_code(&sim, "mover", "reconnect"), Some(0));
    assert!(
        has_node(&sim, 2, "/m"),
        "the moved session's ephemeral survives"
    );
    assert!(!has_node(&sim, 2, "/s"), "the stayer's session expired");
    assert!(!has_node(&sim, 3, "/s"));
}

/// A session that already expired cannot be revalidated: the leader answers invalid and the
/// client gets SessionExpired (LearnerHandler REVALIDATE → checkIfValidGlobalSession false).
#[test]
fn moving_an_expired_session_gets_session_expired() {
    let mut sim = booted();
    cmd(&mut sim, "connect c1 1 4000");
    sim.run_for(500);
    cmd(&mut sim, "crash 1");
    sim.run_for(15_000);
    cmd(&mut sim, "move c1 2");
    sim.run_for(500);
    assert_eq!(last_code(&sim, "c1", "reconnect"), Some(-112));
}

/// A write sent through the old server reaches the leader after the session moved: the
/// leader's checkSession finds another owner → error txn SessionMoved (-118), answered by
/// the old server (PrepRequestProcessor, SessionTrackerImpl.checkSession) on a connection
/// the client already closed: the client saw CONNECTIONLOSS when it moved (ClientCnxn.cleanup).
#[test]
fn stale_request_through_old_server_gets_session_moved() {
    let mut sim = booted();
    cmd(&mut sim, "connect c1 1 6000");
    sim.run_for(500);
    cmd(&mut sim, "hold 1 3");
    cmd(&mut sim, "create c1 /late x");
    sim.run_for(50);
    cmd(&mut sim, "move c1 2");
    sim.run_for(200);
    assert_eq!(last_code(&sim, "c1", "reconnect"), Some(0));
    cmd(&mut sim, "release 1 3");
    sim.run_for(500);
    assert_eq!(last_code(&sim, "c1", "create /late"), Some(-4));
    assert!(
        !has_node(&sim, 3, "/late"),
        "the moved request did not apply"
    );
    // The session itself is fine through its new server.
    cmd(&mut sim, "create c1 /ok x");
    sim.run_for(500);
    assert_eq!(last_code(&sim, "c1", "create /ok"), Some(0));
}

/// A server behind the client refuses it ("Refusing session request … as it has seen zxid
/// … our last zxid is …", ZooKeeperServer.processConnectRequest); the client tries another.
#[test]
fn server_behind_the_client_refuses_it() {
    let mut sim = booted();
    cmd(&mut sim, "connect c1 1 6000");
    sim.run_for(500);
    cmd(&mut sim, "hold 3 2"); // server 2 stops hearing the leader's proposals
    cmd(&mut sim, "create c1 /new x");
    sim.run_for(500);
    assert_eq!(last_code(&sim, "c1", "create /new"), Some(0));
    cmd(&mut sim, "move c1 2");
    sim.run_for(100);
    assert_eq!(last_code(&sim, "c1", "reconnect"), Some(-4));
    let why = client(&sim, "c1").refused.clone().expect("refused");
    assert!(
        why.starts_with("Refusing session request for client /127.0.0.1 as it has seen zxid 0x"),
        "{why}"
    );
    assert!(why.ends_with("client must try another server"), "{why}");
    cmd(&mut sim, "move c1 3");
    sim.run_for(500);
    assert_eq!(last_code(&sim, "c1", "reconnect"), Some(0));
    assert!(client(&sim, "c1").refused.is_none());
}

/// `move` round-trips through the script text form.
#[test]
fn move_command_text() {
    let c = Command::parse("move c1 3").expect("parse");
    assert_eq!(c.to_string(), "move c1 3");
    assert!(Command::parse("move c1").is_err());
    let mut sim = booted();
    assert!(
        sim.apply(Command::parse("move nobody 2").expect("p"))
            .is_err()
    );
    assert!(
        sim.apply(Command::parse("move nobody 9").expect("p"))
            .is_err()
    );
}

/// The api: `connect` on a live client with `server` moves its session there (same
/// `session_id`); an unknown server is a clear error.
#[test]
fn api_connect_on_a_live_client_moves_it() {
    use serde_json::Value;
    use zabscope_core::sim::api_backend::ZabBackend;
    use zabscope_core::tools::api::Api;
    use zabscope_core::zk::standalone::{ServerConfig, StandaloneServer};
    let mut a = Api::new(ZabBackend::new(StandaloneServer::new(
        ServerConfig::default(),
    )));
    let mut line = |l: &str| -> Value { serde_json::from_str(&a.handle_line(l)).expect("json") };
    let cfg = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=a:2888:3888\\nserver.2=b:2888:3888\\nserver.3=c:2888:3888";
    line(&format!(r#"{{"op":"ensemble","config":"{cfg}","seed":3}}"#));
    for i in 1..=3 {
        line(&format!(r#"{{"op":"start","server":{i}}}"#));
    }
    assert_eq!(line(r#"{"op":"runUntil","leader":true}"#)["leader"], 3);
    let first = line(r#"{"client":"c1","op":"connect","server":1,"timeout_ms":6000}"#);
    let id = first["session_id"].clone();
    assert!(id.is_number(), "{first}");
    line(r#"{"client":"c1","op":"create","path":"/e","ephemeral":true}"#);
    line(r#"{"op":"crash","server":1}"#);
    // (Moving at once may be refused: server 2 may not have the create's COMMIT yet.)
    line(r#"{"op":"run","ms":100}"#);
    let moved = line(r#"{"client":"c1","op":"connect","server":2}"#);
    assert_eq!(moved["ok"], true, "{moved}");
    assert_eq!(moved["session_id"], id);
    line(r#"{"op":"run","ms":20000}"#);
    let got = line(r#"{"client":"c1","op":"exists","path":"/e"}"#);
    assert_eq!(got["ok"], true, "{got}");
    assert_eq!(got["stat"]["ephemeralOwner"], id);
    let bad = line(r#"{"client":"c1","op":"connect","server":9}"#);
    assert_eq!(bad["ok"], false, "{bad}");
    let to_dead = line(r#"{"client":"c1","op":"connect","server":1}"#);
    assert_eq!(to_dead["rc"], "ConnectionLoss", "{to_dead}");
    assert_eq!(to_dead["refused"], "connection refused", "{to_dead}");
}

/// ClientCnxn.primeConnection re-sends the client's `addauth` credentials on reconnect, so a
/// node readable only by that identity stays readable after the move.
#[test]
fn auth_follows_the_session() {
    use serde_json::Value;
    use zabscope_core::sim::api_backend::ZabBackend;
    use zabscope_core::tools::api::Api;
    use zabscope_core::zk::standalone::{ServerConfig, StandaloneServer};
    let mut a = Api::new(ZabBackend::new(StandaloneServer::new(
        ServerConfig::default(),
    )));
    let mut line = |l: &str| -> Value { serde_json::from_str(&a.handle_line(l)).expect("json") };
    let cfg = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=a:2888:3888\\nserver.2=b:2888:3888\\nserver.3=c:2888:3888";
    line(&format!(r#"{{"op":"ensemble","config":"{cfg}","seed":3}}"#));
    for i in 1..=3 {
        line(&format!(r#"{{"op":"start","server":{i}}}"#));
    }
    line(r#"{"op":"runUntil","leader":true}"#);
    line(r#"{"client":"c1","op":"connect","server":1,"timeout_ms":6000}"#);
    line(r#"{"client":"c1","op":"addAuth","scheme":"digest","auth":"ann:pw"}"#);
    let made = line(
        r#"{"client":"c1","op":"create","path":"/secret","data":"s","acl":[{"perms":31,"scheme":"auth","id":""}]}"#,
    );
    assert_eq!(made["ok"], true, "{made}");
    line(r#"{"op":"run","ms":100}"#);
    let moved = line(r#"{"client":"c1","op":"connect","server":2}"#);
    assert_eq!(moved["ok"], true, "{moved}");
    let got = line(r#"{"client":"c1","op":"getData","path":"/secret"}"#);
    assert_eq!(got["ok"], true, "{got}");
    line(r#"{"client":"c2","op":"connect","server":2}"#);
    let other = line(r#"{"client":"c2","op":"getData","path":"/secret"}"#);
    assert_eq!(other["rc"], "NoAuth", "{other}");
}

/// Watches follow a moved session: the client re-sends them with SetWatches and its last
/// zxid (ClientCnxn.primeConnection); the new server fires at once the ones whose node changed
/// since (data watch → NodeDataChanged, exist watch on a node created since → NodeCreated) and
/// keeps the others, which fire later through the new server (DataTree.setWatches).
#[test]
fn watches_follow_the_session() {
    use zabscope_core::zk::request::Request;
    use zabscope_core::zk::watch::EventType;
    let mut sim = booted();
    cmd(&mut sim, "connect c1 1 6000");
    cmd(&mut sim, "connect c2 3 6000");
    sim.run_for(500);
    cmd(&mut sim, "create c2 /w a");
    cmd(&mut sim, "create c2 /u a");
    sim.run_for(500);
    for r in [
        Request::GetData {
            path: "/w".into(),
            watch: true,
        },
        Request::Exists {
            path: "/x".into(),
            watch: true,
        },
        Request::GetData {
            path: "/u".into(),
            watch: true,
        },
    ] {
        sim.apply(Command::Request {
            client: "c1".into(),
            request: Box::new(r),
        })
        .expect("req");
    }
    sim.run_for(500);
    cmd(&mut sim, "crash 1");
    cmd(&mut sim, "set c2 /w b");
    cmd(&mut sim, "create c2 /x b");
    sim.run_for(500);
    assert!(client(&sim, "c1").events.is_empty());
    cmd(&mut sim, "move c1 2");
    sim.run_for(500);
    let kinds = |sim: &Simulation| -> Vec<(EventType, String)> {
        client(sim, "c1")
            .events
            .iter()
            .map(|e| (e.event_type, e.path.clone().unwrap_or_default()))
            .collect()
    };
    assert_eq!(
        kinds(&sim),
        vec![
            (EventType::NodeDataChanged, "/w".to_string()),
            (EventType::NodeCreated, "/x".to_string())
        ]
    );
    cmd(&mut sim, "set c2 /u b");
    sim.run_for(500);
    assert_eq!(
        kinds(&sim).last(),
        Some(&(EventType::NodeDataChanged, "/u".to_string()))
    );
    assert!(client(&sim, "c1").watches.data.is_empty());
}
