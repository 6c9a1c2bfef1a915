//! `DataTree` (S/DataTree.java): the znode hierarchy in a `BTreeMap` keyed by full path, with
//! the side indexes ZooKeeper keeps (ephemerals by session, containers, TTL nodes) and an
//! incrementally maintained digest (wrapping sum of per-node FNV hashes, like ZooKeeper's
//! `DigestCalculator`) so replicas can be compared cheaply.
//!
//! These are the *apply-side* mutations (`createNode`, `deleteNode`, `setData`, `setACL`):
//! checks that belong to PrepRequestProcessor live in `prep.rs`; here only the structural
//! errors DataTree itself raises remain (NoNode, NodeExists).

mod mix;
mod node;

pub use node::DataNode;
pub(crate) use node::Fnv;

use crate::zk::acl::Acl;
use crate::zk::code::Code;
use crate::zk::path::{child_name, join, parent_key, parent_of};
use crate::zk::stat::{EphemeralType, Stat, StatPersisted};
use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// `/zookeeper`, the system subtree.
pub const PROC_ZOOKEEPER: &str = "/zookeeper";
/// `/zookeeper/quota`.
pub const QUOTA_ZOOKEEPER: &str = "/zookeeper/quota";
/// `/zookeeper/config` (reconfig's dynamic config; READ-only ACL).
pub const CONFIG_ZOOKEEPER: &str = "/zookeeper/config";

/// The replicated znode tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataTree {
    nodes: BTreeMap<String, DataNode>,
    ephemerals: BTreeMap<i64, BTreeSet<String>>,
    /// Table size each session's ephemerals `HashSet` grew to (it never shrinks, and the set
    /// stays until the session is killed; getEphemerals iterates it to clone it).
    #[serde(default)]
    ephemeral_capacity: BTreeMap<i64, u32>,
    containers: BTreeSet<String>,
    ttls: BTreeSet<String>,
    digest: u64,
}

impl Default for DataTree {
    fn default() -> Self {
        DataTree::new()
    }
}

impl DataTree {
    /// A fresh tree as `new DataTree()` builds it: `/`, `/zookeeper`, `/zookeeper/quota` and
    /// `/zookeeper/config` (ACL `world:anyone:r`, aversion −1 from `setACL(.., -1)`), all with
    /// zeroed stats and children added without bumping cversion (so `stat /zookeeper` shows
    /// cversion −2).
    #[must_use]
    pub fn new() -> DataTree {
        let mut t = DataTree {
            nodes: BTreeMap::new(),
            ephemerals: BTreeMap::new(),
            ephemeral_capacity: BTreeMap::new(),
            containers: BTreeSet::new(),
            ttls: BTreeSet::new(),
            digest: 0,
        };
        let blank = || {
            DataNode::new(
                Some(Vec::new()),
                Acl::open_unsafe(),
                StatPersisted::default(),
            )
        };
        t.insert("/", blank());
        for p in [PROC_ZOOKEEPER, QUOTA_ZOOKEEPER, CONFIG_ZOOKEEPER] {
            t.insert(p, blank());
            let parent = parent_key(parent_of(p).unwrap_or(""));
            t.modify(parent, |n| {
                n.add_child(child_name(p).to_string());
            });
        }
        t.modify(CONFIG_ZOOKEEPER, |n| {
            n.acl = Acl::read_unsafe();
            n.stat.aversion = -1;
        });
        t
    }

    /// `DataTree.isSpecialPath`: nodes that can never be deleted.
    #[must_use]
    pub fn is_special_path(path: &str) -> bool {
        matches!(
            path,
            "/" | PROC_ZOOKEEPER | QUOTA_ZOOKEEPER | CONFIG_ZOOKEEPER
        )
    }

    #[must_use]
    pub fn get(&self, path: &str) -> Option<&DataNode> {
        self.nodes.get(path)
    }

    /// The client-visible stat of `path`.
    #[must_use]
    pub fn stat(&self, path: &str) -> Option<Stat> {
        self.nodes.get(path).map(DataNode::stat)
    }

    /// Number of znodes (`DataTree.getNodeCount`), `/` included.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// All (path, node) pairs in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &DataNode)> {
        self.nodes.iter()
    }

    /// `DataTree.getAllChildrenNumber`: every node strictly below `path` (for `/`, every
    /// node but the root).
    #[must_use]
    pub fn all_children_number(&self, path: &str) -> usize {
        if path == "/" {
            return self.nodes.len() - 1;
        }
        let prefix = format!("{path}/");
        self.nodes
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .count()
    }

    /// `DataTree.getEphemerals(sessionId)` (ordered).
    #[must_use]
    pub fn ephemerals(&self, session: i64) -> BTreeSet<String> {
        self.ephemerals.get(&session).cloned().unwrap_or_default()
    }

    /// A session's ephemerals in the order the real server lists them (`getEphemerals`,
    /// closeSession): insertion (czxid) order through a cloned Java `HashSet`.
    #[must_use]
    pub fn ephemerals_java_order(&self, session: i64) -> Vec<String> {
        let mut v: Vec<(crate::zxid::Zxid, String)> = self
            .ephemerals(session)
            .into_iter()
            .map(|p| {
                (
                    self.nodes.get(&p).map(|n| n.stat.czxid).unwrap_or_default(),
                    p,
                )
            })
            .collect();
        v.sort();
        let cap = self.ephemeral_capacity.get(&session).copied().unwrap_or(16);
        crate::zk::javaorder::cloned_set_order(
            v.into_iter().map(|(_, p)| p).collect(),
            cap as usize,
        )
    }

    /// Children of `path` in the order the real server returns them (`DataNode.children` is
    /// a `HashSet(8)` filled in creation order, its table as large as it ever grew).
    #[must_use]
    pub fn children_java_order(&self, path: &str) -> Option<Vec<String>> {
        let n = self.nodes.get(path)?;
        let mut v: Vec<(crate::zxid::Zxid, String)> = n
            .children
            .iter()
            .map(|c| {
                let czxid = self
                    .nodes
                    .get(&join(path, c))
                    .map(|n| n.stat.czxid)
                    .unwrap_or_default();
                (czxid, c.clone())
            })
            .collect();
        v.sort();
        let cap =
            crate::zk::javaorder::grown_capacity((n.children_capacity as usize).max(8), v.len());
        Some(crate::zk::javaorder::iteration_order(
            v.into_iter().map(|(_, c)| c).collect(),
            cap,
        ))
    }

    /// `DataTree.killSession` drops the session's ephemerals set (and so its grown table).
    pub fn forget_session(&mut self, session: i64) {
        self.ephemeral_capacity.remove(&session);
    }

    /// Every session owning ephemerals, with its paths.
    #[must_use]
    pub fn all_ephemerals(&self) -> &BTreeMap<i64, BTreeSet<String>> {
        &self.ephemerals
    }

    /// `DataTree.getContainers()`.
    #[must_use]
    pub fn containers(&self) -> &BTreeSet<String> {
        &self.containers
    }

    /// `DataTree.getTtls()`.
    #[must_use]
    pub fn ttls(&self) -> &BTreeSet<String> {
        &self.ttls
    }

    /// The tree digest: wrapping sum of every node's hash, maintained on each change.
    #[must_use]
    pub fn digest(&self) -> u64 {
        self.digest
    }

    fn insert(&mut self, path: &str, mut node: DataNode) {
        node.cached_hash = node.hash(path);
        self.digest = self.digest.wrapping_add(node.cached_hash);
        if let Some(old) = self.nodes.insert(path.to_string(), node) {
            self.digest = self.digest.wrapping_sub(old.hash_at(path));
        }
    }

    fn remove(&mut self, path: &str) -> Option<DataNode> {
        let old = self.nodes.remove(path)?;
        self.digest = self.digest.wrapping_sub(old.hash_at(path));
        Some(old)
    }

    /// Changes one node in place, keeping the digest right. No-op if absent. Every change to
    /// a node in the tree goes through here (or `insert`), so its cached hash stays true.
    fn modify<R>(&mut self, path: &str, f: impl FnOnce(&mut DataNode) -> R) -> Option<R> {
        let node = self.nodes.get_mut(path)?;
        let before = node.hash_at(path);
        let r = f(node);
        node.cached_hash = node.hash(path);
        self.digest = self
            .digest
            .wrapping_sub(before)
            .wrapping_add(node.cached_hash);
        Some(r)
    }

    /// `DataTree.createNode`: adds the child, raises the parent's internal cversion to
    /// `parent_cversion` (and pzxid to `zxid`) when that is higher, indexes ephemerals,
    /// containers and TTL nodes. Errors: NoNode (no parent), NodeExists.
    #[allow(clippy::too_many_arguments)]
    pub fn create_node(
        &mut self,
        path: &str,
        data: Option<Vec<u8>>,
        acl: Vec<Acl>,
        ephemeral_owner: i64,
        parent_cversion: i32,
        zxid: Zxid,
        time: i64,
    ) -> Result<Stat, Code> {
        let parent = parent_key(parent_of(path).ok_or(Code::NoNode)?).to_string();
        let child = child_name(path).to_string();
        let Some(p) = self.nodes.get(&parent) else {
            return Err(Code::NoNode);
        };
        if p.children.contains(&child) {
            return Err(Code::NodeExists);
        }
        self.modify(&parent, |p| {
            let cv = if parent_cversion == -1 {
                p.stat.cversion.wrapping_add(1)
            } else {
                parent_cversion
            };
            if cv > p.stat.cversion {
                p.stat.cversion = cv;
                p.stat.pzxid = zxid;
            }
            p.add_child(child);
        });
        let node = DataNode::new(data, acl, StatPersisted::new(zxid, time, ephemeral_owner));
        let stat = node.stat();
        self.insert(path, node);
        match EphemeralType::of(ephemeral_owner) {
            EphemeralType::Container => {
                self.containers.insert(path.to_string());
            }
            EphemeralType::Ttl(_) => {
                self.ttls.insert(path.to_string());
            }
            EphemeralType::Normal => {
                let set = self.ephemerals.entry(ephemeral_owner).or_default();
                set.insert(path.to_string());
                let len = set.len();
                let cap = self.ephemeral_capacity.entry(ephemeral_owner).or_insert(16);
                let grown = crate::zk::javaorder::grown_capacity(*cap as usize, len);
                *cap = u32::try_from(grown).unwrap_or(u32::MAX);
            }
            EphemeralType::Void => {}
        }
        Ok(stat)
    }

    /// `DataTree.deleteNode`: removes the node; the parent's pzxid rises to `zxid` (never
    /// falls) and its cversion is untouched. Error: NoNode.
    pub fn delete_node(&mut self, path: &str, zxid: Zxid) -> Result<(), Code> {
        let parent = parent_key(parent_of(path).ok_or(Code::NoNode)?).to_string();
        let node = self.remove(path).ok_or(Code::NoNode)?;
        let child = child_name(path).to_string();
        self.modify(&parent, |p| {
            p.children.remove(&child);
            if zxid > p.stat.pzxid {
                p.stat.pzxid = zxid;
            }
        });
        let owner = node.stat.ephemeral_owner;
        match EphemeralType::of(owner) {
            EphemeralType::Container => {
                self.containers.remove(path);
            }
            EphemeralType::Ttl(_) => {
                self.ttls.remove(path);
            }
            EphemeralType::Normal => {
                if let Some(set) = self.ephemerals.get_mut(&owner) {
                    set.remove(path);
                    if set.is_empty() {
                        self.ephemerals.remove(&owner);
                    }
                }
            }
            EphemeralType::Void => {}
        }
        Ok(())
    }

    /// `DataTree.setData`: data, mtime, mzxid and the (already incremented) version.
    pub fn set_data(
        &mut self,
        path: &str,
        data: Option<Vec<u8>>,
        version: i32,
        zxid: Zxid,
        time: i64,
    ) -> Result<Stat, Code> {
        self.modify(path, |n| {
            n.data = data;
            n.stat.mtime = time;
            n.stat.mzxid = zxid;
            n.stat.version = version;
            n.stat()
        })
        .ok_or(Code::NoNode)
    }

    /// `DataTree.setACL`: the ACL and aversion only.
    pub fn set_acl(&mut self, path: &str, acl: Vec<Acl>, aversion: i32) -> Result<Stat, Code> {
        self.modify(path, |n| {
            n.acl = acl;
            n.stat.aversion = aversion;
            n.stat()
        })
        .ok_or(Code::NoNode)
    }

    /// Children names of `path`, ordered.
    #[must_use]
    pub fn children(&self, path: &str) -> Option<Vec<String>> {
        self.nodes
            .get(path)
            .map(|n| n.children.iter().cloned().collect())
    }

    /// Full paths of `path`'s children.
    #[must_use]
    pub fn child_paths(&self, path: &str) -> Vec<String> {
        self.nodes
            .get(path)
            .map(|n| n.children.iter().map(|c| join(path, c)).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
