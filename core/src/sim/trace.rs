//! The trace: every send, delivery, drop, timer, state change, persist, proposal/ack/commit and
//! client request/response, each with the step that caused it, so a UI can animate and explain
//! a run. A running FNV-1a digest over the events makes determinism checkable cheaply.

use crate::explain::SyncWhy;
use crate::ids::{ServerId, SessionId};
use crate::time::SimTime;
use crate::zab::proto::{Notification, PeerMsg, ServerState};
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
    #[must_use]
    pub const fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    pub fn write_u64(&mut self, v: u64) {
        // One multiply per word keeps the digest cheap at millions of events per second.
        self.0 ^= v;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    }
    #[must_use]
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// A message as the trace shows it: its type, its zxid and, for FLE, the whole vote (boxed:
/// every event of a run carries a `MsgInfo`'s size, and only election messages have one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsgInfo {
    pub name: &'static str,
    pub zxid: Option<Zxid>,
    pub notification: Option<Box<Notification>>,
}

impl MsgInfo {
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
    Send {
        msg_id: u64,
        msg: MsgInfo,
    },
    Deliver {
        msg_id: u64,
        msg: MsgInfo,
    },
    Drop {
        msg_id: u64,
        msg: MsgInfo,
        reason: &'static str,
    },
    Timer,
    State {
        state: ServerState,
        phase: Phase,
    },
    Persist(Persist),
    Propose {
        zxid: Zxid,
        needed: u32,
    },
    Ack {
        zxid: Zxid,
        /// Whose ACK the leader counted (itself after its own log flush).
        from: ServerId,
        acks: u32,
        needed: u32,
    },
    Commit {
        zxid: Zxid,
    },
    /// Applied during sync (SNAP mode), before the new epoch is established.
    Applied {
        zxid: Zxid,
    },
    Established {
        epoch: u32,
    },
    Sync {
        learner: ServerId,
        kind: &'static str,
        zxid: Zxid,
        /// The `syncFollower` rule that chose `kind` (not part of the digest).
        why: SyncWhy,
    },
    GaveUp(&'static str),
    ClientRequest {
        session: SessionId,
        cxid: i32,
        op: String,
    },
    ClientReply {
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        err: i32,
    },
    ClientTimeout {
        session: SessionId,
        cxid: i32,
    },
    /// A watch event delivered to a client (`WatchedEvent` in its Java toString form).
    Watch {
        session: SessionId,
        event: String,
    },
    /// A client library handle's connection state changed (its Watcher's None-type event:
    /// SyncConnected, Disconnected, Expired, Closed), with why.
    ClientState {
        session: SessionId,
        client: String,
        state: String,
        why: String,
    },
    /// A client's recipe step, a client-library note, or an error answered to a command.
    Recipe {
        client: String,
        text: String,
    },
    /// Something a student should see: a safety property at risk (a paused lock holder
    /// whose session expired still believes it holds the lock — why fencing tokens exist).
    Finding {
        text: String,
    },
}

/// One trace event: step number, simulated time, what, between whom, and the step that caused
/// it (`cause` = the step whose send this delivery is, for messages; else this step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub step: u64,
    pub at: SimTime,
    pub kind: EventKind,
    pub from: Option<ServerId>,
    pub to: Option<ServerId>,
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
