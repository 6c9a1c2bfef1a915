//! The header a back row reads: epoch, leader, quorum size, and the invariant banner ("all
//! invariants hold" or the broken one with its step). Always on screen.

use crate::store::{Action, use_store};
use yew::prelude::*;

#[component]
pub fn Header() -> Html {
    let store = use_store();
    let view = &store.view;
    let epoch = view.epoch.map_or_else(
        || {
            let e = view
                .servers
                .iter()
                .map(|s| s.current_epoch)
                .max()
                .unwrap_or(0);
            format!("epoch {e}")
        },
        |e| format!("epoch {e}"),
    );
    let leader = view
        .leader
        .map_or_else(|| "no leader".to_string(), |l| format!("leader server.{l}"));
    let (q, voters) = store.quorum();
    let sim = store.shared.sim.borrow();
    let banner = match sim.violations().first() {
        None => {
            html! { <span id="invariants" class="zs-ok" role="status">{ "✓ all invariants hold" }</span> }
        }
        Some(v) => html! {
            <span id="invariants" class="zs-bad" role="alert" title={v.to_string()}>
                { format!("✗ {} violated at step {}", v.invariant, v.step) }
            </span>
        },
    };
    drop(sim);
    let click = |a: Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(a.clone()))
    };
    html! {
        <header class="zs-header">
            <h1>{ "ZabScope" }</h1>
            <span id="epoch" class="zs-h-item">{ epoch }</span>
            <span id="leader" class="zs-h-item zs-h-leader">{ leader }</span>
            <span id="quorum" class="zs-h-item">{ format!("quorum {q} of {voters}") }</span>
            { banner }
            <span class="zs-h-tools">
                <button id="open-setup" onclick={click(Action::ShowSetup(true))}>{ "⚙ set-up" }</button>
                <button id="projector" aria-pressed={store.projector.to_string()}
                    onclick={click(Action::Projector(!store.projector))}>{ "projector" }</button>
                <button id="help" aria-label="keyboard shortcuts" onclick={click(Action::ShowHelp(true))}>{ "?" }</button>
            </span>
        </header>
    }
}
