//! The timeline: a slider over every step this history reached, with the core's markers —
//! elections (○), leader changes (◆), faults (✕), heals and restarts (+), commits (●).
//! Dragging it seeks (the core restores the nearest checkpoint and replays).

use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use zabscope_core::Simulation;
use zabscope_core::explain::MarkerKind;

/// Marker slots across the bar (one marker per slot and kind).
const SLOTS: u64 = 240;

/// Glyph and CSS class of a marker kind (a shape, not only a colour).
fn look(k: MarkerKind) -> (&'static str, &'static str) {
    match k {
        MarkerKind::ElectionStart => ("○", "zs-mk-election"),
        MarkerKind::LeaderChange => ("◆", "zs-mk-leader"),
        MarkerKind::Crash | MarkerKind::Stop | MarkerKind::Pause | MarkerKind::Partition => {
            ("✕", "zs-mk-fault")
        }
        MarkerKind::Restart | MarkerKind::Start | MarkerKind::Resume | MarkerKind::Heal => {
            ("+", "zs-mk-heal")
        }
        MarkerKind::Command => ("·", "zs-mk-command"),
        MarkerKind::Commit => ("●", "zs-mk-commit"),
    }
}

/// A marker drawn: (its step, its kind, its text).
pub type Marker = (u64, MarkerKind, String);

/// The markers up to `max_step`, one per slot and kind (the first), in slot order.
#[must_use]
pub fn markers(sim: &Simulation, max_step: u64) -> Vec<Marker> {
    let max = max_step.max(1);
    let mut slots = BTreeMap::new();
    for m in sim.markers() {
        if m.step <= max && m.kind != MarkerKind::Command {
            slots
                .entry((m.step * SLOTS / max, look(m.kind).1))
                .or_insert_with(|| (m.step, m.kind, crate::i18n::text(&m.text)));
        }
    }
    slots.into_values().collect()
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub step: u64,
    pub max_step: u64,
    pub playing: bool,
    pub markers: Rc<Vec<Marker>>,
    /// The slider moved to a step.
    pub onseek: Callback<u64>,
    /// The session's branches: (the action that forked it, empty for the first run; the step
    /// it forked at), and the one shown.
    pub branches: Rc<Vec<(String, u64)>>,
    pub current: usize,
    /// The user chose branch i (0-based).
    pub onbranch: Callback<usize>,
}

#[component]
pub fn Timeline(p: &TimelineProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let max = p.max_step.max(1);
    let oninput = {
        let onseek = p.onseek.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                && let Ok(v) = i.value().parse::<u64>()
            {
                onseek.emit(v);
            }
        })
    };
    let root = use_node_ref();
    super::css::use_data_css(root.clone());
    let onbranch = {
        let cb = p.onbranch.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|s| s.value().parse::<usize>().ok())
            {
                cb.emit(i);
            }
        })
    };
    html! {
        <div class="zs-timeline" ref={root}>
            <div class="zs-markers" aria-hidden="true">
                { for p.markers.iter().map(|(step, kind, text)| {
                    let (glyph, class) = look(*kind);
                    html! {
                        <span class={classes!("zs-marker", class)}
                            data-css={format!("left:{:.2}%", *step as f64 * 100.0 / max as f64)}
                            title={crate::i18n::tf("timeline.marker", &[("step", &step.to_string()), ("text", text)])}>{ glyph }</span>
                    }
                }) }
            </div>
            <input id="timeline" type="range" min="0" max={p.max_step.to_string()}
                value={p.step.to_string()} {oninput} disabled={p.playing}
                aria-label={crate::i18n::t("timeline.label")}
                aria-valuetext={crate::i18n::tf("timeline.value", &[("step", &p.step.to_string()), ("max", &p.max_step.to_string())])} />
            <p class="zs-legend">{ crate::i18n::t("timeline.legend") }</p>
            if p.branches.len() > 1 {
                <label class="zs-branches">{ crate::i18n::t("branch.label") }
                    <select id="branches" onchange={onbranch}>
                        { for p.branches.iter().enumerate().map(|(i, (name, at))| {
                            let text = if name.is_empty() {
                                crate::i18n::tf("branch.first", &[("n", &(i + 1).to_string())])
                            } else {
                                crate::i18n::tf("branch.item", &[("n", &(i + 1).to_string()),
                                    ("name", name), ("step", &at.to_string())])
                            };
                            html! { <option value={i.to_string()} selected={i == p.current}>{ text }</option> }
                        }) }
                    </select>
                </label>
            }
        </div>
    }
}
