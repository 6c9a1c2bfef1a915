//! Watch events (`Watcher.Event.EventType`, `Watcher.Event.KeeperState`, `WatchedEvent`) and
//! the `WatchTrigger`s a txn's application produces (DataTree's `triggerWatch` calls).

use crate::zk::acl::Acl;
use serde::{Deserialize, Serialize};

/// `Watcher.Event.EventType` with its wire values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    None,
    NodeCreated,
    NodeDeleted,
    NodeDataChanged,
    NodeChildrenChanged,
    DataWatchRemoved,
    ChildWatchRemoved,
    PersistentWatchRemoved,
}

impl EventType {
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
    Disconnected,
    SyncConnected,
    AuthFailed,
    ConnectedReadOnly,
    SaslAuthenticated,
    Expired,
    Closed,
}

impl KeeperState {
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
    pub event_type: EventType,
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
    pub path: String,
    pub event_type: EventType,
    #[serde(default)]
    pub acl: Vec<Acl>,
}

impl WatchTrigger {
    #[must_use]
    pub fn new(path: &str, event_type: EventType) -> WatchTrigger {
        WatchTrigger::with_acl(path, event_type, Vec::new())
    }

    #[must_use]
    pub fn with_acl(path: &str, event_type: EventType, acl: Vec<Acl>) -> WatchTrigger {
        WatchTrigger {
            path: path.to_string(),
            event_type,
            acl,
        }
    }
}
