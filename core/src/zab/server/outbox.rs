//! What a server asks the world to do after handling one input (sans-IO, docs/architecture.md):
//! persist, send, reply to a client, or note something for the trace.

use crate::explain::SyncWhy;
use crate::ids::{ServerId, SessionId};
use crate::zab::proto::SyncKind;
use crate::zab::proto::{PeerMsg, ServerState};
use crate::zab::server::replica::Response;
use crate::zk::watch::WatchedEvent;
use crate::zxid::Zxid;
use std::fmt;

/// A durable write (FileTxnLog / FileSnap / the epoch files), in the order it happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persist {
    /// The `acceptedEpoch` file.
    AcceptedEpoch(u32),
    /// The `currentEpoch` file.
    CurrentEpoch(u32),
    /// A txn appended to the log (and fsynced) before it is ACKed.
    Append(Zxid),
    /// `FileTxnLog.truncate`: every txn after this zxid is gone.
    Truncate(Zxid),
    /// A snapshot (`snapshot.<zxid>`).
    Snapshot(Zxid),
}

impl fmt::Display for Persist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Persist::AcceptedEpoch(e) => write!(f, "acceptedEpoch={e}"),
            Persist::CurrentEpoch(e) => write!(f, "currentEpoch={e}"),
            Persist::Append(z) => write!(f, "log {z}"),
            Persist::Truncate(z) => write!(f, "truncate log after {z}"),
            Persist::Snapshot(z) => write!(f, "snapshot.{:x}", z.0),
        }
    }
}

/// ZooKeeper's ZAB phase (`QuorumPeer.ZabState`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Phase {
    Election,
    Discovery,
    Synchronization,
    Broadcast,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Phase::Election => "ELECTION",
            Phase::Discovery => "DISCOVERY",
            Phase::Synchronization => "SYNCHRONIZATION",
            Phase::Broadcast => "BROADCAST",
        })
    }
}

/// Something worth showing in the trace that is not a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// The server's state or ZAB phase changed.
    State(ServerState, Phase),
    /// The leader proposed a txn; `needed` acks make a quorum.
    Propose { zxid: Zxid, needed: u32 },
    /// The leader counted `from`'s ACK.
    Acked {
        zxid: Zxid,
        from: ServerId,
        acks: u32,
        needed: u32,
    },
    /// A txn was committed (applied) on this server.
    Commit(Zxid),
    /// A txn was applied while syncing, before the epoch is established.
    Applied(Zxid),
    /// The leader established a quorum for its new epoch (NEWLEADER acked).
    Established { epoch: u32 },
    /// The sync choice for a learner (DIFF / TRUNC / SNAP).
    SyncChoice {
        learner: ServerId,
        kind: SyncKind,
        zxid: Zxid,
        /// The `syncFollower` rule that chose `kind`.
        why: SyncWhy,
    },
    /// Why a server gave up its role.
    GaveUp(&'static str),
    /// The leader's `LearnerHandler` for `learner` read nothing for `ms` (its socket's read
    /// timeout: initLimit × tickTime while syncing, syncLimit × tickTime after) and closed the
    /// connection.
    LearnerClosed { learner: ServerId, ms: u64 },
}

/// One output of a handler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Persist(Persist),
    Send {
        to: ServerId,
        msg: PeerMsg,
    },
    Reply {
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        /// Boxed: a `Response` is the largest output, and every output is moved twice.
        response: Box<Response>,
    },
    /// A watch fired for a client connected here (sent before any later reply).
    Watch {
        session: SessionId,
        event: WatchedEvent,
    },
    Trace(Note),
}

/// The outputs of one handler call, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox {
    pub items: Vec<Output>,
}

impl Outbox {
    #[must_use]
    pub fn new() -> Self {
        Outbox::default()
    }
    pub fn send(&mut self, to: ServerId, msg: PeerMsg) {
        self.items.push(Output::Send { to, msg });
    }
    pub fn persist(&mut self, p: Persist) {
        self.items.push(Output::Persist(p));
    }
    pub fn note(&mut self, n: Note) {
        self.items.push(Output::Trace(n));
    }
    pub fn reply(&mut self, session: SessionId, cxid: i32, zxid: Zxid, response: Response) {
        self.items.push(Output::Reply {
            session,
            cxid,
            zxid,
            response: Box::new(response),
        });
    }
    pub fn watch(&mut self, session: SessionId, event: WatchedEvent) {
        self.items.push(Output::Watch { session, event });
    }
    pub fn clear(&mut self) {
        self.items.clear();
    }
}
