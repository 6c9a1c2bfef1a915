//! Znode metadata: the client-visible `Stat` (11 fields, `data/Stat` in jute) and the stored
//! `StatPersisted`, with `DataNode.copyStat`'s translation between them, and the
//! ephemeralOwner encodings of `S/EphemeralType.java` (containers, TTL nodes).

use crate::zxid::Zxid;
use serde::{Deserialize, Serialize};

/// `EphemeralType.CONTAINER_EPHEMERAL_OWNER` = `Long.MIN_VALUE`.
pub const CONTAINER_OWNER: i64 = i64::MIN;
/// High byte marking a TTL node's ephemeralOwner (`EphemeralType.TTL`: `0xFF << 56 | ttl`).
pub const TTL_MASK: i64 = 0xff00_0000_0000_0000_u64 as i64;
/// Largest TTL (`EphemeralType.TTL.maxValue`, 40 bits).
pub const MAX_TTL: i64 = 0x00ff_ffff_ffff;

/// `EphemeralType.get(ephemeralOwner)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EphemeralType {
    Void,
    Normal,
    Container,
    Ttl(i64),
}

impl EphemeralType {
    /// Decodes an ephemeralOwner (extended types enabled).
    #[must_use]
    pub fn of(owner: i64) -> EphemeralType {
        if owner == CONTAINER_OWNER {
            EphemeralType::Container
        } else if owner != 0 && (owner & TTL_MASK) == TTL_MASK {
            EphemeralType::Ttl(owner & MAX_TTL)
        } else if owner == 0 {
            EphemeralType::Void
        } else {
            EphemeralType::Normal
        }
    }
}

/// What a client sees (`org.apache.zookeeper.data.Stat`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    pub czxid: Zxid,
    pub mzxid: Zxid,
    pub ctime: i64,
    pub mtime: i64,
    pub version: i32,
    pub cversion: i32,
    pub aversion: i32,
    pub ephemeral_owner: i64,
    pub data_length: i32,
    pub num_children: i32,
    pub pzxid: Zxid,
}

/// What the tree stores (`StatPersisted`): `cversion` here counts child *creates* only, and
/// `ephemeral_owner` keeps the container/TTL encodings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatPersisted {
    pub czxid: Zxid,
    pub mzxid: Zxid,
    pub ctime: i64,
    pub mtime: i64,
    pub version: i32,
    pub cversion: i32,
    pub aversion: i32,
    pub ephemeral_owner: i64,
    pub pzxid: Zxid,
}

impl StatPersisted {
    /// `DataTree.createStat(zxid, time, ephemeralOwner)`.
    #[must_use]
    pub fn new(zxid: Zxid, time: i64, ephemeral_owner: i64) -> StatPersisted {
        StatPersisted {
            czxid: zxid,
            mzxid: zxid,
            ctime: time,
            mtime: time,
            version: 0,
            cversion: 0,
            aversion: 0,
            ephemeral_owner,
            pzxid: zxid,
        }
    }

    /// `DataNode.copyStat`: visible cversion = internal×2 − numChildren (every create has a
    /// delete except for the children still present); containers and TTL nodes show owner 0
    /// (`getClientEphemeralOwner`).
    #[must_use]
    pub fn to_stat(self, data_length: usize, num_children: usize) -> Stat {
        let num_children = i32::try_from(num_children).unwrap_or(i32::MAX);
        let owner = match EphemeralType::of(self.ephemeral_owner) {
            EphemeralType::Normal => self.ephemeral_owner,
            _ => 0,
        };
        Stat {
            czxid: self.czxid,
            mzxid: self.mzxid,
            ctime: self.ctime,
            mtime: self.mtime,
            version: self.version,
            cversion: self.cversion.wrapping_mul(2).wrapping_sub(num_children),
            aversion: self.aversion,
            ephemeral_owner: owner,
            data_length: i32::try_from(data_length).unwrap_or(i32::MAX),
            num_children,
            pzxid: self.pzxid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DataNode.copyStat: 5 creates, 4 still present → cversion 6.
    #[test]
    fn visible_cversion_counts_creates_and_deletes() {
        let mut s = StatPersisted::new(Zxid(1), 0, 0);
        s.cversion = 5;
        assert_eq!(s.to_stat(0, 4).cversion, 6);
        assert_eq!(s.to_stat(3, 4).data_length, 3);
    }

    /// EphemeralType: container and TTL owners decode and show as 0 to clients.
    #[test]
    fn ephemeral_types() {
        assert_eq!(EphemeralType::of(CONTAINER_OWNER), EphemeralType::Container);
        assert_eq!(EphemeralType::of(TTL_MASK | 5000), EphemeralType::Ttl(5000));
        assert_eq!(
            EphemeralType::of(0x100_0000_0000_0001),
            EphemeralType::Normal
        );
        assert_eq!(EphemeralType::of(0), EphemeralType::Void);
        let s = StatPersisted::new(Zxid(1), 0, CONTAINER_OWNER);
        assert_eq!(s.to_stat(0, 0).ephemeral_owner, 0);
    }
}
