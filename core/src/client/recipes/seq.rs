//! The sequential-node queue behind the fair lock, the read/write lock and leader election
//! (ZooKeeper's recipes page, "Locks" without herd effect, "Shared Locks", "Leader
//! Election"): create `DIR/PREFIX<session>-` EPHEMERAL_SEQUENTIAL, list the children, and
//! either hold (nothing that blocks us comes before our node) or set an exists watch on the
//! one node just before ours that blocks us — so a release wakes exactly one waiter.
//!
//! The session id in the name is Curator's "protected" mode: after a ConnectionLoss on the
//! create the recipe finds its own node instead of creating a second one. It `sync`s before
//! it looks (Curator does not): the 3000-seed chaos run (seed 143) had a create proposed by
//! a leader that had lost its quorum; the reconnected client listed, did not see it, created
//! again, and when the first create committed it waited on its own older node for ever. A
//! sync is answered only after the leader's outstanding proposals (Leader.processSync), so
//! the listing after it shows the lost create if it is going to happen. Should a second node
//! of ours turn up anyway, it is deleted, never waited for.

use crate::client::recipes::{Progress, Role, Zk, created, sequence_of};
use crate::zk::code::Code;
use crate::zk::request::{CreateMode, Response, ResponseBody};
use crate::zk::watch::{EventType, WatchedEvent};
use crate::zxid::Zxid;

const DIR: u32 = 1;
const CREATE: u32 = 2;
const LIST: u32 = 3;
const WATCH: u32 = 4;
/// After a ConnectionLoss on create: sync, list the children and look for our own node.
const FIND: u32 = 5;
const SYNC: u32 = 6;
/// The delete of a second node of ours (its reply needs no handling).
const DUPLICATE: u32 = 7;

/// Which earlier node blocks ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Any earlier node (fair lock, write lock, election).
    Any,
    /// Only an earlier `write-` node (read lock).
    Writers,
}

/// One contender in a sequential-node queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeqWaiter {
    pub dir: String,
    pub prefix: &'static str,
    pub rule: Rule,
    /// The roles for "first" and "waiting" (holder/waiting, leader/follower).
    pub first: Role,
    pub queued: Role,
    /// Our node's name (without the directory) once created.
    pub mine: Option<String>,
    pub token: Zxid,
    /// The node of the exists watch in flight.
    pub asked: Option<String>,
    pub p: Progress,
}

impl SeqWaiter {
    #[must_use]
    pub fn new(dir: String, prefix: &'static str, rule: Rule, first: Role, queued: Role) -> Self {
        SeqWaiter {
            dir,
            prefix,
            rule,
            first,
            queued,
            mine: None,
            token: Zxid::ZERO,
            asked: None,
            p: Progress::new(),
        }
    }

    fn tag(&self, zk: &Zk) -> String {
        format!("{}{:x}-", self.prefix, zk.session.0)
    }

    pub fn start(&mut self, zk: &mut Zk) {
        zk.create(DIR, &self.dir, "", CreateMode::Persistent);
    }

    fn create(&mut self, zk: &mut Zk) {
        let path = format!("{}/{}", self.dir, self.tag(zk));
        zk.create(CREATE, &path, zk.client, CreateMode::EphemeralSequential);
    }

    /// The node we must wait for, if any (children sorted by sequence number). Our own
    /// nodes never block us.
    fn blocker(&self, children: &[String], tag: &str) -> Option<String> {
        let mine = self.mine.as_deref()?;
        let seq = sequence_of(mine)?;
        let mut before: Vec<(u64, &String)> = children
            .iter()
            .filter(|c| !c.starts_with(tag))
            .filter_map(|c| sequence_of(c).map(|s| (s, c)))
            .filter(|(s, _)| *s < seq)
            .filter(|(_, c)| self.rule == Rule::Any || c.starts_with("write-"))
            .collect();
        before.sort();
        before.last().map(|(_, c)| (*c).clone())
    }

    fn list(&mut self, zk: &mut Zk) {
        zk.get_children(LIST, &self.dir, false);
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        match (tag, r.code) {
            (SYNC | DUPLICATE, _) => {}
            (DIR, Code::ConnectionLoss) => self.start(zk),
            (CREATE | FIND, Code::ConnectionLoss) => {
                zk.sync(SYNC, &self.dir);
                zk.get_children(FIND, &self.dir, false);
            }
            (_, Code::ConnectionLoss) => self.list(zk),
            (DIR, Code::Ok | Code::NodeExists) => self.create(zk),
            (CREATE, Code::Ok) => {
                let (path, czxid) = created(r).unwrap_or_default();
                let name = crate::zk::path::child_name(&path).to_string();
                self.p.node = Some(path);
                self.mine = Some(name);
                self.token = czxid;
                self.list(zk);
            }
            (FIND, Code::Ok) => {
                let tag = self.tag(zk);
                let found = match &r.body {
                    ResponseBody::Children { children, .. } => children
                        .iter()
                        .filter(|c| c.starts_with(&tag))
                        .min_by_key(|c| sequence_of(c))
                        .cloned(),
                    _ => None,
                };
                match found {
                    Some(name) => {
                        self.p.node = Some(format!("{}/{name}", self.dir));
                        self.mine = Some(name);
                        self.token = r.zxid;
                        self.list(zk);
                    }
                    None => self.create(zk),
                }
            }
            (LIST, Code::Ok) => {
                let ResponseBody::Children { children, .. } = &r.body else {
                    return;
                };
                let Some(mine) = self.mine.clone() else {
                    return;
                };
                if !children.contains(&mine) {
                    // Our node is gone (our session ended under us): nothing is held.
                    self.p.lost(zk.now, "node gone");
                    return;
                }
                let tag = self.tag(zk);
                for other in children
                    .iter()
                    .filter(|c| c.starts_with(&tag) && **c != mine)
                {
                    zk.note(format!(
                        "deleting a second node of ours, {}/{other}",
                        self.dir
                    ));
                    zk.delete(DUPLICATE, &format!("{}/{other}", self.dir));
                }
                match self.blocker(children, &tag) {
                    None => {
                        self.p.role = self.first;
                        self.p.watching = None;
                        let node = format!("{}/{mine}", self.dir);
                        if self.p.holding().is_none() {
                            self.p.acquire(zk, &node, self.token);
                            zk.note(format!(
                                "{} {node} (fencing token {})",
                                if self.first == Role::Leader {
                                    "leads with"
                                } else {
                                    "acquired"
                                },
                                self.token
                            ));
                        }
                    }
                    Some(b) => {
                        self.p.role = self.queued;
                        let path = format!("{}/{b}", self.dir);
                        zk.exists(WATCH, &path, true);
                        self.asked = Some(path);
                    }
                }
            }
            (WATCH, Code::Ok) => self.p.watching = self.asked.take(),
            (WATCH, Code::NoNode) => self.list(zk),
            (_, code) => zk.note(format!("{} {}: unexpected {code:?}", self.prefix, self.dir)),
        }
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        let Some(path) = e.path.as_deref() else {
            return;
        };
        if e.event_type == EventType::NodeDeleted
            && self.p.watching.as_deref() == Some(path)
            && self.p.role == self.queued
        {
            self.p.wakeups += 1;
            self.p.watching = None;
            self.list(zk);
        }
    }
}
