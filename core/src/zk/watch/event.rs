//! Watch events (`Watcher.Event.EventType`, `Watcher.Event.KeeperState`, `WatchedEvent`) and
//! the `WatchTrigger`s a txn's application produces (DataTree's `triggerWatch` calls).

use crate::zk::acl::Acl;
use serde::{Deserialize, Serialize};

/// `Watcher.Event.EventType` with its wire values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    /// None (-1): a connection-state change, no node involved.
    None,
    /// NodeCreated (1).
    NodeCreated,
    /// NodeDeleted (2).
    NodeDeleted,
    /// NodeDataChanged (3).
    NodeDataChanged,
    /// NodeChildrenChanged (4).
    NodeChildrenChanged,
    /// DataWatchRemoved (5): removeWatches took a data watch away.
    DataWatchRemoved,
    /// ChildWatchRemoved (6): removeWatches took a child watch away.
    ChildWatchRemoved,
    /// PersistentWatchRemoved (7): removeWatches took a persistent watch away.
    PersistentWatchRemoved,
}

impl EventType {
    /// The integer `Watcher.Event.EventType.getIntValue`.
    #[must_use]
    pub const fn value(self) -> i32 {
        match self {
            EventType::None => -1,
            EventType::NodeCreated => 1,
            EventType::NodeDeleted => 2,
            EventType::NodeDataChanged => 3,
            EventType::NodeChildrenChanged => 4,
            EventType::DataWatchRemoved => 5,
            EventType::ChildWatchRemoved => 6,
            EventType::PersistentWatchRemoved => 7,
        }
    }

    /// The Java enum name (`NodeDataChanged`), as zkCli prints it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            EventType::None => "None",
            EventType::NodeCreated => "NodeCreated",
            EventType::NodeDeleted => "NodeDeleted",
            EventType::NodeDataChanged => "NodeDataChanged",
            EventType::NodeChildrenChanged => "NodeChildrenChanged",
            EventType::DataWatchRemoved => "DataWatchRemoved",
            EventType::ChildWatchRemoved => "ChildWatchRemoved",
            EventType::PersistentWatchRemoved => "PersistentWatchRemoved",
        }
    }
}

/// `Watcher.Event.KeeperState` (the states a client can see).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum KeeperState {
    /// Disconnected (0): the connection to the server is lost.
    Disconnected,
    /// SyncConnected (3): connected, the session is valid.
    SyncConnected,
    /// AuthFailed (4): authentication failed.
    AuthFailed,
    /// ConnectedReadOnly (5): connected to a read-only server.
    ConnectedReadOnly,
    /// SaslAuthenticated (6).
    SaslAuthenticated,
    /// Expired (-112): the session is gone; a new handle is needed.
    Expired,
    /// Closed (7): the client closed the handle.
    Closed,
}

impl KeeperState {
    /// The integer `Watcher.Event.KeeperState.getIntValue`.
    #[must_use]
    pub const fn value(self) -> i32 {
        match self {
            KeeperState::Disconnected => 0,
            KeeperState::SyncConnected => 3,
            KeeperState::AuthFailed => 4,
            KeeperState::ConnectedReadOnly => 5,
            KeeperState::SaslAuthenticated => 6,
            KeeperState::Expired => -112,
            KeeperState::Closed => 7,
        }
    }

    /// The Java enum name (`SyncConnected`, …).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            KeeperState::Disconnected => "Disconnected",
            KeeperState::SyncConnected => "SyncConnected",
            KeeperState::AuthFailed => "AuthFailed",
            KeeperState::ConnectedReadOnly => "ConnectedReadOnly",
            KeeperState::SaslAuthenticated => "SaslAuthenticated",
            KeeperState::Expired => "Expired",
            KeeperState::Closed => "Closed",
        }
    }
}

/// What a client receives (`WatchedEvent{type, state, path}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchedEvent {
    /// What happened to the node.
    pub event_type: EventType,
    /// The connection state when it was sent.
    pub keeper_state: KeeperState,
    /// `None` for state-only events (path `null`).
    pub path: Option<String>,
}

impl WatchedEvent {
    /// A node event as the server sends it (state SyncConnected).
    #[must_use]
    pub fn node(event_type: EventType, path: &str) -> WatchedEvent {
        WatchedEvent {
            event_type,
            keeper_state: KeeperState::SyncConnected,
            path: Some(path.to_string()),
        }
    }

    /// `WatchedEvent.toString()`: `WatchedEvent state:SyncConnected type:NodeCreated path:/a`.
    #[must_use]
    pub fn to_java_string(&self) -> String {
        format!(
            "WatchedEvent state:{} type:{} path:{}",
            self.keeper_state.name(),
            self.event_type.name(),
            self.path.as_deref().unwrap_or("null")
        )
    }
}

/// One `triggerWatch` a txn causes, in DataTree's order: create → NodeCreated(path),
/// NodeChildrenChanged(parent); delete → NodeDeleted(path), NodeChildrenChanged(parent);
/// setData → NodeDataChanged(path). NodeCreated/NodeDataChanged hit the data watches,
/// NodeChildrenChanged the child watches, NodeDeleted both (one event per connection).
///
/// `acl` is the ACL DataTree hands to `triggerWatch` (the node's; the parent's for
/// NodeChildrenChanged): since the CVE-2024-23944 fix (3.8.4, 3.9.2; Debian 3.8.0-11+deb12u2)
/// `ServerCnxn.process(event, acl)` drops the event for a connection without READ on it —
/// after the watch was consumed. Empty = no check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchTrigger {
    /// The node the change happened to.
    pub path: String,
    /// What happened to it.
    pub event_type: EventType,
    /// The node's ACL (a watcher without READ on it is not told).
    #[serde(default)]
    pub acl: Vec<Acl>,
}

impl WatchTrigger {
    /// A trigger with an open ACL.
    #[must_use]
    pub fn new(path: &str, event_type: EventType) -> WatchTrigger {
        WatchTrigger::with_acl(path, event_type, Vec::new())
    }

    /// A trigger checked against the node's ACL.
    #[must_use]
    pub fn with_acl(path: &str, event_type: EventType, acl: Vec<Acl>) -> WatchTrigger {
        WatchTrigger {
            path: path.to_string(),
            event_type,
            acl,
        }
    }
}
