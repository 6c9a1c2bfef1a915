//! Transactions: what ZAB logs, proposes and commits (`TxnHeader` + the txn records of
//! `zookeeper.jute`: CreateSessionTxn, CloseSessionTxn, CreateTxn, CreateContainerTxn,
//! CreateTTLTxn, DeleteTxn, SetDataTxn, SetACLTxn, CheckVersionTxn, MultiTxn, ErrorTxn).
//!
//! ZAB broadcasts state changes, not requests: every decision (sequential name, new version,
//! expanded ACL, which ephemerals a closeSession deletes) is made once, at prep time on the
//! leader, so applying a `TxnEntry` is a pure function every replica computes identically.

use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zk::acl::Acl;
use crate::zk::code::Code;
use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};

/// `TxnHeader{clientId, cxid, zxid, time, type}`; the type is `Txn::op_code()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxnHeader {
    /// The session that issued the request.
    pub session: SessionId,
    /// The client's `cxid` for the request.
    pub cxid: i32,
    /// The zxid the leader gave the transaction.
    pub zxid: Zxid,
    /// Simulated ms; becomes ctime/mtime of the nodes this txn creates or changes.
    pub time: SimTime,
}

/// A transaction body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Txn {
    /// CreateSessionTxn with the negotiated timeout.
    CreateSession {
        /// The negotiated session timeout, in ms.
        timeout_ms: i32,
    },
    /// CloseSessionTxn: the ephemerals to delete, decided at prep (the session's ephemerals
    /// including still-outstanding changes), deleted in this order at this zxid.
    CloseSession {
        /// The session's ephemeral nodes, deleted in this order.
        ephemerals: Vec<String>,
    },
    /// CreateTxn; `parent_cversion` is the parent's new internal cversion.
    Create {
        /// The node created (with its sequence suffix already applied).
        path: String,
        /// Its data (`None` is Java's `null`).
        data: Option<Vec<u8>>,
        /// Its ACL list.
        acl: Vec<Acl>,
        /// Whether it is ephemeral (owned by the header's session).
        ephemeral: bool,
        /// The parent's new cversion.
        parent_cversion: i32,
    },
    /// CreateContainerTxn: a CONTAINER node.
    CreateContainer {
        /// The node created.
        path: String,
        /// Its data.
        data: Option<Vec<u8>>,
        /// Its ACL list.
        acl: Vec<Acl>,
        /// The parent's new cversion.
        parent_cversion: i32,
    },
    /// CreateTTLTxn: a node with a TTL.
    CreateTtl {
        /// The node created.
        path: String,
        /// Its data.
        data: Option<Vec<u8>>,
        /// Its ACL list.
        acl: Vec<Acl>,
        /// The parent's new cversion.
        parent_cversion: i32,
        /// The TTL in ms.
        ttl: i64,
    },
    /// DeleteTxn (also what deleteContainer logs).
    Delete {
        /// The node deleted.
        path: String,
    },
    /// SetDataTxn; `version` is the node's new version.
    SetData {
        /// The node written.
        path: String,
        /// The new data.
        data: Option<Vec<u8>>,
        /// The node's new version.
        version: i32,
    },
    /// SetACLTxn; `version` is the new aversion; `acl` is already fixed up.
    SetAcl {
        /// The node changed.
        path: String,
        /// The new ACL list.
        acl: Vec<Acl>,
        /// The node's new ACL version.
        version: i32,
    },
    /// CheckVersionTxn (multi only).
    Check {
        /// The node whose version is checked.
        path: String,
        /// The version it must have.
        version: i32,
    },
    /// MultiTxn: sub-txns sharing this entry's zxid. A failed multi holds the ops prepared
    /// before the failure, then `Error(code)` for the failing op and
    /// `Error(RuntimeInconsistency)` for every later one.
    Multi(Vec<Txn>),
    /// ErrorTxn: a failed write still consumes its zxid.
    Error(Code),
}

/// At most this many characters of znode data in a txn's one-line summary.
const SUMMARY_DATA_CHARS: usize = 16;

/// Znode data as the UI shows it: quoted UTF-8 (lossy, shortened) or `null` (Java's null).
fn data_summary(data: &Option<Vec<u8>>) -> String {
    match data {
        None => "null".to_string(),
        Some(bytes) => {
            let text = String::from_utf8_lossy(bytes);
            let short: String = text.chars().take(SUMMARY_DATA_CHARS).collect();
            let more = if text.chars().count() > SUMMARY_DATA_CHARS {
                "…"
            } else {
                ""
            };
            format!("\"{short}{more}\"")
        }
    }
}

impl std::fmt::Display for Txn {
    /// One line per txn in ZooKeeper's op names (`create /app "hello"`, `setData /app "v2" v1`,
    /// `error NoNode`), for the UI's log view and the trace.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Txn::CreateSession { timeout_ms } => write!(f, "createSession timeout={timeout_ms}"),
            Txn::CloseSession { ephemerals } if ephemerals.is_empty() => {
                f.write_str("closeSession")
            }
            Txn::CloseSession { ephemerals } => {
                write!(f, "closeSession (deletes {})", ephemerals.join(" "))
            }
            Txn::Create {
                path,
                data,
                ephemeral,
                ..
            } => {
                let kind = if *ephemeral { " ephemeral" } else { "" };
                write!(f, "create {path} {}{kind}", data_summary(data))
            }
            Txn::CreateContainer { path, data, .. } => {
                write!(f, "createContainer {path} {}", data_summary(data))
            }
            Txn::CreateTtl {
                path, data, ttl, ..
            } => {
                write!(f, "createTTL {path} {} ttl={ttl}", data_summary(data))
            }
            Txn::Delete { path } => write!(f, "delete {path}"),
            Txn::SetData {
                path,
                data,
                version,
            } => {
                write!(f, "setData {path} {} v{version}", data_summary(data))
            }
            Txn::SetAcl { path, version, .. } => write!(f, "setACL {path} v{version}"),
            Txn::Check { path, version } => write!(f, "check {path} v{version}"),
            Txn::Multi(ops) => {
                f.write_str("multi [")?;
                for (i, op) in ops.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{op}")?;
                }
                f.write_str("]")
            }
            Txn::Error(code) => write!(f, "error {}", code.name()),
        }
    }
}

impl Txn {
    /// `ZooDefs.OpCode` value of this txn's header type.
    #[must_use]
    pub fn op_code(&self) -> i32 {
        match self {
            Txn::CreateSession { .. } => -10,
            Txn::CloseSession { .. } => -11,
            Txn::Create { .. } => 1,
            Txn::CreateContainer { .. } => 19,
            Txn::CreateTtl { .. } => 21,
            Txn::Delete { .. } => 2,
            Txn::SetData { .. } => 5,
            Txn::SetAcl { .. } => 7,
            Txn::Check { .. } => 13,
            Txn::Multi(_) => 14,
            Txn::Error(_) => -1,
        }
    }

    /// A short name for traces and the UI (`create`, `error(NoNode)`, …).
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Txn::CreateSession { timeout_ms } => format!("createSession({timeout_ms})"),
            Txn::CloseSession { ephemerals } => format!("closeSession({})", ephemerals.join(",")),
            Txn::Create { path, .. } => format!("create {path}"),
            Txn::CreateContainer { path, .. } => format!("createContainer {path}"),
            Txn::CreateTtl { path, .. } => format!("createTTL {path}"),
            Txn::Delete { path } => format!("delete {path}"),
            Txn::SetData { path, .. } => format!("setData {path}"),
            Txn::SetAcl { path, .. } => format!("setACL {path}"),
            Txn::Check { path, .. } => format!("check {path}"),
            Txn::Multi(ops) => format!(
                "multi[{}]",
                ops.iter().map(Txn::describe).collect::<Vec<_>>().join("; ")
            ),
            Txn::Error(code) => format!("error({code})"),
        }
    }
}

/// One log entry: header + txn. Exactly what ZAB proposes, logs, commits and applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxnEntry {
    /// The header: session, cxid, zxid.
    pub header: TxnHeader,
    /// The change itself.
    pub txn: Txn,
}

impl TxnEntry {
    /// The transaction's zxid.
    #[must_use]
    pub fn zxid(&self) -> Zxid {
        self.header.zxid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_use_zookeeper_op_names_and_short_data() {
        let create = Txn::Create {
            path: "/app".into(),
            data: Some(b"hello".to_vec()),
            acl: vec![],
            ephemeral: true,
            parent_cversion: 1,
        };
        assert_eq!(create.to_string(), "create /app \"hello\" ephemeral");
        let set = Txn::SetData {
            path: "/a".into(),
            data: Some(vec![b'x'; 40]),
            version: 3,
        };
        assert_eq!(
            set.to_string(),
            format!("setData /a \"{}…\" v3", "x".repeat(16))
        );
        let multi = Txn::Multi(vec![
            Txn::Delete { path: "/a".into() },
            Txn::Error(Code::NoNode),
        ]);
        assert_eq!(multi.to_string(), "multi [delete /a; error NoNode]");
        assert_eq!(
            Txn::CloseSession {
                ephemerals: vec!["/e1".into(), "/e2".into()]
            }
            .to_string(),
            "closeSession (deletes /e1 /e2)"
        );
        let null = Txn::CreateContainer {
            path: "/c".into(),
            data: None,
            acl: vec![],
            parent_cversion: 0,
        };
        assert_eq!(null.to_string(), "createContainer /c null");
    }
}
