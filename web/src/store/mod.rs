//! The page's store: one Yew `use_reducer`, shared by context, as in Yew's function_todomvc /
//! contexts examples. Its state is grouped by concern — the run itself ([`Shared`]: the
//! simulation, the display clock, whether it plays, the base script), the view rendered from
//! it, and then [`Playback`], [`Commands`] and [`Ui`] — and so are its actions:
//! [`PlaybackAction`] (`playback.rs`), [`CommandAction`] (`commands.rs`), [`UiAction`]
//! (`ui.rs`) and [`LessonAction`] (`lesson.rs`: the guided lessons), each reduced in its own
//! file. Every button, key, animation frame and
//! `window.zabscope` call is an [`Action`] reduced here, so the page and the JS interface
//! cannot disagree.
//!
//! A reducer answers whether it changed anything; [`Model::reduce`] is the one place that
//! marks a change (a revision bump, what `PartialEq` compares) or hands back the same `Rc`, so
//! nothing re-renders. Each piece of state lives in one place: what the frame loop and
//! `window.zabscope` read between renders (playing, the base script) only in `Shared`.

pub mod branches;
pub mod derive;
pub mod keep;
pub mod lab;
pub mod lesson;
pub mod run;
pub mod speed;

mod commands;
mod playback;
mod share;
mod tab;
mod ui;

pub use commands::CommandAction;
pub use commands::clip;
pub use lesson::LessonAction;
pub use playback::{MAX_JS_STEPS, MAX_RUN_MS, PlaybackAction};
pub use share::{Notice, ShareAction, Source, link, run_file};
pub use tab::Tab;
pub use ui::UiAction;

use crate::console::transcript::{Consoles, Transcripts};
use crate::i18n::{Lang, Msg};
use branches::RunMeta;
use derive::Derived;
use run::Setup;
use speed::Speed;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::sim::view::ViewOptions;
use zabscope_core::{ClusterView, Script, Simulation};

/// What outlives one version of the model and is read between renders (by the frame loop, the
/// zkCli backends and `window.zabscope`): the simulation itself (one `Rc` for the page's life;
/// a new run replaces what is inside), the animation clock, whether it plays, the base script
/// and the last action's result.
#[derive(Debug)]
pub struct Shared {
    pub sim: RefCell<Simulation>,
    /// The display clock in simulated ms (fractional: messages are drawn between ms).
    pub clock: Cell<f64>,
    /// Play is on (the frame loop advances the clock).
    pub playing: Cell<bool>,
    /// Wall ms Play still holds the current narration line before taking the next step. Here,
    /// not in the model: a frame that only waits changes no model, so a dwell kept there would
    /// never run down and Play would stall.
    pub dwell: Cell<f64>,
    pub reduced_motion: bool,
    /// The last command's outcome (`Err(text)` when refused).
    pub result: RefCell<Result<(), String>>,
    /// The run's base script: configuration, seed, scheduled starts (`window.zabscope.script()`).
    pub base: RefCell<Script>,
    /// Each client's zkCli console (its history, watches and prompt count).
    pub consoles: RefCell<Consoles>,
    /// The sequence diagram's index of the whole history reached (synced by `refresh`), its
    /// rows and the window last drawn.
    pub seq: RefCell<crate::panels::sequence::SeqState>,
    /// The session's branches and the open lesson (`branches.rs`): shared, kept and exported
    /// with the run.
    pub run: RefCell<RunMeta>,
    /// When the run was last kept in localStorage (wall ms), and whether keeping it failed.
    pub kept_at: Cell<f64>,
    pub keep_failed: Cell<bool>,
    /// What was kept last (`keep::fingerprint`): nothing changed, nothing written.
    pub kept_sig: Cell<Option<u64>>,
    /// The lesson being played, mirrored from the model after each action for
    /// `window.zabscope` (`view().lesson`, `answer`), which reads between renders.
    pub lesson: RefCell<Option<Rc<lesson::LessonRun>>>,
}

/// How the run is played: how far its history reached, the speed, the filter, manual delivery.
#[derive(Clone, Debug)]
pub struct Playback {
    /// The furthest step this history reached (Forward and the slider go up to it).
    pub max_step: u64,
    pub speed: Speed,
    pub hide_pings: bool,
    /// Play lingers at the interesting moments (an election decided, a quorum's ACK, a
    /// COMMIT, a sync's DIFF/TRUNC/SNAP).
    pub linger: bool,
    /// Manual delivery: the user picks each agenda item (Play is off).
    pub manual: bool,
}

/// What the command line and the zkCli consoles printed, and the last four-letter word.
#[derive(Clone, Debug, Default)]
pub struct Commands {
    /// Lines the command line printed (newest last), by key: they render in the current
    /// language.
    pub console: Rc<Vec<Msg>>,
    /// Why the last command was refused.
    pub error: Option<Msg>,
    /// The last four-letter word: (server, word, output).
    pub fourlw: Option<(u32, String, String)>,
    /// The client whose zkCli console is open.
    pub zk_console: Option<String>,
    /// What every zkCli console printed, by step.
    pub zk: Rc<Transcripts>,
    /// The notice above the command line: a fork kept as a branch, the share link, a link or
    /// file that could not be opened.
    pub notice: Option<Rc<Notice>>,
}

/// The UI's own choices: the projector, the inspector's tab, what is open or selected.
#[derive(Clone, Debug)]
pub struct Ui {
    pub projector: bool,
    pub tab: Tab,
    /// The user chose the tab: stop following the action.
    pub pinned: bool,
    /// The server whose menu is open.
    pub menu: Option<u32>,
    pub selected_msg: Option<u64>,
    pub show_setup: bool,
    pub show_help: bool,
    /// The glossary (opened from the help dialog).
    pub show_glossary: bool,
    /// The page's language: the one place it lives (`crate::i18n` mirrors it for `t`).
    pub lang: Lang,
    /// A language whose catalogue is being fetched (`i18n::load`); the page switches when it
    /// arrives.
    pub lang_pending: Option<Lang>,
    /// The page has just opened and waits for that catalogue: it stays hidden for a moment
    /// instead of flashing English (at most 1 s, `.zs-lang-wait` in the CSS).
    pub lang_boot: bool,
    /// Why the last catalogue could not be had (a technical detail, in English).
    pub lang_error: Option<(Lang, String)>,
    /// The performance lab's overlay is open.
    pub show_lab: bool,
    /// Its knobs and the figure it shows.
    pub lab: lab::Knobs,
    pub lab_figure: lab::Figure,
    /// The sequence diagram's filters (kinds, lanes, heartbeats).
    pub seq: crate::panels::sequence::rows::Filter,
}

/// The store.
#[derive(Clone, Debug)]
pub struct Model {
    pub shared: Rc<Shared>,
    /// Bumped once per action that changed something (by `reduce` only): what `PartialEq`
    /// compares.
    rev: u64,
    pub view: Rc<ClusterView>,
    pub derived: Rc<Derived>,
    /// The set-up dialog's choices that made this run.
    pub setup: Setup,
    pub playback: Playback,
    pub commands: Commands,
    pub ui: Ui,
    /// The lesson menu, the lesson being played and where it is (`lesson.rs`).
    pub lessons: lesson::Lessons,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && Rc::ptr_eq(&self.shared, &other.shared)
    }
}

/// Everything that can happen to the page, by concern.
#[derive(Clone, Debug)]
pub enum Action {
    Playback(PlaybackAction),
    Command(CommandAction),
    Ui(UiAction),
    Share(ShareAction),
    Lesson(LessonAction),
}

impl From<ShareAction> for Action {
    fn from(a: ShareAction) -> Self {
        Action::Share(a)
    }
}

impl From<LessonAction> for Action {
    fn from(a: LessonAction) -> Self {
        Action::Lesson(a)
    }
}

impl From<PlaybackAction> for Action {
    fn from(a: PlaybackAction) -> Self {
        Action::Playback(a)
    }
}

impl From<CommandAction> for Action {
    fn from(a: CommandAction) -> Self {
        Action::Command(a)
    }
}

impl From<UiAction> for Action {
    fn from(a: UiAction) -> Self {
        Action::Ui(a)
    }
}

/// What a reducer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
enum Change {
    /// Nothing: the same model, nothing re-renders.
    None,
    /// The model changed.
    Some,
}

impl Model {
    /// The page's first run (five servers, seed 1, all started at time 0), in the language
    /// the URL, the last visit or the browser asks for.
    #[must_use]
    pub fn new(reduced_motion: bool) -> Model {
        Model::with_lang(reduced_motion, crate::i18n::browser::initial())
    }

    /// [`Model::new`] in `lang`.
    #[must_use]
    pub fn with_lang(reduced_motion: bool, wanted: Lang) -> Model {
        // A language whose catalogue is not here yet opens in English; `App` fetches it.
        let ready = crate::i18n::load::is_loaded(wanted);
        let lang = if ready { wanted } else { Lang::En };
        crate::i18n::mirror(lang);
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
                dwell: Cell::new(0.0),
                reduced_motion,
                result: RefCell::new(Ok(())),
                base: RefCell::new(base),
                consoles: RefCell::new(Consoles::default()),
                seq: RefCell::default(),
                run: RefCell::new(RunMeta::default()),
                kept_at: Cell::new(f64::NEG_INFINITY),
                keep_failed: Cell::new(false),
                kept_sig: Cell::new(None),
                lesson: RefCell::new(None),
            }),
            rev: 0,
            view,
            derived: Rc::new(derived),
            setup,
            playback: Playback {
                max_step: 0,
                speed: Speed::default(),
                hide_pings: true,
                linger: false,
                manual: false,
            },
            commands: Commands::default(),
            ui: Ui {
                projector: false,
                tab: Tab::Election,
                pinned: false,
                menu: None,
                selected_msg: None,
                show_setup: false,
                show_help: false,
                show_glossary: false,
                lang,
                lang_pending: (!ready).then_some(wanted),
                lang_boot: !ready,
                lang_error: None,
                show_lab: false,
                lab: lab::Knobs::default(),
                lab_figure: lab::Figure::default(),
                seq: crate::panels::sequence::rows::Filter::default(),
            },
            lessons: lesson::Lessons::default(),
        }
    }

    /// Play is on.
    #[must_use]
    pub fn playing(&self) -> bool {
        self.shared.playing.get()
    }

    fn set_playing(&self, on: bool) {
        self.shared.playing.set(on);
    }

    /// The quorum size and the number of voters.
    #[must_use]
    pub fn quorum(&self) -> (usize, usize) {
        let voters = self.shared.base.borrow().config.voters().count();
        (self.view.quorum as usize, voters)
    }

    /// Re-read the view and the trace index after the simulation changed.
    fn refresh(&mut self, fresh: bool) {
        let sim = self.shared.sim.borrow();
        // Data trees only when the Data tab shows them (the frame's view stays cheap); never
        // whole logs, which grow with the run (the Logs tab shows a tail).
        let opts = if self.ui.tab == Tab::Data {
            ViewOptions::with_trees()
        } else {
            ViewOptions::compact()
        };
        self.view = Rc::new(sim.view_with(opts));
        self.shared.seq.borrow_mut().index.sync(&sim);
        let mut d = (*self.derived).clone();
        d.update(sim.trace(), fresh);
        let ids: Vec<u64> = self.view.in_flight.iter().map(|m| m.id).collect();
        d.retain_in_flight(&ids);
        self.derived = Rc::new(d);
        // Watch events print as they arrive, at the live end (in the past they are already
        // in the transcript, by step).
        if sim.steps() >= self.playback.max_step && !self.shared.consoles.borrow().clis.is_empty() {
            let mut zk = (*self.commands.zk).clone();
            zk.poll(&sim, &mut self.shared.consoles.borrow_mut());
            if zk != *self.commands.zk {
                self.commands.zk = Rc::new(zk);
            }
        }
        drop(sim);
        let now = self.view.now.ms() as f64;
        if fresh || self.shared.clock.get() < now || !self.playing() {
            self.shared.clock.set(now);
        }
        self.playback.max_step = self.playback.max_step.max(self.view.step);
        {
            let mut meta = self.shared.run.borrow_mut();
            let cur = meta.current;
            meta.branches[cur].max_step = self.playback.max_step;
        }
        if !self.ui.pinned {
            self.ui.tab = self.follow_tab();
        }
    }
}

impl Reducible for Model {
    type Action = Action;

    /// Each concern's reducer works on a copy; the one place a change is marked.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut m = (*self).clone();
        let before = m.lessons.open.clone();
        let change = match action {
            Action::Playback(a) => m.reduce_playback(a),
            Action::Command(a) => m.reduce_command(a),
            Action::Ui(a) => m.reduce_ui(a),
            Action::Share(a) => m.reduce_share(a),
            Action::Lesson(a) => m.reduce_lesson(a),
        };
        match change {
            Change::None => self,
            Change::Some => {
                *m.shared.lesson.borrow_mut() = m.lessons.open.clone();
                // The open lesson rides along with the run (links, files, the kept run) while
                // it drives the run; free play from it is an ordinary run.
                let moved = match (&before, &m.lessons.open) {
                    (Some(a), Some(b)) => !Rc::ptr_eq(a, b),
                    (None, None) => false,
                    _ => true,
                };
                if moved {
                    m.shared.run.borrow_mut().lesson =
                        m.lessons.open.as_ref().filter(|o| !o.taken_over).map(|o| {
                            branches::LessonAt {
                                id: o.lesson.id.clone(),
                                step: u32::try_from(o.step).unwrap_or(u32::MAX),
                            }
                        });
                }
                m.rev += 1;
                Rc::new(m)
            }
        }
    }
}

/// The store handle containers read from context.
pub type Store = UseReducerHandle<Model>;

/// The store from context (containers are rendered under the App's provider).
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("components are rendered under the App's store provider")
}

/// A callback that dispatches what a leaf component reports: an action of one group (or an
/// [`Action`]), mapped with `reform` when the leaf reports something smaller (an id, a line).
#[must_use]
pub fn callback<A: Into<Action> + 'static>(store: &Store) -> Callback<A> {
    let d = store.dispatcher();
    Callback::from(move |a: A| d.dispatch(a.into()))
}
