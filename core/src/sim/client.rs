//! Simulated clients: a named session bound to one server. Requests go to that server at once
//! (the client sits next to it); requests the server cannot answer yet wait there, in simulated
//! time, up to the client's timeout, after which the client reports ConnectionLoss.

use crate::ids::{ServerId, SessionId};
use crate::server::CONNECTION_LOSS;
use crate::server::replica::{Request, Response};
use crate::sim::command::ClientOp;
use crate::sim::kernel::{Item, Kernel, Status};
use crate::time::SimTime;
use crate::trace::EventKind;
use crate::zxid::Zxid;
use std::collections::BTreeMap;

/// The outcome of one client request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientResult {
    pub cxid: i32,
    pub op: String,
    pub issued: SimTime,
    pub answered: SimTime,
    /// `None` when the client gave up (timeout / connection loss before any answer).
    pub zxid: Option<Zxid>,
    pub response: Option<Response>,
}

/// One simulated client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client {
    pub name: String,
    pub server: ServerId,
    pub session: SessionId,
    pub timeout_ms: u64,
    pub next_cxid: i32,
    pub outstanding: BTreeMap<i32, (SimTime, String)>,
    pub results: Vec<ClientResult>,
}

/// The request a client operation sends.
#[must_use]
pub fn request_of(op: &ClientOp) -> Request {
    match op {
        ClientOp::Create { path, data } => Request::Create {
            path: path.clone(),
            data: data.clone().into_bytes(),
        },
        ClientOp::Set { path, data } => Request::SetData {
            path: path.clone(),
            data: data.clone().into_bytes(),
        },
        ClientOp::Get { path } => Request::GetData { path: path.clone() },
        ClientOp::Sync { path } => Request::Sync { path: path.clone() },
        ClientOp::Close => Request::CloseSession,
    }
}

/// The error code of a response (0 = OK).
#[must_use]
pub fn response_code(r: &Response) -> i32 {
    match r {
        Response::Error(e) => *e,
        _ => 0,
    }
}

impl Kernel {
    /// `connect NAME SERVER`: a new session created through `server` (createSession txn).
    pub(crate) fn connect(&mut self, name: &str, server: ServerId, timeout_ms: u64) {
        let Some(slot) = self.slot(server) else {
            return;
        };
        let session = self.new_session(slot);
        let timeout = self.config.negotiate_session_timeout(timeout_ms);
        let client = Client {
            name: name.to_string(),
            server,
            session,
            timeout_ms: timeout,
            next_cxid: 0,
            outstanding: BTreeMap::new(),
            results: Vec::new(),
        };
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
        self.issue(
            idx,
            Request::CreateSession { timeout },
            "createSession".to_string(),
        );
    }

    /// A client operation through the client's server.
    pub(crate) fn client_op(&mut self, name: &str, op: &ClientOp) {
        let Some(idx) = self.clients.iter().position(|c| c.name == name) else {
            return;
        };
        self.issue(idx, request_of(op), op_name(op));
    }

    fn issue(&mut self, idx: usize, request: Request, op: String) {
        let c = &mut self.clients[idx];
        let cxid = c.next_cxid;
        c.next_cxid += 1;
        let (session, server, timeout) = (c.session, c.server, c.timeout_ms);
        c.outstanding.insert(cxid, (self.now, op.clone()));
        self.event(
            EventKind::ClientRequest { session, cxid, op },
            None,
            Some(server),
        );
        self.schedule(
            self.now.plus_ms(timeout),
            Item::ClientTimeout { client: idx, cxid },
        );
        let Some(slot) = self.slot(server) else {
            return;
        };
        if !matches!(self.nodes[slot].status, Status::Up | Status::Paused) {
            // Connection refused: the client sees ConnectionLoss now.
            return self.client_reply(
                server,
                session,
                cxid,
                Zxid::ZERO,
                &Response::Error(CONNECTION_LOSS),
            );
        }
        let now = self.now;
        let mut out = crate::server::outbox::Outbox::new();
        if let Some(s) = self.nodes[slot].server.as_mut() {
            s.handle_client(now, session, cxid, request, &mut out);
        }
        self.process(slot, &mut out);
    }

    /// A reply reached its client.
    pub(crate) fn client_reply(
        &mut self,
        server: crate::ids::ServerId,
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
    ) {
        let Some(c) = self.clients.iter_mut().find(|c| c.session == session) else {
            return;
        };
        let Some((issued, op)) = c.outstanding.remove(&cxid) else {
            return;
        };
        c.results.push(ClientResult {
            cxid,
            op,
            issued,
            answered: self.now,
            zxid: Some(zxid),
            response: Some(r.clone()),
        });
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
    }

    pub(crate) fn client_timeout(&mut self, idx: usize, cxid: i32) {
        let Some(c) = self.clients.get_mut(idx) else {
            return;
        };
        let Some((issued, op)) = c.outstanding.remove(&cxid) else {
            return;
        };
        let (session, server) = (c.session, c.server);
        c.results.push(ClientResult {
            cxid,
            op,
            issued,
            answered: self.now,
            zxid: None,
            response: None,
        });
        self.event(
            EventKind::ClientTimeout { session, cxid },
            None,
            Some(server),
        );
        if let Some(slot) = self.slot(server) {
            if let Some(s) = self.nodes[slot].server.as_mut() {
                s.cancel_client(session, cxid);
            }
        }
    }
}

fn op_name(op: &ClientOp) -> String {
    match op {
        ClientOp::Create { path, .. } => format!("create {path}"),
        ClientOp::Set { path, .. } => format!("setData {path}"),
        ClientOp::Get { path } => format!("getData {path}"),
        ClientOp::Sync { path } => format!("sync {path}"),
        ClientOp::Close => "closeSession".to_string(),
    }
}
