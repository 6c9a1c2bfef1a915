//! Messages between servers, named as ZooKeeper names them: election notifications
//! (`FastLeaderElection`) and quorum packets (the constants of `Leader.java`).

mod kind;
mod notification;

pub use kind::{PacketKind, SyncKind};
pub use notification::{Notification, ServerState, Vote};

use crate::ids::{ServerId, SessionId};
use crate::zab::server::replica::{Entry, Request, RequestContext, Snapshot};
use crate::zxid::Zxid;
use std::fmt;

/// A packet on a server-to-server connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeerMsg {
    /// Election traffic (QuorumCnxManager, port 3888).
    Notification(Notification),
    /// Learner → leader: `makeZxid(acceptedEpoch, 0)` (Leader.FOLLOWERINFO = 11).
    FollowerInfo {
        /// The follower's accepted epoch as `makeZxid(acceptedEpoch, 0)`.
        accepted: Zxid,
    },
    /// Observer → leader (Leader.OBSERVERINFO = 16).
    ObserverInfo {
        /// The observer's accepted epoch as `makeZxid(acceptedEpoch, 0)`.
        accepted: Zxid,
    },
    /// Leader → learner: the proposed epoch as `makeZxid(newEpoch, 0)` (Leader.LEADERINFO = 17).
    LeaderInfo {
        /// The proposed new epoch, as a zxid with counter 0.
        new_epoch: Zxid,
    },
    /// Learner → leader: last logged zxid and current epoch, −1 when equal (Leader.ACKEPOCH = 18).
    AckEpoch {
        /// The learner's last logged zxid.
        last_logged: Zxid,
        /// The learner's current (accepted) epoch, or −1 when it equals the proposed one.
        epoch: i64,
    },
    /// Leader.DIFF = 13: the proposals that follow fill the gap.
    Diff {
        /// The leader's last zxid the DIFF brings the learner to.
        zxid: Zxid,
    },
    /// Leader.TRUNC = 14: drop every logged txn after `zxid`.
    Trunc {
        /// The zxid the learner truncates its log back to.
        zxid: Zxid,
    },
    /// Leader.SNAP = 15: the whole database.
    Snap {
        /// The zxid the snapshot is taken at (the leader's last processed zxid).
        zxid: Zxid,
        /// The leader's whole database, serialised as a snapshot.
        snapshot: Box<Snapshot>,
    },
    /// Leader.NEWLEADER = 10.
    NewLeader {
        /// The new epoch as `makeZxid(newEpoch, 0)`.
        zxid: Zxid,
    },
    /// Leader.UPTODATE = 12.
    UpToDate,
    /// Leader.PROPOSAL = 2.
    Proposal(Entry),
    /// Leader.ACK = 3.
    Ack {
        /// The zxid acknowledged (a proposal, or NEWLEADER's).
        zxid: Zxid,
    },
    /// Leader.COMMIT = 4.
    Commit {
        /// The zxid to commit.
        zxid: Zxid,
    },
    /// Leader.INFORM = 8: a committed txn for an observer.
    Inform(Entry),
    /// Leader.PING = 5; the learner's reply carries its sessions' touches (session, timeout).
    Ping {
        /// Each session the learner saw activity on, with its timeout in ms.
        touches: Vec<(SessionId, u64)>,
    },
    /// Leader.REVALIDATE = 6: is this session still alive (a client moved to this learner)?
    Revalidate {
        /// The session a client is reconnecting with.
        session: SessionId,
        /// The session timeout the client asked for, in ms.
        timeout: u64,
    },
    /// Leader → learner answer to REVALIDATE.
    RevalidateReply {
        /// The session that was asked about.
        session: SessionId,
        /// Whether the leader still holds the session open.
        valid: bool,
    },
    /// Leader.REQUEST = 1: a learner forwards a client's write.
    Request {
        /// The client's session and cxid.
        ctx: RequestContext,
        /// The client's request.
        request: Box<Request>,
    },
    /// Leader.SYNC = 7: the leader's answer to a forwarded `sync()`.
    Sync {
        /// The client's session.
        session: SessionId,
        /// The client's cxid for the sync.
        cxid: i32,
        /// The path the client named.
        path: String,
    },
    /// Not a packet: the TCP connection from the sender was closed or reset.
    Closed,
}

impl PeerMsg {
    /// The packet type (named as `LearnerHandler.packetToString` logs it).
    #[must_use]
    pub fn kind(&self) -> PacketKind {
        match self {
            PeerMsg::Notification(_) => PacketKind::Notification,
            PeerMsg::FollowerInfo { .. } => PacketKind::FollowerInfo,
            PeerMsg::ObserverInfo { .. } => PacketKind::ObserverInfo,
            PeerMsg::LeaderInfo { .. } => PacketKind::LeaderInfo,
            PeerMsg::AckEpoch { .. } => PacketKind::AckEpoch,
            PeerMsg::Diff { .. } => PacketKind::Diff,
            PeerMsg::Trunc { .. } => PacketKind::Trunc,
            PeerMsg::Snap { .. } => PacketKind::Snap,
            PeerMsg::NewLeader { .. } => PacketKind::NewLeader,
            PeerMsg::UpToDate => PacketKind::UpToDate,
            PeerMsg::Proposal(_) => PacketKind::Proposal,
            PeerMsg::Ack { .. } => PacketKind::Ack,
            PeerMsg::Commit { .. } => PacketKind::Commit,
            PeerMsg::Inform(_) => PacketKind::Inform,
            PeerMsg::Ping { .. } => PacketKind::Ping,
            PeerMsg::Revalidate { .. } | PeerMsg::RevalidateReply { .. } => PacketKind::Revalidate,
            PeerMsg::Request { .. } => PacketKind::Request,
            PeerMsg::Sync { .. } => PacketKind::Sync,
            PeerMsg::Closed => PacketKind::Closed,
        }
    }

    /// The packet type's name, as the trace and the view write it.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// Election traffic travels on its own connection (port 3888), quorum traffic on 2888.
    #[must_use]
    pub fn is_election(&self) -> bool {
        matches!(self, PeerMsg::Notification(_))
    }

    /// The zxid the packet is about, if any.
    #[must_use]
    pub fn zxid(&self) -> Option<Zxid> {
        match self {
            PeerMsg::Notification(n) => Some(n.zxid),
            PeerMsg::FollowerInfo { accepted } | PeerMsg::ObserverInfo { accepted } => {
                Some(*accepted)
            }
            PeerMsg::LeaderInfo { new_epoch } => Some(*new_epoch),
            PeerMsg::AckEpoch { last_logged, .. } => Some(*last_logged),
            PeerMsg::Diff { zxid }
            | PeerMsg::Trunc { zxid }
            | PeerMsg::Snap { zxid, .. }
            | PeerMsg::NewLeader { zxid }
            | PeerMsg::Ack { zxid }
            | PeerMsg::Commit { zxid } => Some(*zxid),
            PeerMsg::Proposal(e) | PeerMsg::Inform(e) => Some(e.zxid()),
            _ => None,
        }
    }
}

impl fmt::Display for PeerMsg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeerMsg::Notification(n) => write!(
                f,
                "NOTIFICATION(leader={}, zxid={}, round={:#x}, peerEpoch={:#x}, {})",
                n.leader.map_or("-".to_string(), |l| l.to_string()),
                n.zxid,
                n.election_epoch,
                n.peer_epoch,
                n.state
            ),
            PeerMsg::AckEpoch { last_logged, epoch } => {
                write!(f, "ACKEPOCH({last_logged}, epoch={epoch})")
            }
            PeerMsg::Ping { touches } => write!(f, "PING({} sessions)", touches.len()),
            PeerMsg::Request { ctx, request } => {
                write!(
                    f,
                    "REQUEST({} {}, cxid={})",
                    request.op_name(),
                    ctx.session,
                    ctx.cxid
                )
            }
            other => match other.zxid() {
                Some(z) => write!(f, "{}({z})", other.name()),
                None => f.write_str(other.name()),
            },
        }
    }
}

/// Who sent a message to whom: used in traces and agenda references.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Link {
    /// The sending server.
    pub from: ServerId,
    /// The receiving server.
    pub to: ServerId,
}
