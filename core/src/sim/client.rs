//! A simulated client's state, as the view, the checkers and the api read it: its session,
//! server, requests in flight, answers, watch events and watch record, and, for a client of
//! the library (`client C connect …`), its handle ([`Cnxn`](crate::client::Cnxn)). The code
//! that changes it is the client library (`client::ZooKeeper`); the request a client
//! operation sends is here because the command grammar and the api share it.

use crate::ids::{ServerId, SessionId};
use crate::sim::chunked::Chunked;
use crate::sim::command::ClientOp;
use crate::time::SimTime;
use crate::zab::server::replica::{Request, Response};
use crate::zk::acl::Acl;
use crate::zk::request::CreateMode;
use crate::zk::watch::WatchedEvent;
use crate::zk::watch::{ClientWatches, WatchReg};
use crate::zxid::Zxid;
use std::collections::BTreeMap;

/// The outcome of one client request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientResult {
    pub cxid: i32,
    pub op: String,
    pub issued: SimTime,
    pub answered: SimTime,
    /// `None` when the client gave up (its timeout passed without an answer).
    pub response: Option<Response>,
}

/// Answers a client keeps (older ones are dropped).
pub const KEEP_RESULTS: usize = 1024;

/// One simulated client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client {
    pub name: String,
    pub server: ServerId,
    pub session: SessionId,
    pub timeout_ms: u64,
    pub next_cxid: i32,
    /// Requests in flight: when issued, what, and the agenda key of their timeout.
    pub outstanding: BTreeMap<i32, (SimTime, String, (SimTime, u64))>,
    /// The newest [`KEEP_RESULTS`] answers, oldest first (chunks shared between checkpoints).
    pub results: Chunked<ClientResult>,
    /// Watch events received, in order.
    pub events: Vec<WatchedEvent>,
    /// `ClientCnxn.lastZxid`: the newest zxid of any reply (sent on reconnect).
    pub last_zxid: Zxid,
    /// Why the last server refused a reconnect (`move`), if it did.
    pub refused: Option<String>,
    /// `ClientCnxn.authInfo`: every `addAuth` sent, re-sent on reconnect (primeConnection).
    pub auth_info: Vec<(String, Vec<u8>)>,
    /// ZKWatchManager: the watches to re-register on reconnect, and those awaiting answers.
    pub watches: ClientWatches,
    pub watch_regs: BTreeMap<i32, WatchReg>,
    /// The client library (`client C connect …`); `None` for `connect C N` clients, which
    /// stay on their one server.
    pub zk: Option<Box<crate::client::Cnxn>>,
}

impl Client {
    /// Keep an answer, dropping the oldest past [`KEEP_RESULTS`].
    pub(crate) fn remember(&mut self, r: ClientResult) {
        if self.results.len() >= KEEP_RESULTS {
            self.results.drop_front(1);
        }
        self.results.push_back(r);
    }

    /// A client with nothing sent or received yet.
    #[must_use]
    pub fn new(
        name: &str,
        server: ServerId,
        session: SessionId,
        timeout_ms: u64,
        zk: Option<Box<crate::client::Cnxn>>,
    ) -> Self {
        Client {
            name: name.to_string(),
            server,
            session,
            timeout_ms,
            next_cxid: 1,
            outstanding: BTreeMap::new(),
            results: Chunked::new(),
            events: Vec::new(),
            last_zxid: Zxid::ZERO,
            refused: None,
            auth_info: Vec::new(),
            watches: ClientWatches::default(),
            watch_regs: BTreeMap::new(),
            zk,
        }
    }
}

/// The request a client operation sends (`None` for `die`, which sends nothing).
#[must_use]
pub fn request_of(op: &ClientOp) -> Option<Request> {
    let bytes = |d: &String| Some(d.clone().into_bytes());
    Some(match op {
        ClientOp::Create {
            path,
            data,
            ephemeral,
        } => Request::Create {
            path: path.clone(),
            data: bytes(data),
            acl: Acl::open_unsafe(),
            mode: if *ephemeral {
                CreateMode::Ephemeral
            } else {
                CreateMode::Persistent
            },
            ttl: -1,
        },
        ClientOp::Set { path, data } => Request::SetData {
            path: path.clone(),
            data: bytes(data),
            version: -1,
        },
        ClientOp::Get { path } => Request::GetData {
            path: path.clone(),
            watch: false,
        },
        ClientOp::Delete { path } => Request::Delete {
            path: path.clone(),
            version: -1,
        },
        ClientOp::Sync { path } => Request::Sync { path: path.clone() },
        ClientOp::Close => Request::CloseSession,
        ClientOp::Die => return None,
    })
}

/// The error code of a response (0 = OK).
#[must_use]
pub fn response_code(r: &Response) -> i32 {
    r.code.value()
}
