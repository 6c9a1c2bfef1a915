//! The benchmark workload (docs/figures.md, "Simulation speed"): a fresh ensemble of `n` servers
//! elected to a leader, `c` clients each keeping one `setData /bench` outstanding (re-issued as
//! soon as it is answered), run for a fixed number of agenda steps. Shared by `zabscope bench`
//! (native, timed with `std::time`) and `window.zabscope.bench` (wasm, timed with
//! `performance.now()`), so both measure the same thing. No IO and no clock here: the caller times
//! [`Workload::run`].
//!
//! A benchmark must say whether its workload was still what it claims: [`Workload::check`]
//! fails unless every client stayed connected, every client had writes committed in the last
//! fifth of the run, no server changed state (same leader, no election) and, in the browser's
//! mode, no invariant was violated.

use crate::ids::{ServerId, SessionId};
use crate::sim::command::{ClientOp, Command};
use crate::sim::kernel::Item;
use crate::sim::simulation::{HistoryBudget, Simulation};
use crate::sim::trace::EventKind;

/// What the simulation keeps while the workload runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// No trace, no narration, no checkpoints, no invariants (fuzzing, benchmarks).
    TraceOff,
    /// What the page runs: trace and narration on, invariants checked after every step,
    /// checkpoints and history under [`HistoryBudget::browser`].
    Browser,
    /// The page's history without the invariant checks (what the checks cost).
    BrowserNoInvariants,
}

impl Mode {
    /// `"trace-off"` / `"browser"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Mode::TraceOff => "trace-off",
            Mode::Browser => "browser",
            Mode::BrowserNoInvariants => "browser-no-invariants",
        }
    }

    /// The mode named `s` (see [`Mode::name`]).
    pub fn parse(s: &str) -> Result<Mode, String> {
        match s {
            "trace-off" => Ok(Mode::TraceOff),
            "browser" => Ok(Mode::Browser),
            "browser-no-invariants" => Ok(Mode::BrowserNoInvariants),
            other => Err(format!(
                "unknown bench mode '{other}' (trace-off, browser or browser-no-invariants)"
            )),
        }
    }
}

/// The most servers and clients a workload may have.
pub const MAX_SERVERS: u32 = 51;
/// The most clients a workload may connect.
pub const MAX_CLIENTS: u32 = 100;

/// Counts over one [`Workload::run`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Simulation steps run.
    pub steps: u64,
    /// Packets delivered between servers.
    pub deliveries: u64,
    /// `setData` answered OK: the write was committed by a quorum and applied.
    pub committed_writes: u64,
}

/// One client of the workload.
#[derive(Clone, Debug)]
struct Writer {
    name: String,
    session: SessionId,
    /// Step of its last committed write.
    last_commit: u64,
    writes: u64,
    /// Its write was answered: issue the next one before the next step.
    idle: bool,
}

/// A running workload (see the module header). A clone continues independently (the
/// criterion bench measures clones of one ready ensemble, so iterations never drift).
#[derive(Clone)]
pub struct Workload {
    sim: Simulation,
    mode: Mode,
    servers: u32,
    writers: Vec<Writer>,
    /// The leader when measuring started, and the step it started at.
    leader: u32,
    start_step: u64,
    failures: Vec<String>,
    /// Writes issued so far (the data written is this counter).
    issued: u64,
    /// Inert agenda items queued far ahead ([`Workload::queue_far_ahead`]).
    pending: u64,
}

impl Workload {
    /// An elected ensemble of `servers` with `clients` connected round robin (client `i` to
    /// server `(i - 1) % servers + 1`, so most write through a follower) and `/bench` created.
    pub fn new(servers: u32, clients: u32, mode: Mode) -> Result<Workload, String> {
        if !(1..=MAX_SERVERS).contains(&servers) || !(1..=MAX_CLIENTS).contains(&clients) {
            return Err(format!(
                "servers 1..={MAX_SERVERS}, clients 1..={MAX_CLIENTS}"
            ));
        }
        let mut sim = Simulation::with_servers(servers, 1).map_err(|e| e.to_string())?;
        match mode {
            Mode::TraceOff => sim.keep_trace(false),
            Mode::Browser => {
                sim.check_invariants(true);
                sim.set_history(HistoryBudget::browser());
            }
            Mode::BrowserNoInvariants => sim.set_history(HistoryBudget::browser()),
        }
        if !sim.run_until(20_000, |s| s.leaders().len() == 1) {
            return Err(format!("{servers} servers elected no leader in 20 s"));
        }
        connect_writers(&mut sim, servers, clients)?;
        let mut writers = (1..=clients)
            .map(|i| Writer {
                name: format!("c{i}"),
                session: SessionId(0),
                last_commit: 0,
                writes: 0,
                idle: false,
            })
            .collect::<Vec<_>>();
        sim.run_for(1_000);
        for w in &mut writers {
            let c = sim.kernel().clients.iter().find(|c| c.name == w.name);
            match c {
                Some(c) if c.session.0 != 0 && c.outstanding.is_empty() => {
                    w.session = c.session;
                    w.idle = true;
                }
                _ => return Err(format!("client {} did not connect", w.name)),
            }
        }
        let leader = match sim.leaders()[..] {
            [l] => l,
            _ => return Err("no single leader after connecting".into()),
        };
        let start_step = sim.kernel().step;
        Ok(Workload {
            sim,
            mode,
            servers,
            writers,
            leader,
            start_step,
            failures: Vec::new(),
            issued: 0,
            pending: 0,
        })
    }

    /// Take `steps` agenda steps, re-issuing each client's write as soon as it is answered.
    pub fn run(&mut self, steps: u64) -> Counts {
        let mut counts = Counts::default();
        self.start_step = self.sim.kernel().step;
        for w in &mut self.writers {
            w.writes = 0;
        }
        for _ in 0..steps {
            self.issue_idle();
            let step = self.sim.kernel().step + 1;
            let events = self.sim.step();
            if events.is_empty() {
                if self.sim.kernel().agenda.is_empty() {
                    self.failures.push("the agenda ran dry".into());
                    break;
                }
                counts.steps += 1;
                continue;
            }
            counts.steps += 1;
            for e in events {
                match &e.kind {
                    EventKind::Deliver { .. } => counts.deliveries += 1,
                    EventKind::ClientReply {
                        session, cxid, err, ..
                    } => {
                        if let Some(w) = self.writers.iter_mut().find(|w| w.session == *session) {
                            w.idle = true;
                            if *err == 0 && *cxid > 0 {
                                w.last_commit = step;
                                w.writes += 1;
                                counts.committed_writes += 1;
                            } else {
                                self.failures
                                    .push(format!("{}: write answered with error {err}", w.name));
                            }
                        }
                    }
                    EventKind::ClientTimeout { session, .. } => {
                        if let Some(w) = self.writers.iter().find(|w| w.session == *session) {
                            self.failures.push(format!("{}: request timed out", w.name));
                        }
                    }
                    EventKind::State { .. } => {
                        self.failures.push(format!(
                            "server {} changed state at step {step}",
                            e.from.map_or(0, |s| s.0)
                        ));
                    }
                    _ => {}
                }
            }
            if self.failures.len() > 16 {
                break;
            }
        }
        counts
    }

    /// Queue `n` more agenda items behind the live traffic: request timeouts (of a cxid no
    /// client uses) one per millisecond from ten hours ahead, which no benchmark run reaches.
    /// Every delivery and send of the workload is then scheduled in front of all of them, as
    /// when hundreds of clients have thousands of requests queued: what a step costs with a
    /// long agenda. [`Workload::check`] fails if any of them fired.
    pub fn queue_far_ahead(&mut self, n: u64) {
        let clients = self.writers.len().max(1);
        let k = self.sim.kernel_mut();
        let from = k.now.plus_ms(36_000_000);
        for i in 0..n {
            let client = usize::try_from(i).unwrap_or(0) % clients;
            k.schedule(from.plus_ms(i), Item::ClientTimeout { client, cxid: -1 });
        }
        self.pending += n;
    }

    /// The inert items queued by [`Workload::queue_far_ahead`].
    #[must_use]
    pub fn pending(&self) -> u64 {
        self.pending
    }

    /// One `setData /bench` for every client whose last write was answered.
    fn issue_idle(&mut self) {
        for w in self.writers.iter_mut().filter(|w| w.idle) {
            w.idle = false;
            self.issued += 1;
            let op = ClientOp::Set {
                path: "/bench".into(),
                data: self.issued.to_string(),
            };
            let cmd = Command::Op {
                client: w.name.clone(),
                op,
            };
            if let Err(e) = self.sim.apply(cmd) {
                self.failures.push(format!("{}: {e}", w.name));
            }
        }
    }

    /// Is the workload still what it claims? (See the module header.) `Err` lists why not.
    pub fn check(&self) -> Result<(), String> {
        let mut why = self.failures.clone();
        let k = self.sim.kernel();
        let ran = k.step - self.start_step;
        let tail = k.step - ran / 5;
        for w in &self.writers {
            let connected = k
                .clients
                .iter()
                .any(|c| c.name == w.name && c.session == w.session);
            if !connected {
                why.push(format!("{} lost its session", w.name));
            }
            if w.writes == 0 || w.last_commit < tail {
                why.push(format!(
                    "{}: no write committed in the last fifth of the run (steps {tail}..{})",
                    w.name, k.step
                ));
            }
        }
        if self.sim.leaders() != [self.leader] {
            why.push(format!(
                "leader changed: {} at the start, {:?} now",
                self.leader,
                self.sim.leaders()
            ));
        }
        let queued = k
            .agenda
            .values()
            .rev()
            .take_while(|i| matches!(i, Item::ClientTimeout { cxid: -1, .. }))
            .count();
        if u64::try_from(queued).unwrap_or(u64::MAX) < self.pending {
            why.push(format!(
                "{} of the {} items queued far ahead are left",
                queued, self.pending
            ));
        }
        if let Some(v) = self.sim.violations().first() {
            why.push(format!("invariant violated: {v}"));
        }
        if why.is_empty() {
            Ok(())
        } else {
            why.truncate(8);
            Err(why.join("; "))
        }
    }

    /// Apply a command to the ensemble (tests: a fault the checks must notice).
    pub fn apply(&mut self, c: Command) -> Result<(), crate::sim::simulation::CommandError> {
        self.sim.apply(c)
    }

    /// The leader when the workload was set up.
    #[must_use]
    pub fn leader(&self) -> u32 {
        self.leader
    }

    /// The simulation (for digests and views in tests).
    #[must_use]
    pub fn simulation(&self) -> &Simulation {
        &self.sim
    }

    /// How much of the page's machinery runs (trace, history, invariants).
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// How many servers the ensemble has.
    #[must_use]
    pub fn servers(&self) -> u32 {
        self.servers
    }

    /// How many clients write.
    #[must_use]
    pub fn clients(&self) -> u32 {
        u32::try_from(self.writers.len()).unwrap_or(u32::MAX)
    }
}

/// Warm `w` up with `steps` untimed steps, then time `repeat` consecutive windows of `steps`
/// steps with `elapsed` (the caller's clock, in seconds) around each; the fastest window is
/// reported, or the first whose workload did not hold. Consecutive windows of one running
/// workload measure the sustained rate: by the end of the warm-up the page's history buffers
/// (trace, narrations, checkpoints) have reached their bounds, as they have a minute into a
/// lecture, instead of every timed run first growing them again from a copy.
pub fn measure(
    runtime: &'static str,
    mut w: Workload,
    steps: u64,
    repeat: u32,
    mut elapsed: impl FnMut(&mut dyn FnMut()) -> f64,
) -> Report {
    w.run(steps.max(20_000));
    let mut best: Option<Report> = None;
    for _ in 0..repeat.max(1) {
        let mut counts = Counts::default();
        let seconds = elapsed(&mut || counts = w.run(steps));
        let r = Report::new(runtime, &w, counts, seconds);
        if r.failed.is_some() {
            return r;
        }
        if best.as_ref().is_none_or(|b| r.seconds < b.seconds) {
            best = Some(r);
        }
    }
    let mut r = best.unwrap_or_else(|| Report::new(runtime, &w, Counts::default(), 0.0));
    r.best_of = repeat.max(1);
    r
}

/// One measurement as both front ends print it (a JSON line).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Where it ran (`native` or `wasm`).
    pub runtime: &'static str,
    /// The workload's mode, as its name.
    pub mode: &'static str,
    /// Servers in the ensemble.
    pub servers: u32,
    /// Writing clients.
    pub clients: u32,
    /// Simulation steps in the timed window.
    pub steps: u64,
    /// Packets delivered in the timed window.
    pub deliveries: u64,
    /// Client writes the leader committed in the timed window.
    pub committed_writes: u64,
    /// The fastest of this many consecutive timed windows after the warm-up (a shared, busy
    /// machine only ever slows a run down).
    pub best_of: u32,
    /// Wall-clock seconds of the timed window (measurement only, never simulation state).
    pub seconds: f64,
    /// Deliveries per wall-clock second.
    pub deliveries_per_sec: f64,
    /// Committed writes per wall-clock second.
    pub writes_per_sec: f64,
    /// Deliveries per committed write (client requests and replies are not messages).
    pub messages_per_write: f64,
    /// Agenda items queued far ahead during the run ([`Workload::queue_far_ahead`]).
    pub pending: u64,
    /// Microseconds of wall clock per simulation step.
    pub us_per_step: f64,
    /// Microseconds of wall clock per committed write.
    pub us_per_write: f64,
    /// Microseconds of wall clock per delivery.
    pub us_per_delivery: f64,
    /// `None` when the workload held; otherwise why not.
    pub failed: Option<String>,
}

impl Report {
    /// The figures of `counts` over `seconds` of wall time on `runtime` ("native", "wasm").
    #[must_use]
    pub fn new(runtime: &'static str, w: &Workload, counts: Counts, seconds: f64) -> Report {
        let per = |a: f64, b: u64| if b == 0 { 0.0 } else { a / b as f64 };
        let secs = seconds.max(1e-9);
        Report {
            runtime,
            mode: w.mode().name(),
            servers: w.servers(),
            clients: w.clients(),
            steps: counts.steps,
            deliveries: counts.deliveries,
            committed_writes: counts.committed_writes,
            best_of: 1,
            seconds,
            deliveries_per_sec: counts.deliveries as f64 / secs,
            writes_per_sec: counts.committed_writes as f64 / secs,
            messages_per_write: per(counts.deliveries as f64, counts.committed_writes),
            pending: w.pending(),
            us_per_step: per(secs * 1e6, counts.steps),
            us_per_write: per(secs * 1e6, counts.committed_writes),
            us_per_delivery: per(secs * 1e6, counts.deliveries),
            failed: w.check().err(),
        }
    }
}

/// The benchmarks' clients: `c1..=cN` connected round-robin to servers `1..=servers` (30 s
/// sessions), and `/bench` created by c1 — the znode every writer sets.
pub fn connect_writers(sim: &mut Simulation, servers: u32, clients: u32) -> Result<(), String> {
    for i in 1..=clients {
        let connect = Command::Connect {
            client: format!("c{i}"),
            server: ServerId((i - 1) % servers + 1),
            timeout_ms: 30_000,
        };
        sim.apply(connect).map_err(|e| e.to_string())?;
    }
    let create = ClientOp::Create {
        path: "/bench".into(),
        data: "0".into(),
        ephemeral: false,
    };
    sim.apply(Command::Op {
        client: "c1".into(),
        op: create,
    })
    .map(|_| ())
    .map_err(|e| e.to_string())
}
