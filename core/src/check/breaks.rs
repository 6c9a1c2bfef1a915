//! "Break ZAB" switches (docs/break-zab.md): deliberate protocol bugs a class can turn on to see
//! what ZooKeeper's rules protect against ("what if ZooKeeper did this?"). Every switch is off by
//! default, selected in zoo.cfg as `zabscope.break=NAME[,NAME…]`, and implemented as one small
//! deviation at the protocol step it breaks, marked `BREAK ZAB (name)` in the source. Each one is
//! caught by a named safety invariant (docs/break-zab.md has the table).

use crate::check::invariant::Invariant;
use std::fmt;

/// One deliberate protocol bug.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Break {
    /// FLE compares votes by server id only, ignoring (peerEpoch, zxid); the leader also
    /// drops LearnerHandler's "follower is ahead of the leader" guard, which only backs up
    /// the election's promise that the leader's history is the longest.
    ElectBySidOnly,
    /// The leader commits a proposal on its own ACK, without a quorum.
    CommitWithoutQuorum,
    /// A follower ACKs a proposal as it arrives, before the txn-log flush makes it durable.
    AckBeforeLogging,
    /// A learner treats TRUNC as DIFF: it keeps txns the new leader never committed.
    SkipTrunc,
    /// The new epoch is max(acceptedEpoch) instead of max + 1.
    NewEpochMax,
    /// An expired or closed session's ephemeral znodes are kept.
    KeepEphemeralsOnExpiry,
    /// The leader commits the newest proposal that has a quorum first, and counts its own
    /// ACKs for a whole flushed batch before committing.
    CommitOutOfOrder,
    /// A follower that lost its leader (read timeout, closed connection) keeps FOLLOWING and
    /// keeps serving reads.
    ServeAfterLeaderLoss,
    /// A server accepts a reconnecting client that has seen a newer zxid than its own.
    ServeBehindClient,
}

impl Break {
    /// Every switch, in the order a UI lists them.
    pub const ALL: [Break; 9] = [
        Break::ElectBySidOnly,
        Break::CommitWithoutQuorum,
        Break::AckBeforeLogging,
        Break::SkipTrunc,
        Break::NewEpochMax,
        Break::KeepEphemeralsOnExpiry,
        Break::CommitOutOfOrder,
        Break::ServeAfterLeaderLoss,
        Break::ServeBehindClient,
    ];

    /// The name used in zoo.cfg (`zabscope.break=`) and on the command line.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Break::ElectBySidOnly => "electBySidOnly",
            Break::CommitWithoutQuorum => "commitWithoutQuorum",
            Break::AckBeforeLogging => "ackBeforeLogging",
            Break::SkipTrunc => "skipTrunc",
            Break::NewEpochMax => "newEpochMax",
            Break::KeepEphemeralsOnExpiry => "keepEphemeralsOnExpiry",
            Break::CommitOutOfOrder => "commitOutOfOrder",
            Break::ServeAfterLeaderLoss => "serveAfterLeaderLoss",
            Break::ServeBehindClient => "serveBehindClient",
        }
    }

    /// The translation key of the explanation a UI shows (`break.<key>`).
    #[must_use]
    pub fn explain_key(self) -> String {
        format!("break.{}", self.key())
    }

    /// The explanation in English (what the switch changes, which rule it breaks).
    #[must_use]
    pub fn explain(self) -> &'static str {
        match self {
            Break::ElectBySidOnly => {
                "Leader election compares votes by server id only, not by (epoch, last zxid): a server missing committed txns can lead and truncate them away."
            }
            Break::CommitWithoutQuorum => {
                "The leader commits a proposal on its own ACK: a write answered OK can vanish when the leader dies."
            }
            Break::AckBeforeLogging => {
                "Followers ACK a proposal before their txn log is flushed: a crash loses a txn the leader counted as stored."
            }
            Break::SkipTrunc => {
                "A learner told to TRUNC keeps its log: txns no quorum accepted stay in its history."
            }
            Break::NewEpochMax => {
                "A new leader reuses the highest accepted epoch instead of max + 1: two leaders share an epoch and its zxids."
            }
            Break::KeepEphemeralsOnExpiry => {
                "Closing or expiring a session keeps its ephemeral znodes: locks are never released."
            }
            Break::CommitOutOfOrder => {
                "The leader commits the newest proposal that has a quorum first: replicas apply txns out of zxid order."
            }
            Break::ServeAfterLeaderLoss => {
                "A follower that lost its leader keeps serving reads: clients see state frozen at the moment the leader was lost."
            }
            Break::ServeBehindClient => {
                "A server behind a reconnecting client accepts it: the client reads state older than what it has already seen."
            }
        }
    }

    /// The safety invariant that catches this switch first (docs/break-zab.md).
    #[must_use]
    pub fn caught_by(self) -> &'static str {
        match self {
            Break::ElectBySidOnly => Invariant::PrimaryIntegrity.name(),
            Break::CommitWithoutQuorum => Invariant::PrimaryIntegrity.name(),
            Break::AckBeforeLogging => Invariant::Durability.name(),
            Break::SkipTrunc => Invariant::PrefixConsistency.name(),
            Break::NewEpochMax => Invariant::Leadership2.name(),
            Break::KeepEphemeralsOnExpiry => Invariant::EphemeralCleanup.name(),
            Break::CommitOutOfOrder => Invariant::LocalPrimaryOrder.name(),
            Break::ServeAfterLeaderLoss => Invariant::ServeOnlyInBroadcast.name(),
            Break::ServeBehindClient => Invariant::MonotonicReads.name(),
        }
    }

    /// The switch named `key` (case-sensitive, as zoo.cfg keys are).
    pub fn parse(key: &str) -> Result<Break, String> {
        Break::ALL
            .into_iter()
            .find(|b| b.key() == key)
            .ok_or_else(|| {
                let names: Vec<&str> = Break::ALL.iter().map(|b| b.key()).collect();
                format!("unknown break switch '{key}' (one of {})", names.join(", "))
            })
    }
}

impl fmt::Display for Break {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_switch_parses_back_from_its_key() {
        for b in Break::ALL {
            assert_eq!(Break::parse(b.key()), Ok(b));
            assert_eq!(b.explain_key(), format!("break.{}", b.key()));
            assert!(!b.explain().is_empty());
        }
        let e = Break::parse("electBySid").unwrap_err();
        assert!(e.contains("unknown break switch 'electBySid'") && e.contains("skipTrunc"));
    }
}
