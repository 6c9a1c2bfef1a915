//! The Java client's own watch registry (`ZKWatchManager`): which watches this client set,
//! cleared as events arrive (`materialize`), consulted by `removewatches` (NoWatcher is
//! decided client-side) and used to report DataWatchRemoved/ChildWatchRemoved events.

use crate::request::WatcherType;
use crate::watch::{EventType, WatchedEvent};
use std::collections::BTreeSet;

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
