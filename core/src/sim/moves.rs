//! `move C N`: a client takes its session to another server, as ZooKeeper's ClientCnxn does
//! when its connection breaks (it tries the next host of its connect string with the same
//! session id, password and `lastZxidSeen`). The old connection is closed; the new server
//! refuses the client if it is behind it, otherwise revalidates the session with the leader
//! (`server::session_move`). The answer comes back as the reply to cxid 0.

use crate::ids::ServerId;
use crate::sim::kernel::{Item, Kernel, Status};
use crate::sim::trace::EventKind;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::Response;
use crate::zk::code::Code;
use crate::zxid::Zxid;

impl Kernel {
    pub(crate) fn move_client(&mut self, name: &str, server: ServerId) {
        let Some(idx) = self.clients.iter().position(|c| c.name == name) else {
            return;
        };
        let Some(slot) = self.slot(server) else {
            return;
        };
        let c = &self.clients[idx];
        let (old, session, last, timeout) = (c.server, c.session, c.last_zxid, c.timeout_ms);
        let auth = c.auth_info.clone();
        if let Some(s) = self.slot(old).and_then(|i| self.nodes[i].server.as_mut()) {
            s.drop_connection(session);
        }
        self.event(
            EventKind::ClientRequest {
                session,
                cxid: 0,
                op: "reconnect".into(),
            },
            None,
            Some(server),
        );
        let key = self.schedule(
            self.now.plus_ms(timeout),
            Item::ClientTimeout {
                client: idx,
                cxid: 0,
            },
        );
        let c = &mut self.clients[idx];
        c.server = server;
        c.refused = None;
        if let Some((_, _, stale)) = c.outstanding.insert(0, (self.now, "reconnect".into(), key)) {
            self.agenda.remove(&stale);
        }
        // ClientCnxn.cleanup: the old connection is gone, so every request still pending on
        // it fails with CONNECTIONLOSS now; an answer the old server sends later never arrives.
        let pending: Vec<i32> = c.outstanding.keys().copied().filter(|x| *x != 0).collect();
        for cxid in pending {
            let r = Response::err(Code::ConnectionLoss);
            self.client_reply(server, session, cxid, Zxid::ZERO, &r);
        }
        let status = self.nodes[slot].status;
        let now = self.now;
        let mut out = Outbox::new();
        let answer = match self.nodes[slot].server.as_mut() {
            Some(s) if status == Status::Up => s.reconnect(now, session, last, &auth, &mut out),
            // A paused server accepts the TCP connection but never answers.
            _ if status == Status::Paused => return,
            _ => Err("connection refused".to_string()),
        };
        match answer {
            Ok(()) => self.process(slot, &mut out),
            Err(why) => {
                self.clients[idx].refused = Some(why);
                let r = Response::err(Code::ConnectionLoss);
                self.client_reply(server, session, 0, Zxid::ZERO, &r);
            }
        }
    }

    /// The reconnect succeeded: the client re-registers its watches with the last zxid it saw
    /// (ClientCnxn.primeConnection → SetWatches, xid −8); the server fires at once those whose
    /// node changed since and keeps the rest (DataTree.setWatches).
    pub(crate) fn set_watches_after_reconnect(&mut self, session: crate::ids::SessionId) {
        let Some(c) = self.clients.iter().find(|c| c.session == session) else {
            return;
        };
        let Some(req) = c.watches.set_watches(c.last_zxid) else {
            return;
        };
        let Some(slot) = self.slot(c.server) else {
            return;
        };
        if self.nodes[slot].status != Status::Up {
            return;
        }
        let now = self.now;
        let mut out = Outbox::new();
        if let Some(s) = self.nodes[slot].server.as_mut() {
            s.handle_client(now, session, SET_WATCHES_XID, req, &mut out);
        }
        self.process(slot, &mut out);
    }
}

/// `ClientCnxn.SET_WATCHES_XID`.
pub const SET_WATCHES_XID: i32 = -8;
