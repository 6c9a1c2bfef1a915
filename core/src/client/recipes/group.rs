//! Group membership (ZooKeeper's "Group Membership" use case): each member creates the
//! ephemeral `DIR/<client>` and watches the children of DIR; a join or a leave (a member's
//! session ending included) fires the child watch and every member re-reads the list.

use crate::client::recipes::{Progress, Role, Zk};
use crate::zk::code::Code;
use crate::zk::request::{CreateMode, Response, ResponseBody};
use crate::zk::watch::{EventType, WatchedEvent};

const DIR: u32 = 1;
const JOIN: u32 = 2;
const LIST: u32 = 3;
/// NodeExists on join: is that node ours (a retried create) or a dead session's?
const OWNER: u32 = 4;

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
            // So may the ownership check: ask again by creating again (the chaos test found a
            // member that only listed here and never joined).
            (JOIN | OWNER, Code::ConnectionLoss) => self.join(zk),
            (_, Code::ConnectionLoss) => self.list(zk),
            (DIR, Code::Ok | Code::NodeExists) => self.join(zk),
            (JOIN, Code::NodeExists) => {
                let node = format!("{}/{}", self.dir, zk.client);
                zk.exists(OWNER, &node, true);
            }
            (OWNER, Code::Ok) => match &r.body {
                ResponseBody::Stat(st) if st.ephemeral_owner == zk.session.0 => {
                    self.joined(zk, r);
                }
                _ => {
                    // An earlier session of ours still holds the name: wait for it to go.
                    self.p.role = Role::Waiting;
                    self.p.watching = Some(format!("{}/{}", self.dir, zk.client));
                }
            },
            (OWNER, Code::NoNode) => self.join(zk),
            (JOIN, Code::Ok) => self.joined(zk, r),
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

    fn joined(&mut self, zk: &mut Zk, r: &Response) {
        let node = format!("{}/{}", self.dir, zk.client);
        if self.p.holding().is_none() {
            self.p.acquire(zk, &node, r.zxid);
        }
        self.p.node = Some(node);
        self.p.role = Role::Member;
        self.list(zk);
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        let mine = format!("{}/{}", self.dir, zk.client);
        if e.path.as_deref() == Some(mine.as_str())
            && e.event_type == EventType::NodeDeleted
            && self.p.role == Role::Waiting
        {
            self.p.wakeups += 1;
            self.p.watching = None;
            return self.join(zk);
        }
        if e.path.as_deref() == Some(self.dir.as_str())
            && e.event_type == EventType::NodeChildrenChanged
            && self.p.role == Role::Member
        {
            self.p.wakeups += 1;
            self.list(zk);
        }
    }
}
