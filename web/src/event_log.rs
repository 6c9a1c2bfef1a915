//! The trace, newest first: every send, delivery, drop, timer, state change, persist,
//! proposal / ACK / COMMIT with quorum counts, client request and reply. PINGs (and the ticks
//! that send them) hide with the filter.

use crate::state::use_store;
use yew::prelude::*;
use zabscope_core::trace::EventKind;

/// Lines shown.
const LINES: usize = 40;

#[component]
pub fn EventLog() -> Html {
    let store = use_store();
    let sim = store.shared.sim.borrow();
    let lines: Vec<String> = sim
        .trace()
        .iter()
        .rev()
        .filter(|e| {
            !store.hide_pings
                || !matches!(&e.kind,
                    EventKind::Send { msg, .. } | EventKind::Deliver { msg, .. } | EventKind::Drop { msg, .. }
                        if msg.name == "PING")
                    && !matches!(e.kind, EventKind::Timer)
        })
        .take(LINES)
        .map(ToString::to_string)
        .collect();
    drop(sim);
    html! {
        <details class="zs-events" open=true>
            <summary>{ "Trace" }</summary>
            <ol id="events" reversed=true>
                { for lines.iter().map(|l| html! { <li><code>{ l }</code></li> }) }
            </ol>
        </details>
    }
}
