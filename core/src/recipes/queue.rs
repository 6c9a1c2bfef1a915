//! The FIFO queue (ZooKeeper's recipes page, "Queues"; Curator's `DistributedQueue`): a
//! producer creates `DIR/item-NNNNNNNNNN` PERSISTENT_SEQUENTIAL with the item as data; a
//! consumer lists the children (with a child watch when empty), reads the lowest and
//! deletes it — whoever's delete succeeds owns the item, a NoNode means another consumer
//! won and it tries the next. One `take` consumes one item.
//!
//! As in the real recipe, a ConnectionLoss on the delete is ambiguous (did it happen?): the
//! consumer checks whether the node still exists; if it is gone it records the item as
//! "maybe taken" instead of guessing.

use crate::code::Code;
use crate::recipes::{Progress, Role, Zk, sequence_of};
use crate::request::{CreateMode, Response, ResponseBody};
use crate::watch::{EventType, WatchedEvent};

const DIR: u32 = 1;
const PUT: u32 = 2;
const LIST: u32 = 3;
const GET: u32 = 4;
const TAKE: u32 = 5;
const RECHECK: u32 = 6;

/// A producer (`item` set) or a consumer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queue {
    pub dir: String,
    pub item: Option<String>,
    /// The consumer's candidate: (node, data).
    pub head: Option<(String, String)>,
    pub p: Progress,
}

impl Queue {
    #[must_use]
    pub fn new(dir: String, item: Option<String>) -> Queue {
        Queue {
            dir,
            item,
            head: None,
            p: Progress::new(),
        }
    }

    pub fn start(&mut self, zk: &mut Zk) {
        zk.create(DIR, &self.dir, "", CreateMode::Persistent);
    }

    fn after_dir(&mut self, zk: &mut Zk) {
        match &self.item {
            Some(item) => {
                let node = format!("{}/item-", self.dir);
                zk.create(PUT, &node, item, CreateMode::PersistentSequential);
                self.p.role = Role::Producer;
            }
            None => {
                self.p.role = Role::Consumer;
                self.list(zk);
            }
        }
    }

    fn list(&mut self, zk: &mut Zk) {
        zk.get_children(LIST, &self.dir, true);
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        if self.p.role == Role::Done {
            return;
        }
        match (tag, r.code) {
            (DIR, Code::ConnectionLoss) => self.start(zk),
            (PUT, Code::ConnectionLoss) => {
                // The item may or may not be queued; a producer would retry with a
                // protected name. Here it is reported, not duplicated.
                zk.note(format!(
                    "queue {}: put of {:?} lost in flight",
                    self.dir, self.item
                ));
                self.p.role = Role::Done;
            }
            (TAKE, Code::ConnectionLoss) => {
                if let Some((node, _)) = &self.head {
                    zk.exists(RECHECK, &node.clone(), false);
                }
            }
            (_, Code::ConnectionLoss) => self.list(zk),
            (DIR, Code::Ok | Code::NodeExists) => self.after_dir(zk),
            (PUT, Code::Ok) => {
                if let ResponseBody::Create { path, .. } = &r.body {
                    self.p.node = Some(path.clone());
                    self.p.seen.push((zk.now, path.clone()));
                }
                self.p.role = Role::Done;
            }
            (LIST, Code::Ok) => {
                let ResponseBody::Children { children, .. } = &r.body else {
                    return;
                };
                let first = children
                    .iter()
                    .filter_map(|c| sequence_of(c).map(|s| (s, c)))
                    .min()
                    .map(|(_, c)| c.clone());
                match first {
                    Some(c) => {
                        self.p.watching = None;
                        let node = format!("{}/{c}", self.dir);
                        zk.get_data(GET, &node, false);
                        self.head = Some((node, String::new()));
                    }
                    None => self.p.watching = Some(self.dir.clone()),
                }
            }
            (GET, Code::Ok) => {
                let ResponseBody::Data { data, .. } = &r.body else {
                    return;
                };
                let v = String::from_utf8_lossy(data.as_deref().unwrap_or_default()).to_string();
                if let Some((node, _)) = self.head.clone() {
                    zk.delete(TAKE, &node);
                    self.head = Some((node, v));
                }
            }
            (GET | TAKE, Code::NoNode) => {
                self.head = None;
                self.list(zk);
            }
            (TAKE, Code::Ok) => self.took(zk, "taken"),
            (RECHECK, Code::Ok) => {
                if let Some((node, _)) = &self.head {
                    zk.delete(TAKE, &node.clone());
                }
            }
            (RECHECK, Code::NoNode) => self.took(zk, "maybe taken (ConnectionLoss)"),
            (_, code) => zk.note(format!("queue {}: unexpected {code:?}", self.dir)),
        }
    }

    fn took(&mut self, zk: &mut Zk, how: &str) {
        if let Some((node, v)) = self.head.take() {
            self.p.acquire(zk, &node, crate::zxid::Zxid::ZERO);
            self.p.end(zk.now, how);
            self.p.seen.push((zk.now, v.clone()));
            self.p.node = Some(node.clone());
            zk.note(format!("took {v:?} from {node} ({how})"));
        }
        self.p.watching = None;
        self.p.role = Role::Done;
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        if e.path.as_deref() == Some(self.dir.as_str())
            && e.event_type == EventType::NodeChildrenChanged
            && self.p.role == Role::Consumer
            && self.head.is_none()
        {
            self.p.wakeups += 1;
            self.list(zk);
        }
    }
}
