//! PrepRequestProcessor (S/PrepRequestProcessor.java): a write request becomes a transaction
//! or an error txn, checking in exactly ZooKeeper's order. Runs against the *prep view*
//! (see `db.rs`). Inside a multi each sub-op sees the earlier sub-ops' effects through a small
//! overlay of change records (ZooKeeper's `ChangeRecord`s), dropped on failure (rollback).

use crate::time::SimTime;
use crate::zk::acl::{Acl, check_acl, fixup_acl, perms};
use crate::zk::code::Code;
use crate::zk::db::ZkDatabase;
use crate::zk::path::{parent_key, validate_path};
use crate::zk::request::{CreateMode, Request, RequestContext};
use crate::zk::stat::{EphemeralType, MAX_TTL, StatPersisted};
use crate::zk::tree::DataTree;
use crate::zk::txn::{Txn, TxnEntry, TxnHeader};
use crate::zxid::Zxid;
use std::collections::BTreeMap;

/// `ChangeRecord`: what prep needs to know about a node.
#[derive(Clone, Debug)]
struct Rec {
    stat: StatPersisted,
    child_count: i32,
    acl: Vec<Acl>,
}

/// The prep view of one request: the database plus the changes of earlier multi sub-ops.
struct Pending<'a> {
    db: &'a ZkDatabase,
    changes: BTreeMap<String, Option<Rec>>,
    /// A multi: later sub-ops read the changes of earlier ones. A single op only writes its
    /// changes after its last read, so they are not kept (no map insert per write).
    multi: bool,
}

type Prep<T> = Result<T, Code>;

impl ZkDatabase {
    /// Turns a transactional request (`req.is_txn()`) into the entry ZAB proposes. Never
    /// fails: a rejected request becomes `Txn::Error(code)` with the same zxid. A non-txn
    /// request yields `Error(Unimplemented)`; callers should not send those here.
    #[must_use]
    pub fn prep(&self, ctx: &RequestContext, req: &Request, zxid: Zxid, now: SimTime) -> TxnEntry {
        let header = TxnHeader {
            session: ctx.session,
            cxid: ctx.cxid,
            zxid,
            time: now,
        };
        let txn = match req {
            Request::CreateSession { timeout_ms } => Txn::CreateSession {
                timeout_ms: *timeout_ms,
            },
            Request::CloseSession => Txn::CloseSession {
                ephemerals: self.tree.ephemerals_java_order(ctx.session.0),
            },
            Request::Multi(ops) => self.prep_multi(ctx, ops, zxid),
            other => {
                let mut p = Pending {
                    db: self,
                    changes: BTreeMap::new(),
                    multi: false,
                };
                p.prep_op(ctx, other, zxid).unwrap_or_else(Txn::Error)
            }
        };
        TxnEntry { header, txn }
    }

    /// `case OpCode.multi`: one zxid for all; after the first failure the rest become
    /// `Error(RuntimeInconsistency)` and the overlay is rolled back.
    fn prep_multi(&self, ctx: &RequestContext, ops: &[Request], zxid: Zxid) -> Txn {
        let mut p = Pending {
            db: self,
            changes: BTreeMap::new(),
            multi: true,
        };
        let mut failed = false;
        let mut txns = Vec::with_capacity(ops.len());
        for op in ops {
            if failed {
                txns.push(Txn::Error(Code::RuntimeInconsistency));
                continue;
            }
            let allowed = matches!(
                op,
                Request::Create { .. }
                    | Request::Delete { .. }
                    | Request::SetData { .. }
                    | Request::Check { .. }
            );
            let r = if allowed {
                p.prep_op(ctx, op, zxid)
            } else {
                Err(Code::Unimplemented)
            };
            match r {
                Ok(t) => txns.push(t),
                Err(c) => {
                    failed = true;
                    p.changes.clear();
                    txns.push(Txn::Error(c));
                }
            }
        }
        Txn::Multi(txns)
    }
}

impl Pending<'_> {
    fn tree(&self) -> &DataTree {
        &self.db.tree
    }

    /// `addChangeRecord`: what later sub-ops of a multi see (nothing reads it after a single op).
    fn change(&mut self, path: &str, rec: Option<Rec>) {
        if self.multi {
            self.changes.insert(path.to_string(), rec);
        }
    }

    /// `getRecordForPath`: overlay first, then the tree; NoNode if absent.
    fn record(&self, path: &str) -> Prep<Rec> {
        if let Some(r) = self.changes.get(path) {
            return r.clone().ok_or(Code::NoNode);
        }
        let n = self.tree().get(path).ok_or(Code::NoNode)?;
        Ok(Rec {
            stat: n.stat,
            child_count: i32::try_from(n.children.len()).unwrap_or(i32::MAX),
            acl: n.acl.clone(),
        })
    }

    fn prep_op(&mut self, ctx: &RequestContext, req: &Request, zxid: Zxid) -> Prep<Txn> {
        match req {
            Request::Create {
                path,
                data,
                acl,
                mode,
                ttl,
            } => self.prep_create(ctx, path, data, acl, *mode, *ttl, zxid),
            Request::Delete { path, version } => self.prep_delete(ctx, path, *version, zxid),
            Request::SetData {
                path,
                data,
                version,
            } => self.prep_set_data(ctx, path, data, *version, zxid),
            Request::SetAcl { path, acl, version } => self.prep_set_acl(ctx, path, acl, *version),
            Request::DeleteContainer { path } => self.prep_delete_container(path, zxid),
            Request::Check { path, version } => {
                validate(path)?;
                let rec = self.record(path)?;
                check_acl(&rec.acl, perms::READ, &ctx.auth)?;
                let version = check_and_inc_version(rec.stat.version, *version)?;
                Ok(Txn::Check {
                    path: path.clone(),
                    version,
                })
            }
            _ => Err(Code::Unimplemented),
        }
    }

    /// `pRequest2TxnCreate`: TTL switch/validity → parent path → fixupACL → parent exists →
    /// CREATE on parent → sequential suffix → path valid → NodeExists →
    /// NoChildrenForEphemerals.
    #[allow(clippy::too_many_arguments)]
    fn prep_create(
        &mut self,
        ctx: &RequestContext,
        path: &str,
        data: &Option<Vec<u8>>,
        acl: &[Acl],
        mode: CreateMode,
        ttl: i64,
        zxid: Zxid,
    ) -> Prep<Txn> {
        if mode.is_ttl() && !self.db.config.extended_types_enabled {
            return Err(Code::Unimplemented);
        }
        let ttl_ok = if mode.is_ttl() {
            ttl > 0 && ttl <= MAX_TTL
        } else {
            ttl < 0
        };
        if !ttl_ok {
            return Err(Code::BadArguments);
        }
        let parent_path = parent_path_for_create(path)?;
        let acl = fixup_acl(&ctx.auth, acl)?;
        let parent = self.record(parent_key(parent_path))?;
        check_acl(&parent.acl, perms::CREATE, &ctx.auth)?;
        let mut path = path.to_string();
        if mode.is_sequential() {
            path.push_str(&format!("{:010}", parent.stat.cversion));
        }
        validate(&path)?;
        if self.record(&path).is_ok() {
            return Err(Code::NodeExists);
        }
        if EphemeralType::of(parent.stat.ephemeral_owner) == EphemeralType::Normal {
            return Err(Code::NoChildrenForEphemerals);
        }
        let parent_cversion = parent.stat.cversion.wrapping_add(1);
        self.note_create(
            parent_key(parent_path),
            &path,
            &acl,
            mode,
            ctx,
            zxid,
            parent,
        );
        let (data, path) = (data.clone(), path);
        Ok(if mode.is_container() {
            Txn::CreateContainer {
                path,
                data,
                acl,
                parent_cversion,
            }
        } else if mode.is_ttl() {
            Txn::CreateTtl {
                path,
                data,
                acl,
                parent_cversion,
                ttl,
            }
        } else {
            Txn::Create {
                path,
                data,
                acl,
                ephemeral: mode.is_ephemeral(),
                parent_cversion,
            }
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn note_create(
        &mut self,
        parent_path: &str,
        path: &str,
        acl: &[Acl],
        mode: CreateMode,
        ctx: &RequestContext,
        zxid: Zxid,
        mut parent: Rec,
    ) {
        parent.child_count += 1;
        parent.stat.cversion = parent.stat.cversion.wrapping_add(1);
        parent.stat.pzxid = zxid;
        self.change(parent_path, Some(parent));
        let owner = if mode.is_ephemeral() {
            ctx.session.0
        } else if mode.is_container() {
            crate::zk::stat::CONTAINER_OWNER
        } else {
            0
        };
        let rec = Rec {
            stat: StatPersisted::new(zxid, 0, owner),
            child_count: 0,
            acl: acl.to_vec(),
        };
        self.change(path, Some(rec));
    }

    /// `case OpCode.delete`: parent path valid and not special (BadArguments) → parent exists →
    /// DELETE on parent → node exists → version → NotEmpty.
    fn prep_delete(
        &mut self,
        ctx: &RequestContext,
        path: &str,
        version: i32,
        zxid: Zxid,
    ) -> Prep<Txn> {
        let parent_path = parent_path_and_validate(path)?;
        let mut parent = self.record(parent_key(parent_path))?;
        check_acl(&parent.acl, perms::DELETE, &ctx.auth)?;
        let node = self.record(path)?;
        check_and_inc_version(node.stat.version, version)?;
        if node.child_count > 0 {
            return Err(Code::NotEmpty);
        }
        parent.child_count -= 1;
        parent.stat.pzxid = zxid;
        self.change(parent_key(parent_path), Some(parent));
        self.change(path, None);
        Ok(Txn::Delete {
            path: path.to_string(),
        })
    }

    /// `case OpCode.deleteContainer`: parent path → exists → NotEmpty → a normal ephemeral is
    /// refused with BadVersion (ContainerManager raced with a re-create).
    fn prep_delete_container(&mut self, path: &str, zxid: Zxid) -> Prep<Txn> {
        let parent_path = parent_path_and_validate(path)?;
        let node = self.record(path)?;
        if node.child_count > 0 {
            return Err(Code::NotEmpty);
        }
        if EphemeralType::of(node.stat.ephemeral_owner) == EphemeralType::Normal {
            return Err(Code::BadVersion);
        }
        let mut parent = self.record(parent_key(parent_path))?;
        parent.child_count -= 1;
        parent.stat.pzxid = zxid;
        self.change(parent_key(parent_path), Some(parent));
        self.change(path, None);
        Ok(Txn::Delete {
            path: path.to_string(),
        })
    }

    /// `case OpCode.setData`: path valid → exists → WRITE → version.
    fn prep_set_data(
        &mut self,
        ctx: &RequestContext,
        path: &str,
        data: &Option<Vec<u8>>,
        version: i32,
        zxid: Zxid,
    ) -> Prep<Txn> {
        validate(path)?;
        let mut rec = self.record(path)?;
        check_acl(&rec.acl, perms::WRITE, &ctx.auth)?;
        let new_version = check_and_inc_version(rec.stat.version, version)?;
        rec.stat.version = new_version;
        rec.stat.mzxid = zxid;
        self.change(path, Some(rec));
        Ok(Txn::SetData {
            path: path.to_string(),
            data: data.clone(),
            version: new_version,
        })
    }

    /// `case OpCode.setACL`: path valid → fixupACL → exists → ADMIN → aversion.
    fn prep_set_acl(
        &mut self,
        ctx: &RequestContext,
        path: &str,
        acl: &[Acl],
        version: i32,
    ) -> Prep<Txn> {
        validate(path)?;
        let acl = fixup_acl(&ctx.auth, acl)?;
        let mut rec = self.record(path)?;
        check_acl(&rec.acl, perms::ADMIN, &ctx.auth)?;
        let new_version = check_and_inc_version(rec.stat.aversion, version)?;
        rec.stat.aversion = new_version;
        rec.acl = acl.clone();
        self.change(path, Some(rec));
        Ok(Txn::SetAcl {
            path: path.to_string(),
            acl,
            version: new_version,
        })
    }
}

/// `PrepRequestProcessor.validatePath`: PathUtils rules → BadArguments.
fn validate(path: &str) -> Prep<()> {
    validate_path(path).map_err(|_| Code::BadArguments)
}

/// `validatePathForCreate`: no `/` or a NUL → BadArguments; else the parent part.
fn parent_path_for_create(path: &str) -> Prep<&str> {
    match path.rfind('/') {
        Some(i) if !path.contains('\0') => Ok(&path[..i]),
        _ => Err(Code::BadArguments),
    }
}

/// `getParentPathAndValidate`: as above, and the special nodes cannot be deleted.
fn parent_path_and_validate(path: &str) -> Prep<&str> {
    if DataTree::is_special_path(path) {
        return Err(Code::BadArguments);
    }
    parent_path_for_create(path)
}

/// `checkAndIncVersion`: −1 matches any version; the result wraps like a Java int.
fn check_and_inc_version(current: i32, expected: i32) -> Prep<i32> {
    if expected != -1 && expected != current {
        return Err(Code::BadVersion);
    }
    Ok(current.wrapping_add(1))
}
