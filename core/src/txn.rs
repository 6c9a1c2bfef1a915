//! Transactions: what ZAB logs, proposes and commits (`TxnHeader` + the txn records of
//! `zookeeper.jute`: CreateSessionTxn, CloseSessionTxn, CreateTxn, CreateContainerTxn,
//! CreateTTLTxn, DeleteTxn, SetDataTxn, SetACLTxn, CheckVersionTxn, MultiTxn, ErrorTxn).
//!
//! ZAB broadcasts state changes, not requests: every decision (sequential name, new version,
//! expanded ACL, which ephemerals a closeSession deletes) is made once, at prep time on the
//! leader, so applying a `TxnEntry` is a pure function every replica computes identically.

use crate::acl::Acl;
use crate::code::Code;
use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};

/// `TxnHeader{clientId, cxid, zxid, time, type}`; the type is `Txn::op_code()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxnHeader {
    pub session: SessionId,
    pub cxid: i32,
    pub zxid: Zxid,
    /// Simulated ms; becomes ctime/mtime of the nodes this txn creates or changes.
    pub time: SimTime,
}

/// A transaction body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Txn {
    /// CreateSessionTxn with the negotiated timeout.
    CreateSession { timeout_ms: i32 },
    /// CloseSessionTxn: the ephemerals to delete, decided at prep (the session's ephemerals
    /// including still-outstanding changes), deleted in this order at this zxid.
    CloseSession { ephemerals: Vec<String> },
    /// CreateTxn; `parent_cversion` is the parent's new internal cversion.
    Create {
        path: String,
        data: Option<Vec<u8>>,
        acl: Vec<Acl>,
        ephemeral: bool,
        parent_cversion: i32,
    },
    CreateContainer {
        path: String,
        data: Option<Vec<u8>>,
        acl: Vec<Acl>,
        parent_cversion: i32,
    },
    CreateTtl {
        path: String,
        data: Option<Vec<u8>>,
        acl: Vec<Acl>,
        parent_cversion: i32,
        ttl: i64,
    },
    /// DeleteTxn (also what deleteContainer logs).
    Delete { path: String },
    /// SetDataTxn; `version` is the node's new version.
    SetData {
        path: String,
        data: Option<Vec<u8>>,
        version: i32,
    },
    /// SetACLTxn; `version` is the new aversion; `acl` is already fixed up.
    SetAcl {
        path: String,
        acl: Vec<Acl>,
        version: i32,
    },
    /// CheckVersionTxn (multi only).
    Check { path: String, version: i32 },
    /// MultiTxn: sub-txns sharing this entry's zxid. A failed multi holds the ops prepared
    /// before the failure, then `Error(code)` for the failing op and
    /// `Error(RuntimeInconsistency)` for every later one.
    Multi(Vec<Txn>),
    /// ErrorTxn: a failed write still consumes its zxid.
    Error(Code),
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
    pub header: TxnHeader,
    pub txn: Txn,
}

impl TxnEntry {
    #[must_use]
    pub fn zxid(&self) -> Zxid {
        self.header.zxid
    }
}
