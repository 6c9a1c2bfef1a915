//! Client requests and responses, one variant per ZooKeeper opcode a client can send
//! (`ZooDefs.OpCode`), and the response bodies the server answers with.
//!
//! `Request::is_write` is the split a follower makes (FollowerRequestProcessor): writes go to
//! the leader as REQUEST and become transactions; reads are answered locally.

use crate::ids::SessionId;
use crate::zk::acl::{Acl, Id};
use crate::zk::code::Code;
use crate::zk::stat::Stat;
use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};

/// `CreateMode` with its flag values (`CreateMode.toFlag`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreateMode {
    /// PERSISTENT (flag 0): stays until deleted.
    Persistent,
    /// EPHEMERAL (flag 1): deleted when its owner's session ends.
    Ephemeral,
    /// PERSISTENT_SEQUENTIAL (flag 2): persistent, with the parent's 10-digit counter appended.
    PersistentSequential,
    /// EPHEMERAL_SEQUENTIAL (flag 3): ephemeral, with the parent's counter appended.
    EphemeralSequential,
    /// CONTAINER (flag 4): deleted by the ContainerManager once its last child goes.
    Container,
    /// PERSISTENT_WITH_TTL (flag 5): persistent, removed after `ttl` ms without children or change.
    PersistentWithTtl,
    /// PERSISTENT_SEQUENTIAL_WITH_TTL (flag 6): sequential and with a TTL.
    PersistentSequentialWithTtl,
}

impl CreateMode {
    /// The wire flag (`CreateMode.toFlag`).
    #[must_use]
    pub const fn flag(self) -> i32 {
        match self {
            CreateMode::Persistent => 0,
            CreateMode::Ephemeral => 1,
            CreateMode::PersistentSequential => 2,
            CreateMode::EphemeralSequential => 3,
            CreateMode::Container => 4,
            CreateMode::PersistentWithTtl => 5,
            CreateMode::PersistentSequentialWithTtl => 6,
        }
    }

    /// `CreateMode.fromFlag`.
    #[must_use]
    pub fn from_flag(flag: i32) -> Option<CreateMode> {
        use CreateMode::*;
        [
            Persistent,
            Ephemeral,
            PersistentSequential,
            EphemeralSequential,
            Container,
            PersistentWithTtl,
            PersistentSequentialWithTtl,
        ]
        .into_iter()
        .find(|m| m.flag() == flag)
    }

    /// Whether the node is owned by a session (EPHEMERAL, EPHEMERAL_SEQUENTIAL).
    #[must_use]
    pub const fn is_ephemeral(self) -> bool {
        matches!(
            self,
            CreateMode::Ephemeral | CreateMode::EphemeralSequential
        )
    }

    /// Whether the server appends the parent's sequence counter to the name.
    #[must_use]
    pub const fn is_sequential(self) -> bool {
        matches!(
            self,
            CreateMode::PersistentSequential
                | CreateMode::EphemeralSequential
                | CreateMode::PersistentSequentialWithTtl
        )
    }

    /// Whether this is a CONTAINER node.
    #[must_use]
    pub const fn is_container(self) -> bool {
        matches!(self, CreateMode::Container)
    }

    /// Whether this is one of the two TTL modes.
    #[must_use]
    pub const fn is_ttl(self) -> bool {
        matches!(
            self,
            CreateMode::PersistentWithTtl | CreateMode::PersistentSequentialWithTtl
        )
    }

    /// The Java constant name (`EPHEMERAL_SEQUENTIAL`).
    #[must_use]
    pub const fn java_name(self) -> &'static str {
        match self {
            CreateMode::Persistent => "PERSISTENT",
            CreateMode::Ephemeral => "EPHEMERAL",
            CreateMode::PersistentSequential => "PERSISTENT_SEQUENTIAL",
            CreateMode::EphemeralSequential => "EPHEMERAL_SEQUENTIAL",
            CreateMode::Container => "CONTAINER",
            CreateMode::PersistentWithTtl => "PERSISTENT_WITH_TTL",
            CreateMode::PersistentSequentialWithTtl => "PERSISTENT_SEQUENTIAL_WITH_TTL",
        }
    }
}

/// `AddWatchMode`: PERSISTENT (0) or PERSISTENT_RECURSIVE (1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AddWatchMode {
    /// PERSISTENT (0): a watch that stays after firing, on the node itself.
    Persistent,
    /// PERSISTENT_RECURSIVE (1): stays after firing and covers the whole subtree.
    PersistentRecursive,
}

/// `Watcher.WatcherType` for removeWatches: Children 1, Data 2, Any 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WatcherType {
    /// Children (1): the child watches.
    Children,
    /// Data (2): the data and exists watches.
    Data,
    /// Any (3): every kind.
    Any,
}

/// A client request (the record after the RequestHeader).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// create / create2 / createContainer / createTTL; `ttl` is −1 unless a TTL mode.
    Create {
        /// The path to create (the parent must exist).
        path: String,
        /// `None` is Java's `null` data (zkCli `create /a` without data; `get` prints `null`).
        data: Option<Vec<u8>>,
        /// The new node's ACL list.
        acl: Vec<Acl>,
        /// Persistent, ephemeral, sequential, container or TTL.
        mode: CreateMode,
        /// The TTL in ms for the TTL modes, −1 otherwise.
        ttl: i64,
    },
    /// delete: remove a childless node.
    Delete {
        /// The node to delete.
        path: String,
        /// The expected version, −1 for any.
        version: i32,
    },
    /// exists: the node's stat, optionally leaving a watch (even on a missing node).
    Exists {
        /// The node asked about.
        path: String,
        /// Whether to leave an exists watch.
        watch: bool,
    },
    /// getData: the node's data and stat.
    GetData {
        /// The node read.
        path: String,
        /// Whether to leave a data watch.
        watch: bool,
    },
    /// setData: replace the node's data.
    SetData {
        /// The node written.
        path: String,
        /// The new data (`None` is Java's `null`).
        data: Option<Vec<u8>>,
        /// The expected version, −1 for any.
        version: i32,
    },
    /// getACL: the node's ACL and stat.
    GetAcl {
        /// The node asked about.
        path: String,
    },
    /// setACL: replace the node's ACL.
    SetAcl {
        /// The node changed.
        path: String,
        /// The new ACL list.
        acl: Vec<Acl>,
        /// The expected ACL version (`aversion`), −1 for any.
        version: i32,
    },
    /// getChildren: the child names.
    GetChildren {
        /// The parent node.
        path: String,
        /// Whether to leave a child watch.
        watch: bool,
    },
    /// getChildren2: children plus the parent's stat.
    GetChildren2 {
        /// The parent node.
        path: String,
        /// Whether to leave a child watch.
        watch: bool,
    },
    /// sync: goes through the leader so later reads see every write committed before it.
    Sync {
        /// The path named (only echoed back).
        path: String,
    },
    /// CheckVersion (in multi).
    Check {
        /// The node checked.
        path: String,
        /// The version it must have.
        version: i32,
    },
    /// multi: the ops applied all or none under one zxid.
    Multi(Vec<Request>),
    /// The connect request; the session id is chosen by the SessionTracker beforehand.
    CreateSession {
        /// The session timeout the client asks for, in ms (the server clamps it).
        timeout_ms: i32,
    },
    /// closeSession: end the session and delete its ephemeral nodes.
    CloseSession,
    /// addauth: add an identity to this connection.
    AddAuth {
        /// The auth scheme (`digest`, …).
        scheme: String,
        /// The scheme's credential bytes (`user:password` for digest).
        auth: Vec<u8>,
    },
    /// addWatch: a persistent or persistent-recursive watch.
    AddWatch {
        /// The watched node.
        path: String,
        /// PERSISTENT or PERSISTENT_RECURSIVE.
        mode: AddWatchMode,
    },
    /// removeWatches: drop this connection's watches on a node.
    RemoveWatches {
        /// The watched node.
        path: String,
        /// Which kind of watches to remove.
        watcher_type: WatcherType,
    },
    /// Re-registration after reconnect (SetWatches2) with the last zxid the client saw.
    SetWatches {
        /// The last zxid the client saw; events after it fire at once.
        relative_zxid: Zxid,
        /// Paths with a data watch.
        data: Vec<String>,
        /// Paths with an exists watch.
        exist: Vec<String>,
        /// Paths with a child watch.
        child: Vec<String>,
        /// Paths with a persistent watch.
        persistent: Vec<String>,
        /// Paths with a persistent-recursive watch.
        persistent_recursive: Vec<String>,
    },
    /// getEphemerals: this session's ephemeral nodes under a prefix.
    GetEphemerals {
        /// The path prefix (`/` for all).
        prefix: String,
    },
    /// getAllChildrenNumber: how many nodes lie below a path.
    GetAllChildrenNumber {
        /// The subtree's root.
        path: String,
    },
    /// ContainerManager's internal deleteContainer (session 0); never sent by clients.
    DeleteContainer {
        /// The empty container to delete.
        path: String,
    },
    /// whoami: the identities attached to this connection.
    WhoAmI,
    /// ping: the client's heartbeat (keeps the session alive).
    Ping,
}

impl Request {
    /// A read whose answer shows the server's view of a znode — getData, getChildren(2),
    /// exists — so it may be stale on a lagging follower unless `sync` came first.
    #[must_use]
    pub fn reads_data(&self) -> bool {
        matches!(
            self,
            Request::GetData { .. }
                | Request::GetChildren { .. }
                | Request::GetChildren2 { .. }
                | Request::Exists { .. }
        )
    }

    /// What a follower forwards to the leader (FollowerRequestProcessor):
    /// create, delete, setData, setACL, multi, check, sync, createSession, closeSession.
    #[must_use]
    pub fn is_write(&self) -> bool {
        matches!(
            self,
            Request::Create { .. }
                | Request::Delete { .. }
                | Request::DeleteContainer { .. }
                | Request::SetData { .. }
                | Request::SetAcl { .. }
                | Request::Multi(_)
                | Request::Check { .. }
                | Request::Sync { .. }
                | Request::CreateSession { .. }
                | Request::CloseSession
        )
    }

    /// Whether this request becomes a transaction (and consumes a zxid): every write but sync.
    #[must_use]
    pub fn is_txn(&self) -> bool {
        self.is_write() && !matches!(self, Request::Sync { .. })
    }

    /// The request's path, if it has one.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        use Request::*;
        match self {
            Create { path, .. }
            | Delete { path, .. }
            | Exists { path, .. }
            | GetData { path, .. }
            | SetData { path, .. }
            | GetAcl { path }
            | SetAcl { path, .. }
            | GetChildren { path, .. }
            | GetChildren2 { path, .. }
            | Sync { path }
            | Check { path, .. }
            | AddWatch { path, .. }
            | RemoveWatches { path, .. }
            | GetAllChildrenNumber { path }
            | DeleteContainer { path } => Some(path),
            GetEphemerals { prefix } => Some(prefix),
            _ => None,
        }
    }

    /// The short op name used by four-letter words and traces (`FinalRequestProcessor.lastOp`
    /// style, but spelled out).
    #[must_use]
    pub fn op_name(&self) -> &'static str {
        use Request::*;
        match self {
            Create { .. } => "create",
            Delete { .. } => "delete",
            Exists { .. } => "exists",
            GetData { .. } => "getData",
            SetData { .. } => "setData",
            GetAcl { .. } => "getACL",
            SetAcl { .. } => "setACL",
            GetChildren { .. } => "getChildren",
            GetChildren2 { .. } => "getChildren2",
            Sync { .. } => "sync",
            Check { .. } => "check",
            Multi(_) => "multi",
            CreateSession { .. } => "createSession",
            CloseSession => "closeSession",
            AddAuth { .. } => "addAuth",
            AddWatch { .. } => "addWatch",
            RemoveWatches { .. } => "removeWatches",
            SetWatches { .. } => "setWatches",
            GetEphemerals { .. } => "getEphemerals",
            GetAllChildrenNumber { .. } => "getAllChildrenNumber",
            DeleteContainer { .. } => "deleteContainer",
            WhoAmI => "whoAmI",
            Ping => "ping",
        }
    }
}

/// One sub-result of a multi (`OpResult`): `ErrorResult` carries the code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpResult {
    /// `CreateResult`: the created path (with its sequence suffix) and, for create2, its stat.
    Create {
        /// The actual path created (sequential nodes carry their 10-digit counter).
        path: String,
        /// The new node's stat (only for the create2 form).
        stat: Option<Stat>,
    },
    /// `DeleteResult`.
    Delete,
    /// `SetDataResult`: the node's stat after the write.
    SetData {
        /// The node's stat after the write.
        stat: Stat,
    },
    /// `CheckResult`: the version check passed.
    Check,
    /// `ErrorResult`: this op failed (or was rolled back) with this code.
    Error(Code),
}

impl OpResult {
    /// The op's result code (`ZOK` except for `Error`).
    #[must_use]
    pub fn code(&self) -> Code {
        match self {
            OpResult::Error(c) => *c,
            _ => Code::Ok,
        }
    }
}

/// The body of a reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResponseBody {
    /// No body (delete, setACL, closeSession, …).
    Empty,
    /// create2: the actual path (sequential suffix) and the new node's stat.
    Create {
        /// The actual path created.
        path: String,
        /// The new node's stat.
        stat: Stat,
    },
    /// A stat alone (exists, setData).
    Stat(Stat),
    /// getData's answer.
    Data {
        /// The node's data (`None` is Java's `null`).
        data: Option<Vec<u8>>,
        /// The node's stat.
        stat: Stat,
    },
    /// getChildren's answer.
    Children {
        /// The child names, in the server's order.
        children: Vec<String>,
        /// The parent's stat (getChildren2 only).
        stat: Option<Stat>,
    },
    /// getACL's answer.
    Acl {
        /// The node's ACL list.
        acl: Vec<Acl>,
        /// The node's stat.
        stat: Stat,
    },
    /// multi's answer: one result per op.
    Multi(Vec<OpResult>),
    /// The connect response.
    Session {
        /// The session id the server assigned.
        session_id: SessionId,
        /// The negotiated session timeout, in ms.
        timeout_ms: i32,
    },
    /// sync's answer.
    Sync {
        /// The path that was named.
        path: String,
    },
    /// A list of paths (getEphemerals).
    Paths(Vec<String>),
    /// A count (getAllChildrenNumber).
    Count(i32),
    /// The connection's identities (whoami).
    Ids(Vec<Id>),
}

/// A reply: ZooKeeper's error code (`ReplyHeader.err`), the zxid it carries, and the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// The reply header's error code (`ZOK` on success).
    pub code: Code,
    /// `ReplyHeader.zxid`: the server's last processed zxid when it answered.
    pub zxid: Zxid,
    /// The body, `Empty` on error.
    pub body: ResponseBody,
}

impl Response {
    /// A successful response with this body.
    #[must_use]
    pub fn ok(body: ResponseBody) -> Response {
        Response {
            code: Code::Ok,
            zxid: Zxid::ZERO,
            body,
        }
    }

    /// A failed response with this code and no body.
    #[must_use]
    pub fn err(code: Code) -> Response {
        Response {
            code,
            zxid: Zxid::ZERO,
            body: ResponseBody::Empty,
        }
    }

    /// The reply's stat, if its body has one.
    #[must_use]
    pub fn stat(&self) -> Option<Stat> {
        match &self.body {
            ResponseBody::Create { stat, .. }
            | ResponseBody::Stat(stat)
            | ResponseBody::Data { stat, .. }
            | ResponseBody::Acl { stat, .. } => Some(*stat),
            ResponseBody::Children { stat, .. } => *stat,
            _ => None,
        }
    }
}

/// Who is asking: the session, its request counter and the connection's auth ids
/// (`Request.authInfo`, e.g. `ip:127.0.0.1`, `digest:bob:…`, `super:`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestContext {
    /// The session the request comes from.
    pub session: SessionId,
    /// The client's transaction id (`cxid`), echoed in the reply.
    pub cxid: i32,
    /// The identities the connection authenticated as (for ACL checks).
    pub auth: Vec<Id>,
}

impl RequestContext {
    /// A context for one request of `session`.
    #[must_use]
    pub fn new(session: SessionId, cxid: i32, auth: Vec<Id>) -> RequestContext {
        RequestContext {
            session,
            cxid,
            auth,
        }
    }
}
