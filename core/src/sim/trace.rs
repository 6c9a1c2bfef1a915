//! The trace: every send, delivery, drop, timer, state change, persist, proposal/ack/commit and
//! client request/response, each with the step that caused it, so a UI can animate and explain
//! a run. A running FNV-1a digest over the events makes determinism checkable cheaply.

use crate::explain::SyncWhy;
use crate::ids::{ServerId, SessionId};
use crate::time::SimTime;
use crate::zab::proto::{Notification, PeerMsg, ServerState};
use crate::zab::proto::{PacketKind, SyncKind};
use crate::zab::server::outbox::{Persist, Phase};
use crate::zxid::Zxid;
use std::fmt;

/// FNV-1a 64-bit: a tiny, portable running hash for trace digests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

impl Fnv {
    /// A hash at the FNV-1a 64-bit offset basis.
    #[must_use]
    pub const fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    /// Mix bytes into the hash.
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    /// Mix a number into the hash (its little-endian bytes).
    pub fn write_u64(&mut self, v: u64) {
        // One multiply per word keeps the digest cheap at millions of events per second.
        self.0 ^= v;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    }
    /// The hash so far.
    #[must_use]
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// A message as the trace shows it: its type, its zxid and, for FLE, the whole vote (boxed:
/// every event of a run carries a `MsgInfo`'s size, and only election messages have one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsgInfo {
    /// The packet type as ZooKeeper names it (`PROPOSAL`, `ACK`, `NOTIFICATION`, …).
    pub name: &'static str,
    /// The zxid the packet carries, if any.
    pub zxid: Option<Zxid>,
    /// For an FLE notification, the whole vote it carries.
    pub notification: Option<Box<Notification>>,
}

impl MsgInfo {
    /// The trace's summary of a quorum or election packet.
    #[must_use]
    pub fn of(msg: &PeerMsg) -> Self {
        MsgInfo {
            name: msg.name(),
            zxid: msg.zxid(),
            notification: match msg {
                PeerMsg::Notification(n) => Some(Box::new(*n)),
                _ => None,
            },
        }
    }
}

impl MsgInfo {
    /// The packet type as the enum ([`PacketKind::from_name`] of [`MsgInfo::name`]; the name
    /// always comes from a [`PacketKind`], so this is `None` only for a hand-made `MsgInfo`).
    #[must_use]
    pub fn kind(&self) -> Option<PacketKind> {
        PacketKind::from_name(self.name)
    }
}

impl fmt::Display for MsgInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.notification.as_deref(), self.zxid) {
            (Some(n), _) => write!(
                f,
                "NOTIFICATION(leader={}, zxid={}, round={:#x}, peerEpoch={:#x}, {})",
                n.leader.map_or("-".to_string(), |l| l.to_string()),
                n.zxid,
                n.election_epoch,
                n.peer_epoch,
                n.state
            ),
            (None, Some(z)) => write!(f, "{}({z})", self.name),
            (None, None) => f.write_str(self.name),
        }
    }
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A user / script command took effect.
    Command(String),
    /// A server put a packet on the network.
    Send {
        /// The network's id of the packet (`m7`).
        msg_id: u64,
        /// What the packet is.
        msg: MsgInfo,
    },
    /// The network handed a packet to its receiver.
    Deliver {
        /// The network's id of the packet.
        msg_id: u64,
        /// What the packet is.
        msg: MsgInfo,
    },
    /// A packet was lost (partition, crash of the receiver, closed link, a drop command).
    Drop {
        /// The network's id of the packet.
        msg_id: u64,
        /// What the packet is.
        msg: MsgInfo,
        /// Why it was lost.
        reason: &'static str,
    },
    /// A server's timer fired (election timeout, tick, sync limit).
    Timer,
    /// A server changed state (LOOKING / FOLLOWING / LEADING / OBSERVING) or ZAB phase.
    State {
        /// The server state, as `QuorumPeer.ServerState`.
        state: ServerState,
        /// The ZAB phase: election, discovery, synchronisation or broadcast.
        phase: Phase,
    },
    /// A write to the server's disk (epoch files, txn log, snapshot).
    Persist(Persist),
    /// The leader proposed a transaction.
    Propose {
        /// The proposal's zxid.
        zxid: Zxid,
        /// How many ACKs make a quorum.
        needed: u32,
    },
    /// The leader counted an ACK for a proposal.
    Ack {
        /// The acknowledged zxid.
        zxid: Zxid,
        /// Whose ACK the leader counted (itself after its own log flush).
        from: ServerId,
        /// ACKs counted so far.
        acks: u32,
        /// How many ACKs make a quorum.
        needed: u32,
    },
    /// A server committed (applied) a transaction in broadcast.
    Commit {
        /// The committed zxid.
        zxid: Zxid,
    },
    /// Applied during sync (SNAP mode), before the new epoch is established.
    Applied {
        /// The applied zxid.
        zxid: Zxid,
    },
    /// The leader's new epoch is established (NEWLEADER ACKed by a quorum).
    Established {
        /// The established epoch.
        epoch: u32,
    },
    /// The leader chose how to synchronise a learner.
    Sync {
        /// The learner being synchronised.
        learner: ServerId,
        /// `DIFF`, `TRUNC` or `SNAP`.
        kind: SyncKind,
        /// The zxid the sync packet carries.
        zxid: Zxid,
        /// The `syncFollower` rule that chose `kind` (not part of the digest).
        why: SyncWhy,
    },
    /// A server stopped trying (e.g. a learner gave up on a leader), with why.
    GaveUp(&'static str),
    /// The leader closed its connection to a learner that sent nothing for `ms` ms
    /// (`LearnerHandler.run`: `SocketTimeoutException: Read timed out`, then `shutdown`).
    LearnerClosed {
        /// The learner whose handler timed out.
        learner: ServerId,
        /// The socket's read timeout that passed without a packet.
        ms: u64,
    },
    /// A client sent a request to its server.
    ClientRequest {
        /// The client's session.
        session: SessionId,
        /// The request's `cxid`.
        cxid: i32,
        /// The operation, as the trace writes it.
        op: String,
    },
    /// A client received the reply to a request.
    ClientReply {
        /// The client's session.
        session: SessionId,
        /// The request's `cxid`.
        cxid: i32,
        /// The reply header's zxid (the server's last processed zxid).
        zxid: Zxid,
        /// The reply's error code (0 = ZOK).
        err: i32,
    },
    /// A client gave up waiting for a reply.
    ClientTimeout {
        /// The client's session.
        session: SessionId,
        /// The request's `cxid`.
        cxid: i32,
    },
    /// A watch event delivered to a client (`WatchedEvent` in its Java toString form).
    Watch {
        /// The session the event is delivered to.
        session: SessionId,
        /// The event as Java's `WatchedEvent.toString()`.
        event: String,
    },
    /// A client library handle's connection state changed (its Watcher's None-type event:
    /// SyncConnected, Disconnected, Expired, Closed), with why.
    ClientState {
        /// The handle's session.
        session: SessionId,
        /// The client's name in the script.
        client: String,
        /// The new keeper state.
        state: String,
        /// Why it changed.
        why: String,
    },
    /// A client's recipe step, a client-library note, or an error answered to a command.
    Recipe {
        /// The client's name in the script.
        client: String,
        /// The note itself.
        text: String,
    },
    /// Something a student should see: a safety property at risk (a paused lock holder
    /// whose session expired still believes it holds the lock — why fencing tokens exist).
    Finding {
        /// What the student should notice.
        text: String,
    },
}

/// One trace event: step number, simulated time, what, between whom, and the step that caused
/// it (`cause` = the step whose send this delivery is, for messages; else this step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The step that produced the event.
    pub step: u64,
    /// The simulated time of the step.
    pub at: SimTime,
    /// What happened.
    pub kind: EventKind,
    /// The sending or acting server, if any.
    pub from: Option<ServerId>,
    /// The receiving server, if any.
    pub to: Option<ServerId>,
    /// The step that caused this event (a delivery's send step).
    pub cause: u64,
}

impl Event {
    /// Feed this event into a running digest (numeric fields only; no formatting).
    pub fn digest_into(&self, h: &mut Fnv) {
        h.write_u64(self.step);
        h.write_u64(self.at.0);
        h.write_u64(
            self.from.map_or(0, |s| u64::from(s.0) + 1) << 16
                | self.to.map_or(0, |s| u64::from(s.0) + 1),
        );
        h.write_u64(self.cause);
        let (tag, a, b) = match &self.kind {
            EventKind::Command(s) => (1, s.len() as u64, 0),
            EventKind::Send { msg_id, msg } => (2, *msg_id, msg.zxid.map_or(0, |z| z.0)),
            EventKind::Deliver { msg_id, msg } => (3, *msg_id, msg.zxid.map_or(0, |z| z.0)),
            EventKind::Drop { msg_id, .. } => (4, *msg_id, 0),
            EventKind::Timer => (5, 0, 0),
            EventKind::State { state, phase } => (6, *state as u64, *phase as u64),
            EventKind::Persist(p) => (7, persist_code(p), 0),
            EventKind::Propose { zxid, needed } => (8, zxid.0, u64::from(*needed)),
            EventKind::Ack { zxid, acks, .. } => (9, zxid.0, u64::from(*acks)),
            EventKind::Commit { zxid } => (10, zxid.0, 0),
            EventKind::Applied { zxid } => (18, zxid.0, 0),
            EventKind::Established { epoch } => (11, u64::from(*epoch), 0),
            EventKind::Sync { learner, zxid, .. } => (12, u64::from(learner.0), zxid.0),
            EventKind::GaveUp(_) => (13, 0, 0),
            EventKind::ClientRequest { session, cxid, .. } => (14, session.0 as u64, *cxid as u64),
            EventKind::ClientReply {
                session, zxid, err, ..
            } => (15, session.0 as u64 ^ zxid.0, *err as u64),
            EventKind::ClientTimeout { session, cxid } => (16, session.0 as u64, *cxid as u64),
            EventKind::Watch { session, event } => (17, session.0 as u64, event.len() as u64),
            EventKind::ClientState { session, state, .. } => {
                (19, session.0 as u64, state.len() as u64)
            }
            EventKind::Recipe { client, text } => (20, client.len() as u64, text.len() as u64),
            EventKind::Finding { text } => (21, text.len() as u64, 0),
            EventKind::LearnerClosed { learner, ms } => (22, u64::from(learner.0), *ms),
        };
        h.write_u64(tag);
        h.write_u64(a);
        h.write_u64(b);
    }
}

fn persist_code(p: &Persist) -> u64 {
    match p {
        Persist::AcceptedEpoch(e) => 1 << 60 | u64::from(*e),
        Persist::CurrentEpoch(e) => 2 << 60 | u64::from(*e),
        Persist::Append(z) => 3 << 60 ^ z.0,
        Persist::Truncate(z) => 4 << 60 ^ z.0,
        Persist::Snapshot(z) => 5 << 60 ^ z.0,
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = match (self.from, self.to) {
            (Some(a), Some(b)) => format!("{a}->{b}"),
            (Some(a), None) | (None, Some(a)) => format!("{a}"),
            (None, None) => "-".to_string(),
        };
        write!(f, "#{} {} {who} ", self.step, self.at)?;
        match &self.kind {
            EventKind::Command(c) => write!(f, "command {c}"),
            EventKind::Send { msg_id, msg } => write!(f, "send m{msg_id} {msg}"),
            EventKind::Deliver { msg_id, msg } => write!(f, "deliver m{msg_id} {msg}"),
            EventKind::Drop {
                msg_id,
                msg,
                reason,
            } => write!(f, "drop m{msg_id} {msg} ({reason})"),
            EventKind::Timer => write!(f, "timeout"),
            EventKind::State { state, phase } => write!(f, "state {state} {phase}"),
            EventKind::Persist(p) => write!(f, "persist {p}"),
            EventKind::Propose { zxid, needed } => write!(f, "propose {zxid} (quorum {needed})"),
            EventKind::Ack {
                zxid, acks, needed, ..
            } => write!(f, "ack {zxid} {acks}/{needed}"),
            EventKind::Commit { zxid } => write!(f, "commit {zxid}"),
            EventKind::Applied { zxid } => write!(f, "apply {zxid} (syncing)"),
            EventKind::Established { epoch } => write!(f, "established epoch {epoch}"),
            EventKind::Sync {
                learner,
                kind,
                zxid,
                ..
            } => write!(f, "sync {learner} {kind} {zxid}"),
            EventKind::GaveUp(why) => write!(f, "gave up: {why}"),
            EventKind::LearnerClosed { learner, ms } => {
                write!(f, "closed learner {learner}: read timed out after {ms} ms")
            }
            EventKind::ClientRequest { session, cxid, op } => {
                write!(f, "client {session} cxid={cxid} {op}")
            }
            EventKind::ClientReply {
                session,
                cxid,
                zxid,
                err,
            } => {
                write!(f, "reply {session} cxid={cxid} zxid={zxid} err={err}")
            }
            EventKind::ClientTimeout { session, cxid } => {
                write!(f, "client timeout {session} cxid={cxid}")
            }
            EventKind::Watch { session, event } => write!(f, "watch {session} {event}"),
            EventKind::ClientState {
                session,
                client,
                state,
                why,
            } => write!(f, "client {client} {session} {state} ({why})"),
            EventKind::Recipe { client, text } => write!(f, "recipe {client}: {text}"),
            EventKind::Finding { text } => write!(f, "FINDING {text}"),
        }
    }
}

impl Event {
    /// The event as one JSON object (`zabscope run --json`): step, at_ms, kind, from, to,
    /// cause, and the text a human reads.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        let kind = match &self.kind {
            EventKind::Command(_) => "command",
            EventKind::Send { .. } => "send",
            EventKind::Deliver { .. } => "deliver",
            EventKind::Drop { .. } => "drop",
            EventKind::Timer => "timeout",
            EventKind::State { .. } => "state",
            EventKind::Persist(_) => "persist",
            EventKind::Propose { .. } => "propose",
            EventKind::Ack { .. } => "ack",
            EventKind::Commit { .. } => "commit",
            EventKind::Applied { .. } => "apply",
            EventKind::Established { .. } => "established",
            EventKind::Sync { .. } => "sync",
            EventKind::GaveUp(_) => "gaveUp",
            EventKind::LearnerClosed { .. } => "learnerClosed",
            EventKind::ClientRequest { .. } => "clientRequest",
            EventKind::ClientReply { .. } => "clientReply",
            EventKind::ClientTimeout { .. } => "clientTimeout",
            EventKind::Watch { .. } => "watch",
            EventKind::ClientState { .. } => "clientState",
            EventKind::Recipe { .. } => "recipe",
            EventKind::Finding { .. } => "finding",
        };
        let text = self.to_string();
        let detail = text.splitn(4, ' ').nth(3).unwrap_or_default().to_string();
        serde_json::json!({
            "step": self.step,
            "at_ms": self.at.ms(),
            "kind": kind,
            "from": self.from.map(|s| s.0),
            "to": self.to.map(|s| s.0),
            "cause": self.cause,
            "text": detail,
        })
    }
}
