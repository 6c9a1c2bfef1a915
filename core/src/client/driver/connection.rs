//! Reaching a server and the connection's life: which server answers, connection attempts
//! through the connect string, the session established, lost, expired or closed.

use super::{NO_TIMEOUT, Reach};
use crate::client::cnxn::{BACKOFF_MS, CnxnState, Process, SPIN_DELAY_MS, StateChange};
use crate::rng::Stream;
use crate::sim::kernel::{Kernel, Status};
use crate::sim::trace::EventKind;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response};
use crate::zk::code::Code;
use crate::zk::request::ResponseBody;
use crate::zk::watch::KeeperState;

impl Kernel {
    /// Like [`Kernel::zk_reach`] for a connection not established yet: only a process that
    /// is gone or not serving counts as closed.
    pub(super) fn zk_reach_any(&self, idx: usize) -> Reach {
        let c = &self.clients[idx];
        if c.zk
            .as_deref()
            .is_some_and(|z| z.state == CnxnState::Connected)
        {
            return self.zk_reach(idx);
        }
        match self
            .slot(c.server)
            .map(|s| (&self.nodes[s].status, &self.nodes[s].server))
        {
            Some((Status::Up, Some(s))) if !s.serving() => {
                Reach::Closed("ZooKeeperServer not running, closing connection")
            }
            Some((Status::Up | Status::Paused, _)) => Reach::Answer,
            _ => Reach::Closed("Connection reset by peer"),
        }
    }

    pub(super) fn zk_reach(&self, idx: usize) -> Reach {
        let c = &self.clients[idx];
        if c.zk.as_ref().is_some_and(|z| z.cut.contains(&c.server)) {
            return Reach::Silent;
        }
        let Some(slot) = self.slot(c.server) else {
            return Reach::Closed("Connection refused");
        };
        match (self.nodes[slot].status, self.nodes[slot].server.as_ref()) {
            (Status::Paused, _) => Reach::Silent,
            (Status::Up, Some(s)) if !s.serving() => {
                Reach::Closed("ZooKeeperServer not running, closing connection")
            }
            (Status::Up, Some(s)) if !s.core.connections.contains_key(&c.session) => {
                Reach::Closed("connection closed by the server")
            }
            (Status::Up, Some(s))
                if c.zk.as_deref().is_some_and(|z| {
                    z.state == CnxnState::Connected && z.server_shutdowns != s.core.shutdowns
                }) =>
            {
                Reach::Closed("the server left its role and closed its client connections")
            }
            (Status::Up, Some(_)) => Reach::Answer,
            _ => Reach::Closed("Connection reset by peer"),
        }
    }

    /// Try the next host of the connect string (`SendThread.startConnect` +
    /// `primeConnection`): a new session, or the existing one with `lastZxidSeen`.
    pub(super) fn zk_attempt(&mut self, idx: usize) {
        let now = self.now;
        let Some(z) = self.cn(idx) else { return };
        if z.hosts.is_empty() || z.state == CnxnState::Closed {
            return;
        }
        let host = z.hosts[z.next % z.hosts.len()];
        z.next = (z.next + 1) % z.hosts.len();
        z.tried += 1;
        z.attempt_since = Some(now);
        z.next_attempt = None;
        let (established, cut, asked) = (z.established, z.cut.contains(&host), z.asked_timeout);
        let c = &mut self.clients[idx];
        c.server = host;
        c.refused = None;
        let (session, last, auth) = (c.session, c.last_zxid, c.auth_info.clone());
        let op = if established {
            "reconnect"
        } else {
            "createSession"
        };
        c.outstanding.insert(0, (now, op.to_string(), NO_TIMEOUT));
        self.event(
            EventKind::ClientRequest {
                session,
                cxid: 0,
                op: op.to_string(),
            },
            None,
            Some(host),
        );
        let slot = self.slot(host);
        let status = slot.map(|s| self.nodes[s].status);
        let serving = slot
            .and_then(|s| self.nodes[s].server.as_ref())
            .is_some_and(|s| s.serving());
        match status {
            // The SYN goes nowhere / the kernel accepts but the process never answers.
            _ if cut => return self.zk_rearm(idx),
            Some(Status::Paused) => return self.zk_rearm(idx),
            Some(Status::Up) if serving => {}
            Some(Status::Up) => {
                return self.zk_lost(idx, "ZooKeeperServer not running".to_string());
            }
            _ => return self.zk_lost(idx, "Connection refused".to_string()),
        }
        let Some(slot) = slot else { return };
        let mut out = Outbox::new();
        let Some(s) = self.nodes[slot].server.as_mut() else {
            return;
        };
        if established {
            if let Err(why) = s.reconnect(now, session, last, &auth, &mut out) {
                self.clients[idx].refused = Some(why.clone());
                return self.zk_lost(idx, why);
            }
        } else {
            let asked = i32::try_from(asked).unwrap_or(i32::MAX);
            let (sid, timeout) = s.connect(now, asked, &mut out);
            let c = &mut self.clients[idx];
            c.session = sid;
            c.timeout_ms = u64::try_from(timeout).unwrap_or(0);
            if let Some(z) = c.zk.as_deref_mut() {
                z.session_timeout = c.timeout_ms;
            }
        }
        self.process(slot, &mut out);
        self.zk_rearm(idx);
    }

    /// The connection failed (`cleanAndNotifyState`): close the socket, fail every request
    /// in flight or queued with ConnectionLoss, and try the next host after the back-off.
    pub(crate) fn zk_lost(&mut self, idx: usize, why: String) {
        let now = self.now;
        let Some(z) = self.cn(idx) else { return };
        if z.state == CnxnState::Closed {
            return;
        }
        z.state = CnxnState::Connecting;
        z.attempt_since = None;
        let full_round = z.tried >= z.hosts.len();
        if full_round {
            z.tried = 0;
        }
        let notify = z.keeper_state() != KeeperState::Disconnected || z.states.is_empty();
        let queued: Vec<i32> = z.queued.drain(..).map(|(c, _)| c).collect();
        z.unread.clear();
        let backoff =
            self.rng.below(Stream::Client, BACKOFF_MS) + if full_round { SPIN_DELAY_MS } else { 0 };
        if let Some(z) = self.cn(idx) {
            z.next_attempt = Some(now.plus_ms(backoff));
        }
        let (server, session) = (self.clients[idx].server, self.clients[idx].session);
        if let Some(s) = self
            .slot(server)
            .and_then(|i| self.nodes[i].server.as_mut())
        {
            s.drop_connection(session);
        }
        if notify {
            self.zk_state(idx, KeeperState::Disconnected, why);
        } else {
            self.zk_note(&self.clients[idx].name.clone(), why);
        }
        let mut cxids: Vec<i32> = self.clients[idx].outstanding.keys().copied().collect();
        cxids.extend(queued);
        cxids.sort_unstable();
        cxids.dedup();
        for cxid in cxids {
            self.zk_fail(idx, cxid, Code::ConnectionLoss);
        }
        self.zk_rearm(idx);
    }

    /// A connection-state event for the handle's Watcher, recorded and traced.
    pub(super) fn zk_state(&mut self, idx: usize, state: KeeperState, why: String) {
        let now = self.now;
        let c = &mut self.clients[idx];
        let (server, session) = (c.server, c.session);
        if let Some(z) = c.zk.as_deref_mut() {
            z.states.push(StateChange {
                at: now,
                state,
                server,
                why: why.clone(),
            });
        }
        self.event(
            EventKind::ClientState {
                session,
                client: self.clients[idx].name.clone(),
                state: format!("{state:?}"),
                why,
            },
            Some(server),
            None,
        );
    }

    pub(super) fn zk_connected(&mut self, idx: usize, r: &Response) {
        let now = self.now;
        let c = &mut self.clients[idx];
        if let ResponseBody::Session { timeout_ms, .. } = r.body
            && timeout_ms > 0
        {
            c.timeout_ms = u64::try_from(timeout_ms).unwrap_or(c.timeout_ms);
        }
        let timeout = c.timeout_ms;
        let server = c.server;
        let shutdowns = self
            .slot(server)
            .and_then(|i| self.nodes[i].server.as_ref())
            .map_or(0, |s| s.core.shutdowns);
        let c = &mut self.clients[idx];
        let Some(z) = c.zk.as_deref_mut() else { return };
        z.server_shutdowns = shutdowns;
        z.state = CnxnState::Connected;
        z.established = true;
        z.session_timeout = timeout;
        z.attempt_since = None;
        z.next_attempt = None;
        z.tried = 0;
        z.last_recv = now;
        z.last_send = now;
        let server = c.server;
        self.zk_state(idx, KeeperState::SyncConnected, format!("server {server}"));
        self.zk_set_alive(idx);
        // The queued requests go out at the SendThread's next turn.
        self.zk_rearm(idx);
    }

    /// SessionExpired: the handle is dead, its ephemerals are gone (the leader deleted them).
    pub(super) fn zk_expired(&mut self, idx: usize) {
        let session = self.clients[idx].session;
        self.zk_state(
            idx,
            KeeperState::Expired,
            format!("session {session} expired"),
        );
        self.zk_end(idx, Code::SessionExpired, "session expired");
    }

    pub(super) fn zk_closed(&mut self, idx: usize, why: &str) {
        self.zk_state(idx, KeeperState::Closed, why.to_string());
        self.zk_end(idx, Code::SessionExpired, why);
    }

    pub(super) fn zk_end(&mut self, idx: usize, code: Code, why: &str) {
        let now = self.now;
        let Some(z) = self.cn(idx) else { return };
        z.state = CnxnState::Closed;
        z.unread.clear();
        let queued: Vec<i32> = z.queued.drain(..).map(|(c, _)| c).collect();
        for r in &mut z.recipes {
            r.lost(now, why);
        }
        let mut cxids: Vec<i32> = self.clients[idx].outstanding.keys().copied().collect();
        cxids.extend(queued);
        cxids.sort_unstable();
        cxids.dedup();
        for cxid in cxids {
            self.zk_fail(idx, cxid, code);
        }
        self.zk_rearm(idx);
    }

    pub(super) fn zk_close(&mut self, idx: usize) {
        let Some(z) = self.cn(idx) else { return };
        match z.state {
            CnxnState::Connected => self.zk_submit(idx, Request::CloseSession, None),
            CnxnState::Connecting => self.zk_closed(idx, "closed while disconnected"),
            CnxnState::Closed => {}
        }
    }

    /// The server's side of the connection: alive (pinging) unless the client is paused,
    /// cut off, or gone.
    pub(super) fn zk_set_alive(&mut self, idx: usize) {
        let c = &self.clients[idx];
        let Some(z) = c.zk.as_deref() else { return };
        let alive = z.process == Process::Running
            && z.state == CnxnState::Connected
            && !z.cut.contains(&c.server);
        let (server, session) = (c.server, c.session);
        if let Some(conn) = self
            .slot(server)
            .and_then(|i| self.nodes[i].server.as_mut())
            .and_then(|s| s.core.connections.get_mut(&session))
        {
            conn.alive = alive;
        }
    }
}
