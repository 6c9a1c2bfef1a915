//! `StandaloneServer`: ZooKeeperServer for one server (ZooKeeperServerMain): connections
//! (session ↔ auth ids, counters), the database (prep view = committed db, since a standalone
//! server commits each txn right after prepping it), the zxid counter (epoch 0), the session
//! tracker with expiry on tick boundaries, the ContainerManager, and the watch manager.
//!
//! Requests run the standalone pipeline: PrepRequestProcessor (`ZkDatabase::prep`) →
//! SyncRequestProcessor (nothing to do here) → FinalRequestProcessor (`apply`, then watch
//! triggers, so a client sees events before any later response).

use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zk::acl::{AuthConfig, Id};
use crate::zk::code::Code;
use crate::zk::db::{DbConfig, ZkDatabase};
use crate::zk::request::{Request, RequestContext, Response, ResponseBody};
use crate::zk::session::{SessionConfig, SessionTracker};
use crate::zk::stat::EphemeralType;
use crate::zk::watch::{KeeperState, WatchManager, WatchedEvent};
use crate::zxid::Zxid;
use std::collections::BTreeMap;

mod packet;
mod stats;

pub use packet::request_packet_len;
pub use stats::{ConnectionStats, ServerStats};

/// `jute.maxbuffer` default: a bigger request packet makes the server drop the connection.
pub const MAX_BUFFER: usize = 1_048_575;

/// Events caused by one call: `(session that receives it, event)`, in delivery order.
pub type Events = Vec<(SessionId, WatchedEvent)>;

/// Settings from zoo.cfg and system properties that a standalone server honours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerConfig {
    /// Session timeout bounds and tickTime.
    pub session: SessionConfig,
    /// Database settings (digest, limits).
    pub db: DbConfig,
    /// Authentication settings (super digest, …).
    pub auth: AuthConfig,
    /// `znode.container.checkIntervalMs` (default one minute).
    pub container_check_interval_ms: u64,
    /// `jute.maxbuffer`.
    pub max_buffer: usize,
    /// The address every simulated client connects from (`ip` auth id).
    pub client_ip: String,
    /// `clientPort` as shown by `conf`.
    pub client_port: u16,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            session: SessionConfig::default(),
            db: DbConfig::default(),
            auth: AuthConfig::default(),
            container_check_interval_ms: 60_000,
            max_buffer: MAX_BUFFER,
            client_ip: "127.0.0.1".to_string(),
            client_port: 2181,
        }
    }
}

/// One client connection (ServerCnxn).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// The identities this connection authenticated as.
    pub auth: Vec<Id>,
    /// The client process is alive and pinging (false after `disconnect`).
    pub alive: bool,
    /// AuthFailed closed this connection; further requests fail with AuthFailed.
    pub auth_failed: bool,
    /// Its `cons` counters.
    pub stats: ConnectionStats,
}

/// A standalone ZooKeeper server.
#[derive(Clone, Debug)]
pub struct StandaloneServer {
    config: ServerConfig,
    db: ZkDatabase,
    watches: WatchManager,
    tracker: SessionTracker,
    connections: BTreeMap<SessionId, Connection>,
    now: SimTime,
    next_container_check: SimTime,
    zxid_before_check: Zxid,
    stats: ServerStats,
}

impl StandaloneServer {
    /// A fresh server started at time 0 (session ids `0x1 << 56 | …`).
    #[must_use]
    pub fn new(config: ServerConfig) -> StandaloneServer {
        StandaloneServer {
            db: ZkDatabase::new(config.db),
            watches: WatchManager::default(),
            tracker: SessionTracker::new(1, config.session, SimTime::ZERO),
            connections: BTreeMap::new(),
            now: SimTime::ZERO,
            next_container_check: SimTime(config.container_check_interval_ms.max(1)),
            zxid_before_check: Zxid::ZERO,
            stats: ServerStats::default(),
            config,
        }
    }

    /// Its settings.
    #[must_use]
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    /// Its in-memory database (ZKDatabase).
    #[must_use]
    pub fn db(&self) -> &ZkDatabase {
        &self.db
    }

    /// Its watch manager.
    #[must_use]
    pub fn watches(&self) -> &WatchManager {
        &self.watches
    }

    /// Its session tracker.
    #[must_use]
    pub fn tracker(&self) -> &SessionTracker {
        &self.tracker
    }

    /// Its client connections, by session.
    #[must_use]
    pub fn connections(&self) -> &BTreeMap<SessionId, Connection> {
        &self.connections
    }

    /// Its packet counters.
    #[must_use]
    pub fn stats(&self) -> &ServerStats {
        &self.stats
    }

    /// Its simulated clock.
    #[must_use]
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// Counts one four-letter-word exchange (its own short-lived connection).
    pub fn note_four_letter(&mut self) -> u64 {
        self.stats.connections_accepted += 1;
        self.stats.received += 1;
        ServerStats::port_of(self.stats.connections_accepted)
    }

    /// Counts the reply of a four-letter word.
    pub fn note_four_letter_sent(&mut self) {
        self.stats.sent += 1;
    }

    /// The zxid the next txn gets (`ZooKeeperServer.getNextZxid`: `++hzxid`).
    fn next_zxid(&mut self) -> Zxid {
        Zxid(self.db.last_processed_zxid().0 + 1)
    }

    /// Prep + apply + fire watches; the standalone write path.
    fn commit(&mut self, ctx: &RequestContext, req: &Request, at: SimTime) -> (Response, Events) {
        let zxid = self.next_zxid();
        let entry = self.db.prep(ctx, req, zxid, at);
        let applied = self.db.apply(&entry);
        let conns = &self.connections;
        let events = self
            .watches
            .trigger(&applied.triggers, |s| conns.get(&s).map(|c| c.auth.clone()));
        (applied.response, events)
    }

    /// A client connects: the tracker picks the id and negotiates the timeout, then the
    /// createSession txn commits (it has its own zxid).
    pub fn connect(&mut self, requested_timeout_ms: i32, now: SimTime) -> (Response, Events) {
        let mut events = self.advance(now);
        let (id, timeout) = self.tracker.create_session(requested_timeout_ms, self.now);
        let ctx = RequestContext::new(id, 0, Vec::new());
        let (resp, ev) = self.commit(
            &ctx,
            &Request::CreateSession {
                timeout_ms: timeout,
            },
            now,
        );
        events.extend(ev);
        let ip = Id::new("ip", &self.config.client_ip);
        self.stats.connections_accepted += 1;
        let port = ServerStats::port_of(self.stats.connections_accepted);
        let mut stats = ConnectionStats::new(port, now, timeout);
        stats.record(0, resp.zxid, "CONN", now);
        self.connections.insert(
            id,
            Connection {
                auth: vec![ip],
                alive: true,
                auth_failed: false,
                stats,
            },
        );
        self.stats.received += 1;
        self.stats.sent += 1;
        (resp, events)
    }

    /// Handles one request from `session` at `now` (time first advances to `now`, firing
    /// expiries and container checks). Returns the reply and every watch event caused, in
    /// order; events for `session` come before its reply.
    pub fn handle(&mut self, session: SessionId, req: Request, now: SimTime) -> (Response, Events) {
        if let Request::CreateSession { timeout_ms } = req {
            return self.connect(timeout_ms, now);
        }
        let mut events = self.advance(now);
        let (mut resp, ev) = self.dispatch(session, &req);
        events.extend(ev);
        self.wake_container_check();
        if resp.zxid == Zxid::ZERO {
            resp.zxid = self.db.last_processed_zxid();
        }
        self.stats.received += 1;
        self.stats.sent += 1;
        if let Some(c) = self.connections.get_mut(&session) {
            c.stats.cxid += 1;
            let cxid = c.stats.cxid;
            c.stats.record(cxid, resp.zxid, stats::last_op(&req), now);
        }
        (resp, events)
    }

    fn dispatch(&mut self, session: SessionId, req: &Request) -> (Response, Events) {
        let Some(conn) = self.connections.get(&session) else {
            return (Response::err(Code::SessionExpired), Vec::new());
        };
        if conn.auth_failed {
            return (Response::err(Code::AuthFailed), Vec::new());
        }
        let auth = crate::zk::acl::java_auth_order(&conn.auth);
        let ctx = RequestContext::new(session, conn.stats.cxid + 1, auth);
        self.tracker.touch(session, self.now);
        if request_packet_len(req) > self.config.max_buffer {
            // NIOServerCnxn.readLength: "Len error" closes the socket; the client sees
            // ConnectionLoss, reconnects, and its session lives on.
            return (Response::err(Code::ConnectionLoss), Vec::new());
        }
        match req {
            Request::CloseSession => self.close_session(&ctx),
            r if r.is_txn() => self.commit(&ctx, r, self.now),
            Request::AddAuth { scheme, auth } => (self.add_auth(session, scheme, auth), Vec::new()),
            Request::AddWatch { path, mode } => {
                self.watches.add_watch(session, path, *mode);
                (Response::ok(ResponseBody::Empty), Vec::new())
            }
            Request::RemoveWatches { path, watcher_type } => {
                let r = self.watches.remove_watches(session, path, *watcher_type);
                (
                    r.map_or_else(Response::err, |()| Response::ok(ResponseBody::Empty)),
                    Vec::new(),
                )
            }
            set @ Request::SetWatches { .. } => {
                let ev = self
                    .watches
                    .set_watches_request(self.db.tree(), session, set);
                let ev = ev.into_iter().map(|e| (session, e)).collect();
                (Response::ok(ResponseBody::Empty), ev)
            }
            r => {
                let resp = self.db.read(&ctx, r);
                self.watches.register_read(session, r, &resp);
                (resp, Vec::new())
            }
        }
    }

    /// closeSession from the client: the txn deletes its ephemerals; the connection and its
    /// watches go.
    fn close_session(&mut self, ctx: &RequestContext) -> (Response, Events) {
        self.tracker.set_closing(ctx.session);
        let out = self.commit(ctx, &Request::CloseSession, self.now);
        self.forget_session(ctx.session);
        out
    }

    fn forget_session(&mut self, session: SessionId) {
        self.tracker.remove_session(session);
        self.watches.remove_session(session);
        self.connections.remove(&session);
    }

    /// `addauth`: the provider's ids join the connection's auth info; an unknown scheme is
    /// AuthFailed and the server closes the connection.
    fn add_auth(&mut self, session: SessionId, scheme: &str, auth: &[u8]) -> Response {
        let ip = self.config.client_ip.clone();
        let result = self.config.auth.authenticate(scheme, auth, &ip);
        let Some(conn) = self.connections.get_mut(&session) else {
            return Response::err(Code::SessionExpired);
        };
        match result {
            Ok(ids) => {
                for id in ids {
                    if !conn.auth.contains(&id) {
                        conn.auth.push(id);
                    }
                }
                Response::ok(ResponseBody::Empty)
            }
            Err(code) => {
                conn.auth_failed = true;
                conn.alive = false;
                Response::err(code)
            }
        }
    }

    /// The client process dies (or its network goes): it stops pinging; the session expires
    /// on the tick boundary after its timeout unless it reconnects.
    pub fn disconnect(&mut self, session: SessionId) {
        if let Some(c) = self.connections.get_mut(&session) {
            c.alive = false;
        }
    }

    /// Advances the clock to `now`: live clients' pings touch their sessions, then every
    /// expiry bucket and container check up to `now` runs in time order. Returns the watch
    /// events caused (expired sessions' ephemerals, deleted containers).
    pub fn advance(&mut self, now: SimTime) -> Events {
        let mut events = Vec::new();
        if now < self.now {
            return events;
        }
        // Live clients ping every timeout/3 while idle, so they never expire: touching them at
        // `now` first leaves only dead clients' sessions in the buckets processed below.
        self.touch_live(now);
        loop {
            let next_expiry = self.tracker.next_expiration().filter(|t| *t <= now);
            let next_check = Some(self.next_container_check).filter(|t| *t <= now);
            match (next_expiry, next_check) {
                (Some(e), c) if c.is_none_or(|c| e <= c) => {
                    self.now = e;
                    events.extend(self.expire_sessions(e));
                    self.wake_container_check();
                }
                (_, Some(c)) => {
                    self.now = c;
                    let ev = self.check_containers(c);
                    self.next_container_check = if ev.is_empty()
                        && self.db.last_processed_zxid() == self.zxid_before_check
                    {
                        self.next_useful_check(c)
                    } else {
                        c.plus_ms(self.check_step())
                    };
                    events.extend(ev);
                    if self.next_container_check <= c {
                        // Time saturated at u64::MAX ms: no later boundary exists, so this
                        // call has done its last check (the loop must not spin at MAX).
                        break;
                    }
                }
                _ => break,
            }
        }
        self.now = now;
        events
    }

    fn touch_live(&mut self, at: SimTime) {
        let live: Vec<SessionId> = self
            .connections
            .iter()
            .filter(|(_, c)| c.alive)
            .map(|(s, _)| *s)
            .collect();
        for s in live {
            self.tracker.touch(s, at);
        }
    }

    /// SessionTrackerImpl.run → `expire(session)` → closeSession request.
    fn expire_sessions(&mut self, at: SimTime) -> Events {
        let mut events = Vec::new();
        for (when, s) in self.tracker.expired(at) {
            let ctx = RequestContext::new(s, 0, Vec::new());
            let (_, ev) = self.commit(&ctx, &Request::CloseSession, when);
            events.extend(ev);
            self.forget_session(s);
        }
        events
    }

    fn check_step(&self) -> u64 {
        self.config.container_check_interval_ms.max(1)
    }

    /// The first check boundary (`k × interval`) at or after `t`.
    fn boundary_at_or_after(&self, t: u64) -> SimTime {
        let step = self.check_step();
        SimTime(t.div_ceil(step).saturating_mul(step).max(step))
    }

    /// After a change of state the periodic check must run at its next boundary again.
    fn wake_container_check(&mut self) {
        let next = self.boundary_at_or_after(self.now.ms().saturating_add(1));
        self.next_container_check = self.next_container_check.min(next);
    }

    /// A check that deleted nothing will find nothing until a TTL node's idle time passes
    /// its ttl or the state changes (a request or an expiry wakes the check again), so time
    /// can jump: long `run`s stay cheap.
    fn next_useful_check(&self, c: SimTime) -> SimTime {
        let tree = self.db.tree();
        let ttl_due = tree
            .ttls()
            .iter()
            .filter_map(|p| tree.get(p))
            .filter(|n| n.children.is_empty())
            .filter_map(|n| match EphemeralType::of(n.stat.ephemeral_owner) {
                EphemeralType::Ttl(ttl) => Some(n.stat.mtime.saturating_add(ttl).saturating_add(1)),
                _ => None,
            })
            .min();
        let due = [
            ttl_due.map(|d| d.max(0) as u64),
            self.tracker.next_expiration().map(SimTime::ms),
        ]
        .into_iter()
        .flatten()
        .min();
        match due {
            Some(d) => self
                .boundary_at_or_after(d)
                .max(c.plus_ms(self.check_step())),
            None => SimTime(u64::MAX),
        }
    }

    /// ContainerManager.checkContainers: empty containers that had children, and TTL nodes
    /// idle longer than their TTL, are deleted via deleteContainer requests (session 0).
    fn check_containers(&mut self, at: SimTime) -> Events {
        self.zxid_before_check = self.db.last_processed_zxid();
        let tree = self.db.tree();
        let mut candidates = Vec::new();
        for p in tree.containers() {
            if let Some(n) = tree.get(p)
                && n.children.is_empty()
                && n.stat.cversion > 0
            {
                candidates.push(p.clone());
            }
        }
        for p in tree.ttls() {
            if let Some(n) = tree.get(p)
                && let EphemeralType::Ttl(ttl) = EphemeralType::of(n.stat.ephemeral_owner)
                && n.children.is_empty()
                && ttl != 0
                && at.ms() as i64 - n.stat.mtime > ttl
            {
                candidates.push(p.clone());
            }
        }
        let ctx = RequestContext::new(SessionId(0), 0, Vec::new());
        let mut events = Vec::new();
        for path in candidates {
            let (_, ev) = self.commit(&ctx, &Request::DeleteContainer { path }, at);
            events.extend(ev);
        }
        events
    }

    /// The state event a client sees when its session is gone (`Expired`).
    #[must_use]
    pub fn expired_event() -> WatchedEvent {
        WatchedEvent {
            event_type: crate::zk::watch::EventType::None,
            keeper_state: KeeperState::Expired,
            path: None,
        }
    }
}

#[cfg(test)]
mod tests;
