//! The discrete-event kernel: servers, network, clients and an agenda ordered by
//! `(SimTime, seq)`. One `step` takes exactly one agenda item (a delivery, a timer or a
//! command) and records the events it caused. Everything is `Clone`, so checkpoints are copies.

use crate::explain::vote::{self, VoteState};
use crate::explain::{ElectionView, Tracker};
use crate::ids::ServerId;
use crate::rng::SimRng;
use crate::sim::agenda::Agenda;
use crate::sim::client::Client;
use crate::sim::command::Command;
use crate::sim::network::{Fate, Network};
use crate::sim::trace::{Event, EventKind, MsgInfo};
use crate::time::SimTime;
use crate::zab::config::Config;
use crate::zab::proto::PeerMsg;
use crate::zab::server::durable::Durable;
use crate::zab::server::outbox::{Note, Outbox, Output};
use crate::zab::server::{Role, Server};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A message on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InFlight {
    pub id: u64,
    pub from: ServerId,
    pub to: ServerId,
    pub msg: PeerMsg,
    /// The step that sent it (the delivery's cause).
    pub sent_step: u64,
    /// The receiver's incarnation this message is for: for quorum traffic, the process at
    /// the other end of the sender's connection (a restarted receiver never reads it).
    pub to_incarnation: u32,
    /// The sender's incarnation when sent: which connection the bytes belong to.
    pub from_incarnation: u32,
}

/// Does a quorum message open a new connection (a learner connecting to its leader)?
fn opens_connection(msg: &PeerMsg) -> bool {
    matches!(
        msg,
        PeerMsg::FollowerInfo { .. } | PeerMsg::ObserverInfo { .. }
    )
}

/// One agenda entry. Messages and commands are boxed so an entry is 24 bytes, not 88: the
/// agenda's front buffer shifts entries on inserts and removals (a delivery, a send, a
/// re-armed timer), so small entries make each step cheaper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Deliver(Box<InFlight>),
    Timer {
        slot: usize,
        set_step: u64,
    },
    Command(Box<Command>),
    ClientTimeout {
        client: usize,
        cxid: i32,
    },
    /// A client library handle's timer (pings, read/connect timeout, back-off).
    ClientTick {
        client: usize,
    },
}

/// A server process's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Configured, not running (never started, or stopped).
    Off,
    Up,
    /// SIGSTOP: state and connections kept, nothing handled.
    Paused,
    /// kill -9: only the disk remains.
    Crashed,
}

/// One configured server: its process (if running) and its disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: ServerId,
    pub status: Status,
    pub server: Option<Server>,
    /// The disk while the process is not running.
    pub disk: Durable,
    pub incarnation: u32,
    /// Messages that arrived while paused (kept in the socket buffers).
    pub parked: Vec<InFlight>,
    /// Per peer slot: the incarnation of the peer process at the other end of this process's
    /// quorum connection to it (`None`: none yet). Bytes of an older connection are not read.
    pub conns: Vec<Option<u32>>,
    /// Per peer slot: this process closed its quorum connection to that peer's incarnation
    /// (a LearnerHandler's read timeout, a learner leaving its leader, a refused connect).
    /// What the peer still sends on it is not read; its next FOLLOWERINFO opens a new one.
    pub closed: Vec<Option<u32>>,
}

impl Node {
    /// The durable state, wherever it currently lives.
    #[must_use]
    pub fn durable(&self) -> &Durable {
        self.server.as_ref().map_or(&self.disk, |s| &s.core.durable)
    }
}

/// Deterministic state of a whole run.
#[derive(Clone, Debug)]
pub struct Kernel {
    pub config: Arc<Config>,
    pub rng: SimRng,
    pub now: SimTime,
    pub step: u64,
    pub seq: u64,
    pub agenda: Agenda,
    pub nodes: Vec<Node>,
    pub net: Network,
    pub timers: Vec<Option<(SimTime, u64)>>,
    /// Messages waiting on held links, per (from slot, to slot).
    pub held: BTreeMap<(usize, usize), Vec<InFlight>>,
    pub clients: Vec<Client>,
    /// Events of the current step.
    pub events: Vec<Event>,
    /// What the page explains (commits by quorum, ACKs, discarded entries, syncs, this
    /// step's vote change, narration and markers); not part of the digest.
    pub explain: Tracker,
    /// The cause recorded on this step's events.
    cause: u64,
    outbox: Outbox,
}

impl Kernel {
    #[must_use]
    pub fn new(config: Config, seed: u64) -> Kernel {
        let nodes: Vec<Node> = config
            .ids()
            .map(|id| Node {
                id,
                status: Status::Off,
                server: None,
                disk: Durable::default(),
                incarnation: 0,
                parked: Vec::new(),
                conns: Vec::new(),
                closed: Vec::new(),
            })
            .collect();
        let n = nodes.len();
        let mut nodes = nodes;
        for node in &mut nodes {
            node.conns = vec![None; n];
            node.closed = vec![None; n];
        }
        Kernel {
            net: Network::new(&config),
            config: Arc::new(config),
            rng: SimRng::new(seed),
            now: SimTime::ZERO,
            step: 0,
            seq: 0,
            agenda: Agenda::new(),
            nodes,
            timers: vec![None; n],
            held: BTreeMap::new(),
            clients: Vec::new(),
            events: Vec::new(),
            explain: Tracker::default(),
            cause: 0,
            outbox: Outbox::new(),
        }
    }

    /// Slot of a server id.
    #[must_use]
    pub fn slot(&self, id: ServerId) -> Option<usize> {
        // Ids are usually 1..=n, so server.i sits in slot i − 1: O(1) per message instead of a
        // scan of every node (which made each write cost O(n²) at 51 servers).
        let guess = usize::try_from(id.0).ok()?.checked_sub(1);
        match guess.and_then(|g| self.nodes.get(g)) {
            Some(n) if n.id == id => guess,
            _ => self.nodes.binary_search_by_key(&id, |n| n.id).ok(),
        }
    }

    pub fn schedule(&mut self, at: SimTime, item: Item) -> (SimTime, u64) {
        self.seq += 1;
        let key = (at.max(self.now), self.seq);
        self.agenda.insert(key, item);
        key
    }

    pub(crate) fn event(&mut self, kind: EventKind, from: Option<ServerId>, to: Option<ServerId>) {
        self.events.push(Event {
            step: self.step,
            at: self.now,
            kind,
            from,
            to,
            cause: self.cause,
        });
    }

    /// The time of the next agenda item.
    #[must_use]
    pub fn next_time(&self) -> Option<SimTime> {
        self.agenda.keys().next().map(|k| k.0)
    }

    /// Take exactly one agenda item. `false` when nothing is left to do.
    pub fn step(&mut self) -> bool {
        match self.agenda.pop_first() {
            Some(((at, _), item)) => {
                self.run(at, item);
                true
            }
            None => false,
        }
    }

    /// Take a specific agenda item now (manual mode: any pending message or timer, in any
    /// order). Time never runs backwards: an early pick happens at the current time.
    pub fn fire(&mut self, key: (SimTime, u64)) -> bool {
        match self.agenda.remove(&key) {
            Some(item) => {
                if matches!(item, Item::Timer { slot, .. } if self.timers[slot] == Some(key))
                    && let Item::Timer { slot, .. } = item
                {
                    self.timers[slot] = None;
                }
                self.run(key.0.max(self.now), item);
                true
            }
            None => false,
        }
    }

    fn run(&mut self, at: SimTime, item: Item) {
        self.events.clear();
        self.now = at.max(self.now);
        self.step += 1;
        self.cause = self.step;
        self.explain.begin_step();
        match item {
            Item::Deliver(m) => self.deliver(*m),
            Item::Timer { slot, set_step } => self.fire_timer(slot, set_step),
            Item::Command(c) => self.exec(*c),
            Item::ClientTimeout { client, cxid } => self.client_timeout(client, cxid),
            Item::ClientTick { client } => self.zk().tick(client),
        }
        self.explain.observe(&self.events, &self.nodes);
    }

    fn deliver(&mut self, m: InFlight) {
        self.cause = m.sent_step;
        let (Some(to), Some(from)) = (self.slot(m.to), self.slot(m.from)) else {
            return;
        };
        // A sender that crashed since does not take back what it wrote: its kernel delivers
        // the bytes, then the connection's close (sent at the crash, behind them on the link).
        let node = &self.nodes[to];
        if node.incarnation != m.to_incarnation
            || matches!(node.status, Status::Off | Status::Crashed)
        {
            self.drop_msg(&m, "receiver not running");
            if !m.msg.is_election() && m.msg != PeerMsg::Closed {
                // Nothing listens on that port (or the connection is gone): the sender's TCP
                // stack gets a reset and sees that connection closed.
                let inc = (m.to_incarnation, m.from_incarnation);
                self.send_stamped(to, from, PeerMsg::Closed, inc);
            }
            return;
        }
        // Every directed link is FIFO (TCP; ZAB relies on it). A held link is the network's
        // doing, so it is checked before the receiver: a message on a held link waits there even
        // if the receiver is paused, and a message never overtakes older ones still waiting on
        // its link (held, or parked in a paused receiver's socket buffer).
        if self.net.is_held(from, to) || self.held.get(&(from, to)).is_some_and(|h| !h.is_empty()) {
            self.held.entry((from, to)).or_default().push(m);
            return;
        }
        if node.status == Status::Paused {
            self.nodes[to].parked.push(m);
            return;
        }
        if let Err(reason) = self.net.deliverable(from, to, &m.msg) {
            if !m.msg.is_election() && m.msg != PeerMsg::Closed {
                self.net.break_connection(from, to);
            }
            return self.drop_msg(&m, reason);
        }
        if !m.msg.is_election() {
            // The connection this message was sent on. A learner's FOLLOWERINFO opens a new
            // one; bytes of a connection older than the one this process now has with the
            // sender's process are never read (a dead process's handshake must not be answered
            // into its successor's connection: fuzz seed 370233).
            let conn = &mut self.nodes[to].conns[from];
            if !opens_connection(&m.msg) && conn.is_some_and(|c| c > m.from_incarnation) {
                return self.drop_msg(&m, "old connection");
            }
            *conn = Some(m.from_incarnation);
            // A connection this process closed is not read any more; a close always is (the
            // peer's FIN or reset), and a FOLLOWERINFO opens a new connection.
            let closed = &mut self.nodes[to].closed[from];
            if opens_connection(&m.msg) {
                *closed = None;
            } else if m.msg != PeerMsg::Closed
                && closed.is_some_and(|inc| m.from_incarnation <= inc)
            {
                return self.drop_msg(&m, "connection closed");
            }
        }
        self.event(
            EventKind::Deliver {
                msg_id: m.id,
                msg: MsgInfo::of(&m.msg),
            },
            Some(m.from),
            Some(m.to),
        );
        let now = self.now;
        let before = self.before_delivery(to, from, &m.msg);
        let mut out = std::mem::take(&mut self.outbox);
        if let Some(s) = self.nodes[to].server.as_mut() {
            s.handle_message(now, m.from, m.msg, &mut out);
        }
        self.process(to, &mut out);
        self.outbox = out;
        if let Some((n, before)) = before {
            self.explain_vote(to, &n, before);
        }
    }

    /// Note what the explanation needs from before a delivery: a LOOKING server's vote (for a
    /// notification), the entries a TRUNC/SNAP will discard.
    fn before_delivery(
        &mut self,
        to: usize,
        from: usize,
        msg: &PeerMsg,
    ) -> Option<(crate::zab::proto::Notification, VoteState)> {
        if matches!(msg, PeerMsg::Trunc { .. } | PeerMsg::Snap { .. }) {
            self.explain
                .before_sync_packet(&self.nodes[to], self.nodes.get(from), msg);
        }
        let PeerMsg::Notification(n) = msg else {
            return None;
        };
        if self.explain.quiet {
            return None;
        }
        let s = self.nodes[to].server.as_ref()?;
        match &s.role {
            Role::Looking(e) => Some((
                *n,
                VoteState {
                    round: s.core.logical_clock,
                    proposal: e.proposal,
                },
            )),
            _ => None,
        }
    }

    /// After a LOOKING server handled a notification: why its vote changed (or did not).
    fn explain_vote(
        &mut self,
        slot: usize,
        n: &crate::zab::proto::Notification,
        before: VoteState,
    ) {
        let Some(s) = self.nodes[slot].server.as_ref() else {
            return;
        };
        let (after, agree) = match &s.role {
            Role::Looking(e) => {
                let view = ElectionView::of(&s.core, e);
                (
                    VoteState {
                        round: s.core.logical_clock,
                        proposal: e.proposal,
                    },
                    Some((view.agree, view.quorum)),
                )
            }
            _ => (
                VoteState {
                    round: s.core.logical_clock,
                    proposal: s.core.current_vote,
                },
                None,
            ),
        };
        let mut change = vote::explain(s.core.id, n, before, after);
        if let Some((agree, quorum)) = agree {
            change.text = change.text.arg("agree", agree).arg("quorum", quorum);
        }
        self.explain.vote_change = Some(change);
    }

    fn drop_msg(&mut self, m: &InFlight, reason: &'static str) {
        self.event(
            EventKind::Drop {
                msg_id: m.id,
                msg: MsgInfo::of(&m.msg),
                reason,
            },
            Some(m.from),
            Some(m.to),
        );
    }

    fn fire_timer(&mut self, slot: usize, set_step: u64) {
        self.cause = set_step;
        self.timers[slot] = None;
        if self.nodes[slot].status != Status::Up {
            return;
        }
        let id = self.nodes[slot].id;
        self.event(EventKind::Timer, Some(id), None);
        let now = self.now;
        let mut out = std::mem::take(&mut self.outbox);
        if let Some(s) = self.nodes[slot].server.as_mut() {
            s.handle_timeout(now, &mut out);
        }
        self.process(slot, &mut out);
        self.outbox = out;
    }

    /// Carry out a server's outbox in order, then re-arm its timer.
    pub(crate) fn process(&mut self, slot: usize, out: &mut Outbox) {
        let me = self.nodes[slot].id;
        for item in out.items.drain(..) {
            match item {
                Output::Send { to, msg } => self.send(slot, to, msg),
                Output::Persist(p) => self.event(EventKind::Persist(p), Some(me), None),
                Output::Reply {
                    session,
                    cxid,
                    zxid,
                    response,
                } => self.client_reply(me, session, cxid, zxid, &response),
                Output::Watch { session, event } => self.client_watch(me, session, &event),
                Output::Trace(n) => {
                    let kind = note_event(n);
                    self.event(kind, Some(me), None);
                }
            }
        }
        self.rearm(slot);
    }

    /// Hand a message to the network. Quorum traffic goes on this process's connection to the
    /// receiver (to the process it was opened with), a learner's FOLLOWERINFO on a new one.
    pub(crate) fn send(&mut self, from_slot: usize, to: ServerId, msg: PeerMsg) {
        let Some(to_slot) = self.slot(to) else { return };
        let actual = self.nodes[to_slot].incarnation;
        let to_inc = if msg.is_election() {
            actual
        } else if opens_connection(&msg) {
            // The learner's new connection is now its only one to that peer: whatever an
            // older connection still carries (a reset of bytes sent to a dead process, say)
            // is not read as news about this one (fuzz seed 812071).
            self.nodes[from_slot].conns[to_slot] = Some(actual);
            actual
        } else {
            self.nodes[from_slot].conns[to_slot].unwrap_or(actual)
        };
        if !msg.is_election() {
            // This process closes (or reopens) its connection to that peer.
            self.nodes[from_slot].closed[to_slot] = match msg {
                PeerMsg::Closed => Some(to_inc),
                _ if opens_connection(&msg) => None,
                _ => self.nodes[from_slot].closed[to_slot],
            };
        }
        let from_inc = self.nodes[from_slot].incarnation;
        self.send_stamped(from_slot, to_slot, msg, (from_inc, to_inc));
    }

    /// Hand a message to the network on the connection between incarnations `inc`
    /// (sender's, receiver's).
    fn send_stamped(&mut self, from_slot: usize, to_slot: usize, msg: PeerMsg, inc: (u32, u32)) {
        let (from, to) = (self.nodes[from_slot].id, self.nodes[to_slot].id);
        self.seq += 1;
        let id = self.seq;
        let info = MsgInfo::of(&msg);
        let inflight = InFlight {
            id,
            from,
            to,
            msg,
            sent_step: self.step,
            to_incarnation: inc.1,
            from_incarnation: inc.0,
        };
        let fate = if matches!(inflight.msg, PeerMsg::Closed) {
            self.closed_fate(from_slot, to_slot)
        } else {
            self.net
                .send(&mut self.rng, self.now, from_slot, to_slot, &inflight.msg)
        };
        let fate = match (fate, &inflight.msg) {
            // The ACK of NEWLEADER (an ACK of `<epoch>00000000`) waits for the learner's
            // `startupWithoutServing`; what it sends after queues behind it (FIFO).
            (Fate::Deliver(at), PeerMsg::Ack { zxid }) if zxid.counter() == 0 => {
                let start = self.config.learner_start_ms;
                Fate::Deliver(self.net.bump(from_slot, to_slot, at.plus_ms(start)))
            }
            (fate, _) => fate,
        };
        match fate {
            Fate::Deliver(at) => {
                self.event(
                    EventKind::Send {
                        msg_id: id,
                        msg: info,
                    },
                    Some(from),
                    Some(to),
                );
                self.schedule(at, Item::Deliver(Box::new(inflight)));
            }
            Fate::Dropped(reason) => self.event(
                EventKind::Drop {
                    msg_id: id,
                    msg: info,
                    reason,
                },
                Some(from),
                Some(to),
            ),
            Fate::Reset => {
                self.event(
                    EventKind::Drop {
                        msg_id: id,
                        msg: info,
                        reason: "lost: connection reset",
                    },
                    Some(from),
                    Some(to),
                );
                self.reset(from_slot, to_slot);
            }
        }
    }

    /// A RST/FIN crosses any connection state but not a partition.
    fn closed_fate(&mut self, from: usize, to: usize) -> Fate {
        if self.net.is_blocked(from, to) {
            return Fate::Dropped("partitioned");
        }
        // Behind everything already sent on the link (FIFO): a reset never overtakes data.
        let at = self
            .net
            .bump(from, to, self.now.plus_ms(self.config.latency_ms));
        Fate::Deliver(at)
    }

    /// A quorum connection was reset: both ends see it closed.
    fn reset(&mut self, a: usize, b: usize) {
        for (x, y) in [(a, b), (b, a)] {
            let to = self.nodes[y].id;
            self.send(x, to, PeerMsg::Closed);
        }
    }

    /// Keep exactly one timer agenda entry per running server, at its `poll_timeout`.
    pub(crate) fn rearm(&mut self, slot: usize) {
        let want = match (&self.nodes[slot].server, self.nodes[slot].status) {
            (Some(s), Status::Up) => s.poll_timeout().map(|t| t.max(self.now)),
            _ => None,
        };
        let have = self.timers[slot];
        if have.map(|k| k.0) == want {
            return;
        }
        if let Some(k) = have {
            self.agenda.remove(&k);
        }
        self.timers[slot] = want.map(|t| {
            self.schedule(
                t,
                Item::Timer {
                    slot,
                    set_step: self.step,
                },
            )
        });
    }

    /// Boot a server from its disk.
    pub(crate) fn boot(&mut self, slot: usize) {
        let node = &mut self.nodes[slot];
        let disk = std::mem::take(&mut node.disk);
        let mut out = std::mem::take(&mut self.outbox);
        let server = Server::boot(node.id, self.config.clone(), disk, self.now, &mut out);
        node.server = Some(server);
        node.status = Status::Up;
        self.process(slot, &mut out);
        self.outbox = out;
    }

    /// Kill a process: memory gone, disk kept, peers' connections reset.
    pub(crate) fn kill(&mut self, slot: usize, status: Status) {
        let node = &mut self.nodes[slot];
        if !matches!(node.status, Status::Up | Status::Paused) {
            return;
        }
        if let Some(s) = node.server.take() {
            node.disk = s.core.durable;
            if status == Status::Crashed {
                // kill -9: SyncRequestProcessor's unflushed batch never reached the disk.
                node.disk.lose_unflushed();
            } else {
                // A clean stop: SyncRequestProcessor.shutdown flushes the batch.
                node.disk.unflushed = 0;
            }
        }
        node.status = status;
        node.parked.clear();
        if let Some(k) = self.timers[slot].take() {
            self.agenda.remove(&k);
        }
        // The dying process's kernel closes its connections: each close follows, on its link,
        // every byte the process already wrote (those still arrive).
        for peer in 0..self.nodes.len() {
            if peer != slot && matches!(self.nodes[peer].status, Status::Up | Status::Paused) {
                self.send(slot, self.nodes[peer].id, PeerMsg::Closed);
            }
        }
        let node = &mut self.nodes[slot];
        node.incarnation += 1;
        node.conns.iter_mut().for_each(|c| *c = None);
        node.closed.iter_mut().for_each(|c| *c = None);
    }
}

/// A server's trace note as a trace event.
fn note_event(n: Note) -> EventKind {
    match n {
        Note::State(state, phase) => EventKind::State { state, phase },
        Note::Propose { zxid, needed } => EventKind::Propose { zxid, needed },
        Note::Acked {
            zxid,
            from,
            acks,
            needed,
        } => EventKind::Ack {
            zxid,
            from,
            acks,
            needed,
        },
        Note::Commit(zxid) => EventKind::Commit { zxid },
        Note::Applied(zxid) => EventKind::Applied { zxid },
        Note::Established { epoch } => EventKind::Established { epoch },
        Note::SyncChoice {
            learner,
            kind,
            zxid,
            why,
        } => EventKind::Sync {
            learner,
            kind,
            zxid,
            why,
        },
        Note::GaveUp(why) => EventKind::GaveUp(why),
        Note::LearnerClosed { learner, ms } => EventKind::LearnerClosed { learner, ms },
    }
}
