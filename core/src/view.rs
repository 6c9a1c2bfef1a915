//! `ClusterView`: the read-only picture of a run the UI renders and the api reports — per
//! server its role, ZAB phase, epochs, election round and votes, log (committed vs pending),
//! data tree and sessions; the clients; the messages in flight.

use crate::ids::{ServerId, SessionId};
use crate::proto::{ServerState, Vote};
use crate::server::Role;
use crate::server::outbox::Phase;
use crate::sim::kernel::{Item, Kernel, Status};
use crate::time::SimTime;
use crate::trace::MsgInfo;
use crate::zxid::Zxid;

/// One txn in a server's log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntryView {
    pub zxid: Zxid,
    pub committed: bool,
    pub txn: String,
}

/// What the UI draws for one server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerView {
    pub myid: u32,
    pub observer: bool,
    pub status: Status,
    /// `None` while the process is not running.
    pub state: Option<ServerState>,
    pub phase: Option<Phase>,
    pub accepted_epoch: u32,
    pub current_epoch: u32,
    pub logical_clock: u64,
    /// The current vote (LOOKING: the proposal; else the election's result).
    pub vote: Option<Vote>,
    /// Votes received in this election round (`recvset`), with the sender's state.
    pub received: Vec<(ServerId, Vote, ServerState)>,
    pub leader: Option<ServerId>,
    pub last_logged: Zxid,
    pub last_committed: Zxid,
    pub log: Vec<LogEntryView>,
    /// The data tree, `path = data`.
    pub tree: Vec<(String, String)>,
    pub sessions: Vec<SessionId>,
}

/// A message on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsgView {
    pub id: u64,
    pub from: ServerId,
    pub to: ServerId,
    pub due: SimTime,
    pub msg: String,
}

/// A client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientView {
    pub name: String,
    pub server: ServerId,
    pub session: SessionId,
    pub outstanding: usize,
    pub answered: usize,
}

/// One tenure of a recipe (a lock held, a leadership, a membership, an item taken).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoldView {
    pub acquired_at: SimTime,
    pub released_at: Option<SimTime>,
    pub session: SessionId,
    /// The fencing token: the czxid of the node that granted it.
    pub token: Zxid,
    pub node: String,
    pub end: Option<String>,
}

/// A recipe a client library process runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipeView {
    /// lock, fair-lock, read-lock, write-lock, election, queue-put, queue-take, config, group.
    pub kind: String,
    pub path: String,
    /// holder, waiting, leader, follower, member, watcher, producer, consumer, done,
    /// released, lost, starting.
    pub role: String,
    pub node: Option<String>,
    pub watching: Option<String>,
    pub history: Vec<HoldView>,
    /// Config values / memberships / items seen, with when.
    pub seen: Vec<(SimTime, String)>,
    pub wakeups: u32,
    pub creates: u32,
    pub requests: u32,
}

/// A client library process (`client C connect …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZkClientView {
    pub name: String,
    /// The connect string after the seeded shuffle.
    pub hosts: Vec<ServerId>,
    /// The server it is connected (or connecting) to.
    pub server: ServerId,
    pub session: SessionId,
    /// CONNECTING, CONNECTED, CLOSED.
    pub state: String,
    /// The last connection event: SyncConnected, Disconnected, Expired, Closed.
    pub keeper_state: String,
    /// running, paused, crashed.
    pub process: String,
    pub session_timeout_ms: u64,
    pub last_zxid: Zxid,
    /// Servers it cannot reach.
    pub cut: Vec<ServerId>,
    pub outstanding: usize,
    pub queued: usize,
    pub pings: u64,
    pub stale_reads: u64,
    pub recipes: Vec<RecipeView>,
}

/// The whole picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterView {
    pub step: u64,
    pub now: SimTime,
    pub servers: Vec<ServerView>,
    pub clients: Vec<ClientView>,
    /// The client library processes and their recipes.
    pub zk_clients: Vec<ZkClientView>,
    pub in_flight: Vec<MsgView>,
}

impl ClusterView {
    #[must_use]
    pub fn of(k: &Kernel) -> ClusterView {
        ClusterView {
            step: k.step,
            now: k.now,
            servers: (0..k.nodes.len()).map(|i| server_view(k, i)).collect(),
            clients: k
                .clients
                .iter()
                .map(|c| ClientView {
                    name: c.name.clone(),
                    server: c.server,
                    session: c.session,
                    outstanding: c.outstanding.len(),
                    answered: c.results.len(),
                })
                .collect(),
            zk_clients: k.clients.iter().filter_map(zk_client_view).collect(),
            in_flight: k
                .agenda
                .iter()
                .filter_map(|((at, _), item)| match item {
                    Item::Deliver(m) => Some(MsgView {
                        id: m.id,
                        from: m.from,
                        to: m.to,
                        due: *at,
                        msg: MsgInfo::of(&m.msg).to_string(),
                    }),
                    _ => None,
                })
                .collect(),
        }
    }

    /// The servers that are LEADING and broadcasting.
    #[must_use]
    pub fn leaders(&self) -> Vec<u32> {
        self.servers
            .iter()
            .filter(|s| s.state == Some(ServerState::Leading) && s.phase == Some(Phase::Broadcast))
            .map(|s| s.myid)
            .collect()
    }
}

fn zk_client_view(c: &crate::sim::client::Client) -> Option<ZkClientView> {
    let z = c.zk.as_deref()?;
    Some(ZkClientView {
        name: c.name.clone(),
        hosts: z.hosts.clone(),
        server: c.server,
        session: c.session,
        state: format!("{:?}", z.state).to_uppercase(),
        keeper_state: z
            .states
            .last()
            .map_or_else(String::new, |s| format!("{:?}", s.state)),
        process: format!("{:?}", z.process).to_lowercase(),
        session_timeout_ms: z.session_timeout,
        last_zxid: c.last_zxid,
        cut: z.cut.iter().copied().collect(),
        outstanding: c.outstanding.len(),
        queued: z.queued.len(),
        pings: z.pings,
        stale_reads: z.stale_reads,
        recipes: z
            .recipes
            .iter()
            .map(|r| {
                let p = r.progress();
                RecipeView {
                    kind: r.spec.kind().to_string(),
                    path: r.spec.path().to_string(),
                    role: p.role.to_string(),
                    node: p.node.clone(),
                    watching: p.watching.clone(),
                    history: p
                        .history
                        .iter()
                        .map(|h| HoldView {
                            acquired_at: h.acquired_at,
                            released_at: h.released_at,
                            session: h.session,
                            token: h.token,
                            node: h.node.clone(),
                            end: h.end.clone(),
                        })
                        .collect(),
                    seen: p.seen.clone(),
                    wakeups: p.wakeups,
                    creates: p.creates,
                    requests: p.requests,
                }
            })
            .collect(),
    })
}

fn server_view(k: &Kernel, i: usize) -> ServerView {
    let node = &k.nodes[i];
    let d = node.durable();
    let server = node.server.as_ref();
    let committed = server.map_or(Zxid::ZERO, |s| s.core.replica.last_processed());
    let (vote, received) = match server.map(|s| &s.role) {
        Some(Role::Looking(e)) => (
            Some(e.proposal),
            e.recvset
                .iter()
                .map(|(id, r)| (*id, r.vote, r.state))
                .collect(),
        ),
        Some(_) => (server.map(|s| s.core.current_vote), Vec::new()),
        None => (None, Vec::new()),
    };
    let tree = server.map_or_else(Vec::new, |s| {
        s.core
            .replica
            .db
            .tree()
            .iter()
            .map(|(p, n)| {
                (
                    p.clone(),
                    String::from_utf8_lossy(n.data.as_deref().unwrap_or_default()).into_owned(),
                )
            })
            .collect()
    });
    let sessions = server.map_or_else(Vec::new, |s| {
        s.core.replica.db.sessions().keys().copied().collect()
    });
    ServerView {
        myid: node.id.0,
        observer: k.config.servers.get(&node.id).is_some_and(|c| c.observer),
        status: node.status,
        state: server.map(|s| s.state()),
        phase: server.map(|s| s.phase()),
        accepted_epoch: d.accepted_epoch,
        current_epoch: d.current_epoch,
        logical_clock: server.map_or(0, |s| s.core.logical_clock),
        vote,
        received,
        leader: server.and_then(|s| s.leader()),
        last_logged: d.last_logged(),
        last_committed: committed,
        log: d
            .log
            .iter()
            .map(|e| LogEntryView {
                zxid: e.zxid(),
                committed: e.zxid() <= committed,
                txn: e.txn.to_string(),
            })
            .collect(),
        tree,
        sessions,
    }
}
