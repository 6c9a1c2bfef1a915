//! Runs each client library handle ([`Cnxn`]) inside the kernel: its timer (`Item::ClientTick`:
//! pings, read timeout, connect timeout, back-off), its connection attempts through the
//! connect string, its requests and their replies, watch events, and the recipes it runs.
//! Client↔server traffic is immediate (the client sits next to its server); what can break it
//! is a server crash (reset at once), a paused server or a client-side cut (silence: the read
//! timeout notices), a server that stops serving (it closes the connection), or the client
//! process itself crashing or pausing.

use crate::client::cnxn::{
    BACKOFF_MS, Cnxn, CnxnState, Parked, Process, SPIN_DELAY_MS, StateChange,
};
use crate::client::recipes::{Recipe, RecipeSpec, Zk};
use crate::ids::{ServerId, SessionId};
use crate::rng::Stream;
use crate::sim::client::{Client, ClientResult};
use crate::sim::command::{Command, ZkAction};
use crate::sim::kernel::{Item, Kernel, Status};
use crate::sim::trace::EventKind;
use crate::time::SimTime;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response};
use crate::zk::code::Code;
use crate::zk::request::ResponseBody;
use crate::zk::watch::{KeeperState, WatchReg, WatchedEvent};
use crate::zxid::Zxid;

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

    fn cn(&mut self, idx: usize) -> Option<&mut Cnxn> {
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
    fn zk_open(&mut self, name: &str, mut hosts: Vec<ServerId>, timeout_ms: u64) {
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

    /// Like [`Kernel::zk_reach`] for a connection not established yet: only a process that
    /// is gone or not serving counts as closed.
    fn zk_reach_any(&self, idx: usize) -> Reach {
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

    fn zk_reach(&self, idx: usize) -> Reach {
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
    fn zk_attempt(&mut self, idx: usize) {
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

    /// Answer request `cxid` locally with `code` (conLossPacket).
    fn zk_fail(&mut self, idx: usize, cxid: i32, code: Code) {
        let now = self.now;
        let c = &mut self.clients[idx];
        let Some((issued, op, _)) = c.outstanding.remove(&cxid) else {
            return;
        };
        c.watch_regs.remove(&cxid);
        let session = c.session;
        let r = Response::err(code);
        c.remember(ClientResult {
            cxid,
            op,
            issued,
            answered: now,
            response: Some(r.clone()),
        });
        let tag = c.zk.as_deref_mut().and_then(|z| {
            if code == Code::ConnectionLoss {
                z.connection_losses += 1;
            }
            complete_op(z, cxid, &r, now);
            z.tags.remove(&cxid)
        });
        self.event(
            EventKind::ClientReply {
                session,
                cxid,
                zxid: Zxid::ZERO,
                err: code.value(),
            },
            None,
            None,
        );
        if let Some((ri, t)) = tag {
            self.zk_recipe(idx, ri, |rec, zk| rec.reply(zk, t, &r));
        }
    }

    /// A connection-state event for the handle's Watcher, recorded and traced.
    fn zk_state(&mut self, idx: usize, state: KeeperState, why: String) {
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

    /// A request from the application or a recipe (`ClientCnxn.submitRequest`).
    pub(crate) fn zk_submit(&mut self, idx: usize, req: Request, tag: Option<(usize, u32)>) {
        let now = self.now;
        let op = match req.path() {
            Some(p) => format!("{} {p}", req.op_name()),
            None => req.op_name().to_string(),
        };
        let c = &mut self.clients[idx];
        if let Request::AddAuth { scheme, auth } = &req {
            c.auth_info.push((scheme.clone(), auth.clone()));
        }
        let cxid = c.next_cxid;
        c.next_cxid += 1;
        if let Some(reg) = WatchReg::of(&req) {
            c.watch_regs.insert(cxid, reg);
        }
        let (session, server) = (c.session, c.server);
        c.outstanding.insert(cxid, (now, op.clone(), NO_TIMEOUT));
        let name = c.name.clone();
        let Some(z) = c.zk.as_deref_mut() else { return };
        if let Some(t) = tag {
            z.tags.insert(cxid, t);
        }
        record_op(z, &name, cxid, &req, now);
        let state = z.state;
        self.event(
            EventKind::ClientRequest { session, cxid, op },
            None,
            Some(server),
        );
        match state {
            CnxnState::Closed => self.zk_fail(idx, cxid, Code::SessionExpired),
            // The SendThread writes it (a step of its own, after whatever is being delivered
            // now: replies already on the wire arrive first).
            _ => {
                if let Some(z) = self.cn(idx) {
                    z.queued.push_back((cxid, req));
                }
                self.zk_rearm(idx);
            }
        }
    }

    fn zk_send(&mut self, idx: usize, cxid: i32, req: Request) {
        let now = self.now;
        if let Some(z) = self.cn(idx) {
            z.last_send = now;
            z.unread.push_back((cxid, req));
        }
        self.zk_deliver_unread(idx);
    }

    /// Hand the server what it has not read yet, in order, if it reads now.
    fn zk_deliver_unread(&mut self, idx: usize) {
        let now = self.now;
        loop {
            if self.cn(idx).is_none_or(|z| z.unread.is_empty()) {
                return;
            }
            match self.zk_reach(idx) {
                Reach::Silent => return,
                Reach::Closed(why) => return self.zk_lost(idx, why.to_string()),
                Reach::Answer => {}
            }
            let Some((cxid, req)) = self.cn(idx).and_then(|z| z.unread.pop_front()) else {
                return;
            };
            let (server, session) = (self.clients[idx].server, self.clients[idx].session);
            let Some(slot) = self.slot(server) else {
                return;
            };
            let mut out = Outbox::new();
            if let Some(s) = self.nodes[slot].server.as_mut() {
                s.handle_client(now, session, cxid, req, &mut out);
            }
            self.process(slot, &mut out);
        }
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

    /// A reply from `server` reached the handle (`SendThread.readResponse`).
    pub(crate) fn zk_reply(
        &mut self,
        idx: usize,
        server: ServerId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
    ) {
        self.zk_read_reply(idx, server, cxid, zxid, r, false);
    }

    /// `traced`: the reply was parked while the process was paused and is in the trace
    /// already — the trace shows a reply when the server sends it (the invariants read it as
    /// the server answering then), not when a paused client gets round to reading it.
    fn zk_read_reply(
        &mut self,
        idx: usize,
        server: ServerId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
        traced: bool,
    ) {
        let now = self.now;
        let c = &mut self.clients[idx];
        let Some(z) = c.zk.as_deref_mut() else { return };
        if server != c.server || z.process == Process::Crashed {
            return;
        }
        if z.process == Process::Paused {
            z.parked.push(Parked::Reply {
                server,
                cxid,
                zxid,
                response: r.clone(),
            });
            if c.outstanding.contains_key(&cxid) {
                let session = c.session;
                self.trace_reply(session, cxid, zxid, r.code, server);
            }
            return;
        }
        let Some((issued, op, _)) = c.outstanding.remove(&cxid) else {
            return;
        };
        z.last_recv = now;
        let tag = z.tags.remove(&cxid);
        complete_op(z, cxid, r, now);
        let session = c.session;
        if cxid != 0 {
            if reads_data(&op) && r.code.is_ok() && zxid < c.last_zxid {
                z.went_back += 1;
            }
            c.last_zxid = c.last_zxid.max(zxid);
        }
        if let Some(reg) = c.watch_regs.remove(&cxid) {
            c.watches.answered(reg, r.code);
        }
        c.remember(ClientResult {
            cxid,
            op: op.clone(),
            issued,
            answered: now,
            response: Some(r.clone()),
        });
        if !traced {
            self.trace_reply(session, cxid, zxid, r.code, server);
        }
        if cxid == 0 {
            return match r.code {
                Code::Ok => {
                    if op == "reconnect" {
                        self.set_watches_after_reconnect(session);
                    }
                    self.zk_connected(idx, r);
                }
                Code::SessionExpired => self.zk_expired(idx),
                _ => self.zk_lost(idx, format!("connect answered {:?}", r.code)),
            };
        }
        self.zk_stale_read(idx, server, &op, zxid);
        match r.code {
            Code::SessionExpired => return self.zk_expired(idx),
            Code::SessionMoved => {
                // The server closed this connection (FinalRequestProcessor → sendCloseSession).
                self.zk_lost(idx, "Session moved: connection closed".to_string());
            }
            Code::Ok if op == "closeSession" => return self.zk_closed(idx, "closed"),
            _ => {}
        }
        if let Some((ri, t)) = tag {
            self.zk_recipe(idx, ri, |rec, zk| rec.reply(zk, t, r));
        }
    }

    /// Mark a read answered from a state older than the leader's latest commit.
    /// A reply to a library client's request, in the trace (when the server sends it).
    fn trace_reply(
        &mut self,
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        code: Code,
        server: ServerId,
    ) {
        let err = code.value();
        let kind = EventKind::ClientReply {
            session,
            cxid,
            zxid,
            err,
        };
        self.event(kind, Some(server), None);
    }

    fn zk_stale_read(&mut self, idx: usize, server: ServerId, op: &str, zxid: Zxid) {
        if !reads_data(op) {
            return;
        }
        let Some(latest) = self.latest_committed() else {
            return;
        };
        if zxid < latest {
            if let Some(z) = self.cn(idx) {
                z.stale_reads += 1;
            }
            let name = self.clients[idx].name.clone();
            self.zk_note(
                &name,
                format!(
                    "stale read: {op} answered by server {server} at zxid {zxid} while {latest} is committed"
                ),
            );
        }
    }

    /// The leader's last applied zxid (`None` without a serving leader).
    #[must_use]
    pub fn latest_committed(&self) -> Option<Zxid> {
        self.nodes
            .iter()
            .filter(|n| n.status == Status::Up)
            .filter_map(|n| n.server.as_ref())
            .filter(|s| s.state() == crate::zab::proto::ServerState::Leading && s.serving())
            .map(|s| s.core.replica.last_processed())
            .max()
    }

    /// Whether `session` is alive: in the session table of the most up-to-date serving
    /// server (the leader's when there is one).
    #[must_use]
    pub fn session_alive(&self, session: SessionId) -> bool {
        self.freshest()
            .is_some_and(|s| s.core.replica.db.sessions().contains_key(&session))
    }

    /// Whether `session`'s closeSession (explicit or the leader's expiry) is in some server's
    /// log, memory or disk, at a zxid a quorum has committed: from then on every future
    /// leader has it (ZAB's primary order), even if the most up-to-date *serving* server —
    /// a follower cut off from a crashed leader — has not applied it yet.
    #[must_use]
    pub fn session_closed_by_quorum(&self, session: SessionId) -> bool {
        self.nodes.iter().any(|n| {
            let log = n
                .server
                .as_ref()
                .map_or(&n.disk.log, |s| &s.core.durable.log);
            log.iter().any(|e| {
                e.header.session == session
                    && matches!(e.txn, crate::zk::txn::Txn::CloseSession { .. })
                    && self.explain.is_committed(e.zxid())
            })
        })
    }

    /// The serving server with the newest state (the leader if there is one).
    #[must_use]
    pub fn freshest(&self) -> Option<&crate::zab::server::Server> {
        let serving = || {
            self.nodes
                .iter()
                .filter(|n| n.status == Status::Up)
                .filter_map(|n| n.server.as_ref())
                .filter(|s| s.serving())
        };
        serving()
            .find(|s| s.state() == crate::zab::proto::ServerState::Leading)
            .or_else(|| serving().max_by_key(|s| s.core.replica.last_processed()))
    }

    fn zk_connected(&mut self, idx: usize, r: &Response) {
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
    fn zk_expired(&mut self, idx: usize) {
        let session = self.clients[idx].session;
        self.zk_state(
            idx,
            KeeperState::Expired,
            format!("session {session} expired"),
        );
        self.zk_end(idx, Code::SessionExpired, "session expired");
    }

    fn zk_closed(&mut self, idx: usize, why: &str) {
        self.zk_state(idx, KeeperState::Closed, why.to_string());
        self.zk_end(idx, Code::SessionExpired, why);
    }

    fn zk_end(&mut self, idx: usize, code: Code, why: &str) {
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

    fn zk_close(&mut self, idx: usize) {
        let Some(z) = self.cn(idx) else { return };
        match z.state {
            CnxnState::Connected => self.zk_submit(idx, Request::CloseSession, None),
            CnxnState::Connecting => self.zk_closed(idx, "closed while disconnected"),
            CnxnState::Closed => {}
        }
    }

    /// The server's side of the connection: alive (pinging) unless the client is paused,
    /// cut off, or gone.
    fn zk_set_alive(&mut self, idx: usize) {
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

    fn zk_crash(&mut self, idx: usize) {
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

    fn zk_pause(&mut self, idx: usize) {
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
    fn zk_resume(&mut self, idx: usize) {
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

    /// Run one of the handle's recipes with the client API, then send what it asked for.
    fn zk_recipe(&mut self, idx: usize, ri: usize, f: impl FnOnce(&mut Recipe, &mut Zk)) {
        let now = self.now;
        let c = &mut self.clients[idx];
        let (name, session) = (c.name.clone(), c.session);
        let Some(z) = c.zk.as_deref_mut() else { return };
        let Some(rec) = z.recipes.get_mut(ri) else {
            return;
        };
        let before = rec.believes_held();
        let mut zk = Zk::new(now, session, &name, &mut self.rng);
        f(rec, &mut zk);
        let acquired = !before && rec.believes_held();
        let path = rec.spec.path().to_string();
        let (out, notes) = (std::mem::take(&mut zk.out), std::mem::take(&mut zk.notes));
        for n in notes {
            self.zk_note(&name, n);
        }
        if acquired {
            self.zk_check_fencing(idx, &path);
        }
        for (tag, req) in out {
            self.zk_submit(idx, req, Some((ri, tag)));
        }
    }

    /// Holders of `path` other than client `idx`: name and token.
    fn lock_holders(&self, path: &str, idx: usize) -> Vec<(String, Zxid)> {
        self.clients
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != idx)
            .filter_map(|(_, c)| {
                let z = c.zk.as_deref()?;
                let r = z
                    .recipes
                    .iter()
                    .find(|r| r.spec.path() == path && r.believes_held())?;
                Some((
                    c.name.clone(),
                    r.progress().holding().map_or(Zxid::ZERO, |h| h.token),
                ))
            })
            .collect()
    }

    /// Client `idx` just acquired `path`: another client still believing it holds it is
    /// a finding (its session expired while it was paused or cut off).
    fn zk_check_fencing(&mut self, idx: usize, path: &str) {
        let me = self.clients[idx].name.clone();
        let mine = self.lock_holders(path, usize::MAX);
        let token = mine
            .iter()
            .find(|(n, _)| *n == me)
            .map_or(Zxid::ZERO, |(_, t)| *t);
        for (other, t) in self.lock_holders(path, idx) {
            let Some(oc) = self.clients.iter().find(|c| c.name == other) else {
                continue;
            };
            let alive = self.session_alive(oc.session);
            let shared = self.clients[idx]
                .zk
                .as_deref()
                .and_then(|z| z.recipes.iter().find(|r| r.spec.path() == path))
                .is_some_and(|r| matches!(r.spec, RecipeSpec::RwLock { write: false, .. }))
                && oc
                    .zk
                    .as_deref()
                    .and_then(|z| z.recipes.iter().find(|r| r.spec.path() == path))
                    .is_some_and(|r| matches!(r.spec, RecipeSpec::RwLock { write: false, .. }));
            if shared {
                continue;
            }
            let text = if alive {
                format!(
                    "{me} acquired {path} (token {token}) while {other} (token {t}) holds it with a live session: mutual exclusion violated"
                )
            } else {
                format!(
                    "{me} acquired {path} with fencing token {token} while {other} still believes it holds it (token {t}; its session {} has expired): only a resource that rejects tokens below {token} stops {other}",
                    oc.session
                )
            };
            self.event(EventKind::Finding { text }, None, None);
        }
    }

    /// `recipe C …`: start a recipe on the handle (after [`Kernel::check_zk`]).
    pub(crate) fn zk_start_recipe(&mut self, name: &str, spec: RecipeSpec) {
        if let Err(e) = self.check_zk(&Command::Recipe {
            client: name.to_string(),
            spec: spec.clone(),
        }) {
            return self.zk_note(name, format!("error: {e}"));
        }
        let Some(idx) = self.zk_index(name) else {
            return;
        };
        let Some(z) = self.cn(idx) else { return };
        z.recipes.push(Recipe::new(spec));
        let ri = z.recipes.len() - 1;
        self.zk_recipe(idx, ri, |rec, zk| rec.start(zk));
    }

    /// `release C PATH`.
    pub(crate) fn zk_release(&mut self, name: &str, path: &str) {
        let Some(idx) = self.zk_index(name) else {
            return self.zk_note(name, format!("error: no client library process '{name}'"));
        };
        let ri = self.clients[idx].zk.as_deref().and_then(|z| {
            z.recipes
                .iter()
                .rposition(|r| r.spec.path() == path && r.progress().holding().is_some())
                .or_else(|| z.recipes.iter().rposition(|r| r.spec.path() == path))
        });
        let Some(ri) = ri else {
            return self.zk_note(name, format!("error: {name} runs no recipe on {path}"));
        };
        let mut err = None;
        self.zk_recipe(idx, ri, |rec, zk| {
            if let Err(e) = rec.release(zk) {
                err = Some(e);
            }
        });
        if let Some(e) = err {
            self.zk_note(name, format!("error: {e}"));
        }
    }

    /// Whether a client-library command can run now; the error says why not (and the
    /// command then changes nothing).
    pub fn check_zk(&self, c: &Command) -> Result<(), String> {
        let lib = |name: &str| {
            self.zk_index(name)
                .and_then(|i| self.clients[i].zk.as_deref())
                .ok_or_else(|| {
                    format!("no client '{name}': start it with 'client {name} connect 1,2,3'")
                })
        };
        match c {
            Command::Zk { client, action } => {
                if matches!(action, ZkAction::Connect { .. }) {
                    return Ok(());
                }
                let z = lib(client)?;
                match (action, z.process) {
                    (_, Process::Crashed) => Err(format!("client {client} has crashed")),
                    (ZkAction::Pause, Process::Paused) => {
                        Err(format!("client {client} is already paused"))
                    }
                    (ZkAction::Resume, Process::Running) => {
                        Err(format!("client {client} is not paused"))
                    }
                    _ => Ok(()),
                }
            }
            Command::Recipe { client, spec } => {
                let z = lib(client)?;
                if z.process == Process::Paused {
                    return Err(format!("client {client} is paused"));
                }
                if z.process == Process::Crashed || z.state == CnxnState::Closed {
                    return Err(format!(
                        "client {client} is not connected (its session is closed or expired, or it crashed)"
                    ));
                }
                if z.recipes.iter().any(|r| {
                    r.spec.path() == spec.path()
                        && !matches!(
                            r.progress().role,
                            crate::client::recipes::Role::Released
                                | crate::client::recipes::Role::Lost
                                | crate::client::recipes::Role::Done
                                | crate::client::recipes::Role::Left
                        )
                }) {
                    return Err(format!(
                        "client {client} already runs a recipe on {}",
                        spec.path()
                    ));
                }
                let parent = match crate::zk::path::parent_of(spec.path()) {
                    Some("") | None => "/",
                    Some(p) => p,
                };
                if let Some(s) = self.freshest()
                    && s.core.replica.db.tree().get(parent).is_none()
                {
                    return Err(format!(
                        "{} has no parent: create {parent} first",
                        spec.path()
                    ));
                }
                Ok(())
            }
            Command::Unlock { client, path } => {
                let z = lib(client)?;
                if z.process != Process::Running {
                    return Err(format!("client {client} is not running"));
                }
                let r = z
                    .recipes
                    .iter()
                    .rev()
                    .find(|r| r.spec.path() == path)
                    .ok_or_else(|| format!("client {client} runs no recipe on {path}"))?;
                let in_barrier = matches!(r.spec, RecipeSpec::Barrier { .. })
                    && matches!(
                        r.progress().role,
                        crate::client::recipes::Role::Entered
                            | crate::client::recipes::Role::Waiting
                    );
                let held = in_barrier
                    || r.progress().holding().is_some()
                        && matches!(
                            r.spec,
                            RecipeSpec::Lock { .. }
                                | RecipeSpec::RwLock { .. }
                                | RecipeSpec::Election { .. }
                                | RecipeSpec::Group { .. }
                        );
                if held {
                    Ok(())
                } else {
                    Err(format!(
                        "client {client} does not hold {path} (its {} is {})",
                        r.spec.kind(),
                        r.progress().role
                    ))
                }
            }
            _ => Ok(()),
        }
    }
}

/// Record a register operation for the linearizability checker.
fn record_op(z: &mut Cnxn, client: &str, cxid: i32, req: &Request, now: SimTime) {
    let after_sync = std::mem::replace(&mut z.after_sync, matches!(req, Request::Sync { .. }));
    let text =
        |d: &Option<Vec<u8>>| String::from_utf8_lossy(d.as_deref().unwrap_or_default()).to_string();
    let (key, write, synced) = match req {
        Request::SetData { path, data, .. } => (path, Some(text(data)), false),
        Request::Create {
            path, data, mode, ..
        } if !mode.is_sequential() => (path, Some(text(data)), false),
        Request::GetData { path, .. } => (path, None, after_sync),
        _ => return,
    };
    if z.ops.len() >= crate::client::cnxn::KEEP_OPS {
        return;
    }
    z.ops.push(crate::check::client::check_linearizable::RegOp {
        client: client.to_string(),
        cxid,
        key: key.clone(),
        write,
        invoke: now,
        complete: None,
        read: None,
        ok: None,
        synced,
    });
}

/// The answer to a recorded register operation.
fn complete_op(z: &mut Cnxn, cxid: i32, r: &Response, now: SimTime) {
    let Some(op) = z
        .ops
        .iter_mut()
        .rev()
        .find(|o| o.cxid == cxid && o.complete.is_none())
    else {
        return;
    };
    if r.code == Code::ConnectionLoss && op.write.is_some() {
        // Unknown: the write may still commit.
        return;
    }
    op.complete = Some(now);
    op.ok = Some(r.code.is_ok());
    if op.write.is_none() {
        op.read = match (&r.code, &r.body) {
            (Code::Ok, ResponseBody::Data { data, .. }) => Some(Some(
                String::from_utf8_lossy(data.as_deref().unwrap_or_default()).to_string(),
            )),
            (Code::NoNode, _) => Some(None),
            _ => None,
        };
        if op.read.is_none() {
            op.ok = Some(false);
        }
    }
}

/// Is the operation named `op` (as a client result records it) one of the reads
/// [`Request::reads_data`] names — getData, getChildren(2), exists?
fn reads_data(op: &str) -> bool {
    ["getData", "getChildren", "exists"]
        .iter()
        .any(|p| op.starts_with(p))
}
