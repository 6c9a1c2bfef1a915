//! The sequence diagram's index of the run: every message as an arrow (its send, its delivery
//! or drop), every client request and reply, every state change, in trace order — kept for the
//! whole history this run reached, not only up to the current step. The core's trace is cut
//! back when the page seeks into the past; the index is not (replay is deterministic, so the
//! recorded future is still this run's future) until the page acts in the past
//! ([`SeqIndex::forget_after`]) or starts a new run ([`SeqIndex::clear`]).
//!
//! It is read incrementally: after each change the store calls [`SeqIndex::sync`], which asks
//! the core for the events of the steps not indexed yet (`Simulation::trace_steps`, a binary
//! search), so a frame never rescans the run. Events carry absolute numbers (`base` + position)
//! so that dropping the oldest ones past [`MAX_EVENTS`] leaves every reference valid.

use std::collections::{BTreeMap, BTreeSet};
use zabscope_core::sim::trace::{Event, EventKind, MsgInfo};
use zabscope_core::zab::proto::{PacketKind, ServerState};
use zabscope_core::{SessionId, Simulation, Zxid};

/// Most events kept: past twice this, the oldest half goes (the core's trace keeps ≈ 100,000
/// of its own, which include kinds the diagram does not draw).
pub const MAX_EVENTS: usize = 200_000;

/// A lane: a server (its myid) or a client (its number in [`SeqIndex::clients`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lane {
    Server(u32),
    Client(u32),
}

/// What an arrow or a row is, for the filters: a packet type, a client's request or reply, or
/// a server's state change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Packet(PacketKind),
    Request,
    Reply,
    State,
}

impl Kind {
    /// The name the filter and the label show (ZooKeeper's packet names stay as they are; the
    /// other three are by key).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Kind::Packet(p) => p.name(),
            Kind::Request => crate::i18n::t("seq.kind.request"),
            Kind::Reply => crate::i18n::t("seq.kind.reply"),
            Kind::State => crate::i18n::t("seq.kind.state"),
        }
    }
    /// A stable word for CSS classes and test selectors.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Kind::Packet(p) => p.name(),
            Kind::Request => "REQUEST-C",
            Kind::Reply => "REPLY-C",
            Kind::State => "STATE",
        }
    }
}

/// An FLE notification's vote, as the label shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteFields {
    pub leader: Option<u32>,
    pub zxid: Zxid,
    pub round: u64,
    pub peer_epoch: u32,
}

/// One message (or client request / reply) drawn as an arrow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrow {
    /// The network's message id (`m7`); 0 for a client's request or reply.
    pub id: u64,
    pub kind: Kind,
    pub from: Lane,
    pub to: Lane,
    /// The absolute number of its send event (a client arrow: its only event).
    pub send: u64,
    /// Its delivery or drop event (`None` while on the wire); a client arrow: `Some(send)`.
    pub end: Option<u64>,
    pub dropped: bool,
    pub zxid: Option<Zxid>,
    pub vote: Option<VoteFields>,
    /// A client request's operation or a reply's error name, as the trace writes it.
    pub note: Option<String>,
}

/// What one indexed event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// The send of arrow `n` (absolute arrow number).
    Send(u64),
    /// The delivery or drop of arrow `n`.
    End(u64),
    /// A client's request or reply: arrow `n`, drawn within its row.
    Client(u64),
    /// A server changed state.
    State { server: u32, state: ServerState },
}

/// One indexed event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ev {
    pub step: u64,
    pub at_ms: u64,
    pub what: What,
}

/// The index.
#[derive(Clone, Debug, Default)]
pub struct SeqIndex {
    /// Absolute number of `events[0]`.
    pub base: u64,
    pub events: Vec<Ev>,
    /// Absolute number of `arrows[0]`.
    pub arrow_base: u64,
    pub arrows: Vec<Arrow>,
    /// Message id → absolute arrow number.
    by_id: BTreeMap<u64, u64>,
    /// Arrows that span more than [`LONG`] events or are still open: the few a window must
    /// check besides those that start or end near it.
    pub long: BTreeSet<u64>,
    /// Client lane names, in order of first appearance.
    pub clients: Vec<String>,
    sessions: BTreeMap<SessionId, String>,
    /// Packet kinds seen (the filter lists them).
    pub kinds: BTreeSet<Kind>,
    /// The newest step indexed (`None`: nothing yet).
    pub last_step: Option<u64>,
    /// Bumped when indexed events are dropped or renumbered (a view built on the index must be
    /// rebuilt); appends only bump `len`.
    pub generation: u64,
}

/// Arrows longer than this many events go in [`SeqIndex::long`].
pub const LONG: u64 = 64;

impl SeqIndex {
    /// Absolute number one past the newest event.
    #[must_use]
    pub fn end(&self) -> u64 {
        self.base + self.events.len() as u64
    }

    /// Event `n` (absolute), if kept.
    #[must_use]
    pub fn ev(&self, n: u64) -> Option<&Ev> {
        n.checked_sub(self.base)
            .and_then(|i| self.events.get(usize::try_from(i).ok()?))
    }

    /// Arrow `n` (absolute), if kept.
    #[must_use]
    pub fn arrow(&self, n: u64) -> Option<&Arrow> {
        n.checked_sub(self.arrow_base)
            .and_then(|i| self.arrows.get(usize::try_from(i).ok()?))
    }

    /// The arrow of message `id`, if kept.
    #[must_use]
    pub fn arrow_of(&self, id: u64) -> Option<u64> {
        self.by_id.get(&id).copied()
    }

    /// A client lane's name.
    #[must_use]
    pub fn lane_name(&self, lane: Lane) -> String {
        match lane {
            Lane::Server(id) => id.to_string(),
            Lane::Client(i) => self
                .clients
                .get(i as usize)
                .cloned()
                .unwrap_or_else(|| "?".into()),
        }
    }

    /// A new run: forget everything.
    pub fn clear(&mut self) {
        let generation = self.generation + 1;
        *self = SeqIndex {
            generation,
            ..SeqIndex::default()
        };
    }

    /// The page acted after `step`: the recorded future is gone, so is its index (events of
    /// later steps; arrows sent after it; deliveries after it reopen their arrows).
    pub fn forget_after(&mut self, step: u64) {
        let keep = self.events.partition_point(|e| e.step <= step);
        if keep == self.events.len() {
            return;
        }
        let cut = self.base + keep as u64;
        self.events.truncate(keep);
        let arrows_keep = self.arrows.partition_point(|a| a.send < cut);
        for a in &self.arrows[arrows_keep..] {
            if a.id != 0 {
                self.by_id.remove(&a.id);
            }
        }
        self.arrows.truncate(arrows_keep);
        let base = self.arrow_base;
        for (i, a) in self.arrows.iter_mut().enumerate() {
            if a.end.is_some_and(|e| e >= cut) {
                a.end = None;
                a.dropped = false;
                self.long.insert(base + i as u64);
            }
        }
        let arrow_end = self.arrow_base + self.arrows.len() as u64;
        self.long.retain(|n| *n < arrow_end);
        self.last_step = self.events.last().map(|e| e.step).or(Some(step));
        self.generation += 1;
    }

    /// Index the events of the steps after the newest one indexed (what the run added since,
    /// or the recorded future replayed past it).
    pub fn sync(&mut self, sim: &Simulation) {
        let from = self.last_step.map_or(0, |s| s + 1);
        let events = sim.trace_steps(from..u64::MAX);
        if events.is_empty() {
            return;
        }
        for c in sim.clients() {
            self.sessions
                .entry(c.session)
                .or_insert_with(|| c.name.clone());
        }
        for e in events {
            self.push(e);
        }
        self.last_step = events.last().map(|e| e.step);
        self.trim();
    }

    fn client_lane(&mut self, name: &str) -> Lane {
        let i = match self.clients.iter().position(|c| c == name) {
            Some(i) => i,
            None => {
                self.clients.push(name.to_string());
                self.clients.len() - 1
            }
        };
        Lane::Client(u32::try_from(i).unwrap_or(u32::MAX))
    }

    fn session_lane(&mut self, session: SessionId) -> Lane {
        let name = self
            .sessions
            .get(&session)
            .cloned()
            .unwrap_or_else(|| session.to_string());
        self.client_lane(&name)
    }

    fn add_arrow(&mut self, a: Arrow) -> u64 {
        let n = self.arrow_base + self.arrows.len() as u64;
        self.kinds.insert(a.kind);
        if a.id != 0 {
            self.by_id.insert(a.id, n);
        }
        if a.end.is_none() {
            self.long.insert(n);
        }
        self.arrows.push(a);
        n
    }

    fn push_ev(&mut self, e: &Event, what: What) {
        self.events.push(Ev {
            step: e.step,
            at_ms: e.at.ms(),
            what,
        });
    }

    /// Index one trace event (only what the diagram draws).
    fn push(&mut self, e: &Event) {
        let here = self.end();
        match &e.kind {
            EventKind::Send { msg_id, msg } => {
                let (Some(from), Some(to)) = (e.from, e.to) else {
                    return;
                };
                let Some(kind) = msg.kind() else { return };
                let n = self.add_arrow(Arrow {
                    id: *msg_id,
                    kind: Kind::Packet(kind),
                    from: Lane::Server(from.0),
                    to: Lane::Server(to.0),
                    send: here,
                    end: None,
                    dropped: false,
                    zxid: msg.zxid,
                    vote: vote(msg),
                    note: None,
                });
                self.push_ev(e, What::Send(n));
            }
            EventKind::Deliver { msg_id, .. } | EventKind::Drop { msg_id, .. } => {
                let Some(n) = self.by_id.get(msg_id).copied() else {
                    return;
                };
                let dropped = matches!(e.kind, EventKind::Drop { .. });
                let base = self.arrow_base;
                let Some(a) = n
                    .checked_sub(base)
                    .and_then(|i| self.arrows.get_mut(i as usize))
                else {
                    return;
                };
                if a.end.is_some() {
                    return;
                }
                a.end = Some(here);
                a.dropped = dropped;
                if here - a.send <= LONG {
                    self.long.remove(&n);
                }
                self.push_ev(e, What::End(n));
            }
            EventKind::ClientRequest { session, op, .. } => {
                let Some(server) = e.to else { return };
                let from = self.session_lane(*session);
                let n = self.add_arrow(Arrow {
                    id: 0,
                    kind: Kind::Request,
                    from,
                    to: Lane::Server(server.0),
                    send: here,
                    end: Some(here),
                    dropped: false,
                    zxid: None,
                    vote: None,
                    note: Some(op.clone()),
                });
                self.push_ev(e, What::Client(n));
            }
            EventKind::ClientReply {
                session, zxid, err, ..
            } => {
                let Some(server) = e.from else { return };
                let to = self.session_lane(*session);
                let name = zabscope_core::zk::code::Code::from_value(*err)
                    .map_or_else(|| format!("UNKNOWN({err})"), |c| c.name().to_uppercase());
                let n = self.add_arrow(Arrow {
                    id: 0,
                    kind: Kind::Reply,
                    from: Lane::Server(server.0),
                    to,
                    send: here,
                    end: Some(here),
                    dropped: false,
                    zxid: (*zxid != Zxid::ZERO).then_some(*zxid),
                    vote: None,
                    note: Some(name),
                });
                self.push_ev(e, What::Client(n));
            }
            EventKind::ClientState {
                session, client, ..
            } => {
                self.sessions.insert(*session, client.clone());
                self.client_lane(client);
            }
            EventKind::State { state, .. } => {
                let Some(s) = e.from.or(e.to) else { return };
                // A phase change within the same state is not drawn: only LOOKING → LEADING …
                let last = self
                    .events
                    .iter()
                    .rev()
                    .take(4096)
                    .find_map(|x| match x.what {
                        What::State { server, state } if server == s.0 => Some(state),
                        _ => None,
                    });
                if last == Some(*state) {
                    return;
                }
                self.kinds.insert(Kind::State);
                self.push_ev(
                    e,
                    What::State {
                        server: s.0,
                        state: *state,
                    },
                );
            }
            _ => {}
        }
    }

    /// Past twice [`MAX_EVENTS`], drop the oldest half (and the arrows sent in it).
    fn trim(&mut self) {
        if self.events.len() < 2 * MAX_EVENTS {
            return;
        }
        let n = self.events.len() - MAX_EVENTS;
        self.events.drain(..n);
        self.base += n as u64;
        let cut = self.base;
        let drop_arrows = self.arrows.partition_point(|a| a.send < cut);
        for a in &self.arrows[..drop_arrows] {
            if a.id != 0 {
                self.by_id.remove(&a.id);
            }
        }
        self.arrows.drain(..drop_arrows);
        self.arrow_base += drop_arrows as u64;
        let first = self.arrow_base;
        self.long.retain(|a| *a >= first);
        self.generation += 1;
    }
}

fn vote(msg: &MsgInfo) -> Option<VoteFields> {
    msg.notification.as_deref().map(|n| VoteFields {
        leader: n.leader.map(|l| l.0),
        zxid: n.zxid,
        round: n.election_epoch,
        peer_epoch: n.peer_epoch,
    })
}
