//! zkCli output formats: `StatPrinter`, getAcl's `Id.toString()` lines, the
//! `CliWrapperException` messages, and the usage text.

use crate::zk::acl::{Acl, perm_string};
use crate::zk::code::Code;
use crate::zk::jdate::java_date;
use crate::zk::stat::Stat;
use std::fmt::Write;

/// `StatPrinter.print`.
#[must_use]
pub fn stat(s: &Stat) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "cZxid = 0x{:x}", s.czxid.0);
    let _ = writeln!(o, "ctime = {}", java_date(s.ctime));
    let _ = writeln!(o, "mZxid = 0x{:x}", s.mzxid.0);
    let _ = writeln!(o, "mtime = {}", java_date(s.mtime));
    let _ = writeln!(o, "pZxid = 0x{:x}", s.pzxid.0);
    let _ = writeln!(o, "cversion = {}", s.cversion);
    let _ = writeln!(o, "dataVersion = {}", s.version);
    let _ = writeln!(o, "aclVersion = {}", s.aversion);
    let _ = writeln!(o, "ephemeralOwner = 0x{:x}", s.ephemeral_owner as u64);
    let _ = writeln!(o, "dataLength = {}", s.data_length);
    let _ = writeln!(o, "numChildren = {}", s.num_children);
    o
}

/// jute's CsvOutputArchive string escaping (`Utils.toCSVString`).
fn csv(s: &str) -> String {
    let mut o = String::from("'");
    for c in s.chars() {
        match c {
            '\0' => o.push_str("%00"),
            '\n' => o.push_str("%0A"),
            '\r' => o.push_str("%0D"),
            ',' => o.push_str("%2C"),
            '}' => o.push_str("%7D"),
            '%' => o.push_str("%25"),
            c => o.push(c),
        }
    }
    o
}

/// getAcl prints `a.getId() + ": " + perms`; `Id.toString()` is `'scheme,'id` + newline.
#[must_use]
pub fn acl_lines(acl: &[Acl]) -> String {
    let mut o = String::new();
    for a in acl {
        let _ = writeln!(o, "{},{}", csv(&a.id.scheme), csv(&a.id.id));
        let _ = writeln!(o, ": {}", perm_string(a.perms));
    }
    o
}

/// `CliWrapperException.getMessage` for a KeeperException with the client's path.
#[must_use]
pub fn keeper_error(code: Code, path: Option<&str>) -> String {
    let p = path.unwrap_or("null");
    match code {
        Code::NoNode => format!("Node does not exist: {p}"),
        Code::NoChildrenForEphemerals => format!("Ephemerals cannot have children: {p}"),
        Code::NodeExists => format!("Node already exists: {p}"),
        Code::NotEmpty => format!("Node not empty: {p}"),
        Code::NotReadOnly => format!("Not a read-only call: {p}"),
        Code::InvalidAcl => format!("Acl is not valid : {p}"),
        Code::NoAuth => format!("Insufficient permission : {p}"),
        Code::BadArguments => format!("Arguments are not valid : {p}"),
        Code::BadVersion => format!("version No is not valid : {p}"),
        Code::QuotaExceeded => format!("Quota has exceeded : {p}"),
        other => other.keeper_message(path),
    }
}

/// Every command with its option string (`ZooKeeperMain.commandMap`), sorted as `usage()`.
pub const COMMANDS: &[(&str, &str)] = &[
    (
        "addWatch",
        "[-m mode] path # optional mode is one of [PERSISTENT, PERSISTENT_RECURSIVE] - default is PERSISTENT_RECURSIVE",
    ),
    ("addauth", "scheme auth"),
    ("close", ""),
    ("config", "[-c] [-w] [-s]"),
    ("connect", "host:port"),
    ("create", "[-s] [-e] [-c] [-t ttl] path [data] [acl]"),
    ("delete", "[-v version] path"),
    ("deleteall", "path [-b batch size]"),
    ("delquota", "[-n|-b|-N|-B] path"),
    ("get", "[-s] [-w] path"),
    ("getAcl", "[-s] path"),
    ("getAllChildrenNumber", "path"),
    ("getEphemerals", "path"),
    ("history", ""),
    ("listquota", "path"),
    ("ls", "[-s] [-w] [-R] path"),
    ("printwatches", "on|off"),
    ("quit", ""),
    (
        "reconfig",
        "[-s] [-v version] [[-file path] | [-members serverID=host:port1:port2;port3[,...]*]] | [-add serverId=host:port1:port2;port3[,...]]* [-remove serverId[,...]*]",
    ),
    ("redo", "cmdno"),
    ("removewatches", "path [-c|-d|-a] [-l]"),
    ("set", "[-s] [-v version] path data"),
    ("setAcl", "[-s] [-v version] [-R] path acl"),
    ("setquota", "-n|-b|-N|-B val path"),
    ("stat", "[-w] path"),
    ("sync", "path"),
    ("version", ""),
    ("whoami", ""),
];

/// `getUsageStr()` of a command.
#[must_use]
pub fn usage_of(cmd: &str) -> String {
    let opts = COMMANDS
        .iter()
        .find(|(c, _)| *c == cmd)
        .map_or("", |(_, o)| o);
    format!("{cmd} {opts}")
}

/// `ZooKeeperMain.usage()`, plus ZabScope's own commands.
#[must_use]
pub fn usage() -> String {
    let mut o = String::from(
        "ZooKeeper -server host:port -client-configuration properties-file cmd args\n",
    );
    for (c, opts) in COMMANDS {
        let _ = writeln!(o, "\t{c} {opts}");
    }
    o
}

/// ZabScope's additions, shown by `help`.
pub const ZABSCOPE_HELP: &str = "ZabScope commands:\n\
\tclient [NAME] [close|expire|disconnect]  switch to (or create) a named session; close it; let it expire\n\
\tclients                                  list the named sessions\n\
\trun MS                                   advance simulated time by MS milliseconds\n\
\t4lw WORD                                 a four-letter word (ruok srvr stat conf cons mntr wchs wchc wchp dump envi)\n";
