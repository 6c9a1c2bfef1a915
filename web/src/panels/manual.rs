//! Manual delivery: every agenda item that may go next (`Simulation::enabled`: the head of
//! each link's queue, every timer and command) with Deliver, and for messages Drop and
//! Delay. Clicking a message on the ring selects it here.

use crate::store::{Action, use_store};
use yew::prelude::*;
use zabscope_core::Command;
use zabscope_core::sim::kernel::Item;
use zabscope_core::sim::trace::MsgInfo;

/// Items listed.
const SHOWN: usize = 24;

#[component]
pub fn Manual() -> Html {
    let store = use_store();
    if !store.manual {
        return html! {};
    }
    let sim = store.shared.sim.borrow();
    let k = sim.kernel();
    let rows: Vec<Html> = sim
        .enabled()
        .into_iter()
        .filter_map(|r| {
            let item = k.agenda.get(&(r.0, r.1))?;
            let (text, msg_id) = match item {
                Item::Deliver(m) => {
                    let t = MsgInfo::of(&m.msg).to_string();
                    if store.hide_pings && t.starts_with("PING") {
                        return None;
                    }
                    (format!("m{} {} → {}: {t}", m.id, m.from, m.to), Some(m.id))
                }
                Item::Timer { slot, .. } => (
                    format!("timer of server.{}", k.nodes.get(*slot).map_or(0, |n| n.id.0)),
                    None,
                ),
                Item::Command(c) => (format!("command {c}"), None),
                Item::ClientTick { client } => (
                    format!(
                        "client {} library tick",
                        k.clients.get(*client).map_or("?", |c| c.name.as_str())
                    ),
                    None,
                ),
                Item::ClientTimeout { client, cxid } => (
                    format!("client {} gives up on cxid {cxid}",
                        k.clients.get(*client).map_or("?", |c| c.name.as_str())),
                    None,
                ),
            };
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
