//! Watches (S/watch/WatchManager.java, DataTree's `dataWatches`/`childWatches`).
//!
//! A `WatchManager` belongs to one server and is NOT replicated: watches belong to client
//! connections (named here by their session). Reads register watches; committed txns'
//! `WatchTrigger`s fire them with ZooKeeper 3.8.0's rules: one-shot standard watches,
//! persistent and persistent-recursive ones from `addWatch` (both in both tables; recursive
//! ones fire for descendants and never for NodeChildrenChanged); NodeDeleted reaches a connection once even with data
//! and child watches; events are returned in trigger order (so before the response).

mod client;
mod event;
mod table;

pub(crate) use client::{ClientWatches, WatchReg};
pub use event::{EventType, KeeperState, WatchTrigger, WatchedEvent};
pub(crate) use table::{WatchTable, WatcherMode};

use crate::ids::SessionId;
use crate::zk::acl::{Id, check_acl, perms};
use crate::zk::code::Code;
use crate::zk::request::{AddWatchMode, Request, Response, WatcherType};
use crate::zk::tree::DataTree;
use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The two watch tables of one server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchManager {
    /// The data and exists watches, by path.
    pub data: WatchTable,
    /// The child watches, by path.
    pub child: WatchTable,
}

/// Which table a read registers in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WatchKind {
    /// getData / exists.
    Data,
    /// getChildren.
    Child,
}

/// The watch a read leaves behind, given its response (FinalRequestProcessor): exists sets a
/// data watch even on NoNode; getData/getChildren only on success (after the ACL check).
#[must_use]
pub fn registration_for(req: &Request, resp: &Response) -> Option<(String, WatchKind)> {
    match req {
        Request::Exists { path, watch: true } if matches!(resp.code, Code::Ok | Code::NoNode) => {
            Some((path.clone(), WatchKind::Data))
        }
        Request::GetData { path, watch: true } if resp.code == Code::Ok => {
            Some((path.clone(), WatchKind::Data))
        }
        Request::GetChildren { path, watch: true }
        | Request::GetChildren2 { path, watch: true }
            if resp.code == Code::Ok =>
        {
            Some((path.clone(), WatchKind::Child))
        }
        _ => None,
    }
}

impl WatchManager {
    /// Registers a standard (one-shot) watch.
    pub fn register(&mut self, session: SessionId, path: &str, kind: WatchKind) {
        match kind {
            WatchKind::Data => self.data.add(path, session, WatcherMode::Standard),
            WatchKind::Child => self.child.add(path, session, WatcherMode::Standard),
        };
    }

    /// Registers what `req` asks for, given the response it got.
    pub fn register_read(&mut self, session: SessionId, req: &Request, resp: &Response) {
        if let Some((path, kind)) = registration_for(req, resp) {
            self.register(session, &path, kind);
        }
    }

    /// `DataTree.addWatch` (3.8.0): both modes go in both tables (a recursive watch in the
    /// child table never fires: triggerWatch skips NodeChildrenChanged for recursive
    /// watchers). No existence or ACL check.
    pub fn add_watch(&mut self, session: SessionId, path: &str, mode: AddWatchMode) {
        let m = match mode {
            AddWatchMode::Persistent => WatcherMode::Persistent,
            AddWatchMode::PersistentRecursive => WatcherMode::PersistentRecursive,
        };
        self.data.add(path, session, m);
        self.child.add(path, session, m);
    }

    /// `DataTree.removeWatch(path, type, watcher)`: NoWatcher if nothing was removed.
    pub fn remove_watches(
        &mut self,
        session: SessionId,
        path: &str,
        t: WatcherType,
    ) -> Result<(), Code> {
        let removed = match t {
            WatcherType::Children => self.child.remove(path, session),
            WatcherType::Data => self.data.remove(path, session),
            WatcherType::Any => {
                let c = self.child.remove(path, session);
                let d = self.data.remove(path, session);
                c || d
            }
        };
        if removed {
            Ok(())
        } else {
            Err(Code::NoWatcher)
        }
    }

    /// Fires a txn's triggers; returns one event per (trigger, connection), in order, for
    /// every connection `auth` (session → its auth ids) allows to READ the trigger's ACL.
    /// Watches of the others are consumed all the same (`ServerCnxn.process(event, acl)`,
    /// the CVE-2024-23944 fix). A session `auth` does not know is not filtered.
    pub fn trigger(
        &mut self,
        triggers: &[WatchTrigger],
        auth: impl Fn(SessionId) -> Option<Vec<Id>>,
    ) -> Vec<(SessionId, WatchedEvent)> {
        let mut out = Vec::new();
        for t in triggers {
            let hit: BTreeSet<SessionId> = match t.event_type {
                EventType::NodeDeleted => {
                    let data = self.data.trigger(&t.path, t.event_type);
                    let child = self.child.trigger(&t.path, t.event_type);
                    data.union(&child).copied().collect()
                }
                EventType::NodeChildrenChanged => self.child.trigger(&t.path, t.event_type),
                _ => self.data.trigger(&t.path, t.event_type),
            };
            for s in hit {
                let denied = auth(s).is_some_and(|ids| {
                    !t.acl.is_empty() && check_acl(&t.acl, perms::READ, &ids).is_err()
                });
                if denied {
                    continue;
                }
                out.push((s, WatchedEvent::node(t.event_type, &t.path)));
            }
        }
        out
    }

    /// A closed or expired session's connection drops all its watches.
    pub fn remove_session(&mut self, session: SessionId) {
        self.data.remove_watcher(session);
        self.child.remove_watcher(session);
    }

    /// A SetWatches request, as the standalone and the ensemble server both serve it
    /// ([`WatchManager::set_watches`]); any other request sets nothing.
    pub fn set_watches_request(
        &mut self,
        tree: &DataTree,
        session: SessionId,
        request: &Request,
    ) -> Vec<WatchedEvent> {
        match request {
            Request::SetWatches {
                relative_zxid,
                data,
                exist,
                child,
                persistent,
                persistent_recursive,
            } => self.set_watches(
                tree,
                session,
                *relative_zxid,
                data,
                exist,
                child,
                persistent,
                persistent_recursive,
            ),
            _ => Vec::new(),
        }
    }

    /// `DataTree.setWatches` after a reconnect: fire at once what changed since
    /// `relative_zxid`, re-register the rest.
    #[allow(clippy::too_many_arguments)]
    pub fn set_watches(
        &mut self,
        tree: &DataTree,
        session: SessionId,
        relative_zxid: Zxid,
        data: &[String],
        exist: &[String],
        child: &[String],
        persistent: &[String],
        recursive: &[String],
    ) -> Vec<WatchedEvent> {
        let mut ev = Vec::new();
        for p in data {
            match tree.get(p) {
                None => ev.push(WatchedEvent::node(EventType::NodeDeleted, p)),
                Some(n) if n.stat.mzxid > relative_zxid => {
                    ev.push(WatchedEvent::node(EventType::NodeDataChanged, p));
                }
                Some(_) => self.register(session, p, WatchKind::Data),
            }
        }
        for p in exist {
            if tree.get(p).is_some() {
                ev.push(WatchedEvent::node(EventType::NodeCreated, p));
            } else {
                self.register(session, p, WatchKind::Data);
            }
        }
        for p in child {
            match tree.get(p) {
                None => ev.push(WatchedEvent::node(EventType::NodeDeleted, p)),
                Some(n) if n.stat.pzxid > relative_zxid => {
                    ev.push(WatchedEvent::node(EventType::NodeChildrenChanged, p));
                }
                Some(_) => self.register(session, p, WatchKind::Child),
            }
        }
        for p in persistent {
            self.add_watch(session, p, AddWatchMode::Persistent);
        }
        for p in recursive {
            self.add_watch(session, p, AddWatchMode::PersistentRecursive);
        }
        ev
    }

    /// Total (path, watcher) pairs over both tables (`DataTree.getWatchCount`).
    #[must_use]
    pub fn watch_count(&self) -> usize {
        self.data.size() + self.child.size()
    }
}

#[cfg(test)]
mod tests;
