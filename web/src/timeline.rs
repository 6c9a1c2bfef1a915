//! The timeline: a slider over every step this history reached, with markers for elections
//! (○), leader changes (◆), faults (✕) and commits (●). Dragging it seeks (the core restores
//! the nearest checkpoint and replays).

use crate::state::{Action, use_store};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Marker slots across the bar (one marker per slot and kind).
const SLOTS: u64 = 240;

#[component]
pub fn Timeline() -> Html {
    let store = use_store();
    let max = store.max_step.max(1);
    let oninput = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                && let Ok(v) = i.value().parse::<u64>()
            {
                store.dispatch(Action::Seek(v));
            }
        })
    };
    let mut slots = BTreeMap::new();
    for m in &store.derived.markers {
        if m.step <= max {
            slots
                .entry((m.step * SLOTS / max, m.kind))
                .or_insert_with(|| m.clone());
        }
    }
    html! {
        <div class="zs-timeline">
            <div class="zs-markers" aria-hidden="true">
                { for slots.values().map(|m| html! {
                    <span class={classes!("zs-marker", m.kind.class())}
                        style={format!("left:{:.2}%", m.step as f64 * 100.0 / max as f64)}
                        title={format!("step {}: {}", m.step, m.text)}>{ m.kind.glyph() }</span>
                }) }
            </div>
            <input id="timeline" type="range" min="0" max={store.max_step.to_string()}
                value={store.view.step.to_string()} {oninput} disabled={store.playing}
                aria-label="timeline: step"
                aria-valuetext={format!("step {} of {}", store.view.step, store.max_step)} />
            <p class="zs-legend">{ "○ election · ◆ leader · ✕ fault · ● commit" }</p>
        </div>
    }
}
