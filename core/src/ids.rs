//! Identifiers shared by every layer: a server's `myid` and a client session's id.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A server's `myid` (the N of `server.N=` in zoo.cfg), 1..=255 as ZooKeeper requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ServerId(pub u32);

impl fmt::Display for ServerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A session id as ZooKeeper makes it (`SessionTrackerImpl.initializeNextSessionId`):
/// the creating server's id in the top byte, then a per-server counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SessionId(pub i64);

impl fmt::Display for SessionId {
    /// `0x` + lower-case hex of the 64-bit pattern, as zkCli and the server logs show it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:x}", self.0 as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ids_print_as_unsigned_hex() {
        assert_eq!(
            SessionId(0x0100_0000_0000_0001).to_string(),
            "0x100000000000001"
        );
        assert_eq!(SessionId(-1).to_string(), "0xffffffffffffffff");
        assert_eq!(ServerId(3).to_string(), "3");
    }
}
