//! `Simulation`: what the web app and the cli drive (docs/architecture.md). It wraps the
//! deterministic [`Kernel`] with the trace, its running digest, invariant checks, the script being
//! recorded, and checkpoints for `seek(step)` (time travel = restore the last checkpoint and
//! replay).
//!
//! One file per concern: `record` (commands applied and deliveries chosen, `script()`), `run`
//! (stepping and bounded runs), `history` (checkpoints and time travel), `check` (invariants
//! after every step), `trace` (events, digest, narrations, the view) and `queries` (what the
//! page reads besides the view).

#![warn(missing_docs)]

mod check;
mod history;
mod queries;
mod record;
mod run;
mod trace;

use history::Checkpoint;
pub use history::HistoryBudget;
pub use queries::Pending;
use record::Applied;

use crate::check::invariant::{Checker, Violation};
use crate::explain::{MarkerLog, Text};
use crate::ids::ServerId;
use crate::sim::command::Command;
use crate::sim::kernel::{Item, Kernel};
use crate::sim::script::{Recorded, Script};
use crate::sim::trace::{Event, Fnv};
use crate::time::SimTime;
use crate::zab::config::{Config, ConfigError};
use crate::zk::limits::MAX_STEPS;

/// A command the simulation refused (bad server id, unknown client, …): the message in
/// English, and the same by key to render in any language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandError(pub String, pub Text);

impl CommandError {
    /// The error by key ([`Text::render`] it in a [`Lang`](crate::explain::Lang)).
    #[must_use]
    pub fn text(&self) -> &Text {
        &self.1
    }
}

impl From<Text> for CommandError {
    fn from(t: Text) -> CommandError {
        CommandError(t.en(), t)
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CommandError {}

/// A reference to a pending agenda item, for manual delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct AgendaRef(pub SimTime, pub u64);

/// A deterministic run: same seed and commands, same trace.
#[derive(Clone, Debug)]
pub struct Simulation {
    kernel: Kernel,
    seed: u64,
    /// Commands applied interactively (or loaded from a script's `after` lines), in step order.
    applied: Vec<Applied>,
    /// Manual deliveries: after which step which agenda item was taken (`fire`), in step order.
    fired: Vec<(u64, AgendaRef)>,
    trace: Vec<Event>,
    /// Each step's narration and the timeline markers so far (kept with the trace).
    narrations: Vec<(u64, Text)>,
    markers: MarkerLog,
    /// The last step whose markers are in `markers`: they are kept when seeking back (the
    /// timeline shows the whole run) and not added twice when replay passes that step again.
    markers_upto: u64,
    /// Keep the trace; also what records applied commands and manual deliveries for `seek`
    /// and `script()`, and takes checkpoints (off for fuzzing and benchmarks).
    keep_trace: bool,
    /// Events dropped from the front of `trace` by [`HistoryBudget::recent_events`] (so
    /// `trace_dropped + trace.len()` is the number of events since step 0).
    trace_dropped: usize,
    history: HistoryBudget,
    digest: Fnv,
    /// Kernel copies for `seek`, in step order.
    checkpoints: Vec<Checkpoint>,
    checker: Option<Checker>,
    /// The furthest step the checker has checked. Time travel never rewinds the checker:
    /// replaying steps up to here (Back, the slider, Forward) repeats what was checked, so it
    /// is not checked again (a fresh checker would raise false alarms, and a copy per
    /// checkpoint costs more memory than the kernel copies). Acting in the past moves it
    /// back (`recheck`).
    checked: u64,
    /// Copies of the checker's memory: at the step it was switched on, and every
    /// [`CHECKER_COPY_EVERY`] steps (the newest [`CHECKER_COPIES`]); `recheck` starts from one.
    checker_copies: Vec<(u64, Checker)>,
    /// In step order; `violations()` shows those up to the current step.
    violations: Vec<Violation>,
    /// The most steps one command may take (`limits::MAX_STEPS`; lower for fuzzing).
    step_cap: u64,
}

impl Simulation {
    /// An ensemble configured but not started.
    pub fn new(config: Config, seed: u64) -> Result<Self, ConfigError> {
        config.validate()?;
        Ok(Simulation {
            kernel: Kernel::new(config, seed),
            seed,
            applied: Vec::new(),
            fired: Vec::new(),
            trace: Vec::new(),
            narrations: Vec::new(),
            markers: MarkerLog::default(),
            markers_upto: 0,
            keep_trace: true,
            trace_dropped: 0,
            history: HistoryBudget::default(),
            digest: Fnv::new(),
            checkpoints: Vec::new(),
            checker: None,
            checked: 0,
            checker_copies: Vec::new(),
            violations: Vec::new(),
            step_cap: MAX_STEPS,
        })
    }

    /// `n` servers (zoo_sample.cfg settings), all started at time 0.
    pub fn with_servers(n: u32, seed: u64) -> Result<Self, ConfigError> {
        let mut sim = Simulation::new(Config::ensemble(n)?, seed)?;
        for id in 1..=n {
            sim.schedule(0, Command::Start(ServerId(id)));
        }
        Ok(sim)
    }

    /// A simulation with every command of `script` scheduled at its time, and its recorded
    /// interactive actions (`after` lines) replayed when the run reaches their step.
    pub fn from_script(script: &Script) -> Result<Self, ConfigError> {
        let mut sim = Simulation::new(script.config.clone(), script.seed)?;
        for (t, c) in &script.commands {
            sim.schedule(*t, c.clone());
        }
        for r in &script.recorded {
            match r {
                Recorded::Apply {
                    step,
                    at_ms,
                    command,
                } => sim.applied.push(Applied {
                    step: *step,
                    at: SimTime(*at_ms),
                    command: command.clone(),
                    key: None,
                }),
                Recorded::Fire { step, at_ms, seq } => {
                    sim.fired.push((*step, AgendaRef(SimTime(*at_ms), *seq)));
                }
            }
        }
        Ok(sim)
    }

    pub(super) fn schedule(&mut self, at_ms: u64, c: Command) {
        self.kernel
            .schedule(SimTime(at_ms), Item::Command(Box::new(c)));
    }

    /// Keep every event (default) or only the current step's (fuzzing, benchmarks). Without
    /// the trace there are no checkpoints, applied commands are not recorded, and steps are not
    /// narrated (`explain::Tracker::quiet`).
    pub fn keep_trace(&mut self, keep: bool) {
        self.keep_trace = keep;
        self.kernel.explain.quiet = !keep;
    }

    /// Set how much history is kept ([`HistoryBudget`]); applies from the next step on.
    pub fn set_history(&mut self, history: HistoryBudget) {
        self.history = HistoryBudget {
            checkpoints: history.checkpoints.max(2),
            ..history
        };
    }

    /// The history settings in force.
    #[must_use]
    pub fn history(&self) -> HistoryBudget {
        self.history
    }

    /// Lower (or restore) the most steps one command may take; the parser fuzzer runs with a
    /// small cap so each execution stays cheap. At most [`MAX_STEPS`].
    pub fn set_step_cap(&mut self, steps: u64) {
        self.step_cap = steps.min(MAX_STEPS);
    }

    /// The most steps one command may take.
    #[must_use]
    pub fn step_cap(&self) -> u64 {
        self.step_cap
    }

    /// Narrate each step (and explain vote changes, markers) even without a trace; the last
    /// step's narration is `view().narration` / [`Simulation::last_narration`].
    pub fn narrate(&mut self, on: bool) {
        self.kernel.explain.quiet = !on;
    }

    /// The kernel itself: white-box inspection for the cli's measuring tools and the
    /// integration tests (docs/architecture.md, "Public surface"). Not a stable interface; the
    /// page uses the queries and the view instead.
    #[doc(hidden)]
    #[must_use]
    pub fn kernel(&self) -> &Kernel {
        &self.kernel
    }

    /// The state itself, bypassing the recorded history (benchmarks and the lab, which
    /// schedule work the history need not replay).
    pub(crate) fn kernel_mut(&mut self) -> &mut Kernel {
        &mut self.kernel
    }

    /// The simulated time now.
    #[must_use]
    pub fn now(&self) -> SimTime {
        self.kernel.now
    }
}
