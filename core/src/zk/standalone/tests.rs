//! StandaloneServer end to end (ZooKeeperServer; docs/zookeeper-semantics.md §3, §5).

use super::*;
use crate::zk::acl::Acl;
use crate::zk::request::CreateMode;
use crate::zk::watch::EventType;

fn session_of(r: &Response) -> SessionId {
    match r.body {
        ResponseBody::Session { session_id, .. } => session_id,
        _ => panic!("not a session: {r:?}"),
    }
}

fn create(path: &str, mode: CreateMode) -> Request {
    Request::Create {
        path: path.into(),
        data: Some(vec![]),
        acl: Acl::open_unsafe(),
        mode,
        ttl: -1,
    }
}

/// createSession has its own zxid; the first create is 0x2 (§3.3, seen on 3.8.0).
#[test]
fn first_zxids() {
    let mut s = StandaloneServer::new(ServerConfig::default());
    let (r, _) = s.connect(30_000, SimTime(0));
    assert_eq!(r.zxid, Zxid(1));
    let id = session_of(&r);
    assert_eq!(id.0 >> 56, 1);
    let (r, _) = s.handle(id, create("/a", CreateMode::Persistent), SimTime(5));
    assert_eq!(r.zxid, Zxid(2));
}

/// A dead client's session expires on the tick boundary after its timeout; the closeSession
/// deletes its ephemerals and fires the watches of others (§3.3, §3.4).
#[test]
fn expiry_deletes_ephemerals_and_fires_watches() {
    let mut s = StandaloneServer::new(ServerConfig::default());
    let a = session_of(&s.connect(4000, SimTime(0)).0);
    let b = session_of(&s.connect(30_000, SimTime(0)).0);
    s.handle(a, create("/e", CreateMode::Ephemeral), SimTime(100));
    let (r, _) = s.handle(
        b,
        Request::Exists {
            path: "/e".into(),
            watch: true,
        },
        SimTime(200),
    );
    assert_eq!(r.code, Code::Ok);
    s.disconnect(a);
    // last touch at 200 (the exists advanced time while a was still alive): 200+4000 → 6000.
    assert!(s.advance(SimTime(5999)).is_empty());
    let ev = s.advance(SimTime(6000));
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].0, b);
    assert_eq!(ev[0].1.event_type, EventType::NodeDeleted);
    assert!(s.db().tree().get("/e").is_none());
    let (r, _) = s.handle(
        a,
        Request::Exists {
            path: "/".into(),
            watch: false,
        },
        SimTime(7000),
    );
    assert_eq!(r.code, Code::SessionExpired);
    // b is alive: it never expires.
    assert!(s.advance(SimTime(1_000_000)).is_empty());
    assert!(s.connections().contains_key(&b));
}

/// Containers are removed by the periodic check once they had children and have none.
#[test]
fn container_cleanup() {
    let mut s = StandaloneServer::new(ServerConfig::default());
    let a = session_of(&s.connect(30_000, SimTime(0)).0);
    s.handle(a, create("/c", CreateMode::Container), SimTime(1));
    s.advance(SimTime(60_000));
    assert!(s.db().tree().get("/c").is_some(), "never had children");
    s.handle(a, create("/c/x", CreateMode::Persistent), SimTime(60_001));
    s.handle(
        a,
        Request::Delete {
            path: "/c/x".into(),
            version: -1,
        },
        SimTime(60_002),
    );
    s.advance(SimTime(120_000));
    assert!(s.db().tree().get("/c").is_none());
}

/// §4.9: an oversized packet is ConnectionLoss and changes nothing.
#[test]
fn oversized_packet_is_connection_loss() {
    let mut s = StandaloneServer::new(ServerConfig::default());
    let a = session_of(&s.connect(30_000, SimTime(0)).0);
    let big = Request::Create {
        path: "/big".into(),
        data: Some(vec![0; 1 << 20]),
        acl: Acl::open_unsafe(),
        mode: CreateMode::Persistent,
        ttl: -1,
    };
    let (r, _) = s.handle(a, big, SimTime(1));
    assert_eq!(r.code, Code::ConnectionLoss);
    assert_eq!(s.db().last_processed_zxid(), Zxid(1));
}

fn ttl_create(path: &str, ttl: i64) -> Request {
    Request::Create {
        path: path.into(),
        data: None,
        acl: Acl::open_unsafe(),
        mode: CreateMode::PersistentWithTtl,
        ttl,
    }
}

/// §4.10 / EphemeralType: TTL nodes need extendedTypesEnabled (else Unimplemented); an
/// invalid ttl is BadArguments; an idle childless TTL node is removed by the container check.
#[test]
fn ttl_nodes_behind_the_switch() {
    let mut s = StandaloneServer::new(ServerConfig::default());
    let a = session_of(&s.connect(30_000, SimTime(0)).0);
    let (r, _) = s.handle(a, ttl_create("/t", 100), SimTime(1));
    assert_eq!(r.code, Code::Unimplemented);
    let mut cfg = ServerConfig::default();
    cfg.db.extended_types_enabled = true;
    cfg.container_check_interval_ms = 1000;
    let mut s = StandaloneServer::new(cfg);
    let a = session_of(&s.connect(30_000, SimTime(0)).0);
    assert_eq!(
        s.handle(a, ttl_create("/t", 0), SimTime(1)).0.code,
        Code::BadArguments
    );
    let (r, _) = s.handle(a, ttl_create("/t", 500), SimTime(1));
    assert_eq!(r.code, Code::Ok);
    assert_eq!(r.stat().map(|st| st.ephemeral_owner), Some(0));
    // ContainerManager: removed once idle (now − mtime) exceeds the ttl at a check.
    s.advance(SimTime(999));
    assert!(s.db().tree().get("/t").is_some());
    s.advance(SimTime(1000));
    assert!(s.db().tree().get("/t").is_none());
}

/// checkACL: `super` (addauth digest with the superDigest password) bypasses every ACL; an
/// unknown addauth scheme is AuthFailed and the connection is unusable.
#[test]
fn super_digest_and_auth_failed() {
    let mut cfg = ServerConfig::default();
    cfg.auth.super_digest = Some(crate::zk::acl::generate_digest("super:admin"));
    let mut s = StandaloneServer::new(cfg);
    let a = session_of(&s.connect(30_000, SimTime(0)).0);
    let locked = Request::Create {
        path: "/locked".into(),
        data: None,
        acl: vec![Acl::new(crate::zk::acl::perms::READ, "ip", "10.0.0.0/8")],
        mode: CreateMode::Persistent,
        ttl: -1,
    };
    assert_eq!(s.handle(a, locked, SimTime(1)).0.code, Code::Ok);
    let get = || Request::GetData {
        path: "/locked".into(),
        watch: false,
    };
    assert_eq!(s.handle(a, get(), SimTime(2)).0.code, Code::NoAuth);
    let auth = Request::AddAuth {
        scheme: "digest".into(),
        auth: b"super:admin".to_vec(),
    };
    assert_eq!(s.handle(a, auth, SimTime(3)).0.code, Code::Ok);
    assert_eq!(s.handle(a, get(), SimTime(4)).0.code, Code::Ok);
    let bad = Request::AddAuth {
        scheme: "foo".into(),
        auth: vec![],
    };
    assert_eq!(s.handle(a, bad, SimTime(5)).0.code, Code::AuthFailed);
    assert_eq!(s.handle(a, get(), SimTime(6)).0.code, Code::AuthFailed);
}

/// A very long `run` is cheap (the container check skips ahead while nothing can change) and
/// cleanup still happens at the first boundary after a change.
#[test]
fn long_runs_skip_idle_checks() {
    let cfg = ServerConfig {
        container_check_interval_ms: 1,
        ..ServerConfig::default()
    };
    let mut s = StandaloneServer::new(cfg);
    let a = session_of(&s.connect(30_000, SimTime(0)).0);
    s.handle(a, create("/c", CreateMode::Container), SimTime(1));
    s.handle(a, create("/c/x", CreateMode::Persistent), SimTime(2));
    s.advance(SimTime(1_000_000_000_000));
    assert!(s.db().tree().get("/c").is_some());
    let t = SimTime(1_000_000_000_010);
    s.handle(
        a,
        Request::Delete {
            path: "/c/x".into(),
            version: -1,
        },
        t,
    );
    s.advance(t.plus_ms(1));
    assert!(s.db().tree().get("/c").is_none());
}

/// Time saturates at u64::MAX ms without spinning: `run` of i64::MAX twice then 1 used to loop
/// forever in the container-check schedule (runaway input).
#[test]
fn advancing_to_the_end_of_time_terminates() {
    let mut s = StandaloneServer::new(ServerConfig::default());
    let (r, _) = s.connect(30_000, SimTime(0));
    let id = session_of(&r);
    s.handle(id, create("/c", CreateMode::Container), SimTime(1));
    s.handle(id, create("/c/x", CreateMode::Persistent), SimTime(2));
    s.disconnect(id);
    let half = SimTime(i64::MAX as u64);
    s.advance(half);
    s.advance(half.plus_ms(i64::MAX as u64));
    s.advance(SimTime(u64::MAX).plus_ms(1));
    assert_eq!(s.now(), SimTime(u64::MAX));
    assert!(
        s.tracker().sessions().is_empty(),
        "the dead client's session expired"
    );
}
