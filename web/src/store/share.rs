//! Share actions: open a run from a link, a file or storage (checked first; a refusal leaves
//! the current run as it was and says why), switch between branches, show the share link,
//! report what the browser did with it, and the open lesson. The run file itself is built by
//! [`run_file`], which `window.zabscope` and the keeper call between renders too.

use super::branches::{Branch, LessonAt, RunMeta};
use super::run;
use super::{Change, Model, Shared};
use crate::i18n::{Lang, Msg};
use crate::share::file::{self, Checked, FORMAT, RunFile, VERSION};
use crate::share::{FRAGMENT, browser};
use std::rc::Rc;
use zabscope_core::{Script, Simulation};

/// A message shown above the command line until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Acting at step `at` kept the old future as branch `kept` (0-based).
    Forked { at: u64, kept: usize },
    /// The share link; `copied`: `None` while the clipboard is asked, then whether it took it.
    Link { url: String, copied: Option<bool> },
    /// Something could not be opened or kept: why.
    Error(Msg),
    /// Something was opened: what.
    Info(Msg),
}

/// Where a run to open comes from (its messages differ).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Link,
    File,
    Storage,
}

/// What the share controls, the JS interface and the keeper ask.
#[derive(Clone, Debug)]
pub enum ShareAction {
    /// Open a run: a fragment (`run=…`) for `Link` and `Storage`, JSON text for `File`.
    Open(Source, String),
    /// Show branch `i` (0-based).
    SwitchBranch(usize),
    /// Show the share link (the page copies it to the clipboard as well).
    ShowLink,
    /// The clipboard took the link (or refused it).
    Copied(bool),
    /// Show a notice (an error from outside the store: a file too large, storage full).
    Notice(Notice),
    Dismiss,
    /// The lessons' overlay: the open lesson and its step (`None`: closed).
    SetLesson(Option<LessonAt>),
}

/// The whole session as a run file: every branch, the current one written from the
/// simulation (its step, its script) — what links, exports and storage hold.
#[must_use]
pub fn run_file(shared: &Shared) -> RunFile {
    let sim = shared.sim.borrow();
    let meta = shared.run.borrow();
    let mut branches = meta.branches.clone();
    let cur = &mut branches[meta.current];
    cur.step = sim.steps();
    cur.max_step = cur.max_step.max(cur.step);
    cur.script = run::export(&shared.base.borrow(), &sim).to_string();
    RunFile {
        format: FORMAT.to_string(),
        version: VERSION,
        lang: crate::i18n::lang().code().to_string(),
        lesson: meta.lesson.clone(),
        current: meta.current,
        branches,
    }
}

/// The share link of the current state.
#[must_use]
pub fn link(shared: &Shared) -> String {
    format!(
        "{}#{FRAGMENT}{}",
        browser::base_url(),
        run_file(shared).to_fragment()
    )
}

/// A fresh simulation of `script` at `step`.
fn replay(script: &Script, step: u64) -> Result<Simulation, Msg> {
    let mut sim = run::simulation(script)?;
    sim.seek(step);
    Ok(sim)
}

impl Model {
    pub(super) fn reduce_share(&mut self, action: ShareAction) -> Change {
        // Opening a run or switching branch while a lesson drives the run takes over.
        if matches!(action, ShareAction::Open(..) | ShareAction::SwitchBranch(_)) {
            self.take_over();
        }
        match action {
            ShareAction::Open(source, text) => {
                let checked = match source {
                    Source::File => file::from_json(&text),
                    Source::Link | Source::Storage => file::from_fragment(&text),
                };
                let outcome = checked.and_then(|c| self.open(c));
                *self.shared.result.borrow_mut() = outcome
                    .as_ref()
                    .map(|_| ())
                    .map_err(|e| e.render_in(Lang::En));
                match outcome {
                    Ok(step) => {
                        let key = match source {
                            Source::Link => "share.opened.link",
                            Source::File => "share.opened.file",
                            Source::Storage => "share.opened.kept",
                        };
                        self.commands.notice = Some(Rc::new(Notice::Info(Msg::Page(
                            key,
                            vec![("step", step.to_string())],
                        ))));
                    }
                    Err(e) => {
                        let key = match source {
                            Source::Link => "share.err.link",
                            Source::File => "share.err.file",
                            Source::Storage => "share.err.kept",
                        };
                        let why = e.render_in(self.ui.lang);
                        self.commands.notice =
                            Some(Rc::new(Notice::Error(Msg::Page(key, vec![("why", why)]))));
                    }
                }
            }
            ShareAction::SwitchBranch(i) => return self.switch_branch(i),
            ShareAction::ShowLink => {
                let url = link(&self.shared);
                self.commands.notice = Some(Rc::new(Notice::Link { url, copied: None }));
            }
            ShareAction::Copied(ok) => {
                let Some(n) = self.commands.notice.as_deref() else {
                    return Change::None;
                };
                let Notice::Link { url, .. } = n else {
                    return Change::None;
                };
                let url = url.clone();
                self.commands.notice = Some(Rc::new(Notice::Link {
                    url,
                    copied: Some(ok),
                }));
            }
            ShareAction::Notice(n) => self.commands.notice = Some(Rc::new(n)),
            ShareAction::Dismiss => {
                if self.commands.notice.is_none() {
                    return Change::None;
                }
                self.commands.notice = None;
            }
            ShareAction::SetLesson(l) => {
                let mut meta = self.shared.run.borrow_mut();
                if meta.lesson == l {
                    return Change::None;
                }
                meta.lesson = l;
            }
        }
        Change::Some
    }

    /// Open a checked run: replay its current branch to its step in a new simulation, and
    /// only then replace the page's run (a failure leaves it as it was). Returns the step.
    pub(super) fn open(&mut self, c: Checked) -> Result<u64, Msg> {
        let Checked { file, scripts } = c;
        let cur = file.current;
        let b = &file.branches[cur];
        let sim = replay(&scripts[cur], b.step)?;
        let step = sim.steps();
        let max_step = b.max_step.max(step);
        self.install(sim, scripts[cur].clone());
        self.playback.max_step = max_step;
        *self.shared.run.borrow_mut() = RunMeta {
            branches: file.branches,
            current: cur,
            lesson: file.lesson,
        };
        if let Some(l) = Lang::from_code(&file.lang) {
            let _ = self.reduce_ui(super::UiAction::SetLang(l));
        }
        self.refresh(true);
        Ok(step)
    }

    /// Show branch `i`: keep where the current one is (its script, step, furthest step), load
    /// branch `i`'s script and seek to the step it was left at.
    fn switch_branch(&mut self, i: usize) -> Change {
        let (cur, n) = {
            let m = self.shared.run.borrow();
            (m.current, m.branches.len())
        };
        if i >= n || i == cur {
            return Change::None;
        }
        let here = run_file(&self.shared).branches[cur].clone();
        let target: Branch = self.shared.run.borrow().branches[i].clone();
        let opened = Script::parse_text(&target.script)
            .map_err(Msg::Core)
            .and_then(|s| Ok((replay(&s, target.step)?, s)));
        match opened {
            Ok((sim, script)) => {
                self.install(sim, script);
                self.playback.max_step = target.max_step.max(target.step);
                let mut m = self.shared.run.borrow_mut();
                m.branches[cur] = here;
                m.current = i;
                drop(m);
                if matches!(self.commands.notice.as_deref(), Some(Notice::Forked { .. })) {
                    self.commands.notice = None;
                }
                self.refresh(true);
            }
            Err(e) => self.commands.notice = Some(Rc::new(Notice::Error(e))),
        }
        Change::Some
    }
}
