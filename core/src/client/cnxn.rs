//! `ClientCnxn`'s state for one handle: the shuffled host list, the connection state, the
//! timers, the outgoing queue, the recipes it runs, and what happened to it.

use crate::client::recipes::Recipe;
use crate::ids::ServerId;
use crate::time::SimTime;
use crate::zab::server::replica::Response;
use crate::zk::request::Request;
use crate::zk::watch::{KeeperState, WatchedEvent};
use crate::zxid::Zxid;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// `ZooKeeper.States` as far as the simulation needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CnxnState {
    Connecting,
    Connected,
    /// Closed by the application, expired, or the process died: the handle is dead.
    Closed,
}

/// The client process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Process {
    Running,
    /// Stopped (a GC pause): nothing is sent, read or timed until it resumes.
    Paused,
    Crashed,
}

/// Something the server sent while the process was paused (kept in the socket buffer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parked {
    Reply {
        server: ServerId,
        cxid: i32,
        zxid: Zxid,
        response: Response,
    },
    Watch {
        server: ServerId,
        event: WatchedEvent,
    },
}

/// One connection-state change, as the handle's Watcher saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateChange {
    pub at: SimTime,
    pub state: KeeperState,
    pub server: ServerId,
    pub why: String,
}

/// A ZooKeeper handle's connection (`ClientCnxn`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cnxn {
    /// The connect string after StaticHostProvider's shuffle.
    pub hosts: Vec<ServerId>,
    /// Index of the next host to try.
    pub next: usize,
    /// Hosts tried since the last successful connection (a full round adds `spinDelay`).
    pub tried: usize,
    pub state: CnxnState,
    pub process: Process,
    /// The timeout asked for, and the one the server negotiated.
    pub asked_timeout: u64,
    pub session_timeout: u64,
    /// The handle has a session (a ConnectResponse came back once).
    pub established: bool,
    /// When the current connection attempt started, if one is in progress.
    pub attempt_since: Option<SimTime>,
    /// When the next attempt starts (back-off), if waiting.
    pub next_attempt: Option<SimTime>,
    /// The server's `shutdowns` count when this connection was made.
    pub server_shutdowns: u64,
    pub last_send: SimTime,
    pub last_recv: SimTime,
    /// Servers this client cannot reach (a client-side partition).
    pub cut: BTreeSet<ServerId>,
    /// `outgoingQueue`: requests not yet written to the socket (cxid and request). The
    /// application's requests wait here for the SendThread, which runs as its own step.
    pub queued: VecDeque<(i32, Request)>,
    /// Written to the socket but not yet read by the server (it is paused, or the link is
    /// cut): TCP delivers them, in order, once the server reads again.
    pub unread: VecDeque<(i32, Request)>,
    /// Which recipe (and its tag) each request belongs to.
    pub tags: BTreeMap<i32, (usize, u32)>,
    pub recipes: Vec<Recipe>,
    pub states: Vec<StateChange>,
    pub parked: Vec<Parked>,
    pub paused_at: Option<SimTime>,
    /// The agenda key of this handle's timer.
    pub tick: Option<(SimTime, u64)>,
    pub pings: u64,
    pub stale_reads: u64,
    /// ConnectionLoss answers given.
    pub connection_losses: u64,
    /// Register operations (create/setData/getData) for the linearizability checker.
    pub ops: Vec<crate::check::client::check_linearizable::RegOp>,
    /// The last request submitted was a `sync` (a getData right after it is a synced read).
    pub after_sync: bool,
    /// Reads answered with a zxid older than one this client had already seen.
    pub went_back: u64,
}

/// Register operations kept per client.
pub const KEEP_OPS: usize = 4096;

/// Back-off before a reconnect: `ClientCnxn.startConnect` sleeps `r.nextInt(1000)` ms.
pub const BACKOFF_MS: u64 = 1000;
/// `StaticHostProvider.next(spinDelay)`: after trying every host, wait this long.
pub const SPIN_DELAY_MS: u64 = 1000;

impl Cnxn {
    #[must_use]
    pub fn new(hosts: Vec<ServerId>, timeout_ms: u64, now: SimTime) -> Cnxn {
        Cnxn {
            hosts,
            next: 0,
            tried: 0,
            state: CnxnState::Connecting,
            process: Process::Running,
            asked_timeout: timeout_ms,
            session_timeout: timeout_ms,
            established: false,
            attempt_since: None,
            next_attempt: Some(now),
            server_shutdowns: 0,
            last_send: now,
            last_recv: now,
            cut: BTreeSet::new(),
            queued: VecDeque::new(),
            unread: VecDeque::new(),
            tags: BTreeMap::new(),
            recipes: Vec::new(),
            states: Vec::new(),
            parked: Vec::new(),
            paused_at: None,
            tick: None,
            pings: 0,
            stale_reads: 0,
            connection_losses: 0,
            ops: Vec::new(),
            after_sync: false,
            went_back: 0,
        }
    }

    /// `readTimeout = sessionTimeout * 2 / 3` (ClientCnxn.onConnected).
    #[must_use]
    pub fn read_timeout(&self) -> u64 {
        self.session_timeout * 2 / 3
    }

    /// `connectTimeout = sessionTimeout / hostProvider.size()`.
    #[must_use]
    pub fn connect_timeout(&self) -> u64 {
        self.session_timeout / self.hosts.len().max(1) as u64
    }

    /// When the handle's timer must fire next (`None`: nothing to time).
    #[must_use]
    pub fn deadline(&self) -> Option<SimTime> {
        if self.process != Process::Running {
            return None;
        }
        match self.state {
            CnxnState::Closed => None,
            CnxnState::Connecting => self.next_attempt.or_else(|| {
                self.attempt_since
                    .map(|t| t.plus_ms(self.connect_timeout()))
            }),
            // The SendThread writes queued packets as soon as it runs.
            CnxnState::Connected if !self.queued.is_empty() => Some(SimTime::ZERO),
            // SendThread: ping once idle for readTimeout/2; give up after readTimeout silent.
            CnxnState::Connected => Some(
                self.last_send
                    .plus_ms(self.read_timeout() / 2)
                    .min(self.last_recv.plus_ms(self.read_timeout())),
            ),
        }
    }

    /// The connection-state name ZooKeeper's Watcher would print.
    #[must_use]
    pub fn keeper_state(&self) -> KeeperState {
        self.states
            .last()
            .map_or(KeeperState::Disconnected, |s| s.state)
    }
}
