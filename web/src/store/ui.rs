//! UI actions: the page's own choices, which never touch the simulation — the projector, the
//! inspector's tab, the open server menu, the selected message, the dialogs, the performance
//! lab's knobs.

use super::{Change, Model, Tab, lab};
use crate::i18n::{self, Lang};

/// A choice about what the page shows.
#[derive(Clone, Debug)]
pub enum UiAction {
    Projector(bool),
    /// Open (or close, `None`) a server's menu.
    Menu(Option<u32>),
    SelectMsg(Option<u64>),
    /// The user picks a tab: it stays (stops following the action).
    SelectTab(Tab),
    ShowSetup(bool),
    ShowHelp(bool),
    ShowGlossary(bool),
    /// Switch the page's language: only texts change (the run, its digest, the tab, what is
    /// open all stay); remembered for the next visit.
    SetLang(Lang),
    /// A language's catalogue is being fetched (`i18n::load::switch`).
    LangLoading(Lang),
    /// It could not be had: why (shown in the header); the page stays as it was.
    LangFailed(Lang, String),
    /// Open or close the performance lab (play pauses while it is open: the lab computes in
    /// the same thread between frames).
    ShowLab(bool),
    LabKnobs(lab::Knobs),
    LabFigure(lab::Figure),
    /// The sequence diagram's filters.
    SeqFilter(crate::panels::sequence::rows::Filter),
}

impl Model {
    pub(super) fn reduce_ui(&mut self, action: UiAction) -> Change {
        match action {
            UiAction::Projector(on) => self.ui.projector = on,
            UiAction::Menu(id) => self.ui.menu = id,
            UiAction::SelectMsg(id) => self.ui.selected_msg = id,
            UiAction::SelectTab(t) => {
                self.ui.tab = t;
                self.ui.pinned = true;
                // The Data tab asks the view for the data trees.
                self.refresh(false);
            }
            UiAction::ShowSetup(on) => {
                self.ui.show_setup = on;
                self.set_playing(self.playing() && !on);
            }
            UiAction::ShowHelp(on) => self.ui.show_help = on,
            UiAction::ShowGlossary(on) => {
                self.ui.show_glossary = on;
                if on {
                    self.ui.show_help = false;
                }
            }
            // A language whose catalogue is not here yet (a kept run or a shared link asks
            // for it): stay, and let `App` fetch it (`i18n::load`), which switches after.
            UiAction::SetLang(l) if !i18n::load::is_loaded(l) => {
                if self.ui.lang_pending == Some(l) {
                    return Change::None;
                }
                self.ui.lang_pending = Some(l);
            }
            UiAction::SetLang(l) => {
                let waiting = self.ui.lang_pending.is_some() || self.ui.lang_error.is_some();
                self.ui.lang_pending = None;
                self.ui.lang_boot = false;
                self.ui.lang_error = None;
                if l == self.ui.lang {
                    return if waiting { Change::Some } else { Change::None };
                }
                self.ui.lang = l;
                i18n::mirror(l);
                i18n::browser::remember(l);
            }
            UiAction::LangLoading(l) => {
                self.ui.lang_pending = Some(l);
                self.ui.lang_error = None;
            }
            UiAction::LangFailed(l, why) => {
                self.ui.lang_pending = None;
                self.ui.lang_boot = false;
                self.ui.lang_error = Some((l, why));
            }
            UiAction::ShowLab(on) => {
                self.ui.show_lab = on;
                self.set_playing(self.playing() && !on);
            }
            UiAction::LabKnobs(k) => self.ui.lab = k,
            UiAction::LabFigure(f) => self.ui.lab_figure = f,
            UiAction::SeqFilter(f) => {
                if f == self.ui.seq {
                    return Change::None;
                }
                self.ui.seq = f;
            }
        }
        Change::Some
    }
}
