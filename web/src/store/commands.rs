//! Command actions: what the user asks the ensemble to do — a command line (a scenario
//! command or `help`), a command from a menu, a manual delivery, a new run or a loaded script,
//! a four-letter word, and a client's zkCli console (opening it, a line typed in it). Acting in
//! the past forks: the recorded future is kept as a branch (`branches.rs`) first.

use super::branches::RunMeta;
use super::playback::MAX_RUN_MS;
use super::run::{self, Setup};
use super::share::Notice;
use super::{Change, Model, Tab};
use crate::console::transcript::{Consoles, Transcripts};
use crate::i18n::Msg;
use std::rc::Rc;
use zabscope_core::{AgendaRef, Command, Script, Simulation};

/// Longest command or error text the command line prints (a 20,000-character line would
/// run across the page).
const MAX_SHOWN: usize = 300;

/// `s` cut to `max` characters, saying how long it was.
#[must_use]
pub fn clip(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    format!("{head}… ({n} characters)")
}

/// What the user asks the ensemble to do.
#[derive(Clone, Debug)]
pub enum CommandAction {
    /// A command line (scenario command or `help`).
    Line(String),
    Apply(Command),
    Fire(AgendaRef),
    NewRun(Setup),
    Load(String),
    FourLw(u32, String),
    DismissError,
    /// Open (or close, `None`) a client's zkCli console.
    OpenZkCli(Option<String>),
    /// A line typed in the open zkCli console.
    ZkCli(String),
}

impl Model {
    pub(super) fn reduce_command(&mut self, action: CommandAction) -> Change {
        // Acting on the run while a lesson drives it takes over (free play from here).
        if matches!(
            action,
            CommandAction::Line(_)
                | CommandAction::Apply(_)
                | CommandAction::Fire(_)
                | CommandAction::NewRun(_)
                | CommandAction::Load(_)
                | CommandAction::ZkCli(_)
        ) {
            self.take_over();
        }
        match action {
            CommandAction::Line(text) => return self.line(&text),
            CommandAction::Apply(cmd) => {
                let line = cmd.to_string();
                let result = self.apply_now(cmd);
                self.record(&line, &result);
                self.ui.menu = None;
                self.refresh(false);
            }
            CommandAction::Fire(which) => {
                let name = {
                    let sim = self.shared.sim.borrow();
                    sim.pending(which)
                        .and_then(|p| p.msg_id())
                        .map_or_else(|| "fire".to_string(), |id| format!("deliver m{id}"))
                };
                self.act_now(&name);
                self.shared.sim.borrow_mut().fire(which);
                self.ui.selected_msg = None;
                self.refresh(false);
            }
            CommandAction::NewRun(setup) => {
                let result = setup
                    .script()
                    .and_then(|base| self.new_run(base, setup.clone()));
                if result.is_ok() {
                    self.ui.show_setup = false;
                }
                self.record("new run", &result);
            }
            CommandAction::Load(text) => {
                // The `after` lines go into the simulation (replayed as the run reaches their
                // steps); the base keeps the `at` lines, as for a run made in the set-up dialog.
                let result = Script::parse_text(&text).map_err(Msg::Core).and_then(|s| {
                    let mut base = s;
                    base.until_ms = 0;
                    let setup = self.setup.clone();
                    self.new_run(base, setup)
                });
                self.record("load script", &result);
            }
            CommandAction::FourLw(id, word) => {
                let sim = self.shared.sim.borrow();
                let out = sim.four_letter(id, &word);
                drop(sim);
                self.commands.fourlw = Some((id, word, out));
                self.ui.menu = None;
                self.ui.tab = Tab::FourLw;
                self.ui.pinned = true;
            }
            CommandAction::DismissError => self.commands.error = None,
            CommandAction::OpenZkCli(client) => {
                if let Some(c) = &client {
                    self.open_zk(c);
                }
                self.commands.zk_console = client;
                self.ui.menu = None;
            }
            CommandAction::ZkCli(line) => {
                self.zk_line(&line);
                self.refresh(false);
            }
        }
        Change::Some
    }

    /// Before a choice (a command, a manual delivery, a zkCli request named `name`): acting
    /// in the past forks — the run as it was, its recorded future included, stays as a branch
    /// (its script), and the action goes on in a new branch. Stepping, running and playing do
    /// not fork: they replay the recorded future (the commands and deliveries chosen then) and
    /// go on live past its end.
    pub(crate) fn act_now(&mut self, name: &str) {
        let mut sim = self.shared.sim.borrow_mut();
        if sim.steps() < self.playback.max_step || sim.has_future() {
            let at = sim.steps();
            let before = run::export(&self.shared.base.borrow(), &sim).to_string();
            let kept = self.shared.run.borrow_mut().fork(
                at,
                self.playback.max_step,
                before,
                clip(name, 120),
            );
            self.commands.notice = Some(Rc::new(Notice::Forked { at, kept }));
            sim.discard_future();
            self.shared.seq.borrow_mut().index.forget_after(at);
            self.playback.max_step = sim.steps();
            let mut zk = (*self.commands.zk).clone();
            zk.truncate(
                self.playback.max_step,
                &sim,
                &mut self.shared.consoles.borrow_mut(),
            );
            self.commands.zk = Rc::new(zk);
        }
    }

    /// Apply `cmd` and step until it has taken effect, so it is visible at once.
    fn apply_now(&mut self, cmd: Command) -> Result<(), Msg> {
        self.act_now(&cmd.to_string());
        let mut sim = self.shared.sim.borrow_mut();
        if self.playback.manual {
            sim.apply(cmd).map_err(|e| Msg::Core(e.1))?;
            // Manual mode: take just the command (the newest agenda item), nothing else.
            if let Some(r) = sim.newest_command() {
                sim.fire(r);
            }
            return Ok(());
        }
        sim.apply_now(cmd).map_err(|e| Msg::Core(e.1))?;
        Ok(())
    }

    /// The command line's echo of `line` and its outcome (also `window.zabscope`'s result).
    /// Print the line and its outcome. The JS interface's result stays in English (its
    /// `error` field is compared by scripts); the page renders the message in its language.
    /// A long line is clipped where it is shown (the whole text was run).
    fn record(&mut self, line: &str, result: &Result<(), Msg>) {
        let mut c = (*self.commands.console).clone();
        c.push(Msg::Raw(format!("> {}", clip(line, MAX_SHOWN))));
        if let Err(e) = result {
            c.push(e.clone());
        }
        let from = c.len().saturating_sub(200);
        self.commands.console = Rc::new(c.split_off(from));
        self.commands.error = result.clone().err();
        *self.shared.result.borrow_mut() = result
            .clone()
            .map_err(|e| clip(&e.render_in(crate::i18n::Lang::En), MAX_SHOWN));
    }

    /// `run MS` (the page's own command, as `window.zabscope.run`): every agenda item due
    /// within MS simulated ms; replays a recorded future like Play does.
    fn run_line(&mut self, text: &str) -> Result<(), Msg> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let ms = match words.as_slice() {
            [_, ms] => ms.parse::<u64>().ok().filter(|ms| *ms <= MAX_RUN_MS),
            _ => None,
        };
        let ms = ms.ok_or_else(|| {
            Msg::Page(
                "cmd.run.bad",
                vec![("text", clip(text, 60)), ("max", MAX_RUN_MS.to_string())],
            )
        })?;
        self.shared.sim.borrow_mut().run_for(ms);
        Ok(())
    }

    pub(super) fn new_run(&mut self, base: Script, setup: Setup) -> Result<(), Msg> {
        let sim = run::simulation(&base)?;
        self.install(sim, base);
        self.setup = setup;
        *self.shared.run.borrow_mut() = RunMeta::default();
        self.commands.notice = None;
        self.refresh(true);
        Ok(())
    }

    /// Make `sim` (a run of `base`, whose `after` lines it holds) the page's run: the base
    /// keeps the `at` lines; Play stops, menus, consoles and selections close. The caller
    /// refreshes the view.
    pub(super) fn install(&mut self, sim: Simulation, mut base: Script) {
        base.recorded.clear();
        base.until_ms = 0;
        *self.shared.sim.borrow_mut() = sim;
        self.shared.seq.borrow_mut().index.clear();
        *self.shared.base.borrow_mut() = base;
        self.playback.max_step = 0;
        self.set_playing(false);
        self.ui.menu = None;
        self.ui.selected_msg = None;
        self.commands.fourlw = None;
        self.ui.pinned = false;
        self.commands.zk_console = None;
        self.commands.zk = Rc::new(Transcripts::default());
        *self.shared.consoles.borrow_mut() = Consoles::default();
    }

    fn line(&mut self, line: &str) -> Change {
        let text = line.trim();
        if text.is_empty() {
            return Change::None;
        }
        if text.eq_ignore_ascii_case("help") {
            let mut c = (*self.commands.console).clone();
            c.push(Msg::Raw(format!("> {text}")));
            c.push(Msg::Core(zabscope_core::explain::Text::new(
                zabscope_core::explain::HELP,
            )));
            c.push(Msg::Page(
                "cmd.run.help",
                vec![("max", MAX_RUN_MS.to_string())],
            ));
            self.commands.console = Rc::new(c);
            *self.shared.result.borrow_mut() = Ok(());
            self.commands.error = None;
            return Change::Some;
        }
        let is_run = text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("run"));
        let result = if is_run {
            self.run_line(text)
        } else {
            Command::parse_text(text)
                .map_err(Msg::Core)
                .and_then(|c| self.apply_now(c))
        };
        self.record(text, &result);
        self.refresh(false);
        Change::Some
    }
}
