//! One `WatchManager` table of ZooKeeper (S/watch/WatchManager.java): path → watchers, with
//! the per-(watcher, path) mode of `WatcherModeManager`. DataTree keeps two: data watches
//! and child watches.

use crate::ids::SessionId;
use crate::zk::watch::EventType;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// `WatcherMode`: STANDARD (one-shot), PERSISTENT, PERSISTENT_RECURSIVE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WatcherMode {
    Standard,
    Persistent,
    PersistentRecursive,
}

/// Watchers are connections; in ZabScope a connection is named by its session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchTable {
    watch_table: BTreeMap<String, BTreeSet<SessionId>>,
    watch2paths: BTreeMap<SessionId, BTreeSet<String>>,
    modes: BTreeMap<(SessionId, String), WatcherMode>,
}

impl WatchTable {
    /// `addWatch(path, watcher, mode)`: the last mode set for (watcher, path) wins, as in
    /// 3.8's WatcherModeManager (a later getData watch turns a persistent one standard).
    pub fn add(&mut self, path: &str, w: SessionId, mode: WatcherMode) -> bool {
        self.watch_table
            .entry(path.to_string())
            .or_default()
            .insert(w);
        let key = (w, path.to_string());
        if mode == WatcherMode::Standard {
            self.modes.remove(&key);
        } else {
            self.modes.insert(key, mode);
        }
        self.watch2paths
            .entry(w)
            .or_default()
            .insert(path.to_string())
    }

    fn mode(&self, w: SessionId, path: &str) -> WatcherMode {
        self.modes
            .get(&(w, path.to_string()))
            .copied()
            .unwrap_or(WatcherMode::Standard)
    }

    fn has_recursive(&self) -> bool {
        self.modes
            .values()
            .any(|m| *m == WatcherMode::PersistentRecursive)
    }

    /// `triggerWatch(path, type, suppress)` as 3.8.0 has it: the watchers to notify (each
    /// once). Walking from `path` up to `/` (only while some recursive watch exists):
    /// recursive watchers fire at every level for every event but NodeChildrenChanged; other
    /// watchers fire only at `path` itself, and standard ones are then removed.
    pub fn trigger(&mut self, path: &str, event_type: EventType) -> BTreeSet<SessionId> {
        let mut hit = BTreeSet::new();
        let walk_parents = self.has_recursive();
        let mut local = Some(path.to_string());
        let mut at_parent = false;
        while let Some(p) = local {
            self.trigger_at(&p, at_parent, event_type, &mut hit);
            local = if walk_parents { parent_path(&p) } else { None };
            at_parent = true;
        }
        hit
    }

    fn trigger_at(
        &mut self,
        p: &str,
        at_parent: bool,
        event_type: EventType,
        hit: &mut BTreeSet<SessionId>,
    ) {
        let Some(ws) = self.watch_table.get(p) else {
            return;
        };
        let mut removed = Vec::new();
        for &w in ws {
            let mode = self.mode(w, p);
            if mode == WatcherMode::PersistentRecursive {
                if event_type != EventType::NodeChildrenChanged {
                    hit.insert(w);
                }
            } else if !at_parent {
                hit.insert(w);
                if mode == WatcherMode::Standard {
                    removed.push(w);
                }
            }
        }
        for w in removed {
            self.remove(p, w);
        }
    }

    /// `removeWatcher(path, watcher)`: whatever its mode.
    pub fn remove(&mut self, path: &str, w: SessionId) -> bool {
        let Some(ws) = self.watch_table.get_mut(path) else {
            return false;
        };
        if !ws.remove(&w) {
            return false;
        }
        if ws.is_empty() {
            self.watch_table.remove(path);
        }
        if let Some(ps) = self.watch2paths.get_mut(&w) {
            ps.remove(path);
            if ps.is_empty() {
                self.watch2paths.remove(&w);
            }
        }
        self.modes.remove(&(w, path.to_string()));
        true
    }

    /// `removeWatcher(watcher)`: a closed connection drops every watch.
    pub fn remove_watcher(&mut self, w: SessionId) {
        let paths = self.watch2paths.remove(&w).unwrap_or_default();
        for p in paths {
            if let Some(ws) = self.watch_table.get_mut(&p) {
                ws.remove(&w);
                if ws.is_empty() {
                    self.watch_table.remove(&p);
                }
            }
            self.modes.remove(&(w, p));
        }
    }

    /// Whether `w` watches `path` here.
    #[must_use]
    pub fn contains(&self, path: &str, w: SessionId) -> bool {
        self.watch_table.get(path).is_some_and(|s| s.contains(&w))
    }

    /// path → watchers.
    #[must_use]
    pub fn by_path(&self) -> &BTreeMap<String, BTreeSet<SessionId>> {
        &self.watch_table
    }

    /// watcher → paths.
    #[must_use]
    pub fn by_watcher(&self) -> &BTreeMap<SessionId, BTreeSet<String>> {
        &self.watch2paths
    }

    /// Number of (path, watcher) pairs (`WatchManager.size()`).
    #[must_use]
    pub fn size(&self) -> usize {
        self.watch_table.values().map(BTreeSet::len).sum()
    }

    /// The watch mode of (w, path), if watched.
    #[must_use]
    pub fn mode_of(&self, path: &str, w: SessionId) -> Option<WatcherMode> {
        self.contains(path, w).then(|| self.mode(w, path))
    }
}

/// `PathParentIterator`'s next step: `/a/b` → `/a` → `/` → done.
fn parent_path(p: &str) -> Option<String> {
    if p == "/" {
        return None;
    }
    match p.rfind('/') {
        Some(0) => Some("/".to_string()),
        Some(i) => Some(p[..i].to_string()),
        None => None,
    }
}
