//! `ZkDatabase` (S/ZKDatabase.java): the replicated state — the DataTree, the sessions with
//! their timeouts, and the last processed zxid — with the three pure entry points every
//! server role uses:
//!
//! - `prep` (PrepRequestProcessor, in `prep.rs`): a write request becomes a `TxnEntry`, or an
//!   `Error` txn in ZooKeeper's check order (failed writes still consume a zxid).
//!   **It must run against the prep view**: the caller (standalone server or ZAB leader) keeps
//!   a `ZkDatabase` clone to which every *proposed* txn is applied at once (ZooKeeper's
//!   `outstandingChanges`), separate from the committed one, so a second request sees the
//!   effects of a first one still in flight. In a standalone server prep and commit happen
//!   back to back, so one database serves as both.
//! - `apply` (FinalRequestProcessor + `DataTree.processTxn`): a pure function of
//!   (db, txn entry) returning the response for the originating request and the watch
//!   triggers; replicas applying the same entries stay identical (`digest()` proves it).
//! - `read` (in `read.rs`): exists/getData/getChildren/getACL/… answered locally with ACL
//!   checks. Watches are registered by the caller's `WatchManager`, not here.

use crate::ids::SessionId;
use crate::zk::acl::Acl;
use crate::zk::code::Code;
use crate::zk::path::{parent_key, parent_of};
use crate::zk::request::{OpResult, Response, ResponseBody};
use crate::zk::stat::{CONTAINER_OWNER, TTL_MASK};
use crate::zk::tree::{DataTree, Fnv};
use crate::zk::txn::{Txn, TxnEntry, TxnHeader};
use crate::zk::watch::{EventType, WatchTrigger};
use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Server switches that change what prep accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DbConfig {
    /// `zookeeper.extendedTypesEnabled`: TTL nodes allowed (else create -t → Unimplemented).
    pub extended_types_enabled: bool,
}

/// The replicated state of one server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZkDatabase {
    pub(crate) tree: DataTree,
    pub(crate) sessions: BTreeMap<SessionId, i32>,
    pub(crate) last_processed_zxid: Zxid,
    pub(crate) config: DbConfig,
}

/// What applying one txn produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplyResult {
    /// The reply for the request that caused the txn (sent only by the server that has it).
    pub response: Response,
    /// Watch triggers in DataTree order; every server fires them against its own watches.
    pub triggers: Vec<WatchTrigger>,
}

impl ZkDatabase {
    /// An empty database (only ZooKeeper's system nodes).
    #[must_use]
    pub fn new(config: DbConfig) -> ZkDatabase {
        ZkDatabase {
            config,
            ..ZkDatabase::default()
        }
    }

    /// The data tree.
    #[must_use]
    pub fn tree(&self) -> &DataTree {
        &self.tree
    }

    /// Its settings.
    #[must_use]
    pub fn config(&self) -> DbConfig {
        self.config
    }

    /// `ZKDatabase.getDataTreeLastProcessedZxid`.
    #[must_use]
    pub fn last_processed_zxid(&self) -> Zxid {
        self.last_processed_zxid
    }

    /// `getSessionWithTimeOuts`: live global sessions and their negotiated timeouts.
    #[must_use]
    pub fn sessions(&self) -> &BTreeMap<SessionId, i32> {
        &self.sessions
    }

    /// The replicated data alone: tree digest and sessions (not lastProcessedZxid, which on an
    /// established leader is its epoch's mark until a txn follows).
    #[must_use]
    pub fn data_digest(&self) -> u64 {
        let mut h = Fnv::new();
        h.u64(self.tree.digest());
        for (s, t) in &self.sessions {
            h.u64(s.0 as u64);
            h.u64(u64::from(*t as u32));
        }
        h.0
    }

    /// A digest of the whole replicated state: tree digest, sessions and last zxid.
    #[must_use]
    pub fn digest(&self) -> u64 {
        let mut h = Fnv::new();
        h.u64(self.tree.digest());
        h.u64(self.last_processed_zxid.0);
        for (s, t) in &self.sessions {
            h.u64(s.0 as u64);
            h.u64(u64::from(*t as u32));
        }
        h.0
    }

    /// Applies a committed entry (`ZKDatabase.processTxn`). Pure in (self, entry).
    pub fn apply(&mut self, entry: &TxnEntry) -> ApplyResult {
        let mut triggers = Vec::new();
        let (code, body) = self.apply_txn(&entry.header, &entry.txn, &mut triggers);
        if entry.header.zxid > self.last_processed_zxid {
            self.last_processed_zxid = entry.header.zxid;
        }
        ApplyResult {
            response: Response {
                code,
                zxid: entry.header.zxid,
                body,
            },
            triggers,
        }
    }

    fn apply_txn(
        &mut self,
        h: &TxnHeader,
        txn: &Txn,
        triggers: &mut Vec<WatchTrigger>,
    ) -> (Code, ResponseBody) {
        let time = h.time.ms() as i64;
        let created = |tree: &DataTree,
                       r: Result<crate::zk::stat::Stat, Code>,
                       path: &str,
                       t: &mut Vec<_>| match r {
            Ok(stat) => {
                push_create(t, tree, path);
                (
                    Code::Ok,
                    ResponseBody::Create {
                        path: path.to_string(),
                        stat,
                    },
                )
            }
            Err(c) => (c, ResponseBody::Empty),
        };
        match txn {
            Txn::CreateSession { timeout_ms } => {
                self.sessions.insert(h.session, *timeout_ms);
                let body = ResponseBody::Session {
                    session_id: h.session,
                    timeout_ms: *timeout_ms,
                };
                (Code::Ok, body)
            }
            Txn::CloseSession { ephemerals } => {
                self.kill_session(h.session, h.zxid, ephemerals, triggers);
                (Code::Ok, ResponseBody::Empty)
            }
            Txn::Create {
                path,
                data,
                acl,
                ephemeral,
                parent_cversion,
            } => {
                let owner = if *ephemeral { h.session.0 } else { 0 };
                let r = self.tree.create_node(
                    path,
                    data.clone(),
                    acl.clone(),
                    owner,
                    *parent_cversion,
                    h.zxid,
                    time,
                );
                created(&self.tree, r, path, triggers)
            }
            Txn::CreateContainer {
                path,
                data,
                acl,
                parent_cversion,
            } => {
                let r = self.tree.create_node(
                    path,
                    data.clone(),
                    acl.clone(),
                    CONTAINER_OWNER,
                    *parent_cversion,
                    h.zxid,
                    time,
                );
                created(&self.tree, r, path, triggers)
            }
            Txn::CreateTtl {
                path,
                data,
                acl,
                parent_cversion,
                ttl,
            } => {
                let r = self.tree.create_node(
                    path,
                    data.clone(),
                    acl.clone(),
                    TTL_MASK | ttl,
                    *parent_cversion,
                    h.zxid,
                    time,
                );
                created(&self.tree, r, path, triggers)
            }
            Txn::Delete { path } => match self.delete_node(path, h.zxid) {
                Ok(acl) => {
                    push_delete(triggers, &self.tree, path, acl);
                    (Code::Ok, ResponseBody::Empty)
                }
                Err(c) => (c, ResponseBody::Empty),
            },
            Txn::SetData {
                path,
                data,
                version,
            } => match self
                .tree
                .set_data(path, data.clone(), *version, h.zxid, time)
            {
                Ok(stat) => {
                    triggers.push(WatchTrigger::with_acl(
                        path,
                        EventType::NodeDataChanged,
                        acl_of(&self.tree, path),
                    ));
                    (Code::Ok, ResponseBody::Stat(stat))
                }
                Err(c) => (c, ResponseBody::Empty),
            },
            Txn::SetAcl { path, acl, version } => {
                match self.tree.set_acl(path, acl.clone(), *version) {
                    Ok(stat) => (Code::Ok, ResponseBody::Stat(stat)),
                    Err(c) => (c, ResponseBody::Empty),
                }
            }
            Txn::Check { .. } => (Code::Ok, ResponseBody::Empty),
            Txn::Multi(ops) => self.apply_multi(h, ops, triggers),
            Txn::Error(code) => (*code, ResponseBody::Empty),
        }
    }

    /// DataTree.processTxn for MultiTxn: if any sub-txn is an error, every other sub-op is
    /// applied as `ErrorTxn(0)` before the failure and `ErrorTxn(RuntimeInconsistency)` after;
    /// the multi's code is the first non-zero sub-code.
    fn apply_multi(
        &mut self,
        h: &TxnHeader,
        ops: &[Txn],
        triggers: &mut Vec<WatchTrigger>,
    ) -> (Code, ResponseBody) {
        let failed = ops.iter().any(|t| matches!(t, Txn::Error(_)));
        let mut post_failed = false;
        let mut code = Code::Ok;
        let mut results = Vec::with_capacity(ops.len());
        for op in ops {
            let result = if let Txn::Error(c) = op {
                post_failed = true;
                OpResult::Error(*c)
            } else if failed {
                OpResult::Error(if post_failed {
                    Code::RuntimeInconsistency
                } else {
                    Code::Ok
                })
            } else {
                let (c, body) = self.apply_txn(h, op, triggers);
                sub_result(op, c, body)
            };
            if code == Code::Ok && result.code() != Code::Ok {
                code = result.code();
            }
            results.push(result);
        }
        (code, ResponseBody::Multi(results))
    }

    /// `DataTree.deleteNode`, answering the deleted node's ACL (its NodeDeleted event is
    /// filtered by it).
    fn delete_node(&mut self, path: &str, zxid: Zxid) -> Result<Vec<Acl>, Code> {
        let acl = acl_of(&self.tree, path);
        self.tree.delete_node(path, zxid).map(|()| acl)
    }

    /// `DataTree.killSession`: deletes the txn's ephemerals (then any the tree still holds for
    /// the session) at `zxid`, and forgets the session.
    fn kill_session(
        &mut self,
        session: SessionId,
        zxid: Zxid,
        listed: &[String],
        triggers: &mut Vec<WatchTrigger>,
    ) {
        let mut paths: Vec<String> = listed.to_vec();
        for p in self.tree.ephemerals(session.0) {
            if !paths.contains(&p) {
                paths.push(p);
            }
        }
        for p in &paths {
            if let Ok(acl) = self.delete_node(p, zxid) {
                push_delete(triggers, &self.tree, p, acl);
            }
        }
        self.tree.forget_session(session.0);
        self.sessions.remove(&session);
    }
}

fn sub_result(op: &Txn, code: Code, body: ResponseBody) -> OpResult {
    if code != Code::Ok {
        return OpResult::Error(code);
    }
    match (op, body) {
        (_, ResponseBody::Create { path, stat }) => OpResult::Create {
            path,
            stat: Some(stat),
        },
        (Txn::SetData { .. }, ResponseBody::Stat(stat)) => OpResult::SetData { stat },
        (Txn::Delete { .. }, _) => OpResult::Delete,
        _ => OpResult::Check,
    }
}

fn parent_trigger_path(path: &str) -> String {
    parent_key(parent_of(path).unwrap_or("")).to_string()
}

fn acl_of(tree: &DataTree, path: &str) -> Vec<Acl> {
    tree.get(path).map(|n| n.acl.clone()).unwrap_or_default()
}

/// DataTree.createNode's triggers: NodeCreated filtered by the new node's ACL,
/// NodeChildrenChanged by the parent's (CVE-2024-23944 fix, `ServerCnxn.process(event, acl)`).
fn push_create(t: &mut Vec<WatchTrigger>, tree: &DataTree, path: &str) {
    let parent = parent_trigger_path(path);
    t.push(WatchTrigger::with_acl(
        path,
        EventType::NodeCreated,
        acl_of(tree, path),
    ));
    t.push(WatchTrigger::with_acl(
        &parent,
        EventType::NodeChildrenChanged,
        acl_of(tree, &parent),
    ));
}

/// DataTree.deleteNode's triggers: NodeDeleted filtered by the deleted node's ACL,
/// NodeChildrenChanged by the parent's.
fn push_delete(t: &mut Vec<WatchTrigger>, tree: &DataTree, path: &str, acl: Vec<Acl>) {
    let parent = parent_trigger_path(path);
    t.push(WatchTrigger::with_acl(path, EventType::NodeDeleted, acl));
    t.push(WatchTrigger::with_acl(
        &parent,
        EventType::NodeChildrenChanged,
        acl_of(tree, &parent),
    ));
}

#[cfg(test)]
#[path = "db_tests.rs"]
mod tests;
