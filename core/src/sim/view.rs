//! `ClusterView`: the read-only picture of a run the UI renders and the api reports — per
//! server its process status, role, ZAB phase, epochs, election round, vote and the election
//! table, log (committed by a quorum / logged only / truncated), last sync and data tree; the
//! leader's recent proposals with their ACKs; the clients; the messages in flight (held and
//! parked ones too); the cut links; and this step's narration. It serialises (serde) to the
//! plain object `window.zabscope.view()` returns.
//!
//! Building it is cheap when asked to be: [`ViewOptions::compact`] leaves out the data trees
//! and keeps only a log tail, so a page can build one every frame.

use crate::explain::tracker::SyncRecord;
use crate::explain::{ElectionView, Marker, ProposalRecord, Text, VoteChange, ser};
use crate::ids::{ServerId, SessionId};
/// A server process's life as the view shows it (Off, Up, Paused, Crashed).
pub use crate::sim::kernel::Status;
use crate::sim::kernel::{Kernel, Node};
use crate::sim::view_msg::in_flight;
pub use crate::sim::view_msg::{MsgView, Placement};
use crate::time::SimTime;
use crate::zab::proto::{ServerState, Vote};
use crate::zab::server::Role;
use crate::zab::server::outbox::Phase;
use crate::zxid::Zxid;
use serde::{Serialize, Serializer};

fn display<T: std::fmt::Display, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

fn opt_display<T: std::fmt::Display, S: Serializer>(
    v: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

fn received<S: Serializer>(r: &[(ServerId, Vote, ServerState)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Row {
        sid: ServerId,
        #[serde(serialize_with = "ser::vote")]
        vote: Vote,
        #[serde(serialize_with = "display")]
        state: ServerState,
    }
    s.collect_seq(r.iter().map(|(sid, vote, state)| Row {
        sid: *sid,
        vote: *vote,
        state: *state,
    }))
}

/// What to include (the full view clones every data tree).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewOptions {
    /// Each server's data tree, `path = data`.
    pub trees: bool,
    /// Only the last `n` log entries per server (truncated ones included), or all.
    pub log_tail: Option<usize>,
}

impl ViewOptions {
    /// Everything (what `Simulation::view` returns).
    pub const FULL: ViewOptions = ViewOptions {
        trees: true,
        log_tail: None,
    };

    /// For drawing a frame: no trees, the last 32 log entries. Nothing in it grows with the
    /// run's history (logs are cut to their tail before any entry is formatted).
    #[must_use]
    pub const fn compact() -> ViewOptions {
        ViewOptions {
            trees: false,
            log_tail: Some(32),
        }
    }

    /// A frame with the data trees (the Data tab): [`ViewOptions::compact`] plus every
    /// server's tree — still only the last 32 log entries, not whole logs.
    #[must_use]
    pub const fn with_trees() -> ViewOptions {
        ViewOptions {
            trees: true,
            log_tail: Some(32),
        }
    }
}

/// Where a log entry stands, honestly (a write only a minority logged is not
/// committed, even if a server that reloaded its log applied it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EntryStatus {
    /// A leader committed it with a quorum of ACKs (or established it with NEWLEADER).
    Committed,
    /// In this server's log, never committed by a quorum (yet).
    Logged,
    /// Discarded by a TRUNC or SNAP: no longer in the log (shown struck through).
    Truncated,
}

impl EntryStatus {
    /// The key of the label the page shows.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            EntryStatus::Committed => "log.committed",
            EntryStatus::Logged => "log.logged",
            EntryStatus::Truncated => "log.truncated",
        }
    }
}

/// One txn in a server's log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEntryView {
    /// The entry's zxid (epoch in the high 32 bits, counter in the low).
    #[serde(serialize_with = "ser::zxid")]
    pub zxid: Zxid,
    /// Committed by a quorum (`status == Committed`).
    pub committed: bool,
    /// Committed, logged but not committed, or truncated.
    pub status: EntryStatus,
    /// Applied to this server's tree (a reloaded log applies uncommitted txns too).
    pub applied: bool,
    /// The transaction as one line (`create /a`, `setData /a`, …).
    pub txn: String,
}

/// What the UI draws for one server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerView {
    /// The server's `myid` (its sid in zoo.cfg).
    pub myid: u32,
    /// Whether zoo.cfg declares it an observer (`:observer`): it never votes.
    pub observer: bool,
    /// Whether the process is off, up, paused or crashed.
    pub status: Status,
    /// The process: "off" (never started), "running", "paused", "crashed" or "stopped".
    pub process: &'static str,
    /// `None` while the process is not running.
    #[serde(serialize_with = "opt_display")]
    pub state: Option<ServerState>,
    /// The ZAB phase (election, discovery, synchronisation, broadcast) while running.
    pub phase: Option<Phase>,
    /// Serving clients (broadcast phase, not shutting down).
    pub serving: bool,
    /// `acceptedEpoch`: the newest epoch it agreed to in discovery.
    pub accepted_epoch: u32,
    /// `currentEpoch`: the epoch of the leader it last synchronised with.
    pub current_epoch: u32,
    /// FLE's `logicalclock`: the election round.
    pub logical_clock: u64,
    /// The current vote (LOOKING: the proposal; else the election's result).
    #[serde(serialize_with = "ser::opt_vote")]
    pub vote: Option<Vote>,
    /// Votes received in this election round (`recvset`), with the sender's state.
    #[serde(serialize_with = "received")]
    pub received: Vec<(ServerId, Vote, ServerState)>,
    /// While LOOKING: the election table (recvset and outofelection against my proposal).
    pub election: Option<ElectionView>,
    /// The leader it follows (or itself when LEADING).
    pub leader: Option<ServerId>,
    /// The newest zxid in its txn log.
    #[serde(serialize_with = "ser::zxid")]
    pub last_logged: Zxid,
    /// The newest txn of this server's history a quorum committed.
    #[serde(serialize_with = "ser::zxid")]
    pub last_committed: Zxid,
    /// `lastProcessedZxid`: the newest txn applied here (a reloaded log counts, committed or
    /// not); on a leader that has applied no txn since it established its epoch, that epoch's
    /// zxid (`<epoch>00000000`, as `srvr` shows).
    #[serde(serialize_with = "ser::zxid")]
    pub last_processed: Zxid,
    /// The log in zxid order, truncated entries included (see `ViewOptions::log_tail`).
    pub log: Vec<LogEntryView>,
    /// Log entries in total (the tail may show fewer).
    pub log_len: usize,
    /// This server's last sync as a learner and why the leader chose it.
    pub sync: Option<SyncRecord>,
    /// The data tree, `path = data` (empty unless `ViewOptions::trees`).
    pub tree: Vec<(String, String)>,
    /// Znodes in the tree.
    pub znodes: usize,
    /// The sessions this server's session tracker holds.
    #[serde(serialize_with = "ser::sessions")]
    pub sessions: Vec<SessionId>,
}

/// A directed link that does not carry traffic normally.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    /// The sending side of the link.
    pub from: ServerId,
    /// The receiving side of the link.
    pub to: ServerId,
    /// Partitioned / blocked: messages are dropped.
    pub blocked: bool,
    /// Held: messages wait until `release`.
    pub held: bool,
}

/// A client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientView {
    /// The client's name in the script.
    pub name: String,
    /// The server it talks to.
    pub server: ServerId,
    /// Its session id.
    #[serde(serialize_with = "ser::session")]
    pub session: SessionId,
    /// Requests sent and not answered yet.
    pub outstanding: usize,
    /// Requests answered so far.
    pub answered: usize,
}

/// One tenure of a recipe (a lock held, a leadership, a membership, an item taken): the
/// recipe's own record.
pub type HoldView = crate::client::recipes::Hold;

/// A recipe's role (holder, waiting, leader, …).
pub use crate::client::recipes::Role as RecipeRole;

/// A recipe a client library process runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipeView {
    /// lock, fair-lock, read-lock, write-lock, election, queue-put, queue-take, config, group.
    pub kind: String,
    /// The recipe's znode (the lock, queue, election or group path).
    pub path: String,
    /// holder, waiting, leader, follower, member, watcher, producer, consumer, done,
    /// released, lost, starting (serialised in lower case).
    pub role: crate::client::recipes::Role,
    /// The sequential node it created, if any.
    pub node: Option<String>,
    /// The node it has a watch on (its predecessor, for a lock), if any.
    pub watching: Option<String>,
    /// Its past tenures (locks held, leaderships, memberships).
    pub history: Vec<HoldView>,
    /// Config values / memberships / items seen, with when.
    pub seen: Vec<(SimTime, String)>,
    /// Watch events that woke it up.
    pub wakeups: u32,
    /// Create requests it sent (retries after a lost connection count).
    pub creates: u32,
    /// Requests it sent in all.
    pub requests: u32,
}

/// A client library process (`client C connect …`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZkClientView {
    /// The client's name in the script.
    pub name: String,
    /// The connect string after the seeded shuffle.
    pub hosts: Vec<ServerId>,
    /// The server it is connected (or connecting) to.
    pub server: ServerId,
    /// As a hex string (`0x…`, 0x0 before the first connection): a 64-bit session id does
    /// not fit a JS number, and a view holding one could not cross into JS at all.
    #[serde(serialize_with = "ser::session")]
    pub session: SessionId,
    /// CONNECTING, CONNECTED, CLOSED.
    pub state: String,
    /// The last connection event: SyncConnected, Disconnected, Expired, Closed.
    pub keeper_state: String,
    /// running, paused, crashed.
    pub process: String,
    /// The negotiated session timeout, in ms.
    pub session_timeout_ms: u64,
    /// Whether the ensemble still has the session (the most up-to-date serving server's
    /// session table): false once it expired there, whatever the client still believes — a
    /// paused lock holder is a HOLDER in its own view long after its lock node is gone.
    pub session_alive: bool,
    /// The newest zxid it saw in a reply header (what it reconnects with).
    #[serde(serialize_with = "ser::zxid")]
    pub last_zxid: Zxid,
    /// Servers it cannot reach.
    pub cut: Vec<ServerId>,
    /// Requests sent and not answered yet.
    pub outstanding: usize,
    /// Requests waiting to be sent (not connected).
    pub queued: usize,
    /// Pings it sent.
    pub pings: u64,
    /// Reads that returned older data than one it had already seen.
    pub stale_reads: u64,
    /// The recipes it runs.
    pub recipes: Vec<RecipeView>,
}

/// The whole picture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterView {
    /// The number of steps run so far.
    pub step: u64,
    /// The simulated time.
    pub now: SimTime,
    /// Every server of zoo.cfg, by myid.
    pub servers: Vec<ServerView>,
    /// The simple clients (`client c1 connect …`'s single-request view).
    pub clients: Vec<ClientView>,
    /// The client library processes and their recipes.
    pub zk_clients: Vec<ZkClientView>,
    /// Packets on the wire, held on a link or parked at a paused server.
    pub in_flight: Vec<MsgView>,
    /// Votes a quorum needs (more than half of the voters).
    pub quorum: u32,
    /// The established leader with the highest epoch, and that epoch.
    pub leader: Option<ServerId>,
    /// The established leader's epoch.
    pub epoch: Option<u32>,
    /// The latest proposals (every leader), oldest first: ACKs against the quorum, commit.
    pub proposals: Vec<ProposalRecord>,
    /// Cut and held links.
    pub links: Vec<LinkView>,
    /// Message loss on every link, parts per million.
    pub loss_ppm: u32,
    /// The last step in one sentence.
    pub narration: Option<Text>,
    /// The last step's vote change, if a notification reached a LOOKING server.
    pub vote_change: Option<VoteChange>,
    /// The last step's timeline markers.
    pub markers: Vec<Marker>,
}

impl ClusterView {
    /// The full picture (data trees and whole logs).
    #[must_use]
    pub(crate) fn of(k: &Kernel) -> ClusterView {
        ClusterView::with(k, ViewOptions::FULL)
    }

    /// The picture with only what `opts` asks for.
    #[must_use]
    pub(crate) fn with(k: &Kernel, opts: ViewOptions) -> ClusterView {
        let servers: Vec<ServerView> = k.nodes.iter().map(|n| server_view(k, n, opts)).collect();
        let (leader, epoch) = servers
            .iter()
            .filter(|s| s.state == Some(ServerState::Leading) && s.phase == Some(Phase::Broadcast))
            .map(|s| (s.current_epoch, s.myid))
            .max()
            .map_or((None, None), |(e, id)| (Some(ServerId(id)), Some(e)));
        ClusterView {
            step: k.step,
            now: k.now,
            servers,
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
            zk_clients: k
                .clients
                .iter()
                .filter_map(|c| zk_client_view(k, c))
                .collect(),
            in_flight: in_flight(k),
            quorum: k.config.voters().count() as u32 / 2 + 1,
            leader,
            epoch,
            proposals: k.explain.proposals.iter().cloned().collect(),
            links: links(k),
            loss_ppm: k.net.loss_ppm(),
            narration: k.explain.narration.clone(),
            vote_change: k.explain.vote_change.clone(),
            markers: k.explain.markers.clone(),
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

    /// The server with this myid.
    #[must_use]
    pub fn server(&self, myid: u32) -> Option<&ServerView> {
        self.servers.iter().find(|s| s.myid == myid)
    }
}

fn zk_client_view(k: &Kernel, c: &crate::sim::client::Client) -> Option<ZkClientView> {
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
        session_alive: c.session.0 != 0 && k.session_alive(c.session),
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
                    role: p.role,
                    node: p.node.clone(),
                    watching: p.watching.clone(),
                    history: p.history.clone(),
                    seen: p.seen.clone(),
                    wakeups: p.wakeups,
                    creates: p.creates,
                    requests: p.requests,
                }
            })
            .collect(),
    })
}

fn links(k: &Kernel) -> Vec<LinkView> {
    let mut v = Vec::new();
    for (a, x) in k.nodes.iter().enumerate() {
        for (b, y) in k.nodes.iter().enumerate() {
            let (blocked, held) = (k.net.is_blocked(a, b), k.net.is_held(a, b));
            if a != b && (blocked || held) {
                v.push(LinkView {
                    from: x.id,
                    to: y.id,
                    blocked,
                    held,
                });
            }
        }
    }
    v
}

fn process(n: &Node) -> &'static str {
    match n.status {
        Status::Up => "running",
        Status::Paused => "paused",
        Status::Crashed => "crashed",
        Status::Off if n.incarnation == 0 => "off",
        Status::Off => "stopped",
    }
}

fn server_view(k: &Kernel, node: &Node, opts: ViewOptions) -> ServerView {
    let d = node.durable();
    let server = node.server.as_ref();
    let processed = server.map_or(Zxid::ZERO, |s| s.core.replica.last_processed());
    let t = &k.explain;
    let (vote, received, election) = match server.map(|s| (&s.role, s)) {
        Some((Role::Looking(e), s)) => (
            Some(e.proposal),
            e.recvset
                .iter()
                .map(|(id, r)| (*id, r.vote, r.state))
                .collect(),
            Some(ElectionView::of(&s.core, e)),
        ),
        Some((_, s)) => (Some(s.core.current_vote), Vec::new(), None),
        None => (None, Vec::new(), None),
    };
    let db = server.map(|s| &s.core.replica.db);
    let tree = match db {
        Some(db) if opts.trees => db
            .tree()
            .iter()
            .map(|(p, n)| {
                (
                    p.clone(),
                    String::from_utf8_lossy(n.data.as_deref().unwrap_or_default()).into_owned(),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    // The honest last committed: walk back from what was applied to the first txn a quorum
    // committed (normally the very first step). A server that is not running applied nothing,
    // but its disk still holds its log: the newest committed txn there.
    let bound = if server.is_some() {
        processed
    } else {
        d.last_logged()
    };
    let last_committed = d
        .log
        .iter()
        .rev()
        .map(|e| e.zxid())
        .filter(|z| *z <= bound)
        .chain(d.snapshot().map(|s| s.zxid))
        .find(|z| t.is_committed(*z))
        .unwrap_or(Zxid::ZERO);
    ServerView {
        myid: node.id.0,
        observer: k.config.servers.get(&node.id).is_some_and(|c| c.observer),
        status: node.status,
        process: process(node),
        state: server.map(|s| s.state()),
        phase: server.map(|s| s.phase()),
        serving: server.is_some_and(|s| s.serving()),
        accepted_epoch: d.accepted_epoch,
        current_epoch: d.current_epoch,
        logical_clock: server.map_or(0, |s| s.core.logical_clock),
        vote,
        received,
        election,
        leader: server.and_then(|s| s.leader()),
        last_logged: d.last_logged(),
        last_committed,
        last_processed: processed,
        log: log_view(k, node, processed, opts.log_tail),
        log_len: d.log.len(),
        sync: t.syncs.get(&node.id).cloned(),
        tree,
        znodes: db.map_or(0, |db| db.tree().node_count()),
        sessions: server.map_or_else(Vec::new, |s| {
            s.core.replica.db.sessions().keys().copied().collect()
        }),
    }
}

/// The log tail with each entry's status, and the truncated entries merged in zxid order.
fn log_view(k: &Kernel, node: &Node, processed: Zxid, tail: Option<usize>) -> Vec<LogEntryView> {
    let log = &node.durable().log;
    let from = tail.map_or(0, |n| log.len().saturating_sub(n));
    let oldest = log.get(from).map(|e| e.zxid());
    let mut v: Vec<LogEntryView> = log
        .iter_from(from)
        .map(|e| {
            let committed = k.explain.is_committed(e.zxid());
            LogEntryView {
                zxid: e.zxid(),
                committed,
                status: if committed {
                    EntryStatus::Committed
                } else {
                    EntryStatus::Logged
                },
                applied: e.zxid() <= processed,
                txn: e.txn.to_string(),
            }
        })
        .collect();
    if let Some(gone) = k.explain.truncated.get(&node.id) {
        for t in gone
            .iter()
            .filter(|t| tail.is_none() || oldest.is_none_or(|o| t.zxid >= o))
        {
            let at = v.partition_point(|e| e.zxid < t.zxid);
            v.insert(
                at,
                LogEntryView {
                    zxid: t.zxid,
                    committed: false,
                    status: EntryStatus::Truncated,
                    applied: false,
                    txn: t.txn.clone(),
                },
            );
        }
    }
    v
}
