//! zkCli outputs as the real 3.8.0 zkCli prints them (seen on a Debian 3.8.0 server).

use super::*;
use crate::zk::standalone::{ServerConfig, StandaloneServer};

fn cli() -> ZkCli<StandaloneServer> {
    ZkCli::new(StandaloneServer::new(ServerConfig::default()))
}

fn run(c: &mut ZkCli<StandaloneServer>, lines: &str) -> String {
    lines.lines().map(|l| c.execute_line(l)).collect()
}

const CONNECTED: &str = "\nWATCHER::\n\nWatchedEvent state:SyncConnected type:None path:null\n";

#[test]
fn basic_session() {
    let mut c = cli();
    let out = run(
        &mut c,
        "ls /\ncreate /a data1\ncreate /a x\ncreate -s /a/n\nget /a\ndelete /a\ndelete /zz\ncreate zz",
    );
    let expect = format!(
        "{CONNECTED}[zookeeper]\nCreated /a\nNode already exists: /a\nCreated /a/n0000000000\ndata1\nNode not empty: /a\nNode does not exist: /zz\nPath must start with / character\n"
    );
    assert_eq!(out, expect);
}

#[test]
fn stat_of_zookeeper_node() {
    let mut c = cli();
    let out = run(&mut c, "stat /zookeeper");
    assert!(out.ends_with("cZxid = 0x0\nctime = Thu Jan 01 00:00:00 UTC 1970\nmZxid = 0x0\nmtime = Thu Jan 01 00:00:00 UTC 1970\npZxid = 0x0\ncversion = -2\ndataVersion = 0\naclVersion = 0\nephemeralOwner = 0x0\ndataLength = 0\nnumChildren = 2\n"), "{out}");
}

#[test]
fn errors_and_usage() {
    let mut c = cli();
    let out = run(
        &mut c,
        "ls -x /\nset /a\ncreate -c -e /c1\ncreate -t abc /t\ncreate -t 0 /t\nversion extra\ngetAcl /zookeeper/config\ncreate /n\nget /n",
    );
    assert!(
        out.contains(
            "org.apache.commons.cli.UnrecognizedOptionException: Unrecognized option: -x\n"
        )
    );
    assert!(out.contains("\nset [-s] [-v version] path data\n"));
    assert!(out.contains(
        "-c cannot be combined with -s or -e. Containers cannot be ephemeral or sequential.\n"
    ));
    assert!(out.contains("-t argument must be a long value\n"));
    assert!(out.contains("ttl must be positive and cannot be larger than: 1099511627775\n"));
    assert!(out.contains("version \n"));
    assert!(out.contains("'world,'anyone\n: r\n"));
    assert!(out.ends_with("Created /n\nnull\n"), "{out}");
}

/// Watches print before the output of the command that fired them; one-shot.
#[test]
fn watches_print() {
    let mut c = cli();
    let out = run(
        &mut c,
        "create /w x\nget -w /w\nset /w y\nset /w z\nremovewatches /w",
    );
    assert!(
        out.contains(
            "x\n\nWATCHER::\n\nWatchedEvent state:SyncConnected type:NodeDataChanged path:/w\n"
        ),
        "{out}"
    );
    assert_eq!(out.matches("NodeDataChanged").count(), 1);
    assert!(out.ends_with("KeeperErrorCode = No such watcher for /w\n"));
}

/// Named clients: an ephemeral owner's expiry fires the other client's watch.
#[test]
fn clients_and_expiry() {
    let mut c = cli();
    let out = run(
        &mut c,
        "client a\ncreate -e /e\nclient b\nstat -w /e\nclient a expire\nclient b\nls /",
    );
    assert!(
        out.contains("\nWATCHER::\n\nWatchedEvent state:SyncConnected type:NodeDeleted path:/e\n"),
        "{out}"
    );
    assert!(
        out.contains("\n[a] WATCHER::\n\n[a] WatchedEvent state:Expired type:None path:null\n"),
        "{out}"
    );
    assert!(out.ends_with("[zookeeper]\n"));
}

/// `redo 18446744073709551615` overflowed `n + 1` and panicked; `run 18446744073709551615`
/// hung; an invalid UTF-8 line ended the session (runaway input).
#[test]
fn runaway_and_bad_input_lines() {
    let mut c = cli();
    run(&mut c, "ls /");
    let out = c.execute_line("redo 18446744073709551615");
    assert_eq!(
        out,
        "java.lang.NumberFormatException: For input string: \"18446744073709551615\"\n"
    );
    assert_eq!(c.execute_line("redo -1"), "Command index out of range\n");
    assert_eq!(c.execute_line("redo 99"), "Command index out of range\n");
    assert_eq!(c.execute_line("redo 0x0"), "[zookeeper]\n");
    let out = c.execute_line("run 18446744073709551615");
    assert!(out.contains("24 h"), "{out}");
    assert_eq!(c.execute_line("run 86400000"), "");
    let out = c.execute_bytes(b"ls /\xff");
    assert!(
        out.contains("not valid UTF-8") && out.ends_with('\n'),
        "{out}"
    );
    assert_eq!(c.execute_bytes(b"ls /"), "[zookeeper]\n");
}
