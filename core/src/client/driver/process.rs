//! The client process and the servers it talks to: the process crashing, pausing and
//! resuming, a server resuming or going away, and watch events delivered to the handle.

use super::Reach;
use crate::client::cnxn::{CnxnState, Parked, Process};
use crate::ids::ServerId;
use crate::sim::kernel::Kernel;
use crate::sim::trace::EventKind;
use crate::zk::watch::WatchedEvent;
use crate::zxid::Zxid;

impl Kernel {
    pub(super) fn zk_crash(&mut self, idx: usize) {
        let now = self.now;
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
        let c = &mut self.clients[idx];
        c.outstanding.clear();
        c.watch_regs.clear();
        let (server, session, name) = (c.server, c.session, c.name.clone());
        // The OS closes the socket: the server drops the connection, the session lives on.
        if let Some(s) = self
            .slot(server)
            .and_then(|i| self.nodes[i].server.as_mut())
        {
            s.drop_connection(session);
        }
        self.zk_note(
            &name,
            format!("process crashed (session {session} left to expire)"),
        );
        self.zk_rearm(idx);
    }

    pub(super) fn zk_pause(&mut self, idx: usize) {
        let now = self.now;
        let Some(z) = self.cn(idx) else { return };
        if z.process != Process::Running {
            return;
        }
        z.process = Process::Paused;
        z.paused_at = Some(now);
        self.zk_set_alive(idx);
        self.zk_rearm(idx);
    }

    /// The process continues: the application still believes what it believed (a lock
    /// holder still thinks it holds — the fencing-token finding); SendThread then notices how
    /// long it has not heard from the server.
    pub(super) fn zk_resume(&mut self, idx: usize) {
        let now = self.now;
        let Some(z) = self.cn(idx) else { return };
        if z.process != Process::Paused {
            return;
        }
        z.process = Process::Running;
        let paused = now.since(z.paused_at.take().unwrap_or(now));
        let parked = std::mem::take(&mut z.parked);
        let timed_out =
            z.state == CnxnState::Connected && now >= z.last_recv.plus_ms(z.read_timeout());
        let name = self.clients[idx].name.clone();
        let session = self.clients[idx].session;
        let held: Vec<(String, Zxid)> = self.clients[idx]
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
            if !self.session_alive(session) {
                let other = self.lock_holders(&path, idx);
                self.event(
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
            return self.zk_lost(
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
        }) && let Reach::Closed(why) = self.zk_reach_any(idx)
        {
            return self.zk_lost(idx, why.to_string());
        }
        self.zk_set_alive(idx);
        for p in parked {
            match p {
                Parked::Reply {
                    server,
                    cxid,
                    zxid,
                    response,
                } => self.zk_read_reply(idx, server, cxid, zxid, &response, true),
                Parked::Watch { server, event } => self.zk_watch(idx, server, &event),
            }
        }
        if self
            .cn(idx)
            .is_some_and(|z| z.state == CnxnState::Connected)
            && let Reach::Closed(why) = self.zk_reach(idx)
        {
            return self.zk_lost(idx, why.to_string());
        }
        self.zk_rearm(idx);
    }

    /// A server resumed (SIGCONT): it reads what its clients wrote meanwhile.
    pub(crate) fn zk_server_resumed(&mut self, id: ServerId) {
        for idx in 0..self.clients.len() {
            let c = &self.clients[idx];
            if c.server == id
                && c.zk.as_deref().is_some_and(|z| {
                    z.state == CnxnState::Connected && z.process == Process::Running
                })
            {
                self.zk_deliver_unread(idx);
            }
        }
    }

    /// A server process went away (crash/stop/restart): its clients see the reset at once.
    pub(crate) fn zk_server_gone(&mut self, id: ServerId) {
        for idx in 0..self.clients.len() {
            let c = &self.clients[idx];
            let hit = c.server == id
                && c.zk.as_deref().is_some_and(|z| {
                    z.process == Process::Running
                        && (z.state == CnxnState::Connected || z.attempt_since.is_some())
                });
            if hit {
                self.zk_lost(idx, "Connection reset by peer".to_string());
            }
        }
    }

    /// A watch event from `server` reached the handle.
    pub(crate) fn zk_watch(&mut self, idx: usize, server: ServerId, event: &WatchedEvent) {
        let now = self.now;
        let c = &mut self.clients[idx];
        let Some(z) = c.zk.as_deref_mut() else { return };
        if server != c.server || z.process == Process::Crashed {
            return;
        }
        if z.process == Process::Paused {
            z.parked.push(Parked::Watch {
                server,
                event: event.clone(),
            });
            return;
        }
        z.last_recv = now;
        let n = z.recipes.len();
        c.events.push(event.clone());
        c.watches.materialize(event);
        let session = c.session;
        self.event(
            EventKind::Watch {
                session,
                event: event.to_java_string(),
            },
            Some(server),
            None,
        );
        for ri in 0..n {
            self.zk_recipe(idx, ri, |rec, zk| rec.watch(zk, event));
        }
    }
}
