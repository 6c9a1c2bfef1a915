//! The trace and what is read from the run: events, their digest, narrations, timeline
//! markers, the leaders and the cluster view.

use super::Simulation;
use crate::explain::{Marker, Text};
use crate::sim::trace::Event;
use crate::sim::view::{ClusterView, ViewOptions};

/// Drop the oldest items of `v` down to `keep` once it holds `2 * keep` (amortised O(1) per
/// push); returns how many were dropped.
pub(super) fn trim_front<T>(v: &mut Vec<T>, keep: Option<usize>) -> usize {
    match keep {
        Some(k) if v.len() >= k.max(1).saturating_mul(2) => {
            let n = v.len() - k;
            v.drain(..n);
            n
        }
        _ => 0,
    }
}

impl Simulation {
    /// The narration of the step just taken, if any.
    #[must_use]
    pub fn last_narration(&self) -> Option<&Text> {
        // With a trace, `after_step` moved it into the history (no copy per step).
        self.kernel
            .explain
            .narration
            .as_ref()
            .or_else(|| match self.narrations.last() {
                Some((s, t)) if *s == self.kernel.step => Some(t),
                _ => None,
            })
    }

    /// The running servers that are LEADING and broadcasting (cheap: no view is built).
    #[must_use]
    pub fn leaders(&self) -> Vec<u32> {
        self.kernel
            .nodes
            .iter()
            .filter(|n| n.status == crate::sim::kernel::Status::Up)
            .filter_map(|n| n.server.as_ref())
            .filter(|s| s.state() == crate::zab::proto::ServerState::Leading && s.serving())
            .map(|s| s.id().0)
            .collect()
    }

    /// The full picture (every data tree and whole logs).
    #[must_use]
    pub fn view(&self) -> ClusterView {
        self.with_narration(ClusterView::of(&self.kernel))
    }

    /// This step's narration in `v` (the kernel's was moved into the history).
    pub(super) fn with_narration(&self, mut v: ClusterView) -> ClusterView {
        if v.narration.is_none() {
            v.narration = self.last_narration().cloned();
        }
        v
    }

    /// The picture with only what `opts` asks for (`ViewOptions::compact()` per frame).
    #[must_use]
    pub fn view_with(&self, opts: ViewOptions) -> ClusterView {
        self.with_narration(ClusterView::with(&self.kernel, opts))
    }

    /// Every step's narration so far, `(step, text)` in step order.
    #[must_use]
    pub fn narrations(&self) -> &[(u64, Text)] {
        &self.narrations
    }

    /// The narration of one past step.
    #[must_use]
    pub fn narration(&self, step: u64) -> Option<&Text> {
        self.narrations
            .binary_search_by_key(&step, |(s, _)| *s)
            .ok()
            .map(|i| &self.narrations[i].1)
    }

    /// The timeline markers so far (elections, leader changes, faults, commits), in step order;
    /// commits and other commands as an evenly spread sample ([`MarkerLog`]).
    #[must_use]
    pub fn markers(&self) -> &[Marker] {
        self.markers.as_slice()
    }

    /// The trace kept (all of it, or the newest events under [`HistoryBudget::recent_events`]).
    #[must_use]
    pub fn trace(&self) -> &[Event] {
        &self.trace
    }

    /// The kept trace events of the steps `steps.start..steps.end`, in order: a slice of
    /// [`Simulation::trace`] found by binary search on the step (the trace is in step order),
    /// so a reader drawing a window of a long run (the page's sequence diagram) pays
    /// O(log n) per window instead of a scan. Steps older than the kept window
    /// ([`Simulation::trace_dropped`]) give only what is kept; an empty or reversed range gives
    /// an empty slice.
    #[must_use]
    pub fn trace_steps(&self, steps: std::ops::Range<u64>) -> &[Event] {
        let lo = self.trace.partition_point(|e| e.step < steps.start);
        let hi = self.trace.partition_point(|e| e.step < steps.end).max(lo);
        &self.trace[lo..hi]
    }

    /// How many events since step 0 were dropped from the front of [`Simulation::trace`].
    #[must_use]
    pub fn trace_dropped(&self) -> usize {
        self.trace_dropped
    }

    /// The running digest of every event so far.
    #[must_use]
    pub fn digest(&self) -> u64 {
        self.digest.finish()
    }
}
