//! The narration line: the core's sentence for the newest step (`explain::narrate`, by key,
//! rendered in the page's language). With PINGs hidden, heartbeat-only steps are skipped.

use crate::i18n::{t, tf, use_lang};
use yew::prelude::*;
use zabscope_core::Simulation;
use zabscope_core::explain::Text;

/// Is this narration heartbeat traffic, left out while PINGs are hidden (a PING delivered,
/// the leader's half-tick that sends them)?
#[must_use]
pub fn hidden(t: &Text, hide_pings: bool) -> bool {
    hide_pings
        && (t.key == "msg.ping"
            || t.key == "step.timer.ping"
            || t.get("type").as_deref() == Some("PING"))
}

/// The newest narration to show: (its step, its sentence).
#[must_use]
pub fn newest(sim: &Simulation, hide_pings: bool) -> Option<(u64, String)> {
    sim.narrations()
        .iter()
        .rev()
        .take(2_000)
        .find(|(_, t)| !hidden(t, hide_pings))
        .map(|(s, t)| (*s, crate::i18n::text(t)))
}

#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    /// The step shown (before any narration).
    pub step: u64,
    pub shown: Option<(u64, String)>,
}

#[component]
pub fn Narration(p: &NarrationProps) -> Html {
    let _lang = use_lang();
    let (step, text) = p
        .shown
        .clone()
        .unwrap_or_else(|| (p.step, t("narration.start").to_string()));
    html! {
        <p id="narration" class="zs-narration" aria-live="polite">
            <span class="zs-narration-step">{ tf("narration.step", &[("step", &step.to_string())]) }</span>{ text }
        </p>
    }
}
