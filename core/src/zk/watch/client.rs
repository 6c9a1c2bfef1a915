//! The client library's own record of its watches (Java's `ZKWatchManager`), shared by the
//! zkCli front end and the simulated ensemble clients: registered when a watching request is
//! answered, cleared as one-shot events arrive (`materialize`), consulted by `removewatches`
//! (NoWatcher is decided client-side), and re-sent with SetWatches when a session moves to
//! another server (ClientCnxn.primeConnection).

use crate::zk::code::Code;
use crate::zk::request::{AddWatchMode, Request, WatcherType};
use crate::zk::watch::{EventType, WatchedEvent};
use crate::zxid::Zxid;
use std::collections::BTreeSet;

/// The client's watches by kind (ZKWatchManager's dataWatches, existWatches, childWatches,
/// persistentWatches, persistentRecursiveWatches).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientWatches {
    pub data: BTreeSet<String>,
    pub exist: BTreeSet<String>,
    pub child: BTreeSet<String>,
    pub persistent: BTreeSet<String>,
    pub recursive: BTreeSet<String>,
}

impl ClientWatches {
    /// `ZKWatchManager.materialize`: standard watches fire once.
    pub fn materialize(&mut self, e: &WatchedEvent) {
        let Some(p) = e.path.as_deref() else { return };
        match e.event_type {
            EventType::NodeDataChanged | EventType::NodeCreated => {
                self.data.remove(p);
                self.exist.remove(p);
            }
            EventType::NodeChildrenChanged => {
                self.child.remove(p);
            }
            EventType::NodeDeleted => {
                self.data.remove(p);
                self.exist.remove(p);
                self.child.remove(p);
            }
            _ => {}
        }
    }

    /// `removeWatcher` client side: the removal events, or `None` when nothing matched
    /// (NoWatcher).
    pub fn remove(&mut self, path: &str, t: WatcherType) -> Option<Vec<EventType>> {
        let mut ev = Vec::new();
        let child = matches!(t, WatcherType::Children | WatcherType::Any);
        let data = matches!(t, WatcherType::Data | WatcherType::Any);
        if child && self.child.remove(path) {
            ev.push(EventType::ChildWatchRemoved);
        }
        if data {
            let d = self.data.remove(path);
            let x = self.exist.remove(path);
            if d || x {
                ev.push(EventType::DataWatchRemoved);
            }
        }
        if t == WatcherType::Any {
            let p = self.persistent.remove(path);
            let r = self.recursive.remove(path);
            if p || r {
                ev.push(EventType::PersistentWatchRemoved);
            }
        }
        if ev.is_empty() { None } else { Some(ev) }
    }
}

/// A watch a request asks for, registered once the answer comes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WatchReg {
    /// getData/exists with `watch` (exists on a missing node = an exist watch).
    Data(String),
    Exists(String),
    Child(String),
    Persistent(String),
    Recursive(String),
    Remove(String, WatcherType),
}

impl WatchReg {
    /// The watch `req` registers, if any.
    #[must_use]
    pub fn of(req: &Request) -> Option<WatchReg> {
        Some(match req {
            Request::GetData { path, watch: true } => WatchReg::Data(path.clone()),
            Request::Exists { path, watch: true } => WatchReg::Exists(path.clone()),
            Request::GetChildren { path, watch: true }
            | Request::GetChildren2 { path, watch: true } => WatchReg::Child(path.clone()),
            Request::AddWatch { path, mode } => match mode {
                AddWatchMode::Persistent => WatchReg::Persistent(path.clone()),
                AddWatchMode::PersistentRecursive => WatchReg::Recursive(path.clone()),
            },
            Request::RemoveWatches { path, watcher_type } => {
                WatchReg::Remove(path.clone(), *watcher_type)
            }
            _ => return None,
        })
    }
}

impl ClientWatches {
    /// The answer to a watching request arrived with `code` (`ZooKeeper.WatchRegistration`:
    /// registered on success; exists also on NoNode, as an exist watch).
    pub fn answered(&mut self, reg: WatchReg, code: Code) {
        match (reg, code) {
            (WatchReg::Exists(p), Code::NoNode) => {
                self.exist.insert(p);
            }
            (_, c) if c != Code::Ok => {}
            (WatchReg::Data(p) | WatchReg::Exists(p), _) => {
                self.data.insert(p);
            }
            (WatchReg::Child(p), _) => {
                self.child.insert(p);
            }
            (WatchReg::Persistent(p), _) => {
                self.persistent.insert(p);
            }
            (WatchReg::Recursive(p), _) => {
                self.recursive.insert(p);
            }
            (WatchReg::Remove(p, t), _) => {
                if t != WatcherType::Children {
                    self.data.remove(&p);
                    self.exist.remove(&p);
                    self.persistent.remove(&p);
                    self.recursive.remove(&p);
                }
                if t != WatcherType::Data {
                    self.child.remove(&p);
                }
            }
        }
    }

    /// The SetWatches request a reconnect sends (`None` when there is nothing to re-register).
    #[must_use]
    pub fn set_watches(&self, relative_zxid: Zxid) -> Option<Request> {
        let v = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>();
        let empty = self.data.is_empty()
            && self.exist.is_empty()
            && self.child.is_empty()
            && self.persistent.is_empty()
            && self.recursive.is_empty();
        (!empty).then(|| Request::SetWatches {
            relative_zxid,
            data: v(&self.data),
            exist: v(&self.exist),
            child: v(&self.child),
            persistent: v(&self.persistent),
            persistent_recursive: v(&self.recursive),
        })
    }
}
