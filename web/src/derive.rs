//! What the page reads off the trace rather than the current state: when each in-flight
//! message was sent (so it can be drawn travelling), each proposal's ACK count against its
//! quorum and its COMMIT, and the timeline's markers. The core records these facts in the
//! trace; this only indexes them, incrementally, so a frame never rescans the whole run.

use std::collections::BTreeMap;
use zabscope_core::Zxid;
use zabscope_core::proto::ServerState;
use zabscope_core::trace::{Event, EventKind};

/// Proposals kept for the Broadcast tab.
const PROPOSALS_KEPT: usize = 64;
/// Markers kept for the timeline (oldest commits dropped first).
const MARKERS_KEPT: usize = 2_000;

/// One proposal as the leader counted it (`Leader.processAck`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub zxid: Zxid,
    pub needed: u32,
    pub acks: u32,
    /// Who ACKed, in order (the event's `from`).
    pub ackers: Vec<u32>,
    pub proposed_step: u64,
    pub committed_step: Option<u64>,
}

/// What a timeline marker stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkerKind {
    Election,
    Leader,
    Fault,
    Commit,
}

impl MarkerKind {
    #[must_use]
    pub fn glyph(self) -> &'static str {
        match self {
            MarkerKind::Election => "○",
            MarkerKind::Leader => "◆",
            MarkerKind::Fault => "✕",
            MarkerKind::Commit => "●",
        }
    }
    #[must_use]
    pub fn class(self) -> &'static str {
        match self {
            MarkerKind::Election => "zs-mk-election",
            MarkerKind::Leader => "zs-mk-leader",
            MarkerKind::Fault => "zs-mk-fault",
            MarkerKind::Commit => "zs-mk-commit",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub step: u64,
    pub kind: MarkerKind,
    pub text: String,
}

/// The trace index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derived {
    scanned: usize,
    /// msg id → simulated ms it was sent at.
    pub sent_at: BTreeMap<u64, u64>,
    pub proposals: BTreeMap<Zxid, Proposal>,
    pub markers: Vec<Marker>,
}

/// Commands that break something (drawn as faults on the timeline).
fn is_fault(cmd: &str) -> bool {
    let w = cmd.split_whitespace().next().unwrap_or("");
    matches!(
        w,
        "crash" | "stop" | "pause" | "partition" | "block" | "hold" | "dropmsg" | "loss" | "die"
    )
}

impl Derived {
    /// Index events not seen yet. `fresh` forces a rebuild (after a seek the trace's tail is a
    /// different history even when it is longer).
    pub fn update(&mut self, trace: &[Event], fresh: bool) {
        if fresh || trace.len() < self.scanned {
            *self = Derived::default();
        }
        for e in &trace[self.scanned..] {
            self.index(e);
        }
        self.scanned = trace.len();
        while self.proposals.len() > PROPOSALS_KEPT {
            self.proposals.pop_first();
        }
        if self.markers.len() > MARKERS_KEPT {
            let drop = self.markers.len() - MARKERS_KEPT;
            self.markers.drain(..drop);
        }
    }

    /// Forget send times of messages no longer in flight.
    pub fn retain_in_flight(&mut self, ids: &[u64]) {
        let keep: std::collections::BTreeSet<u64> = ids.iter().copied().collect();
        self.sent_at.retain(|id, _| keep.contains(id));
    }

    fn mark(&mut self, step: u64, kind: MarkerKind, text: String) {
        if self
            .markers
            .last()
            .is_some_and(|m| m.step == step && m.kind == kind)
        {
            return;
        }
        self.markers.push(Marker { step, kind, text });
    }

    fn index(&mut self, e: &Event) {
        match &e.kind {
            EventKind::Send { msg_id, .. } => {
                self.sent_at.insert(*msg_id, e.at.ms());
            }
            EventKind::Propose { zxid, needed } => {
                self.proposals.insert(
                    *zxid,
                    Proposal {
                        zxid: *zxid,
                        needed: *needed,
                        acks: 0,
                        ackers: Vec::new(),
                        proposed_step: e.step,
                        committed_step: None,
                    },
                );
            }
            EventKind::Ack { zxid, acks, needed } => {
                if let Some(p) = self.proposals.get_mut(zxid) {
                    p.acks = *acks;
                    p.needed = *needed;
                    if let Some(f) = e.from
                        && !p.ackers.contains(&f.0)
                    {
                        p.ackers.push(f.0);
                    }
                }
            }
            EventKind::Commit { zxid } => {
                if let Some(p) = self.proposals.get_mut(zxid)
                    && p.committed_step.is_none()
                {
                    p.committed_step = Some(e.step);
                    self.mark(e.step, MarkerKind::Commit, format!("commit {zxid}"));
                }
            }
            EventKind::State { state, .. } => {
                let who = e.from.or(e.to).map_or(String::new(), |s| s.to_string());
                match state {
                    ServerState::Leading => {
                        self.mark(e.step, MarkerKind::Leader, format!("server.{who} leads"));
                    }
                    ServerState::Looking => {
                        self.mark(
                            e.step,
                            MarkerKind::Election,
                            format!("server.{who} looking"),
                        );
                    }
                    _ => {}
                }
            }
            EventKind::Command(c) if is_fault(c) => {
                self.mark(e.step, MarkerKind::Fault, c.clone());
            }
            _ => {}
        }
    }
}
