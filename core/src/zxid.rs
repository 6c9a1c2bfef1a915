//! ZooKeeper transaction ids: `epoch << 32 | counter` (Q/util/ZxidUtils.java).
//!
//! Ordered as the 64-bit number, shown in hex as ZooKeeper's logs and four-letter words do.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A ZooKeeper zxid: the high 32 bits are the leader's epoch, the low 32 a counter.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Zxid(pub u64);

impl Zxid {
    /// The zxid every fresh server starts from.
    pub const ZERO: Zxid = Zxid(0);

    /// `ZxidUtils.makeZxid(epoch, counter)`.
    #[must_use]
    pub const fn new(epoch: u32, counter: u32) -> Self {
        Zxid(((epoch as u64) << 32) | counter as u64)
    }

    /// `ZxidUtils.getEpochFromZxid`.
    #[must_use]
    pub const fn epoch(self) -> u32 {
        (self.0 >> 32) as u32
    }

    /// `ZxidUtils.getCounterFromZxid`.
    #[must_use]
    pub const fn counter(self) -> u32 {
        self.0 as u32
    }

    /// The next zxid in the same epoch, or `None` when the counter would roll over
    /// (ZooKeeper then forces a new election: Leader.propose throws XidRolloverException).
    #[must_use]
    pub fn next(self) -> Option<Self> {
        self.counter()
            .checked_add(1)
            .map(|c| Zxid::new(self.epoch(), c))
    }
}

impl fmt::Display for Zxid {
    /// `0x` followed by lower-case hex without padding, as `Long.toHexString` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_counter_pack_as_zookeeper_does() {
        let z = Zxid::new(2, 2);
        assert_eq!(z.0, 0x2_0000_0002);
        assert_eq!(z.to_string(), "0x200000002");
        assert_eq!((z.epoch(), z.counter()), (2, 2));
        assert!(Zxid::new(1, 0xffff_ffff) < Zxid::new(2, 0));
    }

    #[test]
    fn counter_rollover_is_refused() {
        assert_eq!(
            Zxid::new(1, 0xffff_fffe).next(),
            Some(Zxid::new(1, 0xffff_ffff))
        );
        assert_eq!(Zxid::new(1, 0xffff_ffff).next(), None);
    }
}
