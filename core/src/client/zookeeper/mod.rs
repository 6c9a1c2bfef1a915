//! [`ZooKeeper`]: the client library's code (Java's `ZooKeeper` + `ClientCnxn.SendThread` /
//! `EventThread`) for every handle ([`Cnxn`]): its timer (pings, read timeout, connect
//! timeout, back-off), its connection attempts through the connect string, its requests and
//! their replies, watch events, and the recipes it runs. It reaches the world only through
//! [`Host`]; the kernel reaches it only through the entry points below and in the files
//! (`command`, `tick`, `reply_to_session`, `watch_for_session`, `server_gone`,
//! `server_resumed`, `start_recipe`, `release`, `note`, the single-server clients'
//! `connect_single`, `op`, `request`, `request_timeout`, `move_to`, and [`check_command`]).
//!
//! Client↔server traffic is immediate (the client sits next to its server); what can break it
//! is a server crash (reset at once), a paused server or a client-side cut (silence: the read
//! timeout notices), a server that stops serving (it closes the connection), or the client
//! process itself crashing or pausing.
//!
//! By concern: this file opens handles and runs their timer; `connection` (reaching a server,
//! connecting, losing and ending the connection), `requests` (submitting, replies, the
//! linearizability record), `process` (client and server crashes, pauses, watch events),
//! `recipes` (recipes and fencing), `checks` (whether a library command can run now),
//! `single` (the `connect C N` clients bound to one server, `move C N`, and where every
//! session's replies and watch events arrive).

mod checks;
mod connection;
mod process;
mod recipes;
mod requests;
mod single;

pub(crate) use checks::check_command;

use crate::client::cnxn::{Cnxn, CnxnState, Process};
use crate::client::host::Host;
use crate::ids::{ServerId, SessionId};
use crate::rng::Stream;
use crate::sim::client::Client;
use crate::sim::command::ZkAction;
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

/// The client library running over a [`Host`]: a short-lived view, made for each call the
/// host makes into it (`ZooKeeper::over(host).tick(handle)`); the handles' state lives in the
/// host's client table, so a checkpoint of the host is a checkpoint of the library.
pub(crate) struct ZooKeeper<'h, H: Host + ?Sized> {
    h: &'h mut H,
}

/// The library handle of client `name` in `clients`.
pub(crate) fn handle_index(clients: &[Client], name: &str) -> Option<usize> {
    clients
        .iter()
        .position(|c| c.name == name && c.zk.is_some())
}

/// The library handle whose session is `session`, if one has it.
pub(crate) fn handle_of_session(clients: &[Client], session: SessionId) -> Option<usize> {
    clients
        .iter()
        .position(|c| c.session == session && c.zk.is_some() && session.0 != 0)
}

impl<'h, H: Host + ?Sized> ZooKeeper<'h, H> {
    /// The library over `host`.
    pub(crate) fn over(h: &'h mut H) -> Self {
        ZooKeeper { h }
    }

    /// The library handle of client `name`.
    fn zk_index(&self, name: &str) -> Option<usize> {
        handle_index(self.h.clients(), name)
    }

    pub(super) fn cn(&mut self, idx: usize) -> Option<&mut Cnxn> {
        self.h
            .clients_mut()
            .get_mut(idx)
            .and_then(|c| c.zk.as_deref_mut())
    }

    /// `client C …` commands.
    pub(crate) fn command(&mut self, name: &str, action: ZkAction) {
        if let ZkAction::Connect { hosts, timeout_ms } = action {
            return self.open(name, hosts, timeout_ms);
        }
        let Some(idx) = self.zk_index(name) else {
            return self.note(name, format!("error: no client library process '{name}'"));
        };
        match action {
            ZkAction::Connect { .. } => {}
            ZkAction::Crash => self.crash(idx),
            ZkAction::Pause => self.pause(idx),
            ZkAction::Resume => self.resume(idx),
            ZkAction::Close => self.close(idx),
            ZkAction::Cut(servers) => {
                if let Some(z) = self.cn(idx) {
                    z.cut.extend(servers);
                }
                self.set_alive(idx);
            }
            ZkAction::Heal => {
                if let Some(z) = self.cn(idx) {
                    z.cut.clear();
                }
                self.set_alive(idx);
                if self
                    .cn(idx)
                    .is_some_and(|z| z.state == CnxnState::Connected)
                {
                    self.deliver_unread(idx);
                }
            }
        }
    }

    /// `new ZooKeeper(connectString, sessionTimeout, watcher)`.
    pub(super) fn open(&mut self, name: &str, mut hosts: Vec<ServerId>, timeout_ms: u64) {
        // StaticHostProvider: Collections.shuffle(serverAddresses, sourceOfRandomness).
        for i in (1..hosts.len()).rev() {
            let j = self.h.rng().below(Stream::Client, i as u64 + 1) as usize;
            hosts.swap(i, j);
        }
        let first = hosts.first().copied().unwrap_or(ServerId(0));
        let cnxn = Box::new(Cnxn::new(hosts, timeout_ms, self.h.now()));
        let client = Client::new(name, first, SessionId(0), timeout_ms, Some(cnxn));
        let idx = match self.h.clients().iter().position(|c| c.name == name) {
            Some(i) => {
                // A new handle under the same name: the old process is gone (as if it had
                // crashed); its session is left to expire.
                if self.h.clients()[i].zk.is_some() {
                    self.crash(i);
                }
                if let Some(k) = self.h.clients()[i].zk.as_ref().and_then(|z| z.tick) {
                    self.h.cancel(k);
                }
                self.h.clients_mut()[i] = client;
                i
            }
            None => {
                self.h.clients_mut().push(client);
                self.h.clients().len() - 1
            }
        };
        self.attempt(idx);
    }

    /// Keep exactly one timer agenda entry per live handle, at its deadline.
    pub(super) fn rearm(&mut self, idx: usize) {
        let now = self.h.now();
        let Some(z) = self.cn(idx) else { return };
        let want = z.deadline().map(|t| t.max(now));
        let have = z.tick;
        if have.map(|k| k.0) == want {
            return;
        }
        if let Some(k) = have {
            self.h.cancel(k);
        }
        let key = want.map(|t| self.h.set_tick(t, idx));
        if let Some(z) = self.cn(idx) {
            z.tick = key;
        }
    }

    /// The handle's timer fired (`ClientCnxn.SendThread.run`'s loop).
    pub(crate) fn tick(&mut self, idx: usize) {
        let now = self.h.now();
        let Some(z) = self.cn(idx) else { return };
        z.tick = None;
        if z.process != Process::Running {
            return;
        }
        match z.state {
            CnxnState::Closed => {}
            CnxnState::Connecting => {
                if z.next_attempt.is_some_and(|t| t <= now) {
                    return self.attempt(idx);
                }
                let ct = z.connect_timeout();
                if z.attempt_since.is_some_and(|t| now >= t.plus_ms(ct)) {
                    return self.lost(idx, "connect timeout".to_string());
                }
            }
            CnxnState::Connected => {
                let rt = z.read_timeout();
                if now >= z.last_recv.plus_ms(rt) {
                    let silent = now.since(z.last_recv);
                    let session = self.h.clients()[idx].session;
                    return self.lost(
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
                        self.send(idx, cxid, req);
                    }
                    return self.rearm(idx);
                }
                if now >= z.last_send.plus_ms(rt / 2) {
                    z.last_send = now;
                    z.pings += 1;
                    match self.reach(idx) {
                        Reach::Answer => {
                            if let Some(z) = self.cn(idx) {
                                z.last_recv = now;
                            }
                            self.deliver_unread(idx);
                        }
                        Reach::Silent => {}
                        Reach::Closed(why) => return self.lost(idx, why.to_string()),
                    }
                }
            }
        }
        self.rearm(idx);
    }

    pub(crate) fn note(&mut self, client: &str, text: String) {
        self.h.trace(
            EventKind::Recipe {
                client: client.to_string(),
                text,
            },
            None,
            None,
        );
    }
}

#[cfg(test)]
mod tests;
