//! What the page reads off the trace rather than the view: when each in-flight message was
//! sent (the view has its send step, the trace its send time), so it can be drawn travelling.
//! Indexed incrementally, so a frame never rescans the whole run.

use std::collections::BTreeMap;
use zabscope_core::sim::trace::{Event, EventKind};

/// The trace index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derived {
    scanned: usize,
    /// msg id → simulated ms it was sent at.
    pub sent_at: BTreeMap<u64, u64>,
}

impl Derived {
    /// Index events not seen yet. `fresh` forces a rebuild (after a seek the trace's tail is a
    /// different history even when it is longer).
    pub fn update(&mut self, trace: &[Event], fresh: bool) {
        if fresh || trace.len() < self.scanned {
            *self = Derived::default();
        }
        for e in &trace[self.scanned..] {
            if let EventKind::Send { msg_id, .. } = e.kind {
                self.sent_at.insert(msg_id, e.at.ms());
            }
        }
        self.scanned = trace.len();
    }

    /// Forget send times of messages no longer in flight.
    pub fn retain_in_flight(&mut self, ids: &[u64]) {
        let keep: std::collections::BTreeSet<u64> = ids.iter().copied().collect();
        self.sent_at.retain(|id, _| keep.contains(id));
    }
}
