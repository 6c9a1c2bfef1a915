//! `Simulation`: what the web app and the cli drive (docs/architecture.md). It wraps the
//! deterministic [`Kernel`] with the trace, its running digest, invariant checks, the script being
//! recorded, and checkpoints for `seek(step)` (time travel = restore the last checkpoint and
//! replay).

use crate::check::invariant::{Checker, Violation};
use crate::explain::{Marker, MarkerLog, Text};
use crate::ids::ServerId;
use crate::sim::chunked::Runs;
use crate::sim::command::{Command, ZkAction};
use crate::sim::kernel::{Item, Kernel};
use crate::sim::script::{Recorded, Script};
use crate::sim::trace::{Event, Fnv};
use crate::sim::view::{ClusterView, ViewOptions};
use crate::time::SimTime;
use crate::zab::config::{Config, ConfigError};
use crate::zab::server::durable::LOG_CHUNK;
use crate::zab::server::replica::COMMITTED_CHUNK;
use crate::zk::limits::{self, MAX_STEPS};

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

/// An English message from code that has no keyed error yet (`error.en`).
fn untranslated(e: String) -> CommandError {
    Text::new("error.en").arg("error", e).into()
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

/// How a bounded run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunEnd {
    Done,
    TimeUp,
    StepCap,
}

/// Steps between checkpoints (before thinning), for an ensemble of up to 5: a larger ensemble
/// checkpoints every [`CHECKPOINT_STEPS_PER_SERVER`] × n steps instead. A kernel copy costs about
/// in proportion to n while a step costs about the same at any size (the cost per delivery is
/// flat), so this keeps the copies' share of the run's time flat too (at 51 servers every 500
/// steps they took most of it), and replaying a gap stays a few milliseconds (Back near the
/// live end replays at most 1,000 steps at 5 servers). The measurements: docs/figures.md,
/// "Design choices".
const CHECKPOINT_EVERY: u64 = 1_000;
const CHECKPOINT_STEPS_PER_SERVER: u64 = 200;

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
type AgendaEntry = ((SimTime, u64), Item);

/// A kernel copy for `seek`. What grows with the run — each server's txn log and its
/// committedLog window — is held in shared chunks by the kernel itself ([`crate::sim::chunked`]),
/// so the copy shares every full chunk with the live kernel and with the previous checkpoint:
/// a checkpoint costs the rest of the kernel plus a pointer per chunk. The agenda is held
/// apart, as runs shared with the previous checkpoint's: an agenda item never changes once
/// scheduled (it is removed, or rescheduled under a new key), so what both hold under the same
/// key — a script's commands waiting for their time, far timers — is held once.
#[derive(Clone, Debug)]
struct Checkpoint {
    /// The kernel with the agenda taken out.
    kernel: Kernel,
    agenda: Runs<AgendaEntry>,
    digest: Fnv,
    /// The number of trace events since step 0 at this step.
    trace_len: usize,
    /// Its estimated size ([`Checkpoint::estimate`]).
    bytes: usize,
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

/// Drop the oldest items of `v` down to `keep` once it holds `2 * keep` (amortised O(1) per
/// push); returns how many were dropped.
fn trim_front<T>(v: &mut Vec<T>, keep: Option<usize>) -> usize {
    match keep {
        Some(k) if v.len() >= k.max(1).saturating_mul(2) => {
            let n = v.len() - k;
            v.drain(..n);
            n
        }
        _ => 0,
    }
}

/// A command applied interactively: after which step, for which time, and (once in the agenda)
/// its agenda key. Replaying schedules it at the same moment — after the same step, so with the
/// same sequence number — which keeps a replay (`seek`, a loaded script) digest-exact.
#[derive(Clone, Debug)]
struct Applied {
    step: u64,
    at: SimTime,
    command: Command,
    key: Option<(SimTime, u64)>,
}

/// Steps between copies of the invariant checker's memory (`Simulation::checker_copies`).
const CHECKER_COPY_EVERY: u64 = 10_000;
/// Checker copies kept besides the one at the step invariants were switched on.
const CHECKER_COPIES: usize = 2;

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

    fn schedule(&mut self, at_ms: u64, c: Command) {
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

    /// The steps of the checkpoints held, oldest first (the memory benchmark, tests).
    #[must_use]
    pub fn checkpoint_steps(&self) -> Vec<u64> {
        self.checkpoints.iter().map(Checkpoint::step).collect()
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

    /// Check every invariant after every step from now on.
    pub fn check_invariants(&mut self, on: bool) {
        self.checker = on.then(|| Checker::new(self.seed));
        self.checked = self.kernel.step;
        self.checker_copies = self
            .checker
            .iter()
            .map(|c| (self.kernel.step, c.clone()))
            .collect();
    }

    /// Apply a command now (it is the next agenda item); recorded for replay.
    pub fn apply(&mut self, c: Command) -> Result<(), CommandError> {
        self.apply_keyed(c).map(|_| ())
    }

    /// [`Simulation::apply`], returning the agenda key the command was scheduled at.
    pub(crate) fn apply_keyed(&mut self, c: Command) -> Result<(SimTime, u64), CommandError> {
        self.validate(&c)?;
        // The run may diverge here: the checker must stand at this step.
        self.recheck();
        // What a loaded script applied at this step goes first, as it did when recorded.
        self.inject_recorded();
        let (step, at) = (self.kernel.step, self.kernel.now);
        let key = self.kernel.schedule(at, Item::Command(Box::new(c.clone())));
        if self.keep_trace {
            // After every command recorded at this step (the list stays in step order).
            let i = self.applied_end(step);
            let command = c;
            self.applied.insert(
                i,
                Applied {
                    step,
                    at,
                    command,
                    key: Some(key),
                },
            );
        }
        Ok(key)
    }

    /// Where the recorded commands after steps up to `step` end (live: the end of the list,
    /// without a search of every command of the run).
    fn applied_end(&self, step: u64) -> usize {
        if self.applied.last().is_none_or(|a| a.step <= step) {
            self.applied.len()
        } else {
            self.applied.partition_point(|a| a.step <= step)
        }
    }

    /// The recorded commands applied after step `step`.
    fn applied_at(&self, step: u64) -> std::ops::Range<usize> {
        // Live, the commands of this step are the last few: look back from the end instead of
        // searching a list that holds every command of the run.
        let hi = self.applied_end(step);
        let mut lo = hi;
        while lo > 0 && self.applied[lo - 1].step >= step {
            lo -= 1;
        }
        lo..hi
    }

    /// Replaying: put the commands recorded after the current step into the agenda, unless
    /// they are there already (the live run, or a checkpoint taken after they were applied).
    /// Scheduled at the same moment as when recorded, each gets the same agenda key.
    fn inject_recorded(&mut self) {
        let step = self.kernel.step;
        if self.applied.last().is_none_or(|a| a.step < step) {
            return;
        }
        for i in self.applied_at(step) {
            let a = &self.applied[i];
            if a.key.is_some_and(|k| self.kernel.agenda.contains_key(&k)) {
                continue;
            }
            let item = Item::Command(Box::new(a.command.clone()));
            let key = self.kernel.schedule(a.at, item);
            self.applied[i].key = Some(key);
        }
    }

    /// The manual delivery recorded after the current step, if any (replayed by `step`).
    fn recorded_fire(&self) -> Option<AgendaRef> {
        let step = self.kernel.step;
        let i = self.fired.partition_point(|(s, _)| *s < step);
        self.fired
            .get(i)
            .filter(|(s, _)| *s == step)
            .map(|(_, r)| *r)
    }

    /// Apply a command and step until it has taken effect, so the view shows its result at
    /// once (what a click or a typed command wants). Only items already due at this instant
    /// run before it — at step 0 that is the script's `at 0 start …`, so `crash 2` typed
    /// before the first step shows server 2 crashed, not OFF, then LOOKING, then CRASHED.
    /// The steps taken are ordinary steps (traced, checked, replayed by `seek`).
    pub fn apply_now(&mut self, c: Command) -> Result<(), CommandError> {
        let key = self.apply_keyed(c)?;
        while self.kernel.agenda.contains_key(&key) {
            self.step();
        }
        Ok(())
    }

    fn validate(&self, c: &Command) -> Result<(), CommandError> {
        let known = |id: &ServerId| self.kernel.config.servers.contains_key(id);
        let bad = |id: &ServerId| CommandError::from(Text::new("check.no_server").arg("id", id));
        let ids: Vec<ServerId> = match c {
            Command::Start(i)
            | Command::Stop(i)
            | Command::Crash(i)
            | Command::Restart(i)
            | Command::Pause(i)
            | Command::Resume(i) => vec![*i],
            Command::Partition(g) => g.iter().flatten().copied().collect(),
            Command::Block { from, to } => from.iter().chain(to).copied().collect(),
            Command::Hold { from, to } | Command::Release { from, to } => vec![*from, *to],
            Command::Connect { server, .. } => vec![*server],
            Command::Zk {
                action: ZkAction::Connect { hosts, .. },
                ..
            } => hosts.clone(),
            Command::Zk { client, .. }
            | Command::Recipe { client, .. }
            | Command::Unlock { client, .. }
                if self.pending_zk(client) =>
            {
                vec![]
            }
            Command::Zk {
                action: ZkAction::Cut(ids),
                ..
            } => {
                self.kernel.check_zk(c).map_err(untranslated)?;
                ids.clone()
            }
            Command::Zk { .. } | Command::Recipe { .. } | Command::Unlock { .. } => {
                self.kernel.check_zk(c).map_err(untranslated)?;
                vec![]
            }
            Command::Move { client, server } => {
                if !self.kernel.clients.iter().any(|x| &x.name == client)
                    && !self.pending_connect(client)
                {
                    return Err(Text::new("check.no_client").arg("client", client).into());
                }
                vec![*server]
            }
            Command::Op { client, .. } | Command::Request { client, .. } => {
                if !self.kernel.clients.iter().any(|x| &x.name == client)
                    && !self.pending_connect(client)
                {
                    return Err(Text::new("check.no_client").arg("client", client).into());
                }
                vec![]
            }
            _ => vec![],
        };
        if let Some(i) = ids.iter().find(|i| !known(i)) {
            return Err(bad(i));
        }
        crate::sim::validate::check(&self.kernel, c).map_err(CommandError::from)
    }

    /// A `client C connect …` (or a command for C) is waiting in the agenda.
    fn pending_zk(&self, client: &str) -> bool {
        self.kernel.agenda.values().any(|i| {
            matches!(i, Item::Command(x) if matches!(&**x, Command::Zk { client: c, action: ZkAction::Connect { .. } } if c == client))
        })
    }

    fn pending_connect(&self, client: &str) -> bool {
        self.kernel
            .agenda
            .values()
            .any(|i| matches!(i, Item::Command(x) if matches!(&**x, Command::Connect { client: c, .. } if c == client)))
    }

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

    fn after_step(&mut self) {
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

    fn checkpoint(&mut self) {
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
    fn over_budget(&self) -> bool {
        let bytes = || self.checkpoints.iter().map(|c| c.bytes).sum::<usize>();
        self.checkpoints.len() > self.history.checkpoints.max(2)
            || self.history.checkpoint_bytes.is_some_and(|b| bytes() > b)
    }

    /// Drop the interior checkpoint whose removal leaves the smallest gap relative to its
    /// age plus an eighth of the run (the first and the newest always stay). Spacing then
    /// grows linearly with age from the live end: with `k` checkpoints over `n` steps, a gap
    /// is about `(age + n/8) · ln 9 / k` — dense where Back goes, and even a seek to the far
    /// past replays only a small share of the run (docs/page.md, "Memory").
    fn thin_checkpoints(&mut self) {
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
    fn run_for_steps(&mut self, ms: u64, max_steps: u64) -> (usize, bool) {
        let end = self.kernel.now.plus_ms(ms);
        let mut n = 0;
        let mut steps = 0;
        while self.kernel.next_time().is_some_and(|t| t <= end) {
            if steps == max_steps {
                return (n, false);
            }
            n += self.step().len();
            steps += 1;
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

    fn run_until_steps(
        &mut self,
        max_ms: u64,
        max_steps: u64,
        mut done: impl FnMut(&Simulation) -> bool,
    ) -> RunEnd {
        let end = self.kernel.now.plus_ms(max_ms);
        let mut steps = 0;
        while !done(self) {
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
    fn restore_checkpoint(&mut self, i: usize) {
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

    /// Before the run diverges at the current step (acting in the past): bring the checker to
    /// this step. From the newest checker copy at or before it, the steps since are replayed
    /// and checked again (one seek); violations found after the copy are found again.
    fn recheck(&mut self) {
        let here = self.kernel.step;
        if self.checker.is_none() || here >= self.checked {
            return;
        }
        self.checker_copies.retain(|(s, _)| *s <= here);
        let Some((from, copy)) = self.checker_copies.last().cloned() else {
            return;
        };
        self.seek(from);
        self.violations.retain(|v| v.step <= from);
        self.checker = Some(copy);
        self.checked = from;
        self.seek(here);
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
    fn with_narration(&self, mut v: ClusterView) -> ClusterView {
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

    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        // After Back, only those found up to the current step.
        let n = self
            .violations
            .partition_point(|v| v.step <= self.kernel.step);
        &self.violations[..n]
    }

    #[must_use]
    pub fn kernel(&self) -> &Kernel {
        &self.kernel
    }

    /// The state itself, bypassing the recorded history (benchmarks and the lab, which
    /// schedule work the history need not replay).
    pub(crate) fn kernel_mut(&mut self) -> &mut Kernel {
        &mut self.kernel
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

    #[must_use]
    pub fn now(&self) -> SimTime {
        self.kernel.now
    }

    /// What was done interactively, as a script's `after` lines: each command with the step
    /// it was applied after, each manual delivery with the step it followed (commands first at
    /// equal steps, as they happened). Prepend the run's base script (its `at` commands) and
    /// `Simulation::from_script` replays the run to the same digest.
    #[must_use]
    pub fn script(&self) -> Script {
        let mut recorded: Vec<Recorded> = Vec::new();
        let mut fired = self.fired.iter().peekable();
        for a in &self.applied {
            while let Some((s, r)) = fired.next_if(|(s, _)| *s < a.step) {
                recorded.push(Recorded::fire(*s, *r));
            }
            recorded.push(Recorded::Apply {
                step: a.step,
                at_ms: a.at.ms(),
                command: a.command.clone(),
            });
        }
        recorded.extend(fired.map(|(s, r)| Recorded::fire(*s, *r)));
        Script {
            seed: self.seed,
            config: (*self.kernel.config).clone(),
            commands: Vec::new(),
            recorded,
            until_ms: self.kernel.now.ms(),
        }
    }
}
