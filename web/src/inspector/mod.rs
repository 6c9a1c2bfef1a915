//! The inspector: tabs that follow the action (an election opens Election, a write opens
//! Broadcast) until the user picks one. Arrow keys move between tabs (WAI-ARIA tabs pattern).
//!
//! `Inspector` is the container: it reads the store and gives the open tab its props (the view,
//! or what it reads off the simulation) and callbacks. A new tab is a `Tab` variant
//! (`crate::store::Tab`), a file here, and one arm below.

mod broadcast;
mod clients;
mod data;
mod election;
mod fourlw;
mod locks;
mod logs;

use crate::store::{CommandAction, Tab, UiAction, callback, use_store};
use broadcast::BroadcastTab;
use clients::ClientsTab;
use data::DataTab;
use election::ElectionTab;
use fourlw::FourLwTab;
use locks::LocksTab;
use logs::LogsTab;
use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::ClusterView;

/// What a tab drawn from the view alone takes.
#[derive(Properties, PartialEq)]
pub struct TabProps {
    pub view: Rc<ClusterView>,
}

#[component]
pub fn Inspector() -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let store = use_store();
    let select = callback(&store).reform(UiAction::SelectTab);
    let tabs = Tab::ALL.iter().map(|&t| {
        let on = store.ui.tab == t;
        let select = select.clone();
        let onclick = select.reform(move |_: MouseEvent| t);
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            let i = Tab::ALL.iter().position(|x| *x == t).unwrap_or(0);
            let n = Tab::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => Tab::ALL[(i + 1) % n],
                "ArrowLeft" => Tab::ALL[(i + n - 1) % n],
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            select.emit(next);
        });
        html! {
            <button id={t.id()} role="tab" class={classes!("zs-tab", on.then_some("active"))}
                aria-selected={on.to_string()} tabindex={if on { "0" } else { "-1" }}
                {onclick} {onkeydown}>{ t.label() }</button>
        }
    });
    let view = store.view.clone();
    let body = match store.ui.tab {
        Tab::Election => html! { <ElectionTab {view} /> },
        Tab::Broadcast => html! { <BroadcastTab {view} /> },
        Tab::Logs => html! { <LogsTab {view} /> },
        Tab::Data => html! { <DataTab {view} /> },
        Tab::Clients => {
            let cards = clients::cards(&store.shared.sim.borrow());
            let onopen =
                callback(&store).reform(|name: String| CommandAction::OpenZkCli(Some(name)));
            html! { <ClientsTab {cards} {onopen} /> }
        }
        Tab::Locks => html! { <LocksTab {view} /> },
        Tab::Sequence => html! { <crate::panels::sequence::SequencePanel /> },
        Tab::FourLw => {
            let servers = view.servers.iter().map(|s| s.myid).collect::<Vec<_>>();
            let fourlw = store.commands.fourlw.clone();
            let onword =
                callback(&store).reform(|(id, w): (u32, String)| CommandAction::FourLw(id, w));
            html! { <FourLwTab {servers} {fourlw} {onword} /> }
        }
    };
    html! {
        <section class="zs-inspector" aria-label={crate::i18n::t("inspector.label")}>
            <div class="zs-tabs" role="tablist">
                { for tabs }
                if store.ui.pinned {
                    <span class="zs-pinned" title={crate::i18n::t("inspector.pinned.title")}>{ crate::i18n::t("inspector.pinned") }</span>
                }
            </div>
            <div class="zs-tab-body" role="tabpanel" aria-labelledby={store.ui.tab.id()}>{ body }</div>
        </section>
    }
}
