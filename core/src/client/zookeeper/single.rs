//! Single-server clients (`connect C N`): a named session bound to one server, without the
//! library's connect string. Requests go to that server at once (the client sits next to it);
//! requests the server cannot answer yet wait there, in simulated time, up to the client's
//! timeout, after which the client reports ConnectionLoss. `move C N` takes the session to
//! another server by hand, as ClientCnxn does when its connection breaks (it tries the next
//! host with the same session id, password and `lastZxidSeen`): the old connection is
//! closed; the new server refuses a client that is ahead of it, otherwise revalidates the
//! session with the leader. The answer comes back as the reply to cxid 0.
//!
//! Replies and watch events for every session arrive here first; those of a library handle
//! go on to [`ZooKeeper::reply`] and [`ZooKeeper::watch`].

use super::{ZooKeeper, handle_of_session};
use crate::client::host::{Host, ServerSide};
use crate::ids::{ServerId, SessionId};
use crate::sim::client::{Client, ClientResult, request_of, response_code};
use crate::sim::command::{ClientOp, ZkAction};
use crate::sim::trace::EventKind;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response};
use crate::zk::code::Code;
use crate::zk::watch::{WatchReg, WatchedEvent};
use crate::zxid::Zxid;

/// `ClientCnxn.SET_WATCHES_XID`.
pub(crate) const SET_WATCHES_XID: i32 = -8;

impl<H: Host + ?Sized> ZooKeeper<'_, H> {
    /// `connect NAME SERVER`: a session created through `server` (its SessionTracker picks
    /// the id; the createSession txn commits through ZAB).
    pub(crate) fn connect_single(&mut self, name: &str, server: ServerId, timeout_ms: u64) {
        let Some(side) = self.h.server(server, SessionId(0)) else {
            return;
        };
        let asked = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
        let now = self.h.now();
        let mut out = Outbox::new();
        let made = match side {
            ServerSide::Up(_) => Some(self.h.connect(server, asked, &mut out)),
            _ => None,
        };
        let (session, timeout) = made.unwrap_or((SessionId(0), asked));
        let timeout = u64::try_from(timeout).unwrap_or(0);
        let client = Client::new(name, server, session, timeout, None);
        let clients = self.h.clients_mut();
        let idx = match clients.iter().position(|c| c.name == name) {
            Some(i) => {
                clients[i] = client;
                i
            }
            None => {
                clients.push(client);
                clients.len() - 1
            }
        };
        self.h.trace(
            EventKind::ClientRequest {
                session,
                cxid: 0,
                op: "createSession".into(),
            },
            None,
            Some(server),
        );
        let key = self.h.set_timeout(now.plus_ms(timeout), idx, 0);
        let c = &mut self.h.clients_mut()[idx];
        c.outstanding
            .insert(0, (now, "createSession".to_string(), key));
        if made.is_none() {
            // Connection refused: nobody listens on that client port.
            return self.reply_to_session(
                server,
                session,
                0,
                Zxid::ZERO,
                &Response::err(Code::ConnectionLoss),
            );
        }
        self.h.deliver(server, &mut out);
    }

    /// A client operation through the client's server (or its library handle).
    pub(crate) fn op(&mut self, name: &str, op: &ClientOp) {
        let Some(idx) = self.h.clients().iter().position(|c| c.name == name) else {
            return;
        };
        if self.h.clients()[idx].zk.is_some() {
            return match (op, request_of(op)) {
                (ClientOp::Close, _) => self.command(name, ZkAction::Close),
                (_, Some(req)) => self.submit(idx, req, None),
                (_, None) => self.command(name, ZkAction::Crash),
            };
        }
        match request_of(op) {
            Some(req) => self.issue(idx, req, op_name(op)),
            None => {
                let (server, session) =
                    (self.h.clients()[idx].server, self.h.clients()[idx].session);
                self.h.disconnect(server, session);
            }
        }
    }

    /// Any request through the client's server (or its library handle).
    pub(crate) fn request(&mut self, name: &str, request: Request) {
        let Some(idx) = self.h.clients().iter().position(|c| c.name == name) else {
            return;
        };
        if self.h.clients()[idx].zk.is_some() {
            return self.submit(idx, request, None);
        }
        let op = request.op_name().to_string();
        self.issue(idx, request, op);
    }

    fn issue(&mut self, idx: usize, request: Request, op: String) {
        let now = self.h.now();
        let c = &mut self.h.clients_mut()[idx];
        if let Request::AddAuth { scheme, auth } = &request {
            c.auth_info.push((scheme.clone(), auth.clone()));
        }
        if let Some(reg) = WatchReg::of(&request) {
            c.watch_regs.insert(c.next_cxid, reg);
        }
        let cxid = c.next_cxid;
        c.next_cxid += 1;
        let (session, server, timeout) = (c.session, c.server, c.timeout_ms);
        self.h.trace(
            EventKind::ClientRequest {
                session,
                cxid,
                op: op.clone(),
            },
            None,
            Some(server),
        );
        let key = self.h.set_timeout(now.plus_ms(timeout), idx, cxid);
        self.h.clients_mut()[idx]
            .outstanding
            .insert(cxid, (now, op, key));
        match self.h.server(server, session) {
            None => {}
            Some(ServerSide::Up(_)) => self.h.request(server, session, cxid, request),
            // A paused server never reads the request.
            Some(ServerSide::Paused(_)) => {}
            // A dead one refuses the connection.
            Some(ServerSide::Down) => self.reply_to_session(
                server,
                session,
                cxid,
                Zxid::ZERO,
                &Response::err(Code::ConnectionLoss),
            ),
        }
    }

    /// A reply from `server` reached the client of `session`.
    pub(crate) fn reply_to_session(
        &mut self,
        server: ServerId,
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
    ) {
        if let Some(idx) = handle_of_session(self.h.clients(), session) {
            return self.reply(idx, server, cxid, zxid, r);
        }
        let answered = self.h.now();
        // Only the client's current connection carries replies: once it moved its session to
        // another server, the old connection is closed and what that server still sends on it
        // never arrives (and must not move `lastZxid`: fuzz seed 806, MonotonicReads).
        let Some(c) = self
            .h
            .clients_mut()
            .iter_mut()
            .find(|c| c.session == session && c.server == server)
        else {
            return;
        };
        let Some((issued, op, key)) = c.outstanding.remove(&cxid) else {
            return;
        };
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
        self.h.cancel(key);
        self.h.trace(
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
            self.resend_watches(session);
        }
    }

    /// A watch event from `server` reached the client of `session`.
    pub(crate) fn watch_for_session(
        &mut self,
        server: ServerId,
        session: SessionId,
        event: &WatchedEvent,
    ) {
        if let Some(idx) = handle_of_session(self.h.clients(), session) {
            return self.watch(idx, server, event);
        }
        let text = event.to_java_string();
        if let Some(c) = self
            .h
            .clients_mut()
            .iter_mut()
            .find(|c| c.session == session)
        {
            c.events.push(event.clone());
            c.watches.materialize(event);
        }
        self.h.trace(
            EventKind::Watch {
                session,
                event: text,
            },
            Some(server),
            None,
        );
    }

    /// Request `cxid` of client `idx` got no answer within the client's timeout.
    pub(crate) fn request_timeout(&mut self, idx: usize, cxid: i32) {
        let now = self.h.now();
        let Some(c) = self.h.clients_mut().get_mut(idx) else {
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
            answered: now,
            response: None,
        });
        self.h.trace(
            EventKind::ClientTimeout { session, cxid },
            None,
            Some(server),
        );
        self.h.cancel_request(server, session, cxid);
    }

    /// `move C N`: the session reconnects through `server`.
    pub(crate) fn move_to(&mut self, name: &str, server: ServerId) {
        let Some(idx) = self.h.clients().iter().position(|c| c.name == name) else {
            return;
        };
        if self.h.server(server, SessionId(0)).is_none() {
            return;
        }
        let c = &self.h.clients()[idx];
        let (old, session, last, timeout) = (c.server, c.session, c.last_zxid, c.timeout_ms);
        if session == SessionId(0) {
            return self.connect_anew(idx, name, server, timeout);
        }
        let auth = c.auth_info.clone();
        self.h.drop_connection(old, session);
        self.h.trace(
            EventKind::ClientRequest {
                session,
                cxid: 0,
                op: "reconnect".into(),
            },
            None,
            Some(server),
        );
        let now = self.h.now();
        let key = self.h.set_timeout(now.plus_ms(timeout), idx, 0);
        let c = &mut self.h.clients_mut()[idx];
        c.server = server;
        c.refused = None;
        if let Some((_, _, stale)) = c.outstanding.insert(0, (now, "reconnect".into(), key)) {
            self.h.cancel(stale);
        }
        // ClientCnxn.cleanup: the old connection is gone, so every request still pending on
        // it fails with CONNECTIONLOSS now; an answer the old server sends later never arrives.
        let pending: Vec<i32> = self.h.clients()[idx]
            .outstanding
            .keys()
            .copied()
            .filter(|x| *x != 0)
            .collect();
        for cxid in pending {
            let r = Response::err(Code::ConnectionLoss);
            self.reply_to_session(server, session, cxid, Zxid::ZERO, &r);
        }
        let Some(side) = self.h.server(server, session) else {
            return;
        };
        let mut out = Outbox::new();
        let answer = match side {
            ServerSide::Up(_) => self.h.reconnect(server, session, last, &auth, &mut out),
            // A paused server accepts the TCP connection but never answers.
            ServerSide::Paused(_) => return,
            ServerSide::Down => Err("connection refused".to_string()),
        };
        match answer {
            Ok(()) => self.h.deliver(server, &mut out),
            Err(why) => {
                self.h.clients_mut()[idx].refused = Some(why);
                let r = Response::err(Code::ConnectionLoss);
                self.reply_to_session(server, session, 0, Zxid::ZERO, &r);
            }
        }
    }

    /// `move C N` for a client whose session was never established (its server was paused or
    /// down when it connected): ClientCnxn.primeConnection sends a ConnectRequest with
    /// sessionId 0, so the new server creates a new session — there is nothing to reconnect.
    /// The pending createSession is abandoned (its timer cancelled) and every other pending
    /// request fails with CONNECTIONLOSS, as ClientCnxn.cleanup does.
    fn connect_anew(&mut self, idx: usize, name: &str, server: ServerId, timeout: u64) {
        let old = self.h.clients()[idx].server;
        if let Some((_, _, key)) = self.h.clients_mut()[idx].outstanding.remove(&0) {
            self.h.cancel(key);
        }
        let pending: Vec<i32> = self.h.clients()[idx].outstanding.keys().copied().collect();
        for cxid in pending {
            let r = Response::err(Code::ConnectionLoss);
            self.reply(idx, old, cxid, Zxid::ZERO, &r);
        }
        self.connect_single(name, server, timeout);
    }

    /// The reconnect succeeded: the client re-registers its watches with the last zxid it saw
    /// (ClientCnxn.primeConnection → SetWatches, xid −8); the server fires at once those whose
    /// node changed since and keeps the rest (DataTree.setWatches).
    pub(super) fn resend_watches(&mut self, session: SessionId) {
        let Some(c) = self.h.clients().iter().find(|c| c.session == session) else {
            return;
        };
        let Some(req) = c.watches.set_watches(c.last_zxid) else {
            return;
        };
        let server = c.server;
        if let Some(ServerSide::Up(_)) = self.h.server(server, session) {
            self.h.request(server, session, SET_WATCHES_XID, req);
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
