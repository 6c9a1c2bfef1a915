//! The double barrier (ZooKeeper's recipes page, "Double Barriers"): N clients enter
//! together and leave together. Enter: exists-watch `DIR/ready`, create the ephemeral
//! `DIR/<client>`, list the children; once N members are there the one who sees it creates
//! `DIR/ready`, whose NodeCreated lets everyone in. Leave (`release`): delete the member node
//! and watch the children until no member is left.

use crate::client::recipes::{Progress, Role, Zk};
use crate::zk::code::Code;
use crate::zk::request::{CreateMode, Response, ResponseBody};
use crate::zk::watch::{EventType, WatchedEvent};

const DIR: u32 = 1;
const JOIN: u32 = 2;
const READY: u32 = 3;
const LIST: u32 = 4;
const MAKE_READY: u32 = 5;
const LEAVE: u32 = 6;
const LEFT: u32 = 7;
/// NodeExists on join: is that node ours (a retried create) or an earlier session's?
const OWNER: u32 = 8;

/// One participant of a barrier for `count` clients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Barrier {
    pub dir: String,
    pub count: u32,
    pub p: Progress,
}

impl Barrier {
    #[must_use]
    pub fn new(dir: String, count: u32) -> Barrier {
        Barrier {
            dir,
            count,
            p: Progress::new(),
        }
    }

    fn ready(&self) -> String {
        format!("{}/ready", self.dir)
    }

    fn mine(&self, zk: &Zk) -> String {
        format!("{}/{}", self.dir, zk.client)
    }

    pub fn start(&mut self, zk: &mut Zk) {
        zk.create(DIR, &self.dir, "", CreateMode::Persistent);
    }

    fn members(r: &Response) -> Option<usize> {
        match &r.body {
            ResponseBody::Children { children, .. } => {
                Some(children.iter().filter(|c| *c != "ready").count())
            }
            _ => None,
        }
    }

    fn entered(&mut self, zk: &mut Zk) {
        if self.p.role != Role::Entered {
            self.p.role = Role::Entered;
            self.p.watching = None;
            let node = self.mine(zk);
            self.p.acquire(zk, &node, crate::zxid::Zxid::ZERO);
            zk.note(format!(
                "entered barrier {} (session {})",
                self.dir, zk.session
            ));
        }
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        match (tag, r.code) {
            (DIR, Code::ConnectionLoss) => self.start(zk),
            (JOIN, Code::ConnectionLoss) | (DIR, Code::Ok | Code::NodeExists) => {
                zk.exists(READY, &self.ready(), true);
                self.join(zk);
            }
            (LEAVE | LEFT, Code::ConnectionLoss) => self.leave(zk),
            // The exists watch on ready was not set: ask again.
            (READY, Code::ConnectionLoss) => zk.exists(READY, &self.ready(), true),
            (OWNER, Code::ConnectionLoss) | (OWNER, Code::NoNode) => self.join(zk),
            (JOIN, Code::NodeExists) => zk.exists(OWNER, &self.mine(zk), true),
            (OWNER, Code::Ok) => match &r.body {
                ResponseBody::Stat(st) if st.ephemeral_owner == zk.session.0 => {
                    self.joined(zk, st.czxid);
                }
                // An earlier session of this client still holds the name (it crashed and
                // came back): wait for that node to go, then join.
                _ => self.p.watching = Some(self.mine(zk)),
            },
            (_, Code::ConnectionLoss) => zk.get_children(LIST, &self.dir, false),
            (READY, Code::Ok) => self.entered(zk),
            (READY, Code::NoNode) => {
                self.p.watching = Some(self.ready());
            }
            (JOIN, Code::Ok) => {
                let czxid = crate::client::recipes::created(r).map_or(r.zxid, |(_, z)| z);
                self.joined(zk, czxid);
            }
            (LIST, Code::Ok) => {
                if Barrier::members(r).is_some_and(|n| n >= self.count as usize)
                    && self.p.role == Role::Waiting
                {
                    zk.create(MAKE_READY, &self.ready(), "", CreateMode::Persistent);
                }
            }
            (MAKE_READY, Code::Ok | Code::NodeExists) => self.entered(zk),
            (LEFT, Code::Ok) => {
                if Barrier::members(r) == Some(0) {
                    self.p.role = Role::Left;
                    self.p.watching = None;
                    zk.note(format!(
                        "left barrier {} (session {}, zxid {})",
                        self.dir, zk.session, r.zxid
                    ));
                } else {
                    self.p.watching = Some(self.dir.clone());
                }
            }
            (LEAVE, Code::Ok | Code::NoNode) => zk.get_children(LEFT, &self.dir, true),
            (_, code) => zk.note(format!("barrier {}: unexpected {code:?}", self.dir)),
        }
    }

    fn join(&mut self, zk: &mut Zk) {
        zk.create(JOIN, &self.mine(zk), zk.client, CreateMode::Ephemeral);
    }

    /// Our member node exists (created at `czxid`).
    fn joined(&mut self, zk: &mut Zk, czxid: crate::zxid::Zxid) {
        if self.p.node.is_none() {
            zk.note(format!(
                "joined barrier {} as {} (session {}, zxid {czxid})",
                self.dir,
                self.mine(zk),
                zk.session
            ));
        }
        self.p.node = Some(self.mine(zk));
        if self.p.role == Role::Starting {
            self.p.role = Role::Waiting;
        }
        zk.get_children(LIST, &self.dir, false);
    }

    /// Leave: delete our node, then wait for the others.
    pub fn leave(&mut self, zk: &mut Zk) {
        if self.p.role != Role::Leaving {
            zk.note(format!(
                "leaving barrier {} (session {})",
                self.dir, zk.session
            ));
        }
        self.p.role = Role::Leaving;
        self.p.end(zk.now, "left");
        zk.delete(LEAVE, &self.mine(zk));
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        let path = e.path.as_deref();
        if path == Some(self.mine(zk).as_str())
            && e.event_type == EventType::NodeDeleted
            && self.p.node.is_none()
            && self.p.watching.as_deref() == path
        {
            self.p.wakeups += 1;
            self.p.watching = None;
            return self.join(zk);
        }
        if path == Some(self.ready().as_str())
            && e.event_type == EventType::NodeCreated
            && self.p.role == Role::Waiting
        {
            self.p.wakeups += 1;
            self.entered(zk);
        } else if path == Some(self.dir.as_str())
            && e.event_type == EventType::NodeChildrenChanged
            && self.p.role == Role::Leaving
        {
            self.p.wakeups += 1;
            zk.get_children(LEFT, &self.dir, true);
        }
    }
}
