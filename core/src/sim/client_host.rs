//! The kernel's side of the client-library boundary: [`Host`] for [`Kernel`] (the clock, the
//! RNG, the trace, the agenda and the server end of each client connection), the entry into
//! the library ([`Kernel::zk`]), and the questions about the ensemble that the library, the
//! checkers and the tests ask (the latest commit, whether a session lives).

use crate::client::host::{Host, ServerProcess, ServerSide};
use crate::client::{ZooKeeper, check_command};
use crate::explain::Text;
use crate::ids::{ServerId, SessionId};
use crate::rng::SimRng;
use crate::sim::client::Client;
use crate::sim::command::{ClientOp, Command};
use crate::sim::kernel::{Item, Kernel, Status};
use crate::sim::trace::EventKind;
use crate::time::SimTime;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response};
use crate::zk::watch::WatchedEvent;
use crate::zxid::Zxid;

impl Kernel {
    /// The client library, driven by this kernel.
    pub(crate) fn zk(&mut self) -> ZooKeeper<'_, Kernel> {
        ZooKeeper::over(self)
    }

    /// `connect NAME SERVER`: a single-server client.
    pub(crate) fn connect(&mut self, name: &str, server: ServerId, timeout_ms: u64) {
        self.zk().connect_single(name, server, timeout_ms);
    }

    /// A client operation (`create C …`, `get C …`, `die C`, …).
    pub(crate) fn client_op(&mut self, name: &str, op: &ClientOp) {
        self.zk().op(name, op);
    }

    /// Any request from client `name` (the api, zkCli).
    pub(crate) fn client_request(&mut self, name: &str, request: Request) {
        self.zk().request(name, request);
    }

    /// `move C N`.
    pub(crate) fn move_client(&mut self, name: &str, server: ServerId) {
        self.zk().move_to(name, server);
    }

    /// A server's reply to `session` (an `Output::Reply`).
    pub(crate) fn client_reply(
        &mut self,
        server: ServerId,
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
    ) {
        self.zk().reply_to_session(server, session, cxid, zxid, r);
    }

    /// A server's watch event for `session` (an `Output::Watch`).
    pub(crate) fn client_watch(
        &mut self,
        server: ServerId,
        session: SessionId,
        event: &WatchedEvent,
    ) {
        self.zk().watch_for_session(server, session, event);
    }

    /// A single-server client's request timed out (`Item::ClientTimeout`).
    pub(crate) fn client_timeout(&mut self, client: usize, cxid: i32) {
        self.zk().request_timeout(client, cxid);
    }

    /// Whether a client-library command can run now; the error says why not (and the
    /// command then changes nothing).
    pub fn check_zk(&self, c: &Command) -> Result<(), Text> {
        check_command(self, c)
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
}

impl Host for Kernel {
    fn now(&self) -> SimTime {
        self.now
    }

    fn rng(&mut self) -> &mut SimRng {
        &mut self.rng
    }

    fn clients(&self) -> &[Client] {
        &self.clients
    }

    fn clients_mut(&mut self) -> &mut Vec<Client> {
        &mut self.clients
    }

    fn clients_and_rng(&mut self) -> (&mut Vec<Client>, &mut SimRng) {
        (&mut self.clients, &mut self.rng)
    }

    fn trace(&mut self, kind: EventKind, from: Option<ServerId>, to: Option<ServerId>) {
        self.event(kind, from, to);
    }

    fn set_tick(&mut self, at: SimTime, client: usize) -> (SimTime, u64) {
        self.schedule(at, Item::ClientTick { client })
    }

    fn set_timeout(&mut self, at: SimTime, client: usize, cxid: i32) -> (SimTime, u64) {
        self.schedule(at, Item::ClientTimeout { client, cxid })
    }

    fn cancel(&mut self, key: (SimTime, u64)) {
        self.agenda.remove(&key);
    }

    fn server(&self, id: ServerId, session: SessionId) -> Option<ServerSide> {
        let node = &self.nodes[self.slot(id)?];
        let process = node.server.as_ref().map(|s| ServerProcess {
            serving: s.serving(),
            has_connection: s.core.connections.contains_key(&session),
            shutdowns: s.core.shutdowns,
        });
        Some(match (node.status, process) {
            (Status::Up, Some(p)) => ServerSide::Up(p),
            (Status::Paused, Some(p)) => ServerSide::Paused(p),
            _ => ServerSide::Down,
        })
    }

    fn connect(&mut self, id: ServerId, asked: i32, out: &mut Outbox) -> (SessionId, i32) {
        let now = self.now;
        match self.slot(id).and_then(|i| self.nodes[i].server.as_mut()) {
            Some(s) => s.connect(now, asked, out),
            None => (SessionId(0), asked),
        }
    }

    fn reconnect(
        &mut self,
        id: ServerId,
        session: SessionId,
        last: Zxid,
        auth: &[(String, Vec<u8>)],
        out: &mut Outbox,
    ) -> Result<(), String> {
        let now = self.now;
        match self.slot(id).and_then(|i| self.nodes[i].server.as_mut()) {
            Some(s) => s.reconnect(now, session, last, auth, out),
            None => Err("Connection refused".to_string()),
        }
    }

    fn deliver(&mut self, id: ServerId, out: &mut Outbox) {
        if let Some(slot) = self.slot(id) {
            self.process(slot, out);
        }
    }

    fn request(&mut self, id: ServerId, session: SessionId, cxid: i32, request: Request) {
        let Some(slot) = self.slot(id) else {
            return;
        };
        let now = self.now;
        let mut out = Outbox::new();
        if let Some(s) = self.nodes[slot].server.as_mut() {
            s.handle_client(now, session, cxid, request, &mut out);
        }
        self.process(slot, &mut out);
    }

    fn drop_connection(&mut self, id: ServerId, session: SessionId) {
        if let Some(s) = self.slot(id).and_then(|i| self.nodes[i].server.as_mut()) {
            s.drop_connection(session);
        }
    }

    fn set_alive(&mut self, id: ServerId, session: SessionId, alive: bool) {
        if let Some(conn) = self
            .slot(id)
            .and_then(|i| self.nodes[i].server.as_mut())
            .and_then(|s| s.core.connections.get_mut(&session))
        {
            conn.alive = alive;
        }
    }

    fn disconnect(&mut self, id: ServerId, session: SessionId) {
        if let Some(s) = self.slot(id).and_then(|i| self.nodes[i].server.as_mut()) {
            s.disconnect(session);
        }
    }

    fn cancel_request(&mut self, id: ServerId, session: SessionId, cxid: i32) {
        if let Some(s) = self.slot(id).and_then(|i| self.nodes[i].server.as_mut()) {
            s.cancel_client(session, cxid);
        }
    }

    fn latest_committed(&self) -> Option<Zxid> {
        Kernel::latest_committed(self)
    }

    fn session_alive(&self, session: SessionId) -> bool {
        Kernel::session_alive(self, session)
    }

    fn znode_exists(&self, path: &str) -> Option<bool> {
        self.freshest()
            .map(|s| s.core.replica.db.tree().get(path).is_some())
    }
}
