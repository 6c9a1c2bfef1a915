//! The narrow interface between the client library ([`ZooKeeper`](super::ZooKeeper)) and
//! whatever runs it (the simulation kernel). The library reaches the rest of the world only
//! through these methods: the clock, the seeded RNG, the trace, its timers (a handle's tick, a
//! single-server client's request timeout), the server end of each connection (what a packet
//! meets, the connect handshake, a request written to the socket) and three questions about
//! the ensemble. Nothing here exposes a server's or the kernel's fields.
//!
//! Calls into a server run synchronously, as in the kernel before this boundary existed: a
//! reply the server writes while handling a request reaches the library (re-entering it)
//! before the call returns. Queuing those replies instead would reorder the trace, and traces
//! must stay byte-identical.

use crate::ids::{ServerId, SessionId};
use crate::rng::SimRng;
use crate::sim::client::Client;
use crate::sim::trace::EventKind;
use crate::time::SimTime;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::Request;
use crate::zxid::Zxid;

/// What the library can see of the server at the other end of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ServerSide {
    /// No process runs (never started, stopped, crashed): nothing listens on the port.
    Down,
    /// The process is stopped (SIGSTOP): the kernel accepts bytes, nobody reads them.
    Paused(ServerProcess),
    /// The process runs.
    Up(ServerProcess),
}

/// A running server process, as its client connections see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ServerProcess {
    /// It serves clients (a leader or a synced learner: `ZooKeeperServer.isRunning`).
    pub serving: bool,
    /// It has a connection for the session asked about.
    pub has_connection: bool,
    /// How many times it left a serving role (closing every client connection).
    pub shutdowns: u64,
}

/// What the client library needs from the world it runs in.
pub(crate) trait Host {
    /// The current simulated time.
    fn now(&self) -> SimTime;
    /// The run's seeded RNG (the library draws from `Stream::Client`, recipes from
    /// `Stream::Recipe`).
    fn rng(&mut self) -> &mut SimRng;
    /// The client handles (the library's state; the view and the checkers read it too).
    fn clients(&self) -> &[Client];
    /// The client handles, to change.
    fn clients_mut(&mut self) -> &mut Vec<Client>;
    /// The handles and the RNG at once (a recipe step reads both).
    fn clients_and_rng(&mut self) -> (&mut Vec<Client>, &mut SimRng);
    /// Record a trace event of this step.
    fn trace(&mut self, kind: EventKind, from: Option<ServerId>, to: Option<ServerId>);
    /// Set handle `client`'s timer at `at`; the key cancels it.
    fn set_tick(&mut self, at: SimTime, client: usize) -> (SimTime, u64);
    /// Set the timeout of single-server client `client`'s request `cxid` at `at`.
    fn set_timeout(&mut self, at: SimTime, client: usize, cxid: i32) -> (SimTime, u64);
    /// Cancel a timer set with [`Host::set_tick`] or [`Host::set_timeout`].
    fn cancel(&mut self, key: (SimTime, u64));
    /// The server `id` as a connection for `session` sees it (`None`: no such server in the
    /// ensemble's configuration).
    fn server(&self, id: ServerId, session: SessionId) -> Option<ServerSide>;
    /// ConnectRequest for a new session to a serving server: the session id and the
    /// negotiated timeout. What the server writes stays in `out` until [`Host::deliver`].
    fn connect(&mut self, id: ServerId, asked: i32, out: &mut Outbox) -> (SessionId, i32);
    /// ConnectRequest for an existing session, with `lastZxidSeen` and the auth info; `Err`
    /// says why the server refused. What it writes stays in `out` until [`Host::deliver`].
    fn reconnect(
        &mut self,
        id: ServerId,
        session: SessionId,
        last: Zxid,
        auth: &[(String, Vec<u8>)],
        out: &mut Outbox,
    ) -> Result<(), String>;
    /// Carry out what server `id` wrote to `out` (replies reach the library at once).
    fn deliver(&mut self, id: ServerId, out: &mut Outbox);
    /// The server reads request `cxid` of `session` from the socket and handles it.
    fn request(&mut self, id: ServerId, session: SessionId, cxid: i32, request: Request);
    /// The socket closed on the client's side: the server drops the connection.
    fn drop_connection(&mut self, id: ServerId, session: SessionId);
    /// The client process died without a word (`die`): the server forgets the connection.
    fn disconnect(&mut self, id: ServerId, session: SessionId);
    /// The client gave up on request `cxid`: the server forgets the pending answer.
    fn cancel_request(&mut self, id: ServerId, session: SessionId, cxid: i32);
    /// Whether the server hears the client's pings on `session`'s connection.
    fn set_alive(&mut self, id: ServerId, session: SessionId, alive: bool);
    /// The leader's last applied zxid (`None` without a serving leader).
    fn latest_committed(&self) -> Option<Zxid>;
    /// Whether `session` is alive on the most up-to-date serving server.
    fn session_alive(&self, session: SessionId) -> bool;
    /// Whether znode `path` exists on the most up-to-date serving server (`None`: no
    /// server serves).
    fn znode_exists(&self, path: &str) -> Option<bool>;
}
