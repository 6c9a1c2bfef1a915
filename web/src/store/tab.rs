//! The inspector's tabs, and which one follows the action (an election opens Election, a write
//! opens Broadcast) until the user picks one. A new tab is a variant here and its component in
//! `crate::inspector`.

use super::Model;
use zabscope_core::zab::proto::ServerState;

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
    /// The sequence diagram (`crate::panels::sequence`).
    Sequence,
}

impl Tab {
    pub const ALL: [Tab; 8] = [
        Tab::Election,
        Tab::Broadcast,
        Tab::Logs,
        Tab::Data,
        Tab::Clients,
        Tab::Locks,
        Tab::FourLw,
        Tab::Sequence,
    ];
    /// The tab's name, in the page's language.
    #[must_use]
    pub fn label(self) -> &'static str {
        crate::i18n::t(match self {
            Tab::Election => "tab.election",
            Tab::Broadcast => "tab.broadcast",
            Tab::Logs => "tab.logs",
            Tab::Data => "tab.data",
            Tab::Clients => "tab.clients",
            Tab::Locks => "tab.locks",
            Tab::FourLw => "tab.4lw",
            Tab::Sequence => "tab.sequence",
        })
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
            Tab::Sequence => "tab-sequence",
        }
    }
}

impl Model {
    /// The tab that matches what is happening (an election, a write, …).
    pub(super) fn follow_tab(&self) -> Tab {
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
        } else if recipes && self.ui.tab != Tab::Broadcast {
            Tab::Locks
        } else if proposing {
            Tab::Broadcast
        } else if self.ui.tab == Tab::Election {
            Tab::Logs
        } else {
            self.ui.tab
        }
    }
}
