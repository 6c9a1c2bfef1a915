//! The lesson player, in the one store: a lesson (`zabscope_core::lesson`, fetched on demand by
//! `crate::lessons`) is a script plus steps; its run is built from the script (with the
//! lesson's break switch) exactly as a loaded script is, and each step is a simulated moment
//! the run is played to (`Simulation::run_for` up to the step's `at`, so the state at a step
//! is the same however it was reached: by Next, by Play, or by "back to the lesson"). A step
//! with a checkpoint asks its question (computed by the core from the run, never written in
//! the file); the answer is judged and the run continues to the checkpoint's `decide`.
//!
//! Taking over keeps the lesson's position and frees every control; any command, stepping or
//! seeking while a lesson is open takes over first. "Back to the lesson" rebuilds the run and
//! plays it to the same step (and `decide`, if it was answered): the same digest.

use super::{Change, Model, Tab};
use crate::i18n::Msg;
use crate::lessons::{Entry, progress};
use std::rc::Rc;
use zabscope_core::explain::Text;
use zabscope_core::lesson::{Checkpoint, Highlight, Lesson, Question, Verdict};

/// How long Play holds a lesson step's narration on screen before the run goes on (wall ms),
/// at least: a step must be readable whatever the speed.
pub const STEP_DWELL_MS: f64 = 2_500.0;

/// The lessons: the menu's catalogue, the lesson open (if any), the last load error.
#[derive(Clone, Debug, Default)]
pub struct Lessons {
    /// The menu is open.
    pub menu: bool,
    /// The menu's entries (fetched when the menu first opens), or why they could not be.
    pub catalog: Option<Result<Rc<Vec<Entry>>, Msg>>,
    /// The lesson being played.
    pub open: Option<Rc<LessonRun>>,
    /// Why the last lesson could not be opened (a malformed file names its line); the run
    /// on screen is left as it was.
    pub error: Option<Msg>,
    /// The presenter view: the narration large and the teacher's notes.
    pub presenter: bool,
    /// Lessons played to their last step (remembered in localStorage).
    pub done: Rc<Vec<String>>,
}

/// A lesson being played and where it is.
#[derive(Clone, Debug)]
pub struct LessonRun {
    pub lesson: Rc<Lesson>,
    /// The index of the step shown.
    pub step: usize,
    /// The step's checkpoint question (computed on arrival), or why it could not be.
    pub question: Option<Result<Rc<Question>, Text>>,
    /// The student's answer and its verdict (then the run went on to `decide`).
    pub answer: Option<(String, Verdict)>,
    /// Free play: every control is live; the lesson's position is kept above.
    pub taken_over: bool,
}

impl LessonRun {
    /// The simulated ms of step `i` (the last step stands at the script's `until`).
    #[must_use]
    pub fn at(&self, i: usize) -> u64 {
        self.lesson.steps.get(i).map_or(0, |s| s.at.ms())
    }

    /// The steps' count.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lesson.steps.len()
    }

    /// Lessons always have steps (the parser refuses one without); for clippy's sake.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lesson.steps.is_empty()
    }

    /// What the step highlights: its `show` lines, then what a judged answer points at.
    #[must_use]
    pub fn highlights(&self) -> Vec<Highlight> {
        let mut out: Vec<Highlight> = self
            .lesson
            .steps
            .get(self.step)
            .map(|s| s.show.clone())
            .unwrap_or_default();
        if self.answer.is_some()
            && let Some(ask) = self
                .lesson
                .steps
                .get(self.step)
                .and_then(|s| s.ask.as_ref())
        {
            out.extend(crate::lessons::pointers(ask));
        }
        out
    }
}

/// What the lesson player does.
#[derive(Clone, Debug)]
pub enum LessonAction {
    /// Open or close the lesson menu.
    Menu(bool),
    /// The menu's entries arrived (or could not be fetched).
    Catalog(Result<Vec<Entry>, Msg>),
    /// A lesson file's text arrived: parse it and play it (a malformed one is refused with its
    /// line, the current run stays).
    Open(String),
    /// A lesson could not be fetched.
    Failed(Msg),
    DismissError,
    /// Go to step `i`.
    Goto(usize),
    Next,
    Prev,
    /// Answer the checkpoint with a choice id.
    Answer(String),
    TakeOver,
    BackToLesson,
    Close,
    Presenter(bool),
}

/// A key's tab (`show tab election`).
fn tab_named(name: &str) -> Option<Tab> {
    Tab::ALL
        .iter()
        .copied()
        .find(|t| t.id().strip_prefix("tab-") == Some(name))
}

impl Model {
    pub(super) fn reduce_lesson(&mut self, action: LessonAction) -> Change {
        match action {
            LessonAction::Menu(on) => {
                self.lessons.menu = on;
                if on {
                    self.set_playing(false);
                    self.lessons.done = Rc::new(progress::load());
                }
            }
            LessonAction::Catalog(c) => self.lessons.catalog = Some(c.map(Rc::new)),
            LessonAction::Open(text) => self.open_lesson(&text),
            LessonAction::Failed(e) => self.refuse(e),
            LessonAction::DismissError => self.lessons.error = None,
            LessonAction::Goto(i) => return self.goto_step(i),
            LessonAction::Next => {
                let Some(l) = &self.lessons.open else {
                    return Change::None;
                };
                if l.step + 1 >= l.len() {
                    return Change::None;
                }
                return self.goto_step(l.step + 1);
            }
            LessonAction::Prev => {
                let Some(l) = &self.lessons.open else {
                    return Change::None;
                };
                return self.goto_step(l.step.saturating_sub(1));
            }
            LessonAction::Answer(choice) => return self.answer(&choice),
            LessonAction::TakeOver => self.take_over(),
            LessonAction::BackToLesson => return self.back_to_lesson(),
            LessonAction::Close => {
                self.lessons.open = None;
                self.ui.pinned = false;
            }
            LessonAction::Presenter(on) => self.lessons.presenter = on,
        }
        Change::Some
    }

    /// Parse and start a lesson; a malformed file leaves everything as it was.
    fn open_lesson(&mut self, text: &str) {
        let lesson = match Lesson::parse(text) {
            Ok(l) => l,
            Err(e) => {
                self.refuse(crate::lessons::fetch::lesson_error(e.line, &e.text));
                return;
            }
        };
        let run = LessonRun {
            lesson: Rc::new(lesson),
            step: 0,
            question: None,
            answer: None,
            taken_over: false,
        };
        if let Err(e) = self.rebuild(&run.lesson) {
            self.refuse(e);
            return;
        }
        self.lessons.error = None;
        *self.shared.result.borrow_mut() = Ok(());
        self.lessons.menu = false;
        self.lessons.open = Some(Rc::new(run));
        let _ = self.goto_step(0);
    }

    /// A lesson that could not be opened: why, on the page and for `window.zabscope` (in
    /// English there, as every JS result).
    fn refuse(&mut self, e: Msg) {
        *self.shared.result.borrow_mut() = Err(e.render_in(crate::i18n::Lang::En));
        self.lessons.error = Some(e);
    }

    /// A fresh run of the lesson's script (with its break switch), at time 0.
    fn rebuild(&mut self, lesson: &Lesson) -> Result<(), Msg> {
        let mut base = lesson.script.clone();
        if let Some(b) = lesson.brk {
            base.config.breaks.insert(b);
        }
        base.until_ms = 0;
        base.recorded.clear();
        let setup = self.setup.clone();
        self.new_run(base, setup)
    }

    /// Play the run to step `i` (a fresh run when the target is behind, or free play changed
    /// it), ask its question, open its tab.
    fn goto_step(&mut self, i: usize) -> Change {
        let Some(open) = self.lessons.open.clone() else {
            return Change::None;
        };
        let i = i.min(open.len().saturating_sub(1));
        let target = open.at(i);
        let behind = self.shared.sim.borrow().now().ms() > target
            || i < open.step
            || open.taken_over
            || open.answer.is_some() && i == open.step;
        if behind && self.rebuild(&open.lesson).is_err() {
            return Change::None;
        }
        self.play_to(target);
        let mut run = (*open).clone();
        run.step = i;
        run.answer = None;
        run.taken_over = false;
        run.question = open.lesson.steps[i]
            .ask
            .as_ref()
            .map(|_| Checkpoint::compute(&open.lesson, i).map(Rc::new));
        if i + 1 == run.len() {
            self.lessons.done = Rc::new(progress::mark_done(&run.lesson.id));
        }
        let stop = open.lesson.steps[i].pause || run.question.is_some() || i + 1 == run.len();
        if stop {
            self.set_playing(false);
        }
        self.lessons.open = Some(Rc::new(run));
        self.show_step();
        self.refresh(true);
        Change::Some
    }

    /// Every agenda item due by `ms`, the clock then at `ms` exactly.
    fn play_to(&mut self, ms: u64) {
        let mut sim = self.shared.sim.borrow_mut();
        let now = sim.now().ms();
        if ms > now {
            sim.run_for(ms - now);
        }
    }

    /// Open the tab the step names (or the one its highlights live in).
    fn show_step(&mut self) {
        let Some(open) = &self.lessons.open else {
            return;
        };
        let tab = open.highlights().iter().find_map(|h| match h {
            Highlight::Tab(name) => tab_named(name),
            _ => None,
        });
        let tab = tab.or_else(|| {
            open.highlights().iter().find_map(|h| match h {
                Highlight::VoteRow(_) => Some(Tab::Election),
                Highlight::Znode(_) => Some(Tab::Data),
                Highlight::Client(_) => Some(Tab::Clients),
                _ => None,
            })
        });
        if let Some(t) = tab {
            self.ui.tab = t;
            self.ui.pinned = true;
        }
    }

    /// Judge the answer, then run on to the checkpoint's `decide`.
    fn answer(&mut self, choice: &str) -> Change {
        let Some(open) = self.lessons.open.clone() else {
            return Change::None;
        };
        let Some(Ok(q)) = &open.question else {
            return Change::None;
        };
        if open.answer.is_some() || open.taken_over || !q.choices.iter().any(|c| c.id == choice) {
            return Change::None;
        }
        let verdict = q.judge(choice);
        if let Some(ask) = &open.lesson.steps[open.step].ask {
            self.play_to(ask.decide.ms());
        }
        let mut run = (*open).clone();
        run.answer = Some((choice.to_string(), verdict));
        self.lessons.open = Some(Rc::new(run));
        self.show_step();
        self.refresh(true);
        Change::Some
    }

    /// Free play from here; the lesson's position is kept.
    pub(super) fn take_over(&mut self) {
        if let Some(open) = &self.lessons.open
            && !open.taken_over
        {
            let mut run = (**open).clone();
            run.taken_over = true;
            self.lessons.open = Some(Rc::new(run));
            self.ui.pinned = false;
        }
    }

    /// A lesson is open and driving the run (not taken over).
    #[must_use]
    pub fn lesson_driving(&self) -> bool {
        self.lessons.open.as_ref().is_some_and(|l| !l.taken_over)
    }

    /// Back where the lesson was: its run rebuilt and played to the same step (and on to
    /// `decide` when the question was answered).
    fn back_to_lesson(&mut self) -> Change {
        let Some(open) = self.lessons.open.clone() else {
            return Change::None;
        };
        if !open.taken_over {
            return Change::None;
        }
        if self.rebuild(&open.lesson).is_err() {
            return Change::None;
        }
        self.play_to(open.at(open.step));
        if open.answer.is_some()
            && let Some(ask) = &open.lesson.steps[open.step].ask
        {
            self.play_to(ask.decide.ms());
        }
        let mut run = (*open).clone();
        run.taken_over = false;
        self.lessons.open = Some(Rc::new(run));
        self.show_step();
        self.refresh(true);
        Change::Some
    }

    /// While Play runs a lesson: the simulated ms it must not pass (the next step's time).
    pub(super) fn lesson_cap(&self) -> Option<u64> {
        let open = self.lessons.open.as_ref().filter(|l| !l.taken_over)?;
        let asking = matches!(open.question, Some(Ok(_))) && open.answer.is_none();
        if asking || open.step + 1 >= open.len() {
            return Some(open.at(open.step).max(self.shared.sim.borrow().now().ms()));
        }
        Some(open.at(open.step + 1))
    }

    /// Play reached the next step's time: show it, holding its narration for a dwell (and
    /// stopping at a pause, a question or the end).
    pub(super) fn lesson_arrive(&mut self) -> bool {
        let Some(open) = self.lessons.open.clone() else {
            return false;
        };
        // An unanswered checkpoint holds the run at its step: the student answers first.
        if !open.taken_over && matches!(open.question, Some(Ok(_))) && open.answer.is_none() {
            self.set_playing(false);
            return true;
        }
        if open.taken_over || open.step + 1 >= open.len() {
            // The end: Play stops there.
            if open.taken_over {
                return false;
            }
            self.set_playing(false);
            return true;
        }
        let _ = self.goto_step(open.step + 1);
        let dwell = self.playback.speed.dwell_ms().max(STEP_DWELL_MS);
        self.shared.dwell.set(dwell);
        true
    }
}
