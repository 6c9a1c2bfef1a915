//! The names a class reads on the wire, as types: the packet kind of every server-to-server
//! message (the constants of `Leader.java`, and FLE's notification) and the three ways a leader
//! synchronises a learner (`LearnerHandler.syncFollower`). Each serialises to exactly the name
//! ZooKeeper uses, so the view's JSON keeps the strings it always had, while the page and the
//! tests match on the enum instead of parsing message text.

use serde::{Serialize, Serializer};
use std::fmt;

/// Declares a name-carrying enum: its variants, their ZooKeeper names, `name()`, `Display`
/// and a `Serialize` that writes the name.
macro_rules! named {
    ($(#[$doc:meta])* $ty:ident { $($(#[$vdoc:meta])* $v:ident = $name:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $ty { $($(#[$vdoc])* $v,)* }

        impl $ty {
            /// The name ZooKeeper uses.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $($ty::$v => $name,)* }
            }

            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$v,)*];

            /// The value ZooKeeper names `name` (`None` for any other text).
            #[must_use]
            pub fn from_name(name: &str) -> Option<$ty> {
                match name { $($name => Some($ty::$v),)* _ => None }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    };
}

named! {
    /// The type of a server-to-server packet.
    PacketKind {
        /// FLE's vote (`FastLeaderElection.Notification`, election port).
        Notification = "NOTIFICATION",
        /// Leader.FOLLOWERINFO = 11.
        FollowerInfo = "FOLLOWERINFO",
        /// Leader.OBSERVERINFO = 16.
        ObserverInfo = "OBSERVERINFO",
        /// Leader.LEADERINFO = 17.
        LeaderInfo = "LEADERINFO",
        /// Leader.ACKEPOCH = 18.
        AckEpoch = "ACKEPOCH",
        /// Leader.DIFF = 13.
        Diff = "DIFF",
        /// Leader.TRUNC = 14.
        Trunc = "TRUNC",
        /// Leader.SNAP = 15.
        Snap = "SNAP",
        /// Leader.NEWLEADER = 10.
        NewLeader = "NEWLEADER",
        /// Leader.UPTODATE = 12.
        UpToDate = "UPTODATE",
        /// Leader.PROPOSAL = 2.
        Proposal = "PROPOSAL",
        /// Leader.ACK = 3.
        Ack = "ACK",
        /// Leader.COMMIT = 4.
        Commit = "COMMIT",
        /// Leader.INFORM = 8.
        Inform = "INFORM",
        /// Leader.PING = 5 (the heartbeat both ways).
        Ping = "PING",
        /// Leader.REVALIDATE = 6, the question and its answer.
        Revalidate = "REVALIDATE",
        /// Leader.REQUEST = 1: a forwarded client write.
        Request = "REQUEST",
        /// Leader.SYNC = 7: a forwarded client sync.
        Sync = "SYNC",
        /// The connection was closed (not a packet: what the receiver notices).
        Closed = "CLOSED",
    }
}

named! {
    /// How the leader brings a learner up to date (`LearnerHandler.syncFollower`).
    SyncKind {
        /// The missing transactions, from the committed log or the txn log.
        Diff = "DIFF",
        /// Drop the learner's log past the leader's newest transaction.
        Trunc = "TRUNC",
        /// Drop the learner's diverged transactions, then the missing ones.
        TruncDiff = "TRUNC+DIFF",
        /// The leader's whole database as a snapshot.
        Snap = "SNAP",
    }
}
