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
    Persistent,
    Ephemeral,
    PersistentSequential,
    EphemeralSequential,
    Container,
    PersistentWithTtl,
    PersistentSequentialWithTtl,
}

impl CreateMode {
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

    #[must_use]
    pub const fn is_ephemeral(self) -> bool {
        matches!(
            self,
            CreateMode::Ephemeral | CreateMode::EphemeralSequential
        )
    }

    #[must_use]
    pub const fn is_sequential(self) -> bool {
        matches!(
            self,
            CreateMode::PersistentSequential
                | CreateMode::EphemeralSequential
                | CreateMode::PersistentSequentialWithTtl
        )
    }

    #[must_use]
    pub const fn is_container(self) -> bool {
        matches!(self, CreateMode::Container)
    }

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
    Persistent,
    PersistentRecursive,
}

/// `Watcher.WatcherType` for removeWatches: Children 1, Data 2, Any 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WatcherType {
    Children,
    Data,
    Any,
}

/// A client request (the record after the RequestHeader).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// create / create2 / createContainer / createTTL; `ttl` is −1 unless a TTL mode.
    Create {
        path: String,
        /// `None` is Java's `null` data (zkCli `create /a` without data; `get` prints `null`).
        data: Option<Vec<u8>>,
        acl: Vec<Acl>,
        mode: CreateMode,
        ttl: i64,
    },
    Delete {
        path: String,
        version: i32,
    },
    Exists {
        path: String,
        watch: bool,
    },
    GetData {
        path: String,
        watch: bool,
    },
    SetData {
        path: String,
        data: Option<Vec<u8>>,
        version: i32,
    },
    GetAcl {
        path: String,
    },
    SetAcl {
        path: String,
        acl: Vec<Acl>,
        version: i32,
    },
    GetChildren {
        path: String,
        watch: bool,
    },
    /// getChildren2: children plus the parent's stat.
    GetChildren2 {
        path: String,
        watch: bool,
    },
    Sync {
        path: String,
    },
    /// CheckVersion (in multi).
    Check {
        path: String,
        version: i32,
    },
    Multi(Vec<Request>),
    /// The connect request; the session id is chosen by the SessionTracker beforehand.
    CreateSession {
        timeout_ms: i32,
    },
    CloseSession,
    AddAuth {
        scheme: String,
        auth: Vec<u8>,
    },
    AddWatch {
        path: String,
        mode: AddWatchMode,
    },
    RemoveWatches {
        path: String,
        watcher_type: WatcherType,
    },
    /// Re-registration after reconnect (SetWatches2) with the last zxid the client saw.
    SetWatches {
        relative_zxid: Zxid,
        data: Vec<String>,
        exist: Vec<String>,
        child: Vec<String>,
        persistent: Vec<String>,
        persistent_recursive: Vec<String>,
    },
    GetEphemerals {
        prefix: String,
    },
    GetAllChildrenNumber {
        path: String,
    },
    /// ContainerManager's internal deleteContainer (session 0); never sent by clients.
    DeleteContainer {
        path: String,
    },
    WhoAmI,
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
    Create { path: String, stat: Option<Stat> },
    Delete,
    SetData { stat: Stat },
    Check,
    Error(Code),
}

impl OpResult {
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
    Empty,
    /// create2: the actual path (sequential suffix) and the new node's stat.
    Create {
        path: String,
        stat: Stat,
    },
    Stat(Stat),
    Data {
        data: Option<Vec<u8>>,
        stat: Stat,
    },
    Children {
        children: Vec<String>,
        stat: Option<Stat>,
    },
    Acl {
        acl: Vec<Acl>,
        stat: Stat,
    },
    Multi(Vec<OpResult>),
    Session {
        session_id: SessionId,
        timeout_ms: i32,
    },
    Sync {
        path: String,
    },
    Paths(Vec<String>),
    Count(i32),
    Ids(Vec<Id>),
}

/// A reply: ZooKeeper's error code (`ReplyHeader.err`), the zxid it carries, and the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub code: Code,
    /// `ReplyHeader.zxid`: the server's last processed zxid when it answered.
    pub zxid: Zxid,
    pub body: ResponseBody,
}

impl Response {
    #[must_use]
    pub fn ok(body: ResponseBody) -> Response {
        Response {
            code: Code::Ok,
            zxid: Zxid::ZERO,
            body,
        }
    }

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
    pub session: SessionId,
    pub cxid: i32,
    pub auth: Vec<Id>,
}

impl RequestContext {
    #[must_use]
    pub fn new(session: SessionId, cxid: i32, auth: Vec<Id>) -> RequestContext {
        RequestContext {
            session,
            cxid,
            auth,
        }
    }
}
