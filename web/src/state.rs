//! The page's one store (a Yew `use_reducer`, shared by context, as in Yew's
//! function_todomvc / contexts examples): the `Simulation`, the view rendered from it, the
//! trace index, and every UI choice (speed, filters, tab, open menu, dialogs). Every button,
//! key, animation frame and `window.zabscope` call is an [`Action`] reduced here, so the page
//! and the JS interface cannot disagree.

use crate::derive::Derived;
use crate::run::{self, Setup};
use crate::speed::Speed;
use crate::zk_transcript::{Consoles, Transcripts};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::sim::trace::{Event, EventKind};
use zabscope_core::sim::view::ViewOptions;
use zabscope_core::{AgendaRef, ClusterView, Command, Script, Simulation};

/// Bound on the steps one action may take (a command's own step, a heartbeat skip).
const MAX_STEPS: usize = 20_000;
/// Most steps one `window.zabscope.step(n)` takes (a bound, so no call hangs the page).
const MAX_JS_STEPS: u64 = 1_000_000;
/// Most simulated time one `Run` covers (10 minutes: a bound, so no call hangs the page).
pub const MAX_RUN_MS: u64 = 600_000;
/// Longest wall time one animation frame may account for (a background tab resuming).
const MAX_FRAME_MS: f64 = 100.0;

/// The inspector's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Election,
    Broadcast,
    Logs,
    Data,
    Clients,
    Locks,
    FourLw,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Election,
        Tab::Broadcast,
        Tab::Logs,
        Tab::Data,
        Tab::Clients,
        Tab::Locks,
        Tab::FourLw,
    ];
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Tab::Election => "Election",
            Tab::Broadcast => "Broadcast",
            Tab::Logs => "Logs",
            Tab::Data => "Data",
            Tab::Clients => "Clients",
            Tab::Locks => "Locks",
            Tab::FourLw => "4lw",
        }
    }
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Tab::Election => "tab-election",
            Tab::Broadcast => "tab-broadcast",
            Tab::Logs => "tab-logs",
            Tab::Data => "tab-data",
            Tab::Clients => "tab-clients",
            Tab::Locks => "tab-locks",
            Tab::FourLw => "tab-4lw",
        }
    }
}

/// What outlives one version of the model: the simulation itself (one `Rc` for the page's
/// life; a new run replaces what is inside), the animation clock and the last action's result
/// for `window.zabscope`.
#[derive(Debug)]
pub struct Shared {
    pub sim: RefCell<Simulation>,
    /// The display clock in simulated ms (fractional: messages are drawn between ms).
    pub clock: Cell<f64>,
    pub playing: Cell<bool>,
    pub reduced_motion: bool,
    /// The last command's outcome (`Err(text)` when refused).
    pub result: RefCell<Result<(), String>>,
    /// The run's base script (for `window.zabscope.script()`).
    pub base: RefCell<Script>,
    /// Each client's zkCli console (its history, watches and prompt count).
    pub consoles: RefCell<Consoles>,
}

/// The store.
#[derive(Clone, Debug)]
pub struct Model {
    pub shared: Rc<Shared>,
    /// Bumped on every change: what `PartialEq` compares.
    pub rev: u64,
    pub view: Rc<ClusterView>,
    pub derived: Rc<Derived>,
    /// The run's base script (configuration, seed, scheduled starts).
    pub base: Rc<Script>,
    pub setup: Setup,
    /// The furthest step this history reached (Forward and the slider go up to it).
    pub max_step: u64,
    pub playing: bool,
    pub speed: Speed,
    pub hide_pings: bool,
    pub manual: bool,
    pub projector: bool,
    pub tab: Tab,
    /// The user chose the tab: stop following the action.
    pub pinned: bool,
    pub menu: Option<u32>,
    pub selected_msg: Option<u64>,
    pub show_setup: bool,
    pub show_help: bool,
    pub error: Option<String>,
    /// The last four-letter word: (server, word, output).
    pub fourlw: Option<(u32, String, String)>,
    /// Lines the command line printed (newest last).
    pub console: Rc<Vec<String>>,
    /// The client whose zkCli console is open.
    pub zk_console: Option<String>,
    /// What every zkCli console printed, by step.
    pub zk: Rc<Transcripts>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && Rc::ptr_eq(&self.shared, &other.shared)
    }
}

/// Everything that can happen to the page.
#[derive(Clone, Debug)]
pub enum Action {
    /// One step (with hide-PINGs on: up to the next step that is not heartbeat traffic).
    Step,
    /// `n` raw agenda items.
    StepN(u64),
    Back(u64),
    Forward,
    Seek(u64),
    Run(u64),
    /// An animation frame while playing: wall ms since the last one.
    Frame(f64),
    TogglePlay,
    Pause,
    SetSpeed(Speed),
    HidePings(bool),
    Manual(bool),
    Projector(bool),
    /// A command line (scenario command or `help`).
    Line(String),
    Apply(Command),
    Fire(AgendaRef),
    Reset,
    NewRun(Setup),
    Load(String),
    Menu(Option<u32>),
    SelectMsg(Option<u64>),
    SelectTab(Tab),
    ShowSetup(bool),
    ShowHelp(bool),
    FourLw(u32, String),
    DismissError,
    /// Open (or close, `None`) a client's zkCli console.
    OpenZkCli(Option<String>),
    /// A line typed in the open zkCli console.
    ZkCli(String),
}

/// Is this message heartbeat traffic (hidden by the filter)?
#[must_use]
pub fn is_heartbeat(msg: &str) -> bool {
    msg.starts_with("PING")
}

fn heartbeat_event(e: &Event) -> bool {
    match &e.kind {
        EventKind::Send { msg, .. }
        | EventKind::Deliver { msg, .. }
        | EventKind::Drop { msg, .. } => msg.name == "PING",
        EventKind::Timer => true,
        _ => false,
    }
}

/// A step made only of heartbeats (a PING sent, delivered, answered, or the tick that sent it).
pub fn heartbeat_step(events: &[Event]) -> bool {
    events.iter().all(heartbeat_event)
}

impl Model {
    /// The page's first run (five servers, seed 1, all started at time 0).
    #[must_use]
    pub fn new(reduced_motion: bool) -> Model {
        let setup = Setup::default();
        let base = setup.script().expect("the default set-up is valid");
        let sim = run::simulation(&base).expect("the default set-up is valid");
        let view = Rc::new(sim.view());
        let mut derived = Derived::default();
        derived.update(sim.trace(), true);
        Model {
            shared: Rc::new(Shared {
                sim: RefCell::new(sim),
                clock: Cell::new(0.0),
                playing: Cell::new(false),
                reduced_motion,
                result: RefCell::new(Ok(())),
                base: RefCell::new(base.clone()),
                consoles: RefCell::new(Consoles::default()),
            }),
            rev: 0,
            view,
            derived: Rc::new(derived),
            base: Rc::new(base),
            setup,
            max_step: 0,
            playing: false,
            speed: Speed::default(),
            hide_pings: true,
            manual: false,
            projector: false,
            tab: Tab::Election,
            pinned: false,
            menu: None,
            selected_msg: None,
            show_setup: false,
            show_help: false,
            error: None,
            fourlw: None,
            console: Rc::new(Vec::new()),
            zk_console: None,
            zk: Rc::new(Transcripts::default()),
        }
    }

    /// The quorum size and the number of voters.
    #[must_use]
    pub fn quorum(&self) -> (usize, usize) {
        let voters = self.base.config.voters().count();
        (self.view.quorum as usize, voters)
    }

    /// Re-read the view and the trace index after the simulation changed.
    fn refresh(&mut self, fresh: bool) {
        let sim = self.shared.sim.borrow();
        // Data trees only when the Data tab shows them (the frame's view stays cheap); never
        // whole logs, which grow with the run (the Logs tab shows a tail).
        let opts = if self.tab == Tab::Data {
            ViewOptions::with_trees()
        } else {
            ViewOptions::compact()
        };
        self.view = Rc::new(sim.view_with(opts));
        let mut d = (*self.derived).clone();
        d.update(sim.trace(), fresh);
        let ids: Vec<u64> = self.view.in_flight.iter().map(|m| m.id).collect();
        d.retain_in_flight(&ids);
        self.derived = Rc::new(d);
        // Watch events print as they arrive, at the live end (in the past they are already
        // in the transcript, by step).
        if sim.steps() >= self.max_step && !self.shared.consoles.borrow().clis.is_empty() {
            let mut zk = (*self.zk).clone();
            zk.poll(&sim, &mut self.shared.consoles.borrow_mut());
            if zk != *self.zk {
                self.zk = Rc::new(zk);
            }
        }
        drop(sim);
        let now = self.view.now.ms() as f64;
        if fresh || self.shared.clock.get() < now || !self.playing {
            self.shared.clock.set(now);
        }
        self.max_step = self.max_step.max(self.view.step);
        if !self.pinned {
            self.tab = self.follow_tab();
        }
        self.rev += 1;
    }

    /// The tab that matches what is happening (an election, a write, …).
    fn follow_tab(&self) -> Tab {
        use zabscope_core::zab::proto::ServerState;
        let looking = self
            .view
            .servers
            .iter()
            .any(|s| s.state == Some(ServerState::Looking));
        let proposing = self
            .view
            .proposals
            .last()
            .is_some_and(|p| p.committed.is_none_or(|(c, _)| c + 20 > self.view.step));
        let recipes = self.view.zk_clients.iter().any(|c| !c.recipes.is_empty());
        if looking {
            Tab::Election
        } else if recipes && self.tab != Tab::Broadcast {
            Tab::Locks
        } else if proposing {
            Tab::Broadcast
        } else if self.tab == Tab::Election {
            Tab::Logs
        } else {
            self.tab
        }
    }

    /// Before a choice (a command, a manual delivery): acting in the past discards the future.
    /// Stepping, running and playing do not: they replay the recorded future (the commands and
    /// deliveries chosen then) and go on live past its end.
    pub(crate) fn act_now(&mut self) {
        let mut sim = self.shared.sim.borrow_mut();
        if sim.steps() < self.max_step || sim.has_future() {
            sim.discard_future();
            self.max_step = sim.steps();
            let mut zk = (*self.zk).clone();
            zk.truncate(self.max_step, &sim, &mut self.shared.consoles.borrow_mut());
            self.zk = Rc::new(zk);
        }
    }

    /// One step (skipping heartbeat-only steps if asked); false when nothing was left to do.
    fn step_once(&mut self, skip_heartbeats: bool) -> bool {
        let mut sim = self.shared.sim.borrow_mut();
        for _ in 0..MAX_STEPS {
            let events = sim.step();
            if events.is_empty() {
                return false;
            }
            if !skip_heartbeats || !heartbeat_step(events) {
                break;
            }
        }
        true
    }

    /// Apply `cmd` and step until it has taken effect, so it is visible at once.
    fn apply_now(&mut self, cmd: Command) -> Result<(), String> {
        self.act_now();
        let mut sim = self.shared.sim.borrow_mut();
        if self.manual {
            sim.apply(cmd).map_err(|e| e.0)?;
            // Manual mode: take just the command (the newest agenda item), nothing else.
            if let Some(r) = sim.newest_command() {
                sim.fire(r);
            }
            return Ok(());
        }
        sim.apply_now(cmd).map_err(|e| e.0)?;
        Ok(())
    }

    fn record(&mut self, line: &str, result: &Result<(), String>) {
        let mut c = (*self.console).clone();
        c.push(format!("> {line}"));
        if let Err(e) = result {
            c.push(e.clone());
        }
        let from = c.len().saturating_sub(200);
        self.console = Rc::new(c.split_off(from));
        self.error = result.clone().err();
        *self.shared.result.borrow_mut() = result.clone();
    }

    fn new_run(&mut self, mut base: Script, setup: Setup) -> Result<(), String> {
        let sim = run::simulation(&base)?;
        base.recorded.clear();
        *self.shared.sim.borrow_mut() = sim;
        *self.shared.base.borrow_mut() = base.clone();
        self.base = Rc::new(base);
        self.setup = setup;
        self.max_step = 0;
        self.playing = false;
        self.menu = None;
        self.selected_msg = None;
        self.fourlw = None;
        self.pinned = false;
        self.zk_console = None;
        self.zk = Rc::new(Transcripts::default());
        *self.shared.consoles.borrow_mut() = Consoles::default();
        self.refresh(true);
        Ok(())
    }

    fn line(&mut self, line: &str) {
        let text = line.trim();
        if text.is_empty() {
            return;
        }
        if text.eq_ignore_ascii_case("help") {
            let mut c = (*self.console).clone();
            c.push(format!("> {text}"));
            c.extend(
                zabscope_core::sim::usage::help_en()
                    .lines()
                    .map(str::to_string),
            );
            self.console = Rc::new(c);
            *self.shared.result.borrow_mut() = Ok(());
            self.error = None;
            self.rev += 1;
            return;
        }
        let result = Command::parse(text).and_then(|c| self.apply_now(c));
        self.record(text, &result);
        self.refresh(false);
    }

    /// One animation frame while playing; true when the picture must be rendered again.
    ///
    /// While a visible message is in flight the display clock runs at the chosen speed; when
    /// none is, at least in real time — but it stops at the step that puts a visible message
    /// on the wire, so that message is drawn from its start at the slow pace.
    fn frame(&mut self, wall_ms: f64) -> bool {
        if !self.playing {
            return false;
        }
        let hide = self.hide_pings;
        let visible = |sim: &Simulation| sim.message_pending(hide);
        let was_visible = visible(&self.shared.sim.borrow());
        let rate = self.speed.rate();
        let rate = if was_visible { rate } else { rate.max(1.0) };
        let mut clock = self.shared.clock.get() + wall_ms.clamp(0.0, MAX_FRAME_MS) * rate;
        let target = clock.floor() as u64;
        let due = {
            let sim = self.shared.sim.borrow();
            sim.next_time().is_some_and(|t| t.ms() <= target)
        };
        if due {
            let mut sim = self.shared.sim.borrow_mut();
            for _ in 0..MAX_STEPS {
                if sim.next_time().is_none_or(|t| t.ms() > target) {
                    break;
                }
                sim.step();
                if !was_visible && visible(&sim) {
                    clock = sim.now().ms() as f64;
                    break;
                }
            }
        }
        self.shared.clock.set(clock);
        if due {
            // Only a delivered item changes the picture (the clock text is set per frame).
            self.refresh(false);
            self.shared.clock.set(clock);
        }
        due
    }
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut m = (*self).clone();
        match action {
            Action::Frame(ms) => {
                if !m.frame(ms) {
                    return self;
                }
            }
            Action::Step => {
                m.step_once(m.hide_pings);
                m.refresh(false);
            }
            Action::StepN(n) => {
                // Within the history reached so far, replay it; beyond it, take new steps.
                let target = m.view.step.saturating_add(n);
                let replay = target.min(m.max_step);
                let fresh = replay > m.view.step;
                if fresh {
                    m.shared.sim.borrow_mut().seek(replay);
                }
                for _ in replay..target.min(replay + MAX_JS_STEPS) {
                    if !m.step_once(false) {
                        break;
                    }
                }
                m.refresh(fresh);
            }
            Action::Back(n) => {
                let target = m.view.step.saturating_sub(n);
                m.shared.sim.borrow_mut().seek(target);
                m.refresh(true);
            }
            Action::Forward => {
                if m.view.step < m.max_step {
                    let target = m.view.step + 1;
                    m.shared.sim.borrow_mut().seek(target);
                    m.refresh(true);
                } else {
                    m.step_once(m.hide_pings);
                    m.refresh(false);
                }
            }
            Action::Seek(step) => {
                m.shared.sim.borrow_mut().seek(step);
                m.refresh(true);
            }
            Action::Run(ms) => {
                m.shared.sim.borrow_mut().run_for(ms.min(MAX_RUN_MS));
                m.refresh(false);
            }
            Action::TogglePlay => {
                m.playing = !m.playing && !m.manual;
                m.shared.clock.set(m.view.now.ms() as f64);
                m.rev += 1;
            }
            Action::Pause => {
                m.playing = false;
                m.rev += 1;
            }
            Action::SetSpeed(s) => {
                m.speed = s;
                m.rev += 1;
            }
            Action::HidePings(on) => {
                m.hide_pings = on;
                m.rev += 1;
            }
            Action::Manual(on) => {
                m.manual = on;
                if on {
                    m.playing = false;
                }
                m.rev += 1;
            }
            Action::Projector(on) => {
                m.projector = on;
                m.rev += 1;
            }
            Action::Line(text) => m.line(&text),
            Action::Apply(cmd) => {
                let line = cmd.to_string();
                let result = m.apply_now(cmd);
                m.record(&line, &result);
                m.menu = None;
                m.refresh(false);
            }
            Action::Fire(which) => {
                m.act_now();
                m.shared.sim.borrow_mut().fire(which);
                m.selected_msg = None;
                m.refresh(false);
            }
            Action::Reset => {
                m.playing = false;
                m.shared.sim.borrow_mut().seek(0);
                m.refresh(true);
            }
            Action::NewRun(setup) => {
                let result = setup
                    .script()
                    .and_then(|base| m.new_run(base, setup.clone()));
                if result.is_ok() {
                    m.show_setup = false;
                }
                m.record("new run", &result);
                m.rev += 1;
            }
            Action::Load(text) => {
                // The `after` lines go into the simulation (replayed as the run reaches their
                // steps); the base keeps the `at` lines, as for a run made in the set-up dialog.
                let result = Script::parse(&text).and_then(|s| {
                    let mut base = s;
                    base.until_ms = 0;
                    let setup = m.setup.clone();
                    m.new_run(base, setup)
                });
                m.record("load script", &result);
                m.rev += 1;
            }
            Action::Menu(id) => {
                m.menu = id;
                m.rev += 1;
            }
            Action::SelectMsg(id) => {
                m.selected_msg = id;
                m.rev += 1;
            }
            Action::SelectTab(t) => {
                m.tab = t;
                m.pinned = true;
                m.refresh(false);
            }
            Action::ShowSetup(on) => {
                m.show_setup = on;
                m.playing = m.playing && !on;
                m.rev += 1;
            }
            Action::ShowHelp(on) => {
                m.show_help = on;
                m.rev += 1;
            }
            Action::FourLw(id, word) => {
                let sim = m.shared.sim.borrow();
                let out = sim.four_letter(id, &word);
                drop(sim);
                m.fourlw = Some((id, word, out));
                m.menu = None;
                m.tab = Tab::FourLw;
                m.pinned = true;
                m.rev += 1;
            }
            Action::DismissError => {
                m.error = None;
                m.rev += 1;
            }
            Action::OpenZkCli(client) => {
                if let Some(c) = &client {
                    m.open_zk(c);
                }
                m.zk_console = client;
                m.menu = None;
                m.rev += 1;
            }
            Action::ZkCli(line) => {
                m.zk_line(&line);
                m.refresh(false);
            }
        }
        m.shared.playing.set(m.playing);
        Rc::new(m)
    }
}

/// The store handle components read from context.
pub type Store = UseReducerHandle<Model>;

/// The store from context (every component is under the App's provider).
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("components are rendered under the App's store provider")
}
