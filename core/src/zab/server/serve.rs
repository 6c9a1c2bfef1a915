//! The client side of a server in an ensemble: connections, the request pipeline
//! (reads served locally by `FinalRequestProcessor`, writes forwarded to the leader as REQUEST by
//! `FollowerRequestProcessor`), replies when the txn commits locally, and each server's own
//! WatchManager firing its own clients' watches.

use crate::check::breaks::Break;
use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zab::server::outbox::{Note, Outbox};
use crate::zab::server::replica::{Entry, Request, Response, Txn};
use crate::zab::server::{ClientReq, Connection, Core, Role, Server, Transition};
use crate::zk::acl::{AuthConfig, Id};
use crate::zk::code::Code;
use crate::zk::request::{RequestContext, ResponseBody};
use crate::zk::standalone::{MAX_BUFFER, request_packet_len};

/// The address every simulated client connects from (`ip` ACL scheme).
pub const CLIENT_IP: &str = "127.0.0.1";

impl Server {
    /// A client connects: this server's SessionTracker picks the id and negotiates the
    /// timeout; the createSession txn then goes through ZAB like any write (cxid 0).
    pub fn connect(&mut self, now: SimTime, timeout_ms: i32, out: &mut Outbox) -> (SessionId, i32) {
        let (id, timeout) = self.core.tracker.create_session(timeout_ms, now);
        let auth = vec![Id::new("ip", CLIENT_IP)];
        self.core
            .connections
            .insert(id, Connection { auth, alive: true });
        self.handle_client(
            now,
            id,
            0,
            Request::CreateSession {
                timeout_ms: timeout,
            },
            out,
        );
        (id, timeout)
    }

    /// The client process died: it stops pinging; the leader will expire its session.
    pub fn disconnect(&mut self, session: SessionId) {
        if let Some(c) = self.core.connections.get_mut(&session) {
            c.alive = false;
        }
    }

    /// A client request on a connection to this server (`handle_client` of the sans-IO API).
    pub fn handle_client(
        &mut self,
        now: SimTime,
        session: SessionId,
        cxid: i32,
        request: Request,
        out: &mut Outbox,
    ) {
        let Some(conn) = self.core.connections.get(&session) else {
            let mut r = Response::err(Code::SessionExpired);
            r.zxid = self.core.replica.last_processed();
            out.reply(session, cxid, r.zxid, r);
            return;
        };
        if request_packet_len(&request) > MAX_BUFFER {
            // jute.maxbuffer holds on every server, as in standalone: NIOServerCnxn.readLength
            // ("Len error") closes the socket; the client sees ConnectionLoss, reconnects, and
            // its session lives on.
            let mut r = Response::err(Code::ConnectionLoss);
            r.zxid = self.core.replica.last_processed();
            out.reply(session, cxid, r.zxid, r);
            return;
        }
        let ctx = RequestContext::new(session, cxid, conn.auth.clone());
        if !self.serving() {
            self.core.waiting.push(ClientReq { ctx, request });
            return;
        }
        if let Role::Leading(_) = self.role {
            self.core.tracker.touch(session, now);
        }
        if request.is_write() {
            self.submit(now, ClientReq { ctx, request }, out);
        } else if self.core.has_pending_write(session) {
            // CommitProcessor: a read waits for the session's earlier writes (and syncs).
            self.core.held_reads.push(ClientReq { ctx, request });
        } else {
            self.core.local(session, &ctx, &request, out);
        }
    }

    fn submit(&mut self, now: SimTime, req: ClientReq, out: &mut Outbox) {
        self.core.pending.insert((req.ctx.session, req.ctx.cxid));
        if matches!(req.request, Request::CloseSession) {
            self.core.tracker.set_closing(req.ctx.session);
        }
        let t = match &mut self.role {
            Role::Leading(l) => l.submit(&mut self.core, now, req, out),
            Role::Following(l) | Role::Observing(l) => {
                match &req.request {
                    Request::Sync { path } if self.core.config.broken(Break::SyncLocally) => {
                        // BREAK ZAB (syncLocally): answered here, as a plain read, without the
                        // leader's SYNC (FollowerRequestProcessor would forward it).
                        let (session, cxid) = (req.ctx.session, req.ctx.cxid);
                        self.core.pending.remove(&(session, cxid));
                        let mut r = Response::ok(ResponseBody::Sync { path: path.clone() });
                        r.zxid = self.core.replica.last_processed();
                        out.reply(session, cxid, r.zxid, r);
                        self.core.release_reads(session, out);
                    }
                    _ => l.forward(req, out),
                }
                Transition::Stay
            }
            Role::Looking(_) => Transition::Stay,
        };
        self.apply_transition(t, true, now, out);
    }
}

impl Core {
    /// Whether `session` has a write (or sync) in the pipeline here.
    #[must_use]
    pub fn has_pending_write(&self, session: SessionId) -> bool {
        self.pending
            .range((session, i32::MIN)..=(session, i32::MAX))
            .next()
            .is_some()
    }

    /// A write or sync of `session` completed: answer the reads that waited for it, in order,
    /// up to the session's next pending write.
    pub(crate) fn release_reads(&mut self, session: SessionId, out: &mut Outbox) {
        let first_write = self
            .pending
            .range((session, i32::MIN)..=(session, i32::MAX))
            .next()
            .map(|k| k.1);
        while let Some(i) = self
            .held_reads
            .iter()
            .position(|r| r.ctx.session == session && first_write.is_none_or(|w| r.ctx.cxid < w))
        {
            let r = self.held_reads.remove(i);
            self.local(session, &r.ctx, &r.request, out);
        }
    }

    /// Reads and connection-local requests (watches, auth) answered by this server alone.
    fn local(&mut self, session: SessionId, ctx: &RequestContext, req: &Request, out: &mut Outbox) {
        let core = self;
        let mut r = match req {
            Request::AddWatch { path, mode } => {
                core.watches.add_watch(session, path, *mode);
                Response::ok(ResponseBody::Empty)
            }
            Request::RemoveWatches { path, watcher_type } => core
                .watches
                .remove_watches(session, path, *watcher_type)
                .map_or_else(Response::err, |()| Response::ok(ResponseBody::Empty)),
            Request::AddAuth { scheme, auth } => {
                match AuthConfig::default().authenticate(scheme, auth, CLIENT_IP) {
                    Ok(ids) => {
                        if let Some(c) = core.connections.get_mut(&session) {
                            for id in ids {
                                if !c.auth.contains(&id) {
                                    c.auth.push(id);
                                }
                            }
                        }
                        Response::ok(ResponseBody::Empty)
                    }
                    Err(code) => Response::err(code),
                }
            }
            set @ Request::SetWatches { .. } => {
                let fired = core
                    .watches
                    .set_watches_request(core.replica.db.tree(), session, set);
                for e in fired {
                    out.watch(session, e);
                }
                Response::ok(ResponseBody::Empty)
            }
            other => {
                let resp = core.replica.db.read(ctx, other);
                core.watches.register_read(session, other, &resp);
                resp
            }
        };
        r.zxid = core.replica.last_processed();
        out.reply(session, ctx.cxid, r.zxid, r);
    }
}

impl Server {
    /// A client gave up on a request (its timeout passed) before the server could serve it.
    pub fn cancel_client(&mut self, session: SessionId, cxid: i32) {
        self.core
            .waiting
            .retain(|r| (r.ctx.session, r.ctx.cxid) != (session, cxid));
        self.core
            .held_reads
            .retain(|r| (r.ctx.session, r.ctx.cxid) != (session, cxid));
    }

    /// The server just started serving: requests that waited are handled now.
    pub(crate) fn started_serving(&mut self, now: SimTime, out: &mut Outbox) {
        for req in std::mem::take(&mut self.core.waiting) {
            self.handle_client(now, req.ctx.session, req.ctx.cxid, req.request, out);
        }
    }
}

impl Core {
    /// Apply a committed txn (`FinalRequestProcessor`): sessions, watches, then the reply if
    /// the request came through this server.
    pub fn commit(&mut self, e: &Entry, now: SimTime, out: &mut Outbox) {
        out.note(Note::Commit(e.zxid()));
        self.apply(e, now, out);
    }

    /// A learner syncing after a SNAP applies the leader's txns at once (`zk.processTxn` in
    /// `syncWithLeader`); they count as delivered only once the epoch is established.
    pub fn apply_during_sync(&mut self, e: &Entry, now: SimTime, out: &mut Outbox) {
        out.note(Note::Applied(e.zxid()));
        self.apply(e, now, out);
    }

    fn apply(&mut self, e: &Entry, now: SimTime, out: &mut Outbox) {
        let r = if matches!(e.txn, Txn::CloseSession { .. })
            && self
                .config
                .broken(crate::check::breaks::Break::KeepEphemeralsOnExpiry)
        {
            // BREAK ZAB (keepEphemeralsOnExpiry): the session goes, its ephemerals stay.
            self.replica.close_session_keeping_ephemerals(e)
        } else {
            self.replica.commit(e)
        };
        if std::mem::take(&mut self.durable.files.snapshot_due) {
            // SyncRequestProcessor rolled the log (`snapCount`) and snapshots in its own
            // thread (taken here, at the next commit); autopurge drops the oldest files.
            let snap = self.replica.snapshot();
            self.durable.save_snapshot(snap, out);
            self.durable.purge();
        }
        let session = e.header.session;
        match &e.txn {
            Txn::CreateSession { timeout_ms } => {
                self.tracker.add_session(session, *timeout_ms, now)
            }
            Txn::CloseSession { .. } => self.tracker.remove_session(session),
            _ => {}
        }
        let conns = &self.connections;
        let fired = self
            .watches
            .trigger(&r.triggers, |s| conns.get(&s).map(|c| c.auth.clone()));
        for (s, ev) in fired {
            if self.connections.contains_key(&s) {
                out.watch(s, ev);
            }
        }
        if matches!(e.txn, Txn::CloseSession { .. }) {
            self.watches.remove_session(session);
            self.connections.remove(&session);
            self.owners.remove(&session);
        }
        let key = (session, e.header.cxid);
        if self.pending.remove(&key) {
            out.reply(key.0, key.1, e.zxid(), r.response);
            self.after_moved(session, &e.txn);
            self.release_reads(session, out);
        }
    }

    /// The sessions of live clients connected here, with their timeouts: what a learner's PING
    /// reply carries to the leader.
    #[must_use]
    pub fn touches(&self) -> Vec<(SessionId, u64)> {
        self.connections
            .iter()
            .filter(|(_, c)| c.alive)
            .map(|(s, _)| {
                (
                    *s,
                    u64::try_from(self.tracker.timeout_of(*s).unwrap_or(0)).unwrap_or(0),
                )
            })
            .collect()
    }
}
