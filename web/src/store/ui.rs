//! UI actions: the page's own choices, which never touch the simulation — the projector, the
//! inspector's tab, the open server menu, the selected message, the dialogs.

use super::{Change, Model, Tab};

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
        }
        Change::Some
    }
}
