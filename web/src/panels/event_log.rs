//! The trace, newest first: every send, delivery, drop, timer, state change, persist,
//! proposal / ACK / COMMIT with quorum counts, client request and reply. PINGs (and the ticks
//! that send them) hide with the filter.

use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::Simulation;
use zabscope_core::explain::{Text, trace_text};
use zabscope_core::sim::trace::EventKind;

/// Lines shown.
const LINES: usize = 40;

/// The newest trace lines, newest first (PINGs and their ticks left out when hidden), by key
/// (`trace.*`, rendered in the page's language when drawn; a client reply names its result
/// as ZooKeeper's `KeeperException.Code` constant, `NONODE`, never the number on the wire).
#[must_use]
pub fn lines(sim: &Simulation, hide_pings: bool) -> Vec<Text> {
    sim.trace()
        .iter()
        .rev()
        .filter(|e| {
            !hide_pings
                || !matches!(&e.kind,
                    EventKind::Send { msg, .. } | EventKind::Deliver { msg, .. } | EventKind::Drop { msg, .. }
                        if msg.name == "PING")
                    && !matches!(e.kind, EventKind::Timer)
        })
        .take(LINES)
        .map(trace_text)
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lines: Rc<Vec<Text>>,
}

#[component]
pub fn EventLog(p: &EventLogProps) -> Html {
    let _lang = crate::i18n::use_lang();
    html! {
        <details class="zs-events" open=true>
            <summary>{ crate::i18n::t("trace.title") }</summary>
            <ol id="events" reversed=true>
                { for p.lines.iter().map(|l| html! { <li>{ crate::i18n::text_html(l) }</li> }) }
            </ol>
        </details>
    }
}
