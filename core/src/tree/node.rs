//! `DataNode`: one znode's data, ACL, persisted stat and child names (S/DataNode.java).

use crate::acl::Acl;
use crate::stat::{Stat, StatPersisted};
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
        let cap = crate::javaorder::grown_capacity(
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

    /// FNV-1a over everything that defines this node at `path` (replica comparison).
    #[must_use]
    pub fn hash(&self, path: &str) -> u64 {
        let mut h = Fnv::new();
        h.bytes(path.as_bytes());
        match &self.data {
            None => h.byte(0),
            Some(d) => {
                h.byte(1);
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
        for v in [s.version, s.cversion, s.aversion] {
            h.u64(v as u32 as u64);
        }
        for a in &self.acl {
            h.u64(a.perms as u32 as u64);
            h.bytes(a.id.scheme.as_bytes());
            h.bytes(a.id.id.as_bytes());
        }
        h.0
    }
}

/// 64-bit FNV-1a, with a length prefix per field so field boundaries matter.
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

    pub(crate) fn bytes(&mut self, bs: &[u8]) {
        self.u64(bs.len() as u64);
        for &b in bs {
            self.byte(b);
        }
    }
}
