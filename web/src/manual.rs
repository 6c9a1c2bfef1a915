//! Manual delivery: every agenda item that may go next (`Simulation::enabled`: the head of
//! each link's queue, every timer and command) with Deliver, and for messages Drop and
//! Delay. Clicking a message on the ring selects it here.

use crate::state::{Action, use_store};
use yew::prelude::*;
use zabscope_core::{Command, Pending};

/// Items listed.
const SHOWN: usize = 24;

#[component]
pub fn Manual() -> Html {
    let store = use_store();
    if !store.manual {
        return html! {};
    }
    let sim = store.shared.sim.borrow();
    let rows: Vec<Html> = sim
        .enabled()
        .into_iter()
        .filter_map(|r| {
            let item = sim.pending(r)?;
            if let Pending::Message { info, .. } = &item
                && store.hide_pings
                && info.name.starts_with("PING")
            {
                return None;
            }
            let (text, msg_id) = (item.to_string(), item.msg_id());
            let fire = {
                let store = store.clone();
                Callback::from(move |_: MouseEvent| store.dispatch(Action::Fire(r)))
            };
            let selected = msg_id.is_some() && msg_id == store.selected_msg;
            Some(html! {
                <li class={classes!("zs-enabled", selected.then_some("zs-selected"))}
                    data-msg={msg_id.map(|i| i.to_string())} data-kind={text.split(": ").nth(1).and_then(|t| t.split('(').next()).map(str::to_string)}>
                    <span>{ format!("{} ms · {text}", r.0.ms()) }</span>
                    <button class="zs-deliver" onclick={fire}>{ if msg_id.is_some() { "deliver" } else { "fire" } }</button>
                    if let Some(id) = msg_id {
                        <button class="zs-drop" onclick={{ let s = store.clone(); Callback::from(move |_: MouseEvent| s.dispatch(Action::Apply(Command::DropMsg(id)))) }}>{ "drop" }</button>
                        <button class="zs-delay" onclick={{ let s = store.clone(); Callback::from(move |_: MouseEvent| s.dispatch(Action::Apply(Command::DelayMsg { id, ms: 100 }))) }}>{ "delay 100 ms" }</button>
                    }
                </li>
            })
        })
        .take(SHOWN)
        .collect();
    drop(sim);
    html! {
        <section id="manual-panel" class="zs-manual" aria-label="Manual delivery">
            <h2>{ "Manual delivery: choose what happens next" }</h2>
            <ol class="zs-enabled-list">{ for rows }</ol>
        </section>
    }
}
