//! The inspector: tabs that follow the action (an election opens Election, a write opens
//! Broadcast) until the user picks one. Arrow keys move between tabs (WAI-ARIA tabs pattern).

mod broadcast;
mod clients;
mod data;
mod election;
mod fourlw;
mod locks;
mod logs;

use crate::inspector::broadcast::BroadcastTab;
use crate::inspector::clients::ClientsTab;
use crate::inspector::data::DataTab;
use crate::inspector::election::ElectionTab;
use crate::inspector::fourlw::FourLwTab;
use crate::inspector::locks::LocksTab;
use crate::inspector::logs::LogsTab;
use crate::store::{Action, Tab, use_store};
use yew::prelude::*;

#[component]
pub fn Inspector() -> Html {
    let store = use_store();
    let tabs = Tab::ALL.iter().map(|&t| {
        let on = store.tab == t;
        let store = store.clone();
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::SelectTab(t)))
        };
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
            store.dispatch(Action::SelectTab(next));
        });
        html! {
            <button id={t.id()} role="tab" class={classes!("zs-tab", on.then_some("active"))}
                aria-selected={on.to_string()} tabindex={if on { "0" } else { "-1" }}
                {onclick} {onkeydown}>{ t.label() }</button>
        }
    });
    let body = match store.tab {
        Tab::Election => html! { <ElectionTab /> },
        Tab::Broadcast => html! { <BroadcastTab /> },
        Tab::Logs => html! { <LogsTab /> },
        Tab::Data => html! { <DataTab /> },
        Tab::Clients => html! { <ClientsTab /> },
        Tab::Locks => html! { <LocksTab /> },
        Tab::FourLw => html! { <FourLwTab /> },
    };
    html! {
        <section class="zs-inspector" aria-label="Inspector">
            <div class="zs-tabs" role="tablist">
                { for tabs }
                if store.pinned {
                    <span class="zs-pinned" title="the tab no longer follows the action">{ "pinned (the tab stays)" }</span>
                }
            </div>
            <div class="zs-tab-body" role="tabpanel" aria-labelledby={store.tab.id()}>{ body }</div>
        </section>
    }
}
