//! ZooKeeper recipes, each a small state machine a simulated client runs, written only against
//! the client API ([`Zk`]: create / delete / exists / getData / getChildren / setData with
//! watches), as Apache Curator and ZooKeeper's `recipes/` directory are. The client library
//! (`client/`) hands each recipe the replies to its own requests (by tag), its watch events,
//! and the end of its session; the recipe answers with more requests.
//!
//! Every recipe exposes the same [`Progress`] for the UI and the api: its role, the node it
//! created, the node it watches, its history (acquired at / released at / session / fencing
//! token), and counters (wake-ups, creates) that show the herd effect in numbers.

pub(crate) mod barrier;
pub(crate) mod config_push;
pub(crate) mod election;
pub(crate) mod fair_lock;
pub(crate) mod group;
pub(crate) mod lock;
pub(crate) mod queue;
pub(crate) mod rwlock;
pub(crate) mod seq;

use crate::explain::Text;
use crate::ids::SessionId;
use crate::rng::{SimRng, Stream};
use crate::time::SimTime;
use crate::zk::request::{CreateMode, Request, Response};
use crate::zk::watch::WatchedEvent;
use crate::zxid::Zxid;
use std::fmt;

/// What `recipe C …` starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecipeSpec {
    /// `lock PATH` (one ephemeral `PATH/lock`, every waiter watches it: the herd) or
    /// `lock PATH fair` (EPHEMERAL_SEQUENTIAL children, each waiter watches its predecessor).
    Lock {
        path: String,
        fair: bool,
    },
    /// `rwlock PATH read|write`: the shared read/write lock.
    RwLock {
        path: String,
        write: bool,
    },
    /// `election PATH`: lowest sequence number leads.
    Election {
        path: String,
    },
    /// `queue PATH put ITEM` / `queue PATH take`: a FIFO queue of sequential nodes.
    QueuePut {
        path: String,
        item: String,
    },
    QueueTake {
        path: String,
    },
    /// `config PATH`: watch one node, re-read it on every change.
    Config {
        path: String,
    },
    /// `group PATH`: an ephemeral member node, watch the children.
    Group {
        path: String,
    },
    /// `barrier PATH N`: the double barrier for N clients (`release` leaves it).
    Barrier {
        path: String,
        count: u32,
    },
}

impl RecipeSpec {
    /// Parse the words after `recipe C`.
    /// Errors by key (`recipe.*`); a bad path (`recipe.bad_path`) quotes ZooKeeper's own
    /// message (`PathUtils`), which reads alone in English.
    pub fn parse(w: &[&str]) -> Result<RecipeSpec, Text> {
        let path = |p: &str| -> Result<String, Text> {
            crate::zk::path::validate_path(p)
                .map_err(|e| Text::new("recipe.bad_path").arg("error", e))?;
            if p == "/" {
                return Err(Text::new("recipe.below_root"));
            }
            Ok(p.to_string())
        };
        Ok(match w {
            ["lock", p] => RecipeSpec::Lock {
                path: path(p)?,
                fair: false,
            },
            ["lock", p, "fair"] => RecipeSpec::Lock {
                path: path(p)?,
                fair: true,
            },
            ["rwlock", p, m @ ("read" | "write")] => RecipeSpec::RwLock {
                path: path(p)?,
                write: *m == "write",
            },
            ["election", p] => RecipeSpec::Election { path: path(p)? },
            ["queue", p, "put", item @ ..] if !item.is_empty() => RecipeSpec::QueuePut {
                path: path(p)?,
                item: item.join(" "),
            },
            ["queue", p, "take"] => RecipeSpec::QueueTake { path: path(p)? },
            ["config", p] => RecipeSpec::Config { path: path(p)? },
            ["group", p] => RecipeSpec::Group { path: path(p)? },
            ["barrier", p, n] => {
                RecipeSpec::Barrier {
                    path: path(p)?,
                    count: n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        Text::new("recipe.barrier_size").arg("n", (*n).to_string())
                    })?,
                }
            }
            [kind, ..]
                if ![
                    "lock", "rwlock", "election", "queue", "config", "group", "barrier",
                ]
                .contains(kind) =>
            {
                return Err(Text::new("recipe.unknown").arg("kind", (*kind).to_string()));
            }
            _ => {
                return Err(Text::new("recipe.usage"));
            }
        })
    }

    /// The recipe's node (the lock / election / queue / group directory, or the config node).
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            RecipeSpec::Lock { path, .. }
            | RecipeSpec::RwLock { path, .. }
            | RecipeSpec::Election { path }
            | RecipeSpec::QueuePut { path, .. }
            | RecipeSpec::QueueTake { path }
            | RecipeSpec::Config { path }
            | RecipeSpec::Group { path }
            | RecipeSpec::Barrier { path, .. } => path,
        }
    }

    /// The kind as the api and the view name it.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            RecipeSpec::Lock { fair: false, .. } => "lock",
            RecipeSpec::Lock { fair: true, .. } => "fair-lock",
            RecipeSpec::RwLock { write: false, .. } => "read-lock",
            RecipeSpec::RwLock { write: true, .. } => "write-lock",
            RecipeSpec::Election { .. } => "election",
            RecipeSpec::QueuePut { .. } => "queue-put",
            RecipeSpec::QueueTake { .. } => "queue-take",
            RecipeSpec::Config { .. } => "config",
            RecipeSpec::Group { .. } => "group",
            RecipeSpec::Barrier { .. } => "barrier",
        }
    }

    /// Whether this recipe holds something exclusive (a lock or leadership).
    #[must_use]
    pub fn is_lock(&self) -> bool {
        matches!(
            self,
            RecipeSpec::Lock { .. } | RecipeSpec::RwLock { .. } | RecipeSpec::Election { .. }
        )
    }
}

impl fmt::Display for RecipeSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecipeSpec::Lock { path, fair } => {
                write!(f, "lock {path}{}", if *fair { " fair" } else { "" })
            }
            RecipeSpec::RwLock { path, write } => {
                write!(f, "rwlock {path} {}", if *write { "write" } else { "read" })
            }
            RecipeSpec::Election { path } => write!(f, "election {path}"),
            RecipeSpec::QueuePut { path, item } => write!(f, "queue {path} put {item}"),
            RecipeSpec::QueueTake { path } => write!(f, "queue {path} take"),
            RecipeSpec::Config { path } => write!(f, "config {path}"),
            RecipeSpec::Group { path } => write!(f, "group {path}"),
            RecipeSpec::Barrier { path, count } => write!(f, "barrier {path} {count}"),
        }
    }
}

/// A recipe's role, as the UI shows it (serialised as its `Display` text: `holder`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Setting up (creating its node, reading the children).
    Starting,
    /// Queued behind another node, watching it.
    Waiting,
    /// Holds the lock.
    Holder,
    /// Leads (its node is the lowest in the election).
    Leader,
    /// Waits for leadership behind another candidate.
    Follower,
    /// A member of the group (its ephemeral node exists).
    Member,
    /// Watches a node (config push) for changes.
    Watcher,
    /// Puts items in a queue.
    Producer,
    /// Takes items from a queue.
    Consumer,
    /// Inside a double barrier / leaving it / out of it.
    Entered,
    /// Leaving a double barrier (deleting its node, waiting for the others).
    Leaving,
    /// Out of the double barrier.
    Left,
    /// Finished what it was asked to do.
    Done,
    /// Gave up what it held (unlock, abdicate, leave).
    Released,
    /// The session ended (expired, closed, the process crashed): whatever it held is gone.
    Lost,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Starting => "starting",
            Role::Waiting => "waiting",
            Role::Holder => "holder",
            Role::Leader => "leader",
            Role::Follower => "follower",
            Role::Member => "member",
            Role::Watcher => "watcher",
            Role::Producer => "producer",
            Role::Consumer => "consumer",
            Role::Entered => "entered",
            Role::Leaving => "leaving",
            Role::Left => "left",
            Role::Done => "done",
            Role::Released => "released",
            Role::Lost => "lost",
        })
    }
}

/// One tenure: a lock held, a leadership, a membership, an item taken. The view shows it as
/// is (`HoldView`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hold {
    pub acquired_at: SimTime,
    pub released_at: Option<SimTime>,
    /// As a hex string: a 64-bit session id does not fit a JS number.
    #[serde(serialize_with = "crate::explain::ser::session")]
    pub session: SessionId,
    /// The fencing token: the czxid of the node that granted it (a zxid object in JSON).
    #[serde(serialize_with = "crate::explain::ser::zxid")]
    pub token: Zxid,
    /// The node that granted it (the lock node, the queue item taken, …).
    pub node: String,
    /// How it ended ("released", "session expired", …).
    pub end: Option<String>,
}

/// What every recipe exposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub role: Role,
    pub node: Option<String>,
    pub watching: Option<String>,
    pub history: Vec<Hold>,
    /// Values seen: config values, group memberships, queue items taken.
    pub seen: Vec<(SimTime, String)>,
    /// Watch events that woke this recipe.
    pub wakeups: u32,
    /// create requests sent.
    pub creates: u32,
    /// Requests sent in all.
    pub requests: u32,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            role: Role::Starting,
            node: None,
            watching: None,
            history: Vec::new(),
            seen: Vec::new(),
            wakeups: 0,
            creates: 0,
            requests: 0,
        }
    }

    /// The current tenure, if one is open.
    #[must_use]
    pub fn holding(&self) -> Option<&Hold> {
        self.history.last().filter(|h| h.released_at.is_none())
    }

    fn acquire(&mut self, zk: &Zk, node: &str, token: Zxid) {
        self.history.push(Hold {
            acquired_at: zk.now,
            released_at: None,
            session: zk.session,
            token,
            node: node.to_string(),
            end: None,
        });
    }

    fn end(&mut self, now: SimTime, why: &str) {
        if let Some(h) = self.history.last_mut()
            && h.released_at.is_none()
        {
            h.released_at = Some(now);
            h.end = Some(why.to_string());
        }
    }

    /// The session is gone: nothing is held any more.
    pub fn lost(&mut self, now: SimTime, why: &str) {
        self.end(now, why);
        self.role = Role::Lost;
        self.watching = None;
    }
}

/// The client API a recipe sees: each request carries the recipe's own tag, and its reply
/// comes back to [`Recipe::reply`] with that tag. Notes go to the trace.
#[derive(Debug)]
pub struct Zk<'a> {
    pub now: SimTime,
    pub session: SessionId,
    pub client: &'a str,
    pub out: Vec<(u32, Request)>,
    pub notes: Vec<String>,
    /// The run's RNG (the recipes draw only from [`Stream::Recipe`]).
    rng: &'a mut SimRng,
}

impl<'a> Zk<'a> {
    #[must_use]
    pub fn new(now: SimTime, session: SessionId, client: &'a str, rng: &'a mut SimRng) -> Zk<'a> {
        Zk {
            now,
            session,
            client,
            out: Vec::new(),
            notes: Vec::new(),
            rng,
        }
    }

    /// A random (version 4) UUID from the run's seeded RNG, as `UUID.randomUUID()` prints it:
    /// the GUID of Curator's protected names.
    pub fn uuid(&mut self) -> String {
        let hi = self.rng.next_u64(Stream::Recipe) & !0xf000 | 0x4000;
        let lo = self.rng.next_u64(Stream::Recipe) & !(0xc << 60) | 0x8 << 60;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xffff,
            hi & 0xffff,
            lo >> 48,
            lo & 0xffff_ffff_ffff
        )
    }

    pub fn create(&mut self, tag: u32, path: &str, data: &str, mode: CreateMode) {
        self.out.push((
            tag,
            Request::Create {
                path: path.to_string(),
                data: Some(data.as_bytes().to_vec()),
                acl: crate::zk::acl::Acl::open_unsafe(),
                mode,
                ttl: -1,
            },
        ));
    }

    pub fn set_data(&mut self, tag: u32, path: &str, data: &str, version: i32) {
        self.out.push((
            tag,
            Request::SetData {
                path: path.to_string(),
                data: Some(data.as_bytes().to_vec()),
                version,
            },
        ));
    }

    pub fn sync(&mut self, tag: u32, path: &str) {
        self.out.push((
            tag,
            Request::Sync {
                path: path.to_string(),
            },
        ));
    }

    pub fn delete(&mut self, tag: u32, path: &str) {
        self.out.push((
            tag,
            Request::Delete {
                path: path.to_string(),
                version: -1,
            },
        ));
    }

    pub fn exists(&mut self, tag: u32, path: &str, watch: bool) {
        self.out.push((
            tag,
            Request::Exists {
                path: path.to_string(),
                watch,
            },
        ));
    }

    pub fn get_data(&mut self, tag: u32, path: &str, watch: bool) {
        self.out.push((
            tag,
            Request::GetData {
                path: path.to_string(),
                watch,
            },
        ));
    }

    pub fn get_children(&mut self, tag: u32, path: &str, watch: bool) {
        self.out.push((
            tag,
            Request::GetChildren {
                path: path.to_string(),
                watch,
            },
        ));
    }

    pub fn note(&mut self, text: String) {
        self.notes.push(text);
    }
}

/// A running recipe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipe {
    pub spec: RecipeSpec,
    pub machine: Machine,
}

/// The state machines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Machine {
    Lock(lock::Lock),
    Seq(seq::SeqWaiter),
    Config(config_push::ConfigWatch),
    Group(group::Group),
    Queue(queue::Queue),
    Barrier(barrier::Barrier),
}

impl Recipe {
    #[must_use]
    pub fn new(spec: RecipeSpec) -> Recipe {
        let dir = spec.path().to_string();
        let machine = match &spec {
            RecipeSpec::Lock { fair: false, .. } => Machine::Lock(lock::Lock::new(dir)),
            RecipeSpec::Lock { fair: true, .. } => Machine::Seq(fair_lock::new(dir)),
            RecipeSpec::RwLock { write, .. } => Machine::Seq(rwlock::new(dir, *write)),
            RecipeSpec::Election { .. } => Machine::Seq(election::new(dir)),
            RecipeSpec::QueuePut { item, .. } => {
                Machine::Queue(queue::Queue::new(dir, Some(item.clone())))
            }
            RecipeSpec::QueueTake { .. } => Machine::Queue(queue::Queue::new(dir, None)),
            RecipeSpec::Config { .. } => Machine::Config(config_push::ConfigWatch::new(dir)),
            RecipeSpec::Group { .. } => Machine::Group(group::Group::new(dir)),
            RecipeSpec::Barrier { count, .. } => {
                Machine::Barrier(barrier::Barrier::new(dir, *count))
            }
        };
        Recipe { spec, machine }
    }

    #[must_use]
    pub fn progress(&self) -> &Progress {
        match &self.machine {
            Machine::Lock(m) => &m.p,
            Machine::Seq(m) => &m.p,
            Machine::Config(m) => &m.p,
            Machine::Group(m) => &m.p,
            Machine::Queue(m) => &m.p,
            Machine::Barrier(m) => &m.p,
        }
    }

    fn progress_mut(&mut self) -> &mut Progress {
        match &mut self.machine {
            Machine::Lock(m) => &mut m.p,
            Machine::Seq(m) => &mut m.p,
            Machine::Config(m) => &mut m.p,
            Machine::Group(m) => &mut m.p,
            Machine::Queue(m) => &mut m.p,
            Machine::Barrier(m) => &mut m.p,
        }
    }

    /// Whether this recipe currently believes it holds its lock / leads.
    #[must_use]
    pub fn believes_held(&self) -> bool {
        self.spec.is_lock() && matches!(self.progress().role, Role::Holder | Role::Leader)
    }

    pub fn start(&mut self, zk: &mut Zk) {
        match &mut self.machine {
            Machine::Lock(m) => m.start(zk),
            Machine::Seq(m) => m.start(zk),
            Machine::Config(m) => m.start(zk),
            Machine::Group(m) => m.start(zk),
            Machine::Queue(m) => m.start(zk),
            Machine::Barrier(m) => m.start(zk),
        }
        self.count(zk);
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        if self.progress().role == Role::Lost {
            return;
        }
        if tag == RELEASE_TAG || tag == RELEASE_CHECK_TAG {
            // ConnectionLoss: the delete may not have happened. Delete again only if the node
            // is still *ours* (the same path may already be another client's lock node).
            let node = self.progress().history.last().map(|h| h.node.clone());
            let Some(node) = node else { return };
            match (tag, r.code, &r.body) {
                (_, crate::zk::code::Code::ConnectionLoss, _) => {
                    zk.exists(RELEASE_CHECK_TAG, &node, false);
                }
                (
                    RELEASE_CHECK_TAG,
                    crate::zk::code::Code::Ok,
                    crate::zk::request::ResponseBody::Stat(st),
                ) if st.ephemeral_owner == zk.session.0 => {
                    zk.delete(RELEASE_TAG, &node);
                }
                _ => {}
            }
            self.count(zk);
            return;
        }
        match &mut self.machine {
            Machine::Lock(m) => m.reply(zk, tag, r),
            Machine::Seq(m) => m.reply(zk, tag, r),
            Machine::Config(m) => m.reply(zk, tag, r),
            Machine::Group(m) => m.reply(zk, tag, r),
            Machine::Queue(m) => m.reply(zk, tag, r),
            Machine::Barrier(m) => m.reply(zk, tag, r),
        }
        self.count(zk);
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        if self.progress().role == Role::Lost {
            return;
        }
        match &mut self.machine {
            Machine::Lock(m) => m.watch(zk, e),
            Machine::Seq(m) => m.watch(zk, e),
            Machine::Config(m) => m.watch(zk, e),
            Machine::Group(m) => m.watch(zk, e),
            Machine::Queue(m) => m.watch(zk, e),
            Machine::Barrier(m) => m.watch(zk, e),
        }
        self.count(zk);
    }

    /// `release C PATH`: an error (and nothing sent) when nothing is held.
    pub fn release(&mut self, zk: &mut Zk) -> Result<(), String> {
        if let Machine::Barrier(b) = &mut self.machine {
            if !matches!(b.p.role, Role::Entered | Role::Waiting) {
                return Err(format!(
                    "{} is not in barrier {} (it is {})",
                    zk.client, b.dir, b.p.role
                ));
            }
            b.leave(zk);
            self.count(zk);
            return Ok(());
        }
        let p = self.progress();
        let node = p.node.clone();
        let ok = match &self.spec {
            s if s.is_lock() => p.holding().is_some(),
            RecipeSpec::Group { .. } => p.role == Role::Member,
            _ => false,
        };
        let Some(node) = node.filter(|_| ok) else {
            return Err(format!(
                "{} does not hold {} (its {} is {})",
                zk.client,
                self.spec.path(),
                self.spec.kind(),
                p.role
            ));
        };
        zk.delete(RELEASE_TAG, &node);
        let now = zk.now;
        let p = self.progress_mut();
        p.end(now, "released");
        p.role = Role::Released;
        p.watching = None;
        p.node = None;
        self.count(zk);
        Ok(())
    }

    /// The session is over: expired, closed, or the process died.
    pub fn lost(&mut self, now: SimTime, why: &str) {
        if self.progress().role != Role::Released {
            self.progress_mut().lost(now, why);
        }
    }

    fn count(&mut self, zk: &Zk) {
        let creates = zk
            .out
            .iter()
            .filter(|(_, r)| matches!(r, Request::Create { .. }))
            .count();
        let n = zk.out.len();
        let p = self.progress_mut();
        p.creates += u32::try_from(creates).unwrap_or(0);
        p.requests += u32::try_from(n).unwrap_or(0);
    }
}

/// The tag of the delete a `release` sends (its reply needs no handling).
pub const RELEASE_TAG: u32 = 999;
/// After a ConnectionLoss on that delete: is the node still ours?
pub const RELEASE_CHECK_TAG: u32 = 998;

/// The sequence number of a sequential node name (its last 10 digits).
#[must_use]
pub fn sequence_of(name: &str) -> Option<u64> {
    let n = name.len();
    name.get(n.checked_sub(10)?..)?.parse().ok()
}

/// The czxid of a create reply (the fencing token), else the reply's zxid.
#[must_use]
pub fn created(r: &Response) -> Option<(String, Zxid)> {
    match &r.body {
        crate::zk::request::ResponseBody::Create { path, stat } => Some((path.clone(), stat.czxid)),
        _ => None,
    }
}
