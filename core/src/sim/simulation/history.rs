//! Time travel: the kernel copies (`Checkpoint`) kept for `seek`, how many are kept
//! (`HistoryBudget`) and how they thin with age, going back and discarding the future.

use super::{Applied, Simulation};
use crate::sim::chunked::Runs;
use crate::sim::kernel::{Item, Kernel};
use crate::sim::trace::Fnv;
use crate::time::SimTime;
use crate::zab::server::durable::LOG_CHUNK;
use crate::zab::server::replica::COMMITTED_CHUNK;

/// Steps between checkpoints (before thinning), for an ensemble of up to 5: a larger ensemble
/// checkpoints every [`CHECKPOINT_STEPS_PER_SERVER`] × n steps instead. A kernel copy costs about
/// in proportion to n while a step costs about the same at any size (the cost per delivery is
/// flat), so this keeps the copies' share of the run's time flat too (at 51 servers every 500
/// steps they took most of it), and replaying a gap stays a few milliseconds (Back near the
/// live end replays at most 1,000 steps at 5 servers). The measurements: docs/figures.md,
/// "Design choices".
pub(super) const CHECKPOINT_EVERY: u64 = 1_000;
pub(super) const CHECKPOINT_STEPS_PER_SERVER: u64 = 200;

/// How much history a [`Simulation`] keeps for `seek` and for the page's panels (docs/page.md,
/// "Memory"). Digests never depend on it: the digest is folded from every event as it happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryBudget {
    /// The most kernel copies kept for `seek` (at least 2). A checkpoint is taken every
    /// [`CHECKPOINT_EVERY`] steps; past the budget the one whose removal leaves the smallest gap
    /// for its age goes, so checkpoints thin with age: dense near the live end (Back is
    /// instant), sparser early on (seeking far back replays a small share of the run).
    pub checkpoints: usize,
    /// Also thin while the checkpoints' estimated size exceeds this many bytes (`None`: count
    /// only). A copy's size is dominated by the messages in flight and the ensemble's size: an
    /// election among 51 servers holds tens of thousands of notifications (≈ 6 MB a copy),
    /// a quiet 7-server ensemble ≈ 0.2 MB.
    pub checkpoint_bytes: Option<usize>,
    /// Keep only about this many of the newest trace events (`None`: all). Trimmed in chunks:
    /// once twice this many are held, the oldest are dropped down to this many.
    pub recent_events: Option<usize>,
    /// The same bound for per-step narrations (`None`: all). Timeline markers are always kept.
    pub recent_narrations: Option<usize>,
}

impl Default for HistoryBudget {
    /// 64 checkpoints, the whole trace and every narration (the cli and tests read them).
    fn default() -> Self {
        HistoryBudget {
            checkpoints: 64,
            checkpoint_bytes: None,
            recent_events: None,
            recent_narrations: None,
        }
    }
}

impl HistoryBudget {
    /// The page's settings: up to 256 checkpoints in an estimated 64 MiB, the newest 100,000
    /// events and 2,000 narrations (the page shows the last 40 events and the newest narration
    /// that is not a heartbeat, looked for among the last 2,000). Each narration kept is a small
    /// allocation freed thousands of steps later, so fewer are kept (docs/figures.md, "Design
    /// choices"). `zabscope membench` measures the whole budget.
    #[must_use]
    pub fn browser() -> Self {
        HistoryBudget {
            checkpoints: 256,
            checkpoint_bytes: Some(64 << 20),
            recent_events: Some(100_000),
            recent_narrations: Some(2_000),
        }
    }
}

/// An agenda entry as a checkpoint holds it.
pub(super) type AgendaEntry = ((SimTime, u64), Item);

/// A kernel copy for `seek`. What grows with the run — each server's txn log and its
/// committedLog window — is held in shared chunks by the kernel itself ([`crate::sim::chunked`]),
/// so the copy shares every full chunk with the live kernel and with the previous checkpoint:
/// a checkpoint costs the rest of the kernel plus a pointer per chunk. The agenda is held
/// apart, as runs shared with the previous checkpoint's: an agenda item never changes once
/// scheduled (it is removed, or rescheduled under a new key), so what both hold under the same
/// key — a script's commands waiting for their time, far timers — is held once.
#[derive(Clone, Debug)]
pub(super) struct Checkpoint {
    /// The kernel with the agenda taken out.
    pub(super) kernel: Kernel,
    pub(super) agenda: Runs<AgendaEntry>,
    pub(super) digest: Fnv,
    /// The number of trace events since step 0 at this step.
    pub(super) trace_len: usize,
    /// Its estimated size ([`Checkpoint::estimate`]).
    pub(super) bytes: usize,
}

impl Checkpoint {
    /// A copy of `k`, sharing with `prev` what has not changed since.
    fn of(k: &mut Kernel, prev: Option<&Checkpoint>, digest: Fnv, trace_len: usize) -> Self {
        let live_agenda = std::mem::take(&mut k.agenda);
        let kernel = k.clone();
        // The previous checkpoint is in this run's past (`discard_future` drops later ones),
        // so a key both agendas hold names the same item; the value is compared as well.
        let (agenda, copied) = Runs::share_sorted(
            live_agenda.iter(),
            prev.map(|p| &p.agenda),
            |held: &AgendaEntry| held.0,
            |(key, _)| *key,
            |held, (_, item)| held.1 == *item,
            |(key, item)| (*key, item.clone()),
        );
        k.agenda = live_agenda;
        let bytes = Checkpoint::estimate(&kernel, copied, agenda.runs());
        Checkpoint {
            kernel,
            agenda,
            digest,
            trace_len,
            bytes,
        }
    }

    /// A rough size in bytes of what a checkpoint holds alone (shared chunks not counted):
    /// the agenda items not shared with the previous checkpoint (with their strings) and the
    /// runs, per-server state (sessions, watches, the leader's learner handlers, snapshots of
    /// small trees), the network's per-link tables, the clients' unshared answers, and the
    /// logs' chunk pointers and unshared tails.
    /// Calibrated against `zabscope membench` (peak RSS with 2 and 256 checkpoints).
    fn estimate(k: &Kernel, copied: usize, runs: usize) -> usize {
        let n = k.nodes.len();
        let chunks: usize = k
            .nodes
            .iter()
            .map(|node| {
                let log = node.durable().log.len();
                let window = node
                    .server
                    .as_ref()
                    .map_or(0, |s| s.core.replica.committed_log.len());
                log / LOG_CHUNK * 16
                    + log % LOG_CHUNK * 8
                    + window / COMMITTED_CHUNK * 16
                    + window % COMMITTED_CHUNK * 8
            })
            .sum();
        copied * (std::mem::size_of::<AgendaEntry>() + 96)
            + runs * 32
            + n * 6 * 1024
            + n * n * 16
            + k.clients.len() * 8 * 1024
            + chunks
    }

    /// The whole kernel again.
    fn kernel(&self) -> Kernel {
        let mut k = self.kernel.clone();
        k.agenda = self.agenda.iter().cloned().collect();
        k
    }

    fn step(&self) -> u64 {
        self.kernel.step
    }
}

impl Simulation {
    /// The steps of the checkpoints held, oldest first (the memory benchmark, tests).
    #[must_use]
    pub fn checkpoint_steps(&self) -> Vec<u64> {
        self.checkpoints.iter().map(Checkpoint::step).collect()
    }

    pub(super) fn checkpoint(&mut self) {
        let servers = self.kernel.nodes.len() as u64;
        let every = CHECKPOINT_EVERY.max(CHECKPOINT_STEPS_PER_SERVER * servers);
        if self.keep_trace
            && self.kernel.step.is_multiple_of(every)
            && self
                .checkpoints
                .last()
                .is_none_or(|c| c.step() < self.kernel.step)
        {
            let trace_len = self.trace_dropped + self.trace.len();
            let c = Checkpoint::of(
                &mut self.kernel,
                self.checkpoints.last(),
                self.digest,
                trace_len,
            );
            self.checkpoints.push(c);
            while self.checkpoints.len() > 2 && self.over_budget() {
                self.thin_checkpoints();
            }
        }
    }

    /// More checkpoints held than [`HistoryBudget`] allows (count or estimated bytes).
    pub(super) fn over_budget(&self) -> bool {
        let bytes = || self.checkpoints.iter().map(|c| c.bytes).sum::<usize>();
        self.checkpoints.len() > self.history.checkpoints.max(2)
            || self.history.checkpoint_bytes.is_some_and(|b| bytes() > b)
    }

    /// Drop the interior checkpoint whose removal leaves the smallest gap relative to its
    /// age plus an eighth of the run (the first and the newest always stay). Spacing then
    /// grows linearly with age from the live end: with `k` checkpoints over `n` steps, a gap
    /// is about `(age + n/8) · ln 9 / k` — dense where Back goes, and even a seek to the far
    /// past replays only a small share of the run (docs/page.md, "Memory").
    pub(super) fn thin_checkpoints(&mut self) {
        let steps: Vec<u64> = self.checkpoints.iter().map(Checkpoint::step).collect();
        let Some(&last) = steps.last() else { return };
        // Minimise gap / weight, compared as gap_i · weight_j < gap_j · weight_i (no floats).
        let score = |i: usize| {
            let gap = u128::from(steps[i + 1] - steps[i - 1]);
            let weight = u128::from(last - steps[i - 1] + last / 8).max(1);
            (gap, weight)
        };
        let mut best = None::<(usize, (u128, u128))>;
        for i in 1..steps.len().saturating_sub(1) {
            let (g, w) = score(i);
            if best.is_none_or(|(_, (bg, bw))| g * bw < bg * w) {
                best = Some((i, (g, w)));
            }
        }
        if let Some((i, _)) = best {
            self.checkpoints.remove(i);
        }
    }

    /// Time travel: go to the state right after step `target` (restore the nearest
    /// checkpoint at or before it — also forwards, when one lies between here and there — and
    /// replay). Checkpoints after `target` stay: replay is deterministic, so they still hold
    /// this run's future until something is done in the past ([`Simulation::discard_future`]).
    pub fn seek(&mut self, target: u64) {
        let here = self.kernel.step;
        if target < here {
            let Some(i) = self.checkpoints.iter().rposition(|c| c.step() <= target) else {
                return;
            };
            self.restore_checkpoint(i);
        } else {
            // Jumping forwards skips steps: only those the checker has checked already
            // (`recheck` replays from an old checker copy and must check every step again).
            let limit = match self.checker {
                Some(_) => target.min(self.checked),
                None => target,
            };
            if let Some(i) = self.checkpoints.iter().rposition(|c| c.step() <= limit)
                && self.checkpoints[i].step() > here
            {
                self.restore_checkpoint(i);
            }
        }
        while self.kernel.step < target {
            if self.step().is_empty() && self.kernel.agenda.is_empty() {
                break;
            }
        }
    }

    /// Go to checkpoint `i`: its kernel and digest; the trace is cut back to it (or, when it
    /// lies beyond the kept trace, restarts there), narrations after it go, markers stay.
    pub(super) fn restore_checkpoint(&mut self, i: usize) {
        let c = &self.checkpoints[i];
        let (kernel, digest, len) = (c.kernel(), c.digest, c.trace_len);
        self.kernel = kernel;
        self.digest = digest;
        // Events before the checkpoint that were trimmed stay gone (docs/page.md).
        if (self.trace_dropped..=self.trace_dropped + self.trace.len()).contains(&len) {
            self.trace.truncate(len - self.trace_dropped);
        } else {
            self.trace.clear();
            self.trace_dropped = len;
        }
        let at = self.kernel.step;
        self.narrations.retain(|(s, _)| *s <= at);
        // The checker is not rewound: the steps replayed from here were checked already
        // (`checked`); acting in the past rechecks them (`recheck`).
    }

    /// Acting in the past discards the future: forget commands recorded at or after the
    /// current step (and checkpoints from then on), so a later `seek` forward replays only what
    /// happened before plus what is done now. Used by the page after Back or the slider.
    pub fn discard_future(&mut self) {
        self.recheck();
        let step = self.kernel.step;
        // Commands applied at this very step may already wait in the agenda: take them out.
        for i in self.applied_at(step) {
            if let Some(k) = self.applied[i].key
                && matches!(self.kernel.agenda.get(&k), Some(Item::Command(c)) if **c == self.applied[i].command)
            {
                self.kernel.agenda.remove(&k);
            }
        }
        self.applied.retain(|a| a.step < step);
        self.fired.retain(|(s, _)| *s < step);
        self.checkpoints.retain(|c| c.step() < step);
        self.markers.cut_after(step);
        self.markers_upto = self.markers_upto.min(step);
    }

    /// Does the run hold recorded history ahead of the current step (after `seek` back, or a
    /// loaded script's `after` lines not reached yet)? Acting now would discard it.
    #[must_use]
    pub fn has_future(&self) -> bool {
        let step = self.kernel.step;
        let pending = |a: &Applied| {
            a.step > step
                || (a.step == step && !a.key.is_some_and(|k| self.kernel.agenda.contains_key(&k)))
        };
        self.applied
            .iter()
            .rev()
            .take_while(|a| a.step >= step)
            .any(pending)
            || self.fired.last().is_some_and(|(s, _)| *s >= step)
    }

    /// Replace the whole state (tests that need a state a run would take too long to reach;
    /// checkpoints and recorded commands are dropped).
    pub fn restore(&mut self, kernel: Kernel) {
        self.kernel = kernel;
        self.checkpoints.clear();
        self.applied.clear();
        self.fired.clear();
        self.narrations.clear();
        self.markers.clear();
        self.violations.clear();
        self.checked = self.kernel.step;
        self.markers_upto = 0;
        if let Some(c) = self.checker.as_mut() {
            c.reset();
            self.checker_copies = vec![(self.kernel.step, c.clone())];
        }
    }
}
