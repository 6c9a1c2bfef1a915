//! The narration line: the core's sentence for the newest step (`explain::narrate`, by key,
//! in English here). With PINGs hidden, heartbeat-only steps are skipped.

use crate::store::use_store;
use yew::prelude::*;

#[component]
pub fn Narration() -> Html {
    let store = use_store();
    let sim = store.shared.sim.borrow();
    let shown = sim
        .narrations()
        .iter()
        .rev()
        .take(2_000)
        .find(|(_, t)| {
            !(store.hide_pings && (t.key == "msg.ping" || t.get("type").as_deref() == Some("PING")))
        })
        .map(|(s, t)| (*s, t.en()));
    drop(sim);
    let (step, text) = shown.unwrap_or((
        store.view.step,
        "Press Step (→) or Play (Space) to start.".into(),
    ));
    html! {
        <p id="narration" class="zs-narration" aria-live="polite">
            <span class="zs-narration-step">{ format!("step {step}: ") }</span>{ text }
        </p>
    }
}
