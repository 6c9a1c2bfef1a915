//! The exclusive lock on one node, the way not to do it (ZooKeeper's recipes page, "Locks",
//! the herd effect): every contender tries to create the ephemeral `DIR/lock`; the losers set
//! an exists watch on it; when the holder deletes it (or its session expires) *every* waiter
//! wakes up and tries to create it again — N watch events and N creates for one acquisition.

use crate::client::recipes::{Progress, Role, Zk, created};
use crate::zk::code::Code;
use crate::zk::request::{CreateMode, Response, ResponseBody};
use crate::zk::watch::{EventType, WatchedEvent};

const DIR: u32 = 1;
const CREATE: u32 = 2;
const WATCH: u32 = 3;
/// After a ConnectionLoss on create: did our create happen? (ephemeralOwner = our session)
const CHECK: u32 = 4;

/// The herd lock's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lock {
    pub dir: String,
    pub p: Progress,
}

impl Lock {
    #[must_use]
    pub fn new(dir: String) -> Lock {
        Lock {
            dir,
            p: Progress::new(),
        }
    }

    fn node(&self) -> String {
        format!("{}/lock", self.dir)
    }

    pub fn start(&mut self, zk: &mut Zk) {
        zk.create(DIR, &self.dir, "", CreateMode::Persistent);
    }

    fn try_create(&mut self, zk: &mut Zk) {
        zk.create(CREATE, &self.node(), zk.client, CreateMode::Ephemeral);
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        match (tag, r.code) {
            (_, Code::ConnectionLoss) if tag == CREATE || tag == CHECK => {
                zk.exists(CHECK, &self.node(), false);
            }
            (_, Code::ConnectionLoss) if tag == DIR => self.start(zk),
            (_, Code::ConnectionLoss) => zk.exists(WATCH, &self.node(), true),
            (DIR, Code::Ok | Code::NodeExists) => self.try_create(zk),
            (CREATE, Code::Ok) => {
                let (node, token) = created(r).unwrap_or((self.node(), r.zxid));
                self.p.role = Role::Holder;
                self.p.node = Some(node.clone());
                self.p.watching = None;
                self.p.acquire(zk, &node, token);
                zk.note(format!("acquired lock {node} (fencing token {token})"));
            }
            (CREATE, Code::NodeExists) => {
                self.p.role = Role::Waiting;
                zk.exists(WATCH, &self.node(), true);
            }
            (WATCH, Code::Ok) => {
                self.p.role = Role::Waiting;
                self.p.watching = Some(self.node());
            }
            (WATCH | CHECK, Code::NoNode) => self.try_create(zk),
            (CHECK, Code::Ok) => match &r.body {
                ResponseBody::Stat(st) if st.ephemeral_owner == zk.session.0 => {
                    let node = self.node();
                    self.p.role = Role::Holder;
                    self.p.node = Some(node.clone());
                    self.p.acquire(zk, &node, st.czxid);
                    zk.note(format!("acquired lock {node} (fencing token {})", st.czxid));
                }
                _ => zk.exists(WATCH, &self.node(), true),
            },
            (_, code) => zk.note(format!("lock {}: unexpected {code:?}", self.dir)),
        }
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        if e.path.as_deref() == Some(self.node().as_str())
            && e.event_type == EventType::NodeDeleted
            && self.p.role == Role::Waiting
        {
            // The herd: every waiter gets this event and races to create the node.
            self.p.wakeups += 1;
            self.p.watching = None;
            self.try_create(zk);
        }
    }
}
