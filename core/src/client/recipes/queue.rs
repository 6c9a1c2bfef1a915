//! The FIFO queue (ZooKeeper's recipes page, "Queues"; Curator's `DistributedQueue`) made
//! exactly-once under ConnectionLoss and crashes.
//!
//! **put**: create `DIR/_c_<uuid>-item-NNNNNNNNNN` PERSISTENT_SEQUENTIAL with the item as data.
//! The `_c_<uuid>-` prefix is Curator's protected mode (`CreateBuilder.withProtection`, the
//! uuid from the run's seeded RNG): after a ConnectionLoss the create may or may not have
//! happened, so the producer looks for its prefix before creating again. Two additions make
//! that sound for a queue, where the node does not stay put:
//! - it looks in `DIR` *and* in the receipts `DIR/taken` — a consumer may already have taken
//!   and deleted the item before the producer hears of its create (the chaos test found this:
//!   with `DIR` alone the producer created it again and the item was delivered twice);
//! - it `sync`s first: the lost create may have been proposed by the leader but not yet
//!   applied by the server the client reconnected to; a sync makes that server catch up with
//!   the leader's pipeline (docs/zookeeper-semantics.md §5).
//!
//! **take**: list `DIR` (with a child watch when empty), read the lowest item, and *claim* it
//! by creating its receipt `DIR/taken/<item node name>` (data: claim uuid, consumer, item).
//! Whoever's create succeeds owns the item (NodeExists: another consumer's, next item); only
//! then is the item node deleted, by the owner or by any consumer that finds a receipt for it
//! (so a lost delete, or an owner that died first, leaves nothing stuck).
//! ZooKeeper's own recipe (`recipes/queue`, Curator's `SimpleDistributedQueue`) makes the
//! delete itself the claim, which cannot be exactly-once: after a ConnectionLoss on that
//! delete, NoNode means "my delete happened" *or* "another consumer's did", and the consumer
//! either drops an item it took or takes one twice. A receipt names its owner: after a
//! ConnectionLoss on it the consumer reads it — its own claim (taken), another's (next item),
//! or none (claim again).
//!
//! Semantics: an item is taken when its receipt commits, by exactly one consumer. A consumer
//! that crashes (or whose session ends) after that but before it heard of it has still taken
//! it: the receipt names it, and the checker (`client::check_queue`) counts it as that
//! consumer's. Items of one producer are claimed in the order its puts completed. Receipts
//! are kept (a consumed log), so a producer can always learn what became of its put.

use crate::client::recipes::{Progress, Role, Zk, sequence_of};
use crate::zk::code::Code;
use crate::zk::request::{CreateMode, Response, ResponseBody};
use crate::zk::watch::{EventType, WatchedEvent};
use crate::zxid::Zxid;
use std::collections::BTreeSet;

const DIR: u32 = 1;
const PUT: u32 = 2;
const LIST: u32 = 3;
const GET: u32 = 4;
const CLAIM: u32 = 5;
const RECHECK: u32 = 6;
const DELETE: u32 = 7;
/// After a ConnectionLoss on the put: sync, then look for our protected prefix.
const SYNC: u32 = 8;
const FIND: u32 = 9;
const FIND_TAKEN: u32 = 10;
const TAKEN_DIR: u32 = 11;

/// The receipts directory under the queue's.
pub const TAKEN: &str = "taken";

/// A receipt's data: `(claim uuid, consumer, item)`.
#[must_use]
pub fn parse_receipt(data: &str) -> Option<(&str, &str, &str)> {
    let (uuid, rest) = data.split_once(' ')?;
    let (client, item) = rest.split_once(' ')?;
    Some((uuid, client, item))
}

/// A producer (`item` set) or a consumer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queue {
    pub dir: String,
    pub item: Option<String>,
    /// The protected-name uuid of a put, or the claim uuid of a take.
    pub uuid: String,
    /// The consumer's candidates from its last listing, lowest sequence first.
    pub pending: Vec<String>,
    /// The consumer's candidate being claimed: (node name, item).
    pub head: Option<(String, String)>,
    /// Item nodes this consumer saw taken or gone: never candidates again (an item whose
    /// owner died before deleting it must not make it list forever).
    pub skip: BTreeSet<String>,
    pub p: Progress,
}

impl Queue {
    #[must_use]
    pub fn new(dir: String, item: Option<String>) -> Queue {
        Queue {
            dir,
            item,
            uuid: String::new(),
            pending: Vec::new(),
            head: None,
            skip: BTreeSet::new(),
            p: Progress::new(),
        }
    }

    pub fn start(&mut self, zk: &mut Zk) {
        if self.uuid.is_empty() {
            self.uuid = zk.uuid();
        }
        zk.create(DIR, &self.dir, "", CreateMode::Persistent);
    }

    fn prefix(&self) -> String {
        format!("_c_{}-", self.uuid)
    }

    fn node(&self, name: &str) -> String {
        format!("{}/{name}", self.dir)
    }

    fn receipt(&self, name: &str) -> String {
        format!("{}/{TAKEN}/{name}", self.dir)
    }

    fn after_dir(&mut self, zk: &mut Zk) {
        if self.item.is_some() {
            self.p.role = Role::Producer;
            self.put(zk);
        } else {
            self.p.role = Role::Consumer;
            self.list(zk);
        }
    }

    fn put(&mut self, zk: &mut Zk) {
        let node = format!("{}/{}item-", self.dir, self.prefix());
        let item = self.item.clone().unwrap_or_default();
        zk.create(PUT, &node, &item, CreateMode::PersistentSequential);
    }

    /// After a ConnectionLoss on the put: did it happen?
    fn find(&mut self, zk: &mut Zk) {
        zk.sync(SYNC, &self.dir);
        zk.get_children(FIND, &self.dir, false);
        zk.get_children(FIND_TAKEN, &format!("{}/{TAKEN}", self.dir), false);
    }

    fn put_done(&mut self, zk: &mut Zk, node: &str, how: &str) {
        self.p.node = Some(node.to_string());
        self.p.seen.push((zk.now, node.to_string()));
        self.p.role = Role::Done;
        let item = self.item.clone().unwrap_or_default();
        zk.note(format!("put {item:?} as {node}{how}"));
    }

    fn list(&mut self, zk: &mut Zk) {
        self.pending.clear();
        self.head = None;
        zk.get_children(LIST, &self.dir, true);
    }

    /// Read the next candidate of the last listing, or list again when there is none.
    fn next(&mut self, zk: &mut Zk) {
        self.head = None;
        if self.pending.is_empty() {
            return self.list(zk);
        }
        let name = self.pending.remove(0);
        zk.get_data(GET, &self.node(&name), false);
        self.head = Some((name, String::new()));
    }

    /// The head is taken by another consumer (or gone): delete it if it is still there (its
    /// receipt decides who owns it, not the delete) and move on.
    fn skip_head(&mut self, zk: &mut Zk, delete: bool) {
        if let Some((name, _)) = self.head.take() {
            if delete {
                zk.delete(DELETE, &self.node(&name));
            }
            self.skip.insert(name);
        }
        self.next(zk);
    }

    fn claim(&mut self, zk: &mut Zk) {
        if let Some((name, item)) = &self.head {
            let data = format!("{} {} {item}", self.uuid, zk.client);
            zk.create(CLAIM, &self.receipt(name), &data, CreateMode::Persistent);
        }
    }

    fn recheck(&mut self, zk: &mut Zk) {
        if let Some((name, _)) = &self.head {
            zk.get_data(RECHECK, &self.receipt(name), false);
        }
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        // The delete of a taken item is clean-up: if it is lost, the next consumer that meets
        // the item finds its receipt and deletes it.
        if self.p.role == Role::Done || tag == SYNC || tag == DELETE {
            return;
        }
        match (tag, r.code) {
            (DIR, Code::ConnectionLoss) => self.start(zk),
            (DIR, Code::Ok | Code::NodeExists) | (TAKEN_DIR, Code::ConnectionLoss) => {
                zk.create(
                    TAKEN_DIR,
                    &format!("{}/{TAKEN}", self.dir),
                    "",
                    CreateMode::Persistent,
                );
            }
            (TAKEN_DIR, Code::Ok | Code::NodeExists) => self.after_dir(zk),
            (PUT, Code::ConnectionLoss) => {
                zk.note(format!(
                    "put of {:?} lost to ConnectionLoss: sync, then look for {} in {} and {}/{TAKEN}",
                    self.item.clone().unwrap_or_default(),
                    self.prefix(),
                    self.dir,
                    self.dir
                ));
                self.find(zk);
            }
            // FIND_TAKEN is the last of the three: its ConnectionLoss means start again.
            (FIND, Code::ConnectionLoss) => {}
            (FIND_TAKEN, Code::ConnectionLoss) => self.find(zk),
            (PUT, Code::Ok) => {
                if let ResponseBody::Create { path, .. } = &r.body {
                    self.put_done(zk, &path.clone(), "");
                }
            }
            (FIND | FIND_TAKEN, Code::Ok) => {
                let prefix = self.prefix();
                let found = match &r.body {
                    ResponseBody::Children { children, .. } => {
                        children.iter().find(|c| c.starts_with(&prefix)).cloned()
                    }
                    _ => None,
                };
                match (found, tag) {
                    (Some(c), FIND) => {
                        let node = self.node(&c);
                        self.put_done(zk, &node, " (found by its protected name)");
                    }
                    (Some(c), _) => {
                        let node = self.node(&c);
                        self.put_done(zk, &node, " (found taken by its protected name)");
                    }
                    (None, FIND) => {}
                    (None, _) => self.put(zk),
                }
            }
            (RECHECK, Code::ConnectionLoss) => self.recheck(zk),
            // Did the lost claim happen? Read the receipt.
            (CLAIM, Code::ConnectionLoss) => {
                if let Some((name, _)) = &self.head {
                    zk.note(format!(
                        "claim of {} lost to ConnectionLoss: read its receipt",
                        self.node(name)
                    ));
                }
                self.recheck(zk);
            }
            (_, Code::ConnectionLoss) => self.list(zk),
            (LIST, Code::Ok) => {
                let ResponseBody::Children { children, .. } = &r.body else {
                    return;
                };
                let mut items: Vec<(u64, &String)> = children
                    .iter()
                    .filter(|c| !self.skip.contains(*c))
                    .filter_map(|c| sequence_of(c).map(|s| (s, c)))
                    .collect();
                items.sort();
                self.pending = items.into_iter().map(|(_, c)| c.clone()).collect();
                if self.pending.is_empty() {
                    self.p.watching = Some(self.dir.clone());
                } else {
                    self.p.watching = None;
                    self.next(zk);
                }
            }
            (GET, Code::Ok) => {
                let ResponseBody::Data { data, .. } = &r.body else {
                    return;
                };
                let v = String::from_utf8_lossy(data.as_deref().unwrap_or_default()).to_string();
                if let Some((_, item)) = &mut self.head {
                    *item = v;
                }
                self.claim(zk);
            }
            (CLAIM, Code::Ok) => {
                let czxid = match &r.body {
                    ResponseBody::Create { stat, .. } => stat.czxid,
                    _ => r.zxid,
                };
                self.took(zk, czxid, "");
            }
            (RECHECK, Code::Ok) => {
                let ResponseBody::Data { data, stat } = &r.body else {
                    return;
                };
                let v = String::from_utf8_lossy(data.as_deref().unwrap_or_default()).to_string();
                if parse_receipt(&v).is_some_and(|(u, _, _)| u == self.uuid) {
                    self.took(zk, stat.czxid, " (its claim had been lost)");
                } else {
                    self.skip_head(zk, true);
                }
            }
            // No receipt: the lost claim did not happen.
            (RECHECK, Code::NoNode) => self.claim(zk),
            (CLAIM, Code::NodeExists) => self.skip_head(zk, true),
            (GET, Code::NoNode) => self.skip_head(zk, false),
            (_, code) => zk.note(format!("queue {}: unexpected {code:?}", self.dir)),
        }
    }

    /// Our receipt committed at `zxid`: the item is ours. Delete the item node.
    fn took(&mut self, zk: &mut Zk, zxid: Zxid, how: &str) {
        let Some((name, item)) = self.head.take() else {
            return;
        };
        let node = self.node(&name);
        self.p.acquire(zk, &node, zxid);
        self.p.end(zk.now, "taken");
        self.p.seen.push((zk.now, item.clone()));
        self.p.node = Some(node.clone());
        self.p.watching = None;
        self.p.role = Role::Done;
        self.pending.clear();
        zk.note(format!(
            "took {item:?} from {node} (claim {}, zxid {zxid}){how}",
            self.uuid
        ));
        zk.delete(DELETE, &node);
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        if e.path.as_deref() == Some(self.dir.as_str())
            && e.event_type == EventType::NodeChildrenChanged
            && self.p.role == Role::Consumer
            && self.p.watching.is_some()
        {
            self.p.wakeups += 1;
            self.p.watching = None;
            self.list(zk);
        }
    }
}
