//! `DataNode`: one znode's data, ACL, persisted stat and child names (S/DataNode.java).

use super::mix::Mix;
use crate::zk::acl::Acl;
use crate::zk::stat::{Stat, StatPersisted};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One znode. Children are names (not paths), ordered for deterministic listing.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DataNode {
    /// `None` = Java `null` (stat dataLength 0, zkCli `get` prints `null`).
    pub data: Option<Vec<u8>>,
    pub acl: Vec<Acl>,
    pub stat: StatPersisted,
    pub children: BTreeSet<String>,
    /// Table size of the Java `HashSet` holding the children (`addChild` makes it
    /// `new HashSet<>(8)`; it doubles past 3/4 full and never shrinks): 0 = no set yet.
    /// The real server's getChildren order depends on it (`javaorder`).
    #[serde(default)]
    pub children_capacity: u32,
    /// [`DataNode::hash`] at the node's path as of its last change, 0 = not known (the real
    /// DataNode's cached `digest`): the tree's digest update on a change then hashes the node
    /// once, not twice. Not part of the node's value (equality, serialisation).
    #[serde(skip)]
    pub(crate) cached_hash: u64,
}

impl PartialEq for DataNode {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
            && self.acl == other.acl
            && self.stat == other.stat
            && self.children == other.children
            && self.children_capacity == other.children_capacity
    }
}

impl Eq for DataNode {}

impl DataNode {
    #[must_use]
    pub fn new(data: Option<Vec<u8>>, acl: Vec<Acl>, stat: StatPersisted) -> DataNode {
        DataNode {
            data,
            acl,
            stat,
            children: BTreeSet::new(),
            children_capacity: 0,
            cached_hash: 0,
        }
    }

    /// `DataNode.addChild`: the set is created with capacity 8 on first use and grows with
    /// `HashMap.resize` (never shrinking on `removeChild`).
    pub fn add_child(&mut self, name: String) {
        self.children.insert(name);
        let cap = crate::zk::javaorder::grown_capacity(
            (self.children_capacity as usize).max(8),
            self.children.len(),
        );
        self.children_capacity = u32::try_from(cap).unwrap_or(u32::MAX);
    }

    /// `DataNode.copyStat`: the client-visible stat.
    #[must_use]
    pub fn stat(&self) -> Stat {
        self.stat.to_stat(self.data_len(), self.children.len())
    }

    /// Length of the data (0 for null).
    #[must_use]
    pub fn data_len(&self) -> usize {
        self.data.as_ref().map_or(0, Vec::len)
    }

    /// [`DataNode::hash`] from the cache when it is known (the node sits at `path` in a tree).
    #[must_use]
    pub(crate) fn hash_at(&self, path: &str) -> u64 {
        if self.cached_hash == 0 {
            self.hash(path)
        } else {
            self.cached_hash
        }
    }

    /// A hash of everything that defines this node at `path` (replica comparison; see
    /// [`super::mix`]).
    #[must_use]
    pub fn hash(&self, path: &str) -> u64 {
        let mut h = Mix::new();
        h.bytes(path.as_bytes());
        match &self.data {
            None => h.u64(0),
            Some(d) => {
                h.u64(1);
                h.bytes(d);
            }
        }
        let s = &self.stat;
        for v in [s.czxid.0, s.mzxid.0, s.pzxid.0] {
            h.u64(v);
        }
        for v in [s.ctime, s.mtime, s.ephemeral_owner] {
            h.u64(v as u64);
        }
        h.u64(u64::from(s.version as u32) << 32 | u64::from(s.cversion as u32));
        h.u64(u64::from(s.aversion as u32));
        for a in &self.acl {
            h.u64(u64::from(a.perms as u32));
            h.bytes(a.id.scheme.as_bytes());
            h.bytes(a.id.id.as_bytes());
        }
        h.finish()
    }
}

/// 64-bit FNV-1a over little-endian words (digests of digests: a database's, a state's).
pub(crate) struct Fnv(pub u64);

impl Fnv {
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub(crate) fn u64(&mut self, v: u64) {
        for b in v.to_le_bytes() {
            self.byte(b);
        }
    }
}
