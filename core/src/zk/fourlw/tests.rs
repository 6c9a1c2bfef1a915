//! Four-letter word formats (S/command/*.java; seen on a real 3.8.0 standalone server).

use super::*;
use crate::zk::acl::Acl;
use crate::zk::request::{CreateMode, Request, ResponseBody};
use crate::zk::standalone::ServerConfig;

fn server_with_watches() -> (StandaloneServer, SessionId) {
    let mut s = StandaloneServer::new(ServerConfig::default());
    let (r, _) = s.connect(30_000, SimTime(0));
    let ResponseBody::Session { session_id, .. } = r.body else {
        panic!("no session")
    };
    let create = Request::Create {
        path: "/w".into(),
        data: Some(b"x".to_vec()),
        acl: Acl::open_unsafe(),
        mode: CreateMode::Persistent,
        ttl: -1,
    };
    s.handle(session_id, create, SimTime(1));
    s.handle(
        session_id,
        Request::GetData {
            path: "/w".into(),
            watch: true,
        },
        SimTime(2),
    );
    s.handle(
        session_id,
        Request::GetChildren {
            path: "/w".into(),
            watch: true,
        },
        SimTime(3),
    );
    s.handle(
        session_id,
        Request::Exists {
            path: "/nope".into(),
            watch: true,
        },
        SimTime(4),
    );
    (s, session_id)
}

/// ruok answers imok without a newline; srvr's lines and node count (root counted twice).
#[test]
fn ruok_and_srvr() {
    let (mut s, _) = server_with_watches();
    assert_eq!(four_letter(&mut s, "ruok").unwrap(), "imok");
    let srvr = four_letter(&mut s, "srvr").unwrap();
    assert!(srvr.starts_with("Zookeeper version: 3.8.0-"));
    assert!(
        srvr.contains("\nZxid: 0x2\nMode: standalone\nNode count: 6\n"),
        "{srvr}"
    );
    assert!(srvr.contains("Connections: 2\n"));
    assert_eq!(four_letter(&mut s, "nope"), None);
}

/// wchs/wchc/wchp report the data-watch table only ("1 connections watching 2 paths").
#[test]
fn watch_words() {
    let (mut s, id) = server_with_watches();
    assert_eq!(
        four_letter(&mut s, "wchs").unwrap(),
        "1 connections watching 2 paths\nTotal watches:2\n"
    );
    assert_eq!(
        four_letter(&mut s, "wchc").unwrap(),
        format!("{id}\n\t/nope\n\t/w\n\n")
    );
    assert_eq!(
        four_letter(&mut s, "wchp").unwrap(),
        format!("/nope\n\t{id}\n/w\n\t{id}\n\n")
    );
    let mntr = four_letter(&mut s, "mntr").unwrap();
    assert!(mntr.contains("zk_watch_count\t3\n"));
}

/// conf shows the negotiated bounds; dump lists session buckets and ephemerals.
#[test]
fn conf_and_dump() {
    let (mut s, id) = server_with_watches();
    let conf = four_letter(&mut s, "conf").unwrap();
    assert!(conf.contains("tickTime=2000\n"));
    assert!(conf.contains("minSessionTimeout=4000\nmaxSessionTimeout=40000\n"));
    let dump = four_letter(&mut s, "dump").unwrap();
    assert!(dump.starts_with("SessionTracker dump:\nSession Sets (1)/(1):\n1 expire at "));
    assert!(dump.contains(&format!("\t{id}\n")));
    assert!(dump.contains("Sessions with Ephemerals (0):\n"));
}
