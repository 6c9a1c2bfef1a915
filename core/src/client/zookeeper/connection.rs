//! Reaching a server and the connection's life: which server answers, connection attempts
//! through the connect string, the session established, lost, expired or closed.

use super::ZooKeeper;
use super::{NO_TIMEOUT, Reach};
use crate::client::cnxn::{BACKOFF_MS, CnxnState, Process, SPIN_DELAY_MS, StateChange};
use crate::client::host::Host;
use crate::client::host::ServerSide;
use crate::rng::Stream;
use crate::sim::trace::EventKind;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response};
use crate::zk::code::Code;
use crate::zk::request::ResponseBody;
use crate::zk::watch::KeeperState;

impl<H: Host + ?Sized> ZooKeeper<'_, H> {
    /// Like [`ZooKeeper::reach`] for a connection not established yet: only a process that
    /// is gone or not serving counts as closed.
    pub(super) fn reach_any(&self, idx: usize) -> Reach {
        let c = &self.h.clients()[idx];
        if c.zk
            .as_deref()
            .is_some_and(|z| z.state == CnxnState::Connected)
        {
            return self.reach(idx);
        }
        match self.h.server(c.server, c.session) {
            Some(ServerSide::Up(p)) if !p.serving => {
                Reach::Closed("ZooKeeperServer not running, closing connection")
            }
            Some(ServerSide::Up(_) | ServerSide::Paused(_)) => Reach::Answer,
            _ => Reach::Closed("Connection reset by peer"),
        }
    }

    pub(super) fn reach(&self, idx: usize) -> Reach {
        let c = &self.h.clients()[idx];
        if c.zk.as_ref().is_some_and(|z| z.cut.contains(&c.server)) {
            return Reach::Silent;
        }
        let Some(side) = self.h.server(c.server, c.session) else {
            return Reach::Closed("Connection refused");
        };
        match side {
            ServerSide::Paused(_) => Reach::Silent,
            ServerSide::Up(s) if !s.serving => {
                Reach::Closed("ZooKeeperServer not running, closing connection")
            }
            ServerSide::Up(s) if !s.has_connection => {
                Reach::Closed("connection closed by the server")
            }
            ServerSide::Up(s)
                if c.zk.as_deref().is_some_and(|z| {
                    z.state == CnxnState::Connected && z.server_shutdowns != s.shutdowns
                }) =>
            {
                Reach::Closed("the server left its role and closed its client connections")
            }
            ServerSide::Up(_) => Reach::Answer,
            ServerSide::Down => Reach::Closed("Connection reset by peer"),
        }
    }

    /// Try the next host of the connect string (`SendThread.startConnect` +
    /// `primeConnection`): a new session, or the existing one with `lastZxidSeen`.
    pub(super) fn attempt(&mut self, idx: usize) {
        let now = self.h.now();
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
        let c = &mut self.h.clients_mut()[idx];
        c.server = host;
        c.refused = None;
        let (session, last, auth) = (c.session, c.last_zxid, c.auth_info.clone());
        let op = if established {
            "reconnect"
        } else {
            "createSession"
        };
        c.outstanding.insert(0, (now, op.to_string(), NO_TIMEOUT));
        self.h.trace(
            EventKind::ClientRequest {
                session,
                cxid: 0,
                op: op.to_string(),
            },
            None,
            Some(host),
        );
        let side = self.h.server(host, session);
        match side {
            // The SYN goes nowhere / the kernel accepts but the process never answers.
            _ if cut => return self.rearm(idx),
            Some(ServerSide::Paused(_)) => return self.rearm(idx),
            Some(ServerSide::Up(p)) if p.serving => {}
            Some(ServerSide::Up(_)) => {
                return self.lost(idx, "ZooKeeperServer not running".to_string());
            }
            _ => return self.lost(idx, "Connection refused".to_string()),
        }
        let mut out = Outbox::new();
        if established {
            if let Err(why) = self.h.reconnect(host, session, last, &auth, &mut out) {
                self.h.clients_mut()[idx].refused = Some(why.clone());
                return self.lost(idx, why);
            }
        } else {
            let asked = i32::try_from(asked).unwrap_or(i32::MAX);
            let (sid, timeout) = self.h.connect(host, asked, &mut out);
            let c = &mut self.h.clients_mut()[idx];
            c.session = sid;
            c.timeout_ms = u64::try_from(timeout).unwrap_or(0);
            if let Some(z) = c.zk.as_deref_mut() {
                z.session_timeout = c.timeout_ms;
            }
        }
        self.h.deliver(host, &mut out);
        self.rearm(idx);
    }

    /// The connection failed (`cleanAndNotifyState`): close the socket, fail every request
    /// in flight or queued with ConnectionLoss, and try the next host after the back-off.
    pub(super) fn lost(&mut self, idx: usize, why: String) {
        let now = self.h.now();
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
        let backoff = self.h.rng().below(Stream::Client, BACKOFF_MS)
            + if full_round { SPIN_DELAY_MS } else { 0 };
        if let Some(z) = self.cn(idx) {
            z.next_attempt = Some(now.plus_ms(backoff));
        }
        let (server, session) = (self.h.clients()[idx].server, self.h.clients()[idx].session);
        self.h.drop_connection(server, session);
        if notify {
            self.state_change(idx, KeeperState::Disconnected, why);
        } else {
            let name = self.h.clients()[idx].name.clone();
            self.note(&name, why);
        }
        let mut cxids: Vec<i32> = self.h.clients()[idx].outstanding.keys().copied().collect();
        cxids.extend(queued);
        cxids.sort_unstable();
        cxids.dedup();
        for cxid in cxids {
            self.fail(idx, cxid, Code::ConnectionLoss);
        }
        self.rearm(idx);
    }

    /// A connection-state event for the handle's Watcher, recorded and traced.
    pub(super) fn state_change(&mut self, idx: usize, state: KeeperState, why: String) {
        let now = self.h.now();
        let c = &mut self.h.clients_mut()[idx];
        let (server, session) = (c.server, c.session);
        if let Some(z) = c.zk.as_deref_mut() {
            z.states.push(StateChange {
                at: now,
                state,
                server,
                why: why.clone(),
            });
        }
        let client = c.name.clone();
        self.h.trace(
            EventKind::ClientState {
                session,
                client,
                state: format!("{state:?}"),
                why,
            },
            Some(server),
            None,
        );
    }

    pub(super) fn connected(&mut self, idx: usize, r: &Response) {
        let now = self.h.now();
        let c = &mut self.h.clients_mut()[idx];
        if let ResponseBody::Session { timeout_ms, .. } = r.body
            && timeout_ms > 0
        {
            c.timeout_ms = u64::try_from(timeout_ms).unwrap_or(c.timeout_ms);
        }
        let timeout = c.timeout_ms;
        let (server, session) = (c.server, c.session);
        let shutdowns = match self.h.server(server, session) {
            Some(ServerSide::Up(p) | ServerSide::Paused(p)) => p.shutdowns,
            _ => 0,
        };
        let c = &mut self.h.clients_mut()[idx];
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
        self.state_change(idx, KeeperState::SyncConnected, format!("server {server}"));
        self.set_alive(idx);
        // The queued requests go out at the SendThread's next turn.
        self.rearm(idx);
    }

    /// SessionExpired: the handle is dead, its ephemerals are gone (the leader deleted them).
    pub(super) fn expired(&mut self, idx: usize) {
        let session = self.h.clients()[idx].session;
        self.state_change(
            idx,
            KeeperState::Expired,
            format!("session {session} expired"),
        );
        self.end(idx, Code::SessionExpired, "session expired");
    }

    pub(super) fn closed(&mut self, idx: usize, why: &str) {
        self.state_change(idx, KeeperState::Closed, why.to_string());
        self.end(idx, Code::SessionExpired, why);
    }

    pub(super) fn end(&mut self, idx: usize, code: Code, why: &str) {
        let now = self.h.now();
        let Some(z) = self.cn(idx) else { return };
        z.state = CnxnState::Closed;
        z.unread.clear();
        let queued: Vec<i32> = z.queued.drain(..).map(|(c, _)| c).collect();
        for r in &mut z.recipes {
            r.lost(now, why);
        }
        let mut cxids: Vec<i32> = self.h.clients()[idx].outstanding.keys().copied().collect();
        cxids.extend(queued);
        cxids.sort_unstable();
        cxids.dedup();
        for cxid in cxids {
            self.fail(idx, cxid, code);
        }
        self.rearm(idx);
    }

    pub(super) fn close(&mut self, idx: usize) {
        let Some(z) = self.cn(idx) else { return };
        match z.state {
            CnxnState::Connected => self.submit(idx, Request::CloseSession, None),
            CnxnState::Connecting => self.closed(idx, "closed while disconnected"),
            CnxnState::Closed => {}
        }
    }

    /// The server's side of the connection: alive (pinging) unless the client is paused,
    /// cut off, or gone.
    pub(super) fn set_alive(&mut self, idx: usize) {
        let c = &self.h.clients()[idx];
        let Some(z) = c.zk.as_deref() else { return };
        let alive = z.process == Process::Running
            && z.state == CnxnState::Connected
            && !z.cut.contains(&c.server);
        let (server, session) = (c.server, c.session);
        self.h.set_alive(server, session, alive);
    }
}
