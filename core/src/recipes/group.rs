//! Group membership (ZooKeeper's "Group Membership" use case): each member creates the
//! ephemeral `DIR/<client>` and watches the children of DIR; a join or a leave (a member's
//! session ending included) fires the child watch and every member re-reads the list.

use crate::code::Code;
use crate::recipes::{Progress, Role, Zk};
use crate::request::{CreateMode, Response, ResponseBody};
use crate::watch::{EventType, WatchedEvent};

const DIR: u32 = 1;
const JOIN: u32 = 2;
const LIST: u32 = 3;

/// A member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub dir: String,
    /// The members seen last, sorted.
    pub members: Vec<String>,
    pub p: Progress,
}

impl Group {
    #[must_use]
    pub fn new(dir: String) -> Group {
        Group {
            dir,
            members: Vec::new(),
            p: Progress::new(),
        }
    }

    pub fn start(&mut self, zk: &mut Zk) {
        zk.create(DIR, &self.dir, "", CreateMode::Persistent);
    }

    fn join(&mut self, zk: &mut Zk) {
        let node = format!("{}/{}", self.dir, zk.client);
        zk.create(JOIN, &node, zk.client, CreateMode::Ephemeral);
    }

    fn list(&mut self, zk: &mut Zk) {
        zk.get_children(LIST, &self.dir, true);
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        match (tag, r.code) {
            (DIR, Code::ConnectionLoss) => self.start(zk),
            // A lost create may have happened: NodeExists on the retry then means ours.
            (JOIN, Code::ConnectionLoss) => self.join(zk),
            (_, Code::ConnectionLoss) => self.list(zk),
            (DIR, Code::Ok | Code::NodeExists) => self.join(zk),
            (JOIN, Code::Ok | Code::NodeExists) => {
                let node = format!("{}/{}", self.dir, zk.client);
                if self.p.holding().is_none() {
                    self.p.acquire(zk, &node, r.zxid);
                }
                self.p.node = Some(node);
                self.p.role = Role::Member;
                self.list(zk);
            }
            (LIST, Code::Ok) => {
                if let ResponseBody::Children { children, .. } = &r.body {
                    let mut m = children.clone();
                    m.sort();
                    if m != self.members {
                        self.p.seen.push((zk.now, m.join(",")));
                    }
                    self.members = m;
                }
                self.p.watching = Some(self.dir.clone());
            }
            (_, code) => zk.note(format!("group {}: unexpected {code:?}", self.dir)),
        }
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        if e.path.as_deref() == Some(self.dir.as_str())
            && e.event_type == EventType::NodeChildrenChanged
            && self.p.role == Role::Member
        {
            self.p.wakeups += 1;
            self.list(zk);
        }
    }
}
