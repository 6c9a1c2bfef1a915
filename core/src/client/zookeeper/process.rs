//! The client process and the servers it talks to: the process crashing, pausing and
//! resuming, a server resuming or going away, and watch events delivered to the handle.

use super::Reach;
use super::ZooKeeper;
use crate::client::cnxn::{CnxnState, Parked, Process};
use crate::client::host::Host;
use crate::ids::ServerId;
use crate::sim::trace::EventKind;
use crate::zk::watch::WatchedEvent;
use crate::zxid::Zxid;

/// What becomes of a packet from a server at a handle ([`ZooKeeper::arrive`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Arrival {
    /// Not the handle's server any more, or the process crashed: nobody reads it.
    Dropped,
    /// The process is paused: it waits in the socket until the process resumes.
    Parked,
    /// The process reads it now.
    Read,
}

impl<H: Host + ?Sized> ZooKeeper<'_, H> {
    /// Whether a packet `server` sent reaches handle `idx` now; a paused process keeps
    /// `parked()` to read when it resumes (ClientCnxn's socket buffer).
    pub(super) fn arrive(
        &mut self,
        idx: usize,
        server: ServerId,
        parked: impl FnOnce() -> Parked,
    ) -> Arrival {
        let c = &mut self.h.clients_mut()[idx];
        let Some(z) = c.zk.as_deref_mut() else {
            return Arrival::Dropped;
        };
        if server != c.server || z.process == Process::Crashed {
            return Arrival::Dropped;
        }
        if z.process == Process::Paused {
            z.parked.push(parked());
            return Arrival::Parked;
        }
        Arrival::Read
    }

    pub(super) fn crash(&mut self, idx: usize) {
        let now = self.h.now();
        let Some(z) = self.cn(idx) else { return };
        if z.process == Process::Crashed {
            return;
        }
        z.process = Process::Crashed;
        z.state = CnxnState::Closed;
        z.queued.clear();
        z.unread.clear();
        z.parked.clear();
        z.tags.clear();
        for r in &mut z.recipes {
            r.lost(now, "client crashed");
        }
        let c = &mut self.h.clients_mut()[idx];
        c.outstanding.clear();
        c.watch_regs.clear();
        let (server, session, name) = (c.server, c.session, c.name.clone());
        // The OS closes the socket: the server drops the connection, the session lives on.
        self.h.drop_connection(server, session);
        self.note(
            &name,
            format!("process crashed (session {session} left to expire)"),
        );
        self.rearm(idx);
    }

    pub(super) fn pause(&mut self, idx: usize) {
        let now = self.h.now();
        let Some(z) = self.cn(idx) else { return };
        if z.process != Process::Running {
            return;
        }
        z.process = Process::Paused;
        z.paused_at = Some(now);
        self.set_alive(idx);
        self.rearm(idx);
    }

    /// The process continues: the application still believes what it believed (a lock
    /// holder still thinks it holds — the fencing-token finding); SendThread then notices how
    /// long it has not heard from the server.
    pub(super) fn resume(&mut self, idx: usize) {
        let now = self.h.now();
        let Some(z) = self.cn(idx) else { return };
        if z.process != Process::Paused {
            return;
        }
        z.process = Process::Running;
        let paused = now.since(z.paused_at.take().unwrap_or(now));
        let parked = std::mem::take(&mut z.parked);
        let timed_out =
            z.state == CnxnState::Connected && now >= z.last_recv.plus_ms(z.read_timeout());
        let name = self.h.clients()[idx].name.clone();
        let session = self.h.clients()[idx].session;
        let held: Vec<(String, Zxid)> = self.h.clients()[idx]
            .zk
            .as_deref()
            .map(|z| {
                z.recipes
                    .iter()
                    .filter(|r| r.believes_held())
                    .map(|r| {
                        let t = r.progress().holding().map_or(Zxid::ZERO, |h| h.token);
                        (r.spec.path().to_string(), t)
                    })
                    .collect()
            })
            .unwrap_or_default();
        for (path, token) in held {
            if !self.h.session_alive(session) {
                let other = self.lock_holders(&path, idx);
                self.h.trace(
                    EventKind::Finding {
                        text: format!(
                            "{name} resumed after a {paused} ms pause still believing it holds {path} (fencing token {token}), but its session {session} has expired{}",
                            other
                                .first()
                                .map(|(n, t)| format!(
                                    "; {n} holds it now with token {t}: a resource that rejects tokens below {t} fences {name} off"
                                ))
                                .unwrap_or_default()
                        ),
                    },
                    None,
                    None,
                );
            }
        }
        if timed_out {
            let silent = now.since(self.cn(idx).map_or(now, |z| z.last_recv));
            return self.lost(
                idx,
                format!(
                    "Client session timed out, have not heard from server in {silent}ms for session id {session}"
                ),
            );
        }
        // A server that crashed, restarted or left its role meanwhile reset the connection:
        // what it sent before is gone with it.
        if self.cn(idx).is_some_and(|z| {
            z.state == CnxnState::Connected
                || z.state == CnxnState::Connecting && z.attempt_since.is_some()
        }) && let Reach::Closed(why) = self.reach_any(idx)
        {
            return self.lost(idx, why.to_string());
        }
        self.set_alive(idx);
        for p in parked {
            match p {
                Parked::Reply {
                    server,
                    cxid,
                    zxid,
                    response,
                } => self.read_reply(idx, server, cxid, zxid, &response, true),
                Parked::Watch { server, event } => self.watch(idx, server, &event),
            }
        }
        if self
            .cn(idx)
            .is_some_and(|z| z.state == CnxnState::Connected)
            && let Reach::Closed(why) = self.reach(idx)
        {
            return self.lost(idx, why.to_string());
        }
        self.rearm(idx);
    }

    /// A server resumed (SIGCONT): it reads what its clients wrote meanwhile.
    pub(crate) fn server_resumed(&mut self, id: ServerId) {
        for idx in 0..self.h.clients().len() {
            let c = &self.h.clients()[idx];
            if c.server == id
                && c.zk.as_deref().is_some_and(|z| {
                    z.state == CnxnState::Connected && z.process == Process::Running
                })
            {
                self.deliver_unread(idx);
            }
        }
    }

    /// A server process went away (crash/stop/restart): its clients see the reset at once.
    pub(crate) fn server_gone(&mut self, id: ServerId) {
        for idx in 0..self.h.clients().len() {
            let c = &self.h.clients()[idx];
            let hit = c.server == id
                && c.zk.as_deref().is_some_and(|z| {
                    z.process == Process::Running
                        && (z.state == CnxnState::Connected || z.attempt_since.is_some())
                });
            if hit {
                self.lost(idx, "Connection reset by peer".to_string());
            }
        }
    }

    /// A watch event from `server` reached the handle.
    pub(crate) fn watch(&mut self, idx: usize, server: ServerId, event: &WatchedEvent) {
        let arrival = self.arrive(idx, server, || Parked::Watch {
            server,
            event: event.clone(),
        });
        if arrival != Arrival::Read {
            return;
        }
        let now = self.h.now();
        let c = &mut self.h.clients_mut()[idx];
        let Some(z) = c.zk.as_deref_mut() else { return };
        z.last_recv = now;
        let n = z.recipes.len();
        c.events.push(event.clone());
        c.watches.materialize(event);
        let session = c.session;
        self.h.trace(
            EventKind::Watch {
                session,
                event: event.to_java_string(),
            },
            Some(server),
            None,
        );
        for ri in 0..n {
            self.run_recipe(idx, ri, |rec, zk| rec.watch(zk, event));
        }
    }
}
