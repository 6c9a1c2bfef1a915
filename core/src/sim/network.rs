//! The simulated network: one FIFO connection per directed pair of servers (ZAB relies on TCP
//! order), latency with seeded jitter, loss, partitions (including one-way) and held links.
//!
//! Quorum traffic (port 2888) rides a TCP connection: when a partition or a loss drops one of
//! its packets, the connection is *broken* and carries nothing more until the learner connects
//! again (FOLLOWERINFO/OBSERVERINFO), so no learner ever sees a gap in the stream. A loss is a
//! reset both ends notice at once; a partition is silent and found only by timeouts. Election
//! traffic (port 3888) is retried by FLE itself, so a dropped notification is just gone.

use crate::ids::ServerId;
use crate::rng::{SimRng, Stream};
use crate::time::SimTime;
use crate::zab::config::Config;
use crate::zab::proto::PeerMsg;

/// What the network decided for a message handed to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Deliver at this time.
    Deliver(SimTime),
    /// Dropped silently (partition, or a broken connection).
    Dropped(&'static str),
    /// Lost on a quorum connection: the connection is reset, both ends are told.
    Reset,
}

/// Links between `n` server slots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    n: usize,
    latency: u64,
    jitter: u64,
    loss_ppm: u32,
    /// Per directed link: when its last message is due (FIFO).
    last_at: Vec<SimTime>,
    /// Per directed link: partitioned.
    blocked: Vec<bool>,
    /// Per directed link: held (messages wait until released).
    held: Vec<bool>,
    /// Per unordered pair: the quorum connection is broken until the learner reconnects.
    broken: Vec<bool>,
}

impl Network {
    #[must_use]
    pub fn new(config: &Config) -> Network {
        let n = config.servers.len();
        Network {
            n,
            latency: config.latency_ms,
            jitter: config.jitter_ms,
            loss_ppm: config.loss_ppm,
            last_at: vec![SimTime::ZERO; n * n],
            blocked: vec![false; n * n],
            held: vec![false; n * n],
            broken: vec![false; n * n],
        }
    }

    fn link(&self, from: usize, to: usize) -> usize {
        from * self.n + to
    }

    fn pair(&self, a: usize, b: usize) -> usize {
        self.link(a.min(b), a.max(b))
    }

    /// Decide the fate of `msg` sent now from slot `from` to slot `to`.
    pub fn send(
        &mut self,
        rng: &mut SimRng,
        now: SimTime,
        from: usize,
        to: usize,
        msg: &PeerMsg,
    ) -> Fate {
        let l = self.link(from, to);
        let quorum = !msg.is_election();
        if matches!(
            msg,
            PeerMsg::FollowerInfo { .. } | PeerMsg::ObserverInfo { .. }
        ) {
            // A learner opens a new connection.
            let p = self.pair(from, to);
            self.broken[p] = false;
        }
        if self.blocked[l] {
            if quorum {
                let p = self.pair(from, to);
                self.broken[p] = true;
            }
            return Fate::Dropped("partitioned");
        }
        if quorum && self.broken[self.pair(from, to)] {
            return Fate::Dropped("connection broken");
        }
        if from != to && rng.chance_ppm(Stream::Loss, self.loss_ppm) {
            if quorum && *msg != PeerMsg::Closed {
                let p = self.pair(from, to);
                self.broken[p] = true;
                return Fate::Reset;
            }
            return Fate::Dropped("lost");
        }
        let delay = if from == to {
            0
        } else {
            self.latency + rng.below(Stream::Latency, self.jitter + 1)
        };
        let at = now.plus_ms(delay).max(self.last_at[l]);
        self.last_at[l] = at;
        Fate::Deliver(at)
    }

    /// At delivery time: is the link still open for this message?
    pub fn deliverable(&self, from: usize, to: usize, msg: &PeerMsg) -> Result<(), &'static str> {
        let l = self.link(from, to);
        if self.blocked[l] {
            return Err("partitioned");
        }
        if !msg.is_election()
            && self.broken[self.pair(from, to)]
            && !matches!(
                msg,
                PeerMsg::FollowerInfo { .. } | PeerMsg::ObserverInfo { .. }
            )
        {
            return Err("connection broken");
        }
        Ok(())
    }

    /// Mark the quorum connection between two slots broken (a drop on it).
    pub fn break_connection(&mut self, a: usize, b: usize) {
        let p = self.pair(a, b);
        self.broken[p] = true;
    }

    #[must_use]
    pub fn is_held(&self, from: usize, to: usize) -> bool {
        self.held[self.link(from, to)]
    }

    pub fn set_held(&mut self, from: usize, to: usize, held: bool) {
        let l = self.link(from, to);
        self.held[l] = held;
    }

    pub fn set_blocked(&mut self, from: usize, to: usize, blocked: bool) {
        let l = self.link(from, to);
        self.blocked[l] = blocked;
    }

    /// Message loss on every link, parts per million.
    #[must_use]
    pub fn loss_ppm(&self) -> u32 {
        self.loss_ppm
    }

    #[must_use]
    pub fn is_blocked(&self, from: usize, to: usize) -> bool {
        self.blocked[self.link(from, to)]
    }

    /// Change message loss (parts per million).
    pub fn set_loss(&mut self, ppm: u32) {
        self.loss_ppm = ppm;
    }

    /// Heal every partition.
    pub fn heal(&mut self) {
        self.blocked.iter_mut().for_each(|b| *b = false);
    }

    /// Push the FIFO horizon of a link (a delayed message delays those after it); returns
    /// when a message due at `at` arrives on it: not before the last one sent on the link.
    pub fn bump(&mut self, from: usize, to: usize, at: SimTime) -> SimTime {
        let l = self.link(from, to);
        self.last_at[l] = self.last_at[l].max(at);
        self.last_at[l]
    }

    /// Which links are partitioned, held, and which quorum connections broken: the network's
    /// state without its FIFO clocks (the explorer's state hash).
    #[must_use]
    pub fn connectivity(&self) -> (&[bool], &[bool], &[bool]) {
        (&self.blocked, &self.held, &self.broken)
    }

    /// Slot of a server id in a config (ids are sorted).
    #[must_use]
    pub fn slot(config: &Config, id: ServerId) -> Option<usize> {
        config.servers.keys().position(|k| *k == id)
    }
}
