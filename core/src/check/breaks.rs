//! "Break ZAB" switches (docs/break-zab.md): deliberate protocol bugs a class can turn on to see
//! what ZooKeeper's rules protect against ("what if ZooKeeper did this?"). Every switch is off by
//! default, selected in zoo.cfg as `zabscope.break=NAME[,NAME…]`, and implemented as one small
//! deviation at the protocol step it breaks, marked `BREAK ZAB (name)` in the source. Each one is
//! caught by a named safety invariant (docs/break-zab.md has the table).

use crate::check::invariant::Invariant;
use crate::explain::{Lang, Text};
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
    /// A follower answers `sync()` at once, as a plain read, instead of forwarding it to the
    /// leader and answering after the leader's SYNC.
    SyncLocally,
    /// FLE compares votes by server id only; the leader keeps LearnerHandler's "follower is
    /// ahead of the leader" guard (so the data stays safe and the ensemble stalls instead).
    VoteBySidOnly,
    /// The new epoch is max(acceptedEpoch), with no + 1 and no floor.
    NewEpochReused,
    /// A follower that lost its leader keeps FOLLOWING and serving, and takes each lost
    /// connection or read timeout for news from the leader (its own bookkeeping says all is
    /// well).
    ServeWithoutLeader,
}

impl Break {
    /// Every switch, in the order a UI lists them.
    pub const ALL: [Break; 13] = [
        Break::ElectBySidOnly,
        Break::CommitWithoutQuorum,
        Break::AckBeforeLogging,
        Break::SkipTrunc,
        Break::NewEpochMax,
        Break::KeepEphemeralsOnExpiry,
        Break::CommitOutOfOrder,
        Break::ServeAfterLeaderLoss,
        Break::ServeBehindClient,
        Break::SyncLocally,
        Break::VoteBySidOnly,
        Break::NewEpochReused,
        Break::ServeWithoutLeader,
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
            Break::SyncLocally => "syncLocally",
            Break::VoteBySidOnly => "voteBySidOnly",
            Break::NewEpochReused => "newEpochReused",
            Break::ServeWithoutLeader => "serveWithoutLeader",
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
        self.explain_in(Lang::En)
    }

    /// The explanation in `lang` (catalogue key [`Break::explain_key`]).
    #[must_use]
    pub fn explain_in(self, lang: Lang) -> &'static str {
        lang.template(self.text().key).unwrap_or_default()
    }

    /// The explanation as a [`Text`] (key `break.<key>`, no arguments).
    #[must_use]
    pub fn text(self) -> Text {
        Text::new(match self {
            Break::ElectBySidOnly => "break.electBySidOnly",
            Break::CommitWithoutQuorum => "break.commitWithoutQuorum",
            Break::AckBeforeLogging => "break.ackBeforeLogging",
            Break::SkipTrunc => "break.skipTrunc",
            Break::NewEpochMax => "break.newEpochMax",
            Break::KeepEphemeralsOnExpiry => "break.keepEphemeralsOnExpiry",
            Break::CommitOutOfOrder => "break.commitOutOfOrder",
            Break::ServeAfterLeaderLoss => "break.serveAfterLeaderLoss",
            Break::ServeBehindClient => "break.serveBehindClient",
            Break::SyncLocally => "break.syncLocally",
            Break::VoteBySidOnly => "break.voteBySidOnly",
            Break::NewEpochReused => "break.newEpochReused",
            Break::ServeWithoutLeader => "break.serveWithoutLeader",
        })
    }

    /// The safety invariant that catches this switch first (docs/break-zab.md).
    #[must_use]
    pub fn caught_by(self) -> &'static str {
        match self {
            Break::ElectBySidOnly => Invariant::ElectedLeaderHighest.name(),
            Break::CommitWithoutQuorum => Invariant::PrimaryIntegrity.name(),
            Break::AckBeforeLogging => Invariant::Durability.name(),
            Break::SkipTrunc => Invariant::PrefixConsistency.name(),
            Break::NewEpochMax => Invariant::NewEpochFresh.name(),
            Break::KeepEphemeralsOnExpiry => Invariant::EphemeralCleanup.name(),
            Break::CommitOutOfOrder => Invariant::LocalPrimaryOrder.name(),
            Break::ServeAfterLeaderLoss => Invariant::ServeOnlyInBroadcast.name(),
            Break::ServeBehindClient => Invariant::MonotonicReads.name(),
            Break::SyncLocally => Invariant::ReadYourSync.name(),
            Break::VoteBySidOnly => Invariant::ElectedLeaderHighest.name(),
            Break::NewEpochReused => Invariant::NewEpochFresh.name(),
            Break::ServeWithoutLeader => Invariant::ServeOnlyInBroadcast.name(),
        }
    }

    /// The switch named `key` (case-sensitive, as zoo.cfg keys are).
    pub fn parse(key: &str) -> Result<Break, String> {
        Break::parse_text(key).map_err(|t| t.en())
    }

    /// [`Break::parse`] with the error by key (`break.unknown`).
    pub fn parse_text(key: &str) -> Result<Break, Text> {
        Break::ALL
            .into_iter()
            .find(|b| b.key() == key)
            .ok_or_else(|| {
                let names: Vec<&str> = Break::ALL.iter().map(|b| b.key()).collect();
                Text::new("break.unknown")
                    .arg("key", key.to_string())
                    .arg("names", names.join(", "))
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
            assert_eq!(b.text().key, b.explain_key());
            assert_eq!(b.text().en(), b.explain());
            if cfg!(feature = "builtin-zh") {
                assert_ne!(b.explain_in(Lang::ZhCn), b.explain());
            }
        }
        let e = Break::parse("electBySid").unwrap_err();
        assert!(e.contains("unknown break switch 'electBySid'") && e.contains("skipTrunc"));
    }
}
