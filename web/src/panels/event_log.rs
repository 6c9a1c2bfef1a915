//! The trace, newest first: every send, delivery, drop, timer, state change, persist,
//! proposal / ACK / COMMIT with quorum counts, client request and reply. PINGs (and the ticks
//! that send them) hide with the filter.

use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::Simulation;
use zabscope_core::sim::trace::{Event, EventKind};
use zabscope_core::zk::code::Code;

/// One trace line; a client reply names its error as ZooKeeper's `KeeperException.Code`
/// constant (`CONNECTIONLOSS`, `NONODE`), never the number on the wire.
#[must_use]
pub fn trace_line(e: &Event) -> String {
    match &e.kind {
        EventKind::ClientReply { err, .. } => {
            let name = Code::from_value(*err)
                .map_or_else(|| format!("UNKNOWN({err})"), |c| c.name().to_uppercase());
            let line = e.to_string();
            match line.strip_suffix(&format!("err={err}")) {
                Some(head) => format!("{head}{name}"),
                None => line,
            }
        }
        _ => e.to_string(),
    }
}

/// Lines shown.
const LINES: usize = 40;

/// The newest trace lines, newest first (PINGs and their ticks left out when hidden).
#[must_use]
pub fn lines(sim: &Simulation, hide_pings: bool) -> Vec<String> {
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
        .map(trace_line)
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lines: Rc<Vec<String>>,
}

#[component]
pub fn EventLog(p: &EventLogProps) -> Html {
    let _lang = crate::i18n::use_lang();
    html! {
        <details class="zs-events" open=true>
            <summary>{ crate::i18n::t("trace.title") }</summary>
            <ol id="events" reversed=true>
                { for p.lines.iter().map(|l| html! { <li><code>{ l }</code></li> }) }
            </ol>
        </details>
    }
}
