//! Runs each client library handle ([`Cnxn`]) inside the kernel: its timer (`Item::ClientTick`:
//! pings, read timeout, connect timeout, back-off), its connection attempts through the
//! connect string, its requests and their replies, watch events, and the recipes it runs.
//! Client↔server traffic is immediate (the client sits next to its server); what can break it
//! is a server crash (reset at once), a paused server or a client-side cut (silence: the read
//! timeout notices), a server that stops serving (it closes the connection), or the client
//! process itself crashing or pausing.
//!
//! By concern: this file opens handles and runs their timer; `connection` (reaching a server,
//! connecting, losing and ending the connection), `requests` (submitting, replies, the
//! linearizability record), `process` (client and server crashes, pauses, watch events),
//! `recipes` (recipes and fencing), `queries` (what the view and checks ask, command checks).

mod connection;
mod process;
mod queries;
mod recipes;
mod requests;

use crate::client::cnxn::{Cnxn, CnxnState, Process};
use crate::ids::{ServerId, SessionId};
use crate::rng::Stream;
use crate::sim::client::Client;
use crate::sim::command::ZkAction;
use crate::sim::kernel::{Item, Kernel};
use crate::sim::trace::EventKind;
use crate::time::SimTime;
use crate::zab::server::replica::Request;

/// The agenda key library requests carry instead of a per-request timeout (the handle's own
/// read timeout decides when a request is lost).
pub(crate) const NO_TIMEOUT: (SimTime, u64) = (SimTime::ZERO, 0);

/// What a ping (or any packet) to the current server meets.
enum Reach {
    Answer,
    /// Nothing comes back (paused server, cut link): the read timeout will tell.
    Silent,
    /// The server closed the connection (crashed, not serving, forgot the session).
    Closed(&'static str),
}

impl Kernel {
    /// The library handle of client `name`.
    #[must_use]
    pub fn zk_index(&self, name: &str) -> Option<usize> {
        self.clients
            .iter()
            .position(|c| c.name == name && c.zk.is_some())
    }

    pub(super) fn cn(&mut self, idx: usize) -> Option<&mut Cnxn> {
        self.clients.get_mut(idx).and_then(|c| c.zk.as_deref_mut())
    }

    pub(crate) fn zk_of_session(&self, session: SessionId) -> Option<usize> {
        self.clients
            .iter()
            .position(|c| c.session == session && c.zk.is_some() && session.0 != 0)
    }

    /// `client C …` commands.
    pub(crate) fn zk_command(&mut self, name: &str, action: ZkAction) {
        if let ZkAction::Connect { hosts, timeout_ms } = action {
            return self.zk_open(name, hosts, timeout_ms);
        }
        let Some(idx) = self.zk_index(name) else {
            return self.zk_note(name, format!("error: no client library process '{name}'"));
        };
        match action {
            ZkAction::Connect { .. } => {}
            ZkAction::Crash => self.zk_crash(idx),
            ZkAction::Pause => self.zk_pause(idx),
            ZkAction::Resume => self.zk_resume(idx),
            ZkAction::Close => self.zk_close(idx),
            ZkAction::Cut(servers) => {
                if let Some(z) = self.cn(idx) {
                    z.cut.extend(servers);
                }
                self.zk_set_alive(idx);
            }
            ZkAction::Heal => {
                if let Some(z) = self.cn(idx) {
                    z.cut.clear();
                }
                self.zk_set_alive(idx);
                if self
                    .cn(idx)
                    .is_some_and(|z| z.state == CnxnState::Connected)
                {
                    self.zk_deliver_unread(idx);
                }
            }
        }
    }

    /// `new ZooKeeper(connectString, sessionTimeout, watcher)`.
    pub(super) fn zk_open(&mut self, name: &str, mut hosts: Vec<ServerId>, timeout_ms: u64) {
        // StaticHostProvider: Collections.shuffle(serverAddresses, sourceOfRandomness).
        for i in (1..hosts.len()).rev() {
            let j = self.rng.below(Stream::Client, i as u64 + 1) as usize;
            hosts.swap(i, j);
        }
        let first = hosts.first().copied().unwrap_or(ServerId(0));
        let cnxn = Box::new(Cnxn::new(hosts, timeout_ms, self.now));
        let client = Client::new(name, first, SessionId(0), timeout_ms, Some(cnxn));
        let idx = match self.clients.iter().position(|c| c.name == name) {
            Some(i) => {
                // A new handle under the same name: the old process is gone (as if it had
                // crashed); its session is left to expire.
                if self.clients[i].zk.is_some() {
                    self.zk_crash(i);
                }
                if let Some(k) = self.clients[i].zk.as_ref().and_then(|z| z.tick) {
                    self.agenda.remove(&k);
                }
                self.clients[i] = client;
                i
            }
            None => {
                self.clients.push(client);
                self.clients.len() - 1
            }
        };
        self.zk_attempt(idx);
    }

    /// Keep exactly one timer agenda entry per live handle, at its deadline.
    pub(crate) fn zk_rearm(&mut self, idx: usize) {
        let now = self.now;
        let Some(z) = self.cn(idx) else { return };
        let want = z.deadline().map(|t| t.max(now));
        let have = z.tick;
        if have.map(|k| k.0) == want {
            return;
        }
        if let Some(k) = have {
            self.agenda.remove(&k);
        }
        let key = want.map(|t| self.schedule(t, Item::ClientTick { client: idx }));
        if let Some(z) = self.cn(idx) {
            z.tick = key;
        }
    }

    /// The handle's timer fired (`ClientCnxn.SendThread.run`'s loop).
    pub(crate) fn zk_tick(&mut self, idx: usize) {
        let now = self.now;
        let Some(z) = self.cn(idx) else { return };
        z.tick = None;
        if z.process != Process::Running {
            return;
        }
        match z.state {
            CnxnState::Closed => {}
            CnxnState::Connecting => {
                if z.next_attempt.is_some_and(|t| t <= now) {
                    return self.zk_attempt(idx);
                }
                let ct = z.connect_timeout();
                if z.attempt_since.is_some_and(|t| now >= t.plus_ms(ct)) {
                    return self.zk_lost(idx, "connect timeout".to_string());
                }
            }
            CnxnState::Connected => {
                let rt = z.read_timeout();
                if now >= z.last_recv.plus_ms(rt) {
                    let silent = now.since(z.last_recv);
                    let session = self.clients[idx].session;
                    return self.zk_lost(
                        idx,
                        format!(
                            "Client session timed out, have not heard from server in {silent}ms for session id {session}"
                        ),
                    );
                }
                if !z.queued.is_empty() {
                    let queued: Vec<(i32, Request)> = z.queued.drain(..).collect();
                    for (cxid, req) in queued {
                        if self.cn(idx).is_none_or(|z| z.state != CnxnState::Connected) {
                            break;
                        }
                        self.zk_send(idx, cxid, req);
                    }
                    return self.zk_rearm(idx);
                }
                if now >= z.last_send.plus_ms(rt / 2) {
                    z.last_send = now;
                    z.pings += 1;
                    match self.zk_reach(idx) {
                        Reach::Answer => {
                            if let Some(z) = self.cn(idx) {
                                z.last_recv = now;
                            }
                            self.zk_deliver_unread(idx);
                        }
                        Reach::Silent => {}
                        Reach::Closed(why) => return self.zk_lost(idx, why.to_string()),
                    }
                }
            }
        }
        self.zk_rearm(idx);
    }

    pub(crate) fn zk_note(&mut self, client: &str, text: String) {
        self.event(
            EventKind::Recipe {
                client: client.to_string(),
                text,
            },
            None,
            None,
        );
    }
}
