//! Simulated clients: a named session bound to one server. Requests go to that server at once
//! (the client sits next to it); requests the server cannot answer yet wait there, in simulated
//! time, up to the client's timeout, after which the client reports ConnectionLoss.

use crate::ids::{ServerId, SessionId};
use crate::sim::chunked::Chunked;
use crate::sim::command::ClientOp;
use crate::sim::kernel::{Item, Kernel, Status};
use crate::sim::trace::EventKind;
use crate::time::SimTime;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response};
use crate::zk::acl::Acl;
use crate::zk::code::Code;
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

impl Kernel {
    /// `connect NAME SERVER`: a session created through `server` (its SessionTracker picks
    /// the id; the createSession txn commits through ZAB).
    pub(crate) fn connect(&mut self, name: &str, server: ServerId, timeout_ms: u64) {
        let Some(slot) = self.slot(server) else {
            return;
        };
        let asked = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
        let now = self.now;
        let mut out = Outbox::new();
        let running = self.nodes[slot].status == Status::Up;
        let made = match self.nodes[slot].server.as_mut() {
            Some(s) if running => Some(s.connect(now, asked, &mut out)),
            _ => None,
        };
        let (session, timeout) = made.unwrap_or((SessionId(0), asked));
        let timeout = u64::try_from(timeout).unwrap_or(0);
        let client = Client::new(name, server, session, timeout, None);
        let idx = match self.clients.iter().position(|c| c.name == name) {
            Some(i) => {
                self.clients[i] = client;
                i
            }
            None => {
                self.clients.push(client);
                self.clients.len() - 1
            }
        };
        self.event(
            EventKind::ClientRequest {
                session,
                cxid: 0,
                op: "createSession".into(),
            },
            None,
            Some(server),
        );
        let key = self.schedule(
            now.plus_ms(timeout),
            Item::ClientTimeout {
                client: idx,
                cxid: 0,
            },
        );
        let c = &mut self.clients[idx];
        c.outstanding
            .insert(0, (now, "createSession".to_string(), key));
        if made.is_none() {
            // Connection refused: nobody listens on that client port.
            return self.client_reply(
                server,
                session,
                0,
                Zxid::ZERO,
                &Response::err(Code::ConnectionLoss),
            );
        }
        self.process(slot, &mut out);
    }

    /// A client operation through the client's server.
    pub(crate) fn client_op(&mut self, name: &str, op: &ClientOp) {
        let Some(idx) = self.clients.iter().position(|c| c.name == name) else {
            return;
        };
        if self.clients[idx].zk.is_some() {
            return match (op, request_of(op)) {
                (ClientOp::Close, _) => self
                    .zk()
                    .command(name, crate::sim::command::ZkAction::Close),
                (_, Some(req)) => self.zk().submit(idx, req, None),
                (_, None) => self
                    .zk()
                    .command(name, crate::sim::command::ZkAction::Crash),
            };
        }
        match request_of(op) {
            Some(req) => self.issue(idx, req, op_name(op)),
            None => {
                let (server, session) = (self.clients[idx].server, self.clients[idx].session);
                if let Some(s) = self
                    .slot(server)
                    .and_then(|i| self.nodes[i].server.as_mut())
                {
                    s.disconnect(session);
                }
            }
        }
    }

    /// Any request through the client's server.
    pub(crate) fn client_request(&mut self, name: &str, request: Request) {
        let Some(idx) = self.clients.iter().position(|c| c.name == name) else {
            return;
        };
        if self.clients[idx].zk.is_some() {
            return self.zk().submit(idx, request, None);
        }
        let op = request.op_name().to_string();
        self.issue(idx, request, op);
    }

    fn issue(&mut self, idx: usize, request: Request, op: String) {
        let c = &mut self.clients[idx];
        if let Request::AddAuth { scheme, auth } = &request {
            c.auth_info.push((scheme.clone(), auth.clone()));
        }
        if let Some(reg) = WatchReg::of(&request) {
            c.watch_regs.insert(c.next_cxid, reg);
        }
        let cxid = c.next_cxid;
        c.next_cxid += 1;
        let (session, server, timeout) = (c.session, c.server, c.timeout_ms);
        self.event(
            EventKind::ClientRequest {
                session,
                cxid,
                op: op.clone(),
            },
            None,
            Some(server),
        );
        let key = self.schedule(
            self.now.plus_ms(timeout),
            Item::ClientTimeout { client: idx, cxid },
        );
        self.clients[idx]
            .outstanding
            .insert(cxid, (self.now, op, key));
        let Some(slot) = self.slot(server) else {
            return;
        };
        if self.nodes[slot].status != Status::Up {
            // A paused server never reads the request; a dead one refuses the connection.
            if self.nodes[slot].status != Status::Paused {
                self.client_reply(
                    server,
                    session,
                    cxid,
                    Zxid::ZERO,
                    &Response::err(Code::ConnectionLoss),
                );
            }
            return;
        }
        let now = self.now;
        let mut out = Outbox::new();
        if let Some(s) = self.nodes[slot].server.as_mut() {
            s.handle_client(now, session, cxid, request, &mut out);
        }
        self.process(slot, &mut out);
    }

    /// A reply reached its client.
    pub(crate) fn client_reply(
        &mut self,
        server: ServerId,
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
    ) {
        if let Some(idx) = crate::client::handle_of_session(&self.clients, session) {
            return self.zk().reply(idx, server, cxid, zxid, r);
        }
        // Only the client's current connection carries replies: once it moved its session to
        // another server, the old connection is closed and what that server still sends on it
        // never arrives (and must not move `lastZxid`: fuzz seed 806, MonotonicReads).
        let Some(c) = self
            .clients
            .iter_mut()
            .find(|c| c.session == session && c.server == server)
        else {
            return;
        };
        let Some((issued, op, key)) = c.outstanding.remove(&cxid) else {
            return;
        };
        let answered = self.now;
        if cxid != 0 {
            // A ConnectResponse carries no zxid header: only replies move lastZxid.
            c.last_zxid = c.last_zxid.max(zxid);
        }
        if let Some(reg) = c.watch_regs.remove(&cxid) {
            c.watches.answered(reg, r.code);
        }
        let reconnected = cxid == 0 && op == "reconnect" && r.code.is_ok();
        c.remember(ClientResult {
            cxid,
            op,
            issued,
            answered,
            response: Some(r.clone()),
        });
        self.agenda.remove(&key);
        self.event(
            EventKind::ClientReply {
                session,
                cxid,
                zxid,
                err: response_code(r),
            },
            Some(server),
            None,
        );
        if reconnected {
            self.set_watches_after_reconnect(session);
        }
    }

    /// A watch event reached its client.
    pub(crate) fn client_watch(
        &mut self,
        server: ServerId,
        session: SessionId,
        event: &WatchedEvent,
    ) {
        if let Some(idx) = crate::client::handle_of_session(&self.clients, session) {
            return self.zk().watch(idx, server, event);
        }
        let text = event.to_java_string();
        if let Some(c) = self.clients.iter_mut().find(|c| c.session == session) {
            c.events.push(event.clone());
            c.watches.materialize(event);
        }
        self.event(
            EventKind::Watch {
                session,
                event: text,
            },
            Some(server),
            None,
        );
    }

    pub(crate) fn client_timeout(&mut self, idx: usize, cxid: i32) {
        let Some(c) = self.clients.get_mut(idx) else {
            return;
        };
        let Some((issued, op, _)) = c.outstanding.remove(&cxid) else {
            return;
        };
        c.watch_regs.remove(&cxid);
        let (session, server) = (c.session, c.server);
        c.remember(ClientResult {
            cxid,
            op,
            issued,
            answered: self.now,
            response: None,
        });
        self.event(
            EventKind::ClientTimeout { session, cxid },
            None,
            Some(server),
        );
        if let Some(s) = self
            .slot(server)
            .and_then(|i| self.nodes[i].server.as_mut())
        {
            s.cancel_client(session, cxid);
        }
    }
}

fn op_name(op: &ClientOp) -> String {
    match op {
        ClientOp::Create { path, .. } => format!("create {path}"),
        ClientOp::Set { path, .. } => format!("setData {path}"),
        ClientOp::Get { path } => format!("getData {path}"),
        ClientOp::Delete { path } => format!("delete {path}"),
        ClientOp::Sync { path } => format!("sync {path}"),
        ClientOp::Close => "closeSession".to_string(),
        ClientOp::Die => "die".to_string(),
    }
}
