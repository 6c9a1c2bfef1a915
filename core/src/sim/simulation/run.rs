//! Running: one step (replaying what was recorded there), manual delivery (`enabled` /
//! `fire`) and bounded runs (`run_for`, `run_until`) under the step cap.

use super::check::{CHECKER_COPIES, CHECKER_COPY_EVERY};
use super::trace::trim_front;
use super::{AgendaRef, CommandError, Simulation};
use crate::explain::Text;
use crate::sim::kernel::Item;
use crate::sim::trace::Event;
use crate::zk::limits::{self};

/// How a bounded run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RunEnd {
    Done,
    TimeUp,
    StepCap,
}

impl Simulation {
    /// Take the next agenda item; returns the events it caused (empty when nothing is left).
    /// Where the run has recorded history ahead (after `seek` back, or a loaded script's
    /// `after` lines), the step replays it: the commands applied then, the manual delivery
    /// chosen then.
    pub fn step(&mut self) -> &[Event] {
        self.checkpoint();
        self.inject_recorded();
        let took = match self.recorded_fire() {
            Some(r) => self.kernel.fire((r.0, r.1)),
            None => self.kernel.step(),
        };
        if !took {
            self.kernel.events.clear();
        }
        self.after_step();
        &self.kernel.events
    }

    pub(super) fn after_step(&mut self) {
        for e in &self.kernel.events {
            e.digest_into(&mut self.digest);
        }
        if self.keep_trace {
            self.trace.extend(self.kernel.events.iter().cloned());
            self.trace_dropped += trim_front(&mut self.trace, self.history.recent_events);
            let x = &mut self.kernel.explain;
            if let Some(n) = x.narration.take() {
                self.narrations.push((self.kernel.step, n));
                trim_front(&mut self.narrations, self.history.recent_narrations);
            }
            if self.kernel.step > self.markers_upto {
                self.markers.extend(&x.markers);
                self.markers_upto = self.kernel.step;
            }
        }
        if let Some(c) = self.checker.as_mut()
            && self.kernel.step > self.checked
        {
            let v = c.check(&self.kernel);
            self.violations.extend(v);
            self.checked = self.kernel.step;
            if self.keep_trace && self.checked.is_multiple_of(CHECKER_COPY_EVERY) {
                self.checker_copies.push((self.checked, c.clone()));
                if self.checker_copies.len() > CHECKER_COPIES + 1 {
                    self.checker_copies.remove(1);
                }
            }
        }
    }

    /// The pending messages and timers, any of which `fire` may take next.
    #[must_use]
    pub fn enabled(&self) -> Vec<AgendaRef> {
        // Any timer or command; of the messages, only the oldest on each directed link, since a
        // TCP connection delivers in order (ZAB relies on it).
        let mut heads = std::collections::BTreeSet::new();
        self.kernel
            .agenda
            .iter()
            .filter(|(_, item)| match item {
                Item::Deliver(m) => heads.insert((m.from, m.to)),
                _ => true,
            })
            .map(|((t, s), _)| AgendaRef(*t, *s))
            .collect()
    }

    /// Manual mode: take this agenda item now. Recorded, so `seek` and `script()` replay the
    /// choice (a different choice at this step replaces what was recorded from here on).
    pub fn fire(&mut self, which: AgendaRef) -> &[Event] {
        // The delivery recorded after this step (replaying it keeps the recorded future).
        let replaying = self.recorded_fire() == Some(which);
        if !replaying {
            self.recheck();
        }
        self.checkpoint();
        self.inject_recorded();
        self.kernel.events.clear();
        let step = self.kernel.step;
        if self.kernel.fire((which.0, which.1)) {
            if self.keep_trace && !replaying {
                self.fired.retain(|(s, _)| *s < step);
                self.fired.push((step, which));
            }
            self.after_step();
        }
        &self.kernel.events
    }

    /// Run every agenda item due within the next `ms` of simulated time; returns the number of
    /// events. The clock then stands at `now + ms` — unless [`MAX_STEPS`] steps were taken
    /// first (a storm of timers), which stops the run at the last step's time; see
    /// [`Simulation::try_run_for`] for the checked form the entry points use.
    pub fn run_for(&mut self, ms: u64) -> usize {
        self.run_for_steps(ms, self.step_cap).0
    }

    /// `run_for` for a command: a span above [`limits::MAX_SPAN_MS`] is refused and hitting the step
    /// cap is an error (the clock stays at the last step taken, so running again continues).
    pub fn try_run_for(&mut self, ms: u64) -> Result<usize, CommandError> {
        limits::span_text(Text::new("limits.the_run"), ms)?;
        match self.run_for_steps(ms, self.step_cap) {
            (n, true) => Ok(n),
            (_, false) => Err(limits::step_cap_text(self.step_cap, self.now().ms()).into()),
        }
    }

    /// Runs to `now + ms` taking at most `max_steps` items; true if it got there.
    pub(super) fn run_for_steps(&mut self, ms: u64, max_steps: u64) -> (usize, bool) {
        let end = self.kernel.now.plus_ms(ms);
        let mut n = 0;
        let mut steps = 0;
        // A command recorded after this step is due before the next agenda item may be (a
        // replayed `after N at T` with the ensemble quiet until past T): schedule it first.
        self.inject_recorded();
        while self.kernel.next_time().is_some_and(|t| t <= end) {
            if steps == max_steps {
                return (n, false);
            }
            n += self.step().len();
            steps += 1;
            self.inject_recorded();
        }
        self.kernel.now = end;
        (n, true)
    }

    /// Step until `done` holds or `max_ms` of simulated time passed. True if `done` held.
    /// At most [`MAX_STEPS`] steps are taken (false if the cap stopped it).
    pub fn run_until(&mut self, max_ms: u64, done: impl FnMut(&Simulation) -> bool) -> bool {
        self.run_until_steps(max_ms, self.step_cap, done) == RunEnd::Done
    }

    /// `run_until` for a command: a span above [`limits::MAX_SPAN_MS`] is refused and hitting the
    /// step cap is an error; `Ok(done held)` otherwise.
    pub fn try_run_until(
        &mut self,
        max_ms: u64,
        done: impl FnMut(&Simulation) -> bool,
    ) -> Result<bool, CommandError> {
        limits::span_text("max_ms", max_ms)?;
        match self.run_until_steps(max_ms, self.step_cap, done) {
            RunEnd::Done => Ok(true),
            RunEnd::TimeUp => Ok(false),
            RunEnd::StepCap => Err(limits::step_cap_text(self.step_cap, self.now().ms()).into()),
        }
    }

    pub(super) fn run_until_steps(
        &mut self,
        max_ms: u64,
        max_steps: u64,
        mut done: impl FnMut(&Simulation) -> bool,
    ) -> RunEnd {
        let end = self.kernel.now.plus_ms(max_ms);
        let mut steps = 0;
        while !done(self) {
            self.inject_recorded();
            if self.kernel.next_time().is_none_or(|t| t > end) {
                self.kernel.now = self.kernel.now.max(end);
                return if done(self) {
                    RunEnd::Done
                } else {
                    RunEnd::TimeUp
                };
            }
            if steps == max_steps {
                return RunEnd::StepCap;
            }
            self.step();
            steps += 1;
        }
        RunEnd::Done
    }
}
