//! The diagram's rows under the filters, and the window of them on screen: one row per shown
//! event (a send, a delivery or drop, a client's request or reply, a state change); a run of
//! heartbeats between two shown rows collapses into one "PING ×n" row while heartbeats are
//! collapsed. Rows are built once per filter and extended as the run grows; a window is found
//! by binary search, and only the arrows that touch it are returned — what keeps a run of
//! 100,000 events and more as fluid as a short one.

use super::index::{Arrow, Kind, LONG, Lane, SeqIndex, What};
use std::collections::BTreeSet;
use zabscope_core::zab::proto::PacketKind;

/// What the user filters (part of the page's UI state, in the store).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Kinds hidden.
    pub kinds: BTreeSet<Kind>,
    /// Lanes hidden (with every arrow that starts or ends on them).
    pub lanes: BTreeSet<Lane>,
    /// Heartbeats (PING) drawn one by one instead of collapsed.
    pub pings: bool,
}

impl Filter {
    fn shows_lane(&self, l: Lane) -> bool {
        !self.lanes.contains(&l)
    }
    /// Is this arrow drawn (PINGs: when expanded)?
    #[must_use]
    pub fn shows(&self, a: &Arrow) -> bool {
        !self.kinds.contains(&a.kind)
            && self.shows_lane(a.from)
            && self.shows_lane(a.to)
            && (self.pings || a.kind != Kind::Packet(PacketKind::Ping))
    }
    /// Is this a heartbeat that collapses (hidden only because PINGs are collapsed)?
    fn collapses(&self, a: &Arrow) -> bool {
        !self.pings
            && a.kind == Kind::Packet(PacketKind::Ping)
            && !self.kinds.contains(&a.kind)
            && self.shows_lane(a.from)
            && self.shows_lane(a.to)
    }
}

/// One row: a shown event, or a run of collapsed heartbeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Ev(u64),
    Pings { first: u64, n: u32 },
}

impl Row {
    /// The (first) event of the row.
    #[must_use]
    pub fn ev(self) -> u64 {
        match self {
            Row::Ev(e) | Row::Pings { first: e, .. } => e,
        }
    }
}

/// The rows for one filter over one generation of the index.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    filter: Filter,
    generation: u64,
    /// Absolute number of the next event to consider.
    next: u64,
    built: bool,
}

impl Rows {
    /// Bring the rows up to date with the index and the filter (rebuilt when either changed
    /// other than by appending).
    pub fn update(&mut self, ix: &SeqIndex, filter: &Filter) {
        if !self.built || self.generation != ix.generation || self.filter != *filter {
            *self = Rows {
                rows: Vec::new(),
                filter: filter.clone(),
                generation: ix.generation,
                next: ix.base,
                built: true,
            };
        }
        let end = ix.end();
        let mut n = self.next.max(ix.base);
        while n < end {
            if let Some(e) = ix.ev(n) {
                self.consider(ix, n, e.what);
            }
            n += 1;
        }
        self.next = end;
    }

    fn consider(&mut self, ix: &SeqIndex, n: u64, what: What) {
        let f = &self.filter;
        let shown = match what {
            What::Send(a) | What::End(a) | What::Client(a) => match ix.arrow(a) {
                Some(arrow) if f.shows(arrow) => true,
                Some(arrow) if f.collapses(arrow) => {
                    match self.rows.last_mut() {
                        Some(Row::Pings { n: k, .. }) => *k += 1,
                        _ => self.rows.push(Row::Pings { first: n, n: 1 }),
                    }
                    return;
                }
                _ => false,
            },
            What::State { server, .. } => {
                !f.kinds.contains(&Kind::State) && f.shows_lane(Lane::Server(server))
            }
        };
        if shown {
            self.rows.push(Row::Ev(n));
        }
    }

    /// The filter the rows were built for.
    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The row of event `n` (the first row at or after it).
    #[must_use]
    pub fn row_of(&self, n: u64) -> usize {
        self.rows.partition_point(|r| r.ev() < n)
    }

    /// The first row of a step at or after `step` (rows are in step order).
    #[must_use]
    pub fn row_of_step(&self, ix: &SeqIndex, step: u64) -> usize {
        self.rows
            .partition_point(|r| ix.ev(r.ev()).is_some_and(|e| e.step < step))
    }

    /// The next arrow (absolute number, with the row of its send) whose send row is after
    /// `row` (`forward`) or before it — what ↓ and ↑ move the diagram's cursor to.
    #[must_use]
    pub fn next_arrow(&self, ix: &SeqIndex, row: usize, forward: bool) -> Option<(u64, usize)> {
        let starts = |r: usize| match self.rows.get(r) {
            Some(Row::Ev(n)) => match ix.ev(*n).map(|e| e.what) {
                Some(What::Send(a) | What::Client(a)) => Some((a, r)),
                _ => None,
            },
            _ => None,
        };
        if forward {
            (row.saturating_add(1)..self.rows.len()).find_map(starts)
        } else {
            (0..row.min(self.rows.len())).rev().find_map(starts)
        }
    }

    /// The arrows (absolute numbers) that touch rows `r0..r1`, in send order: those sent or
    /// ended in the window or up to [`LONG`] rows before it, and the long or open ones
    /// crossing it.
    #[must_use]
    pub fn arrows_in(&self, ix: &SeqIndex, r0: usize, r1: usize) -> Vec<u64> {
        let mut out = BTreeSet::new();
        let from = r0.saturating_sub(LONG as usize);
        let (lo_ev, hi_ev) = match (self.rows.get(r0), self.rows.get(r1.saturating_sub(1))) {
            (Some(a), Some(b)) => (a.ev(), b.ev()),
            _ => return Vec::new(),
        };
        for r in &self.rows[from..r1.min(self.rows.len())] {
            if let Row::Ev(n) = r
                && let Some(e) = ix.ev(*n)
            {
                match e.what {
                    What::Send(a) | What::End(a) | What::Client(a) => {
                        out.insert(a);
                    }
                    What::State { .. } => {}
                }
            }
        }
        for &a in &ix.long {
            if let Some(arrow) = ix.arrow(a)
                && arrow.send <= hi_ev
                && arrow.end.is_none_or(|e| e >= lo_ev)
                && self.filter.shows(arrow)
            {
                out.insert(a);
            }
        }
        out.into_iter()
            .filter(|a| {
                ix.arrow(*a).is_some_and(|arrow| {
                    self.filter.shows(arrow)
                        && arrow.send <= hi_ev
                        && arrow.end.is_none_or(|e| e >= lo_ev)
                })
            })
            .collect()
    }
}
