//! The narration line: one sentence for the step just taken (what was delivered or fired and
//! what it caused), built from that step's trace events. Heartbeat-only steps are skipped
//! when PINGs are hidden.

use crate::state::{heartbeat_step, use_store};
use yew::prelude::*;
use zabscope_core::trace::{Event, EventKind};

fn who(e: &Event) -> String {
    e.from
        .or(e.to)
        .map_or_else(|| "the ensemble".into(), |s| format!("server.{s}"))
}

/// One clause per interesting event of a step.
fn clause(e: &Event) -> Option<String> {
    let between = || match (e.from, e.to) {
        (Some(a), Some(b)) => format!("{a} → {b}"),
        _ => String::new(),
    };
    Some(match &e.kind {
        EventKind::Command(c) => format!("command “{c}” takes effect"),
        EventKind::Deliver { msg, .. } => format!("{} delivered {}", msg.name, between()),
        EventKind::Drop { msg, reason, .. } => {
            format!("{} {} dropped ({reason})", msg.name, between())
        }
        EventKind::State { state, phase } => format!("{} is now {state} ({phase})", who(e)),
        EventKind::Propose { zxid, needed } => {
            format!("{} proposes {zxid}; a quorum is {needed} ACKs", who(e))
        }
        EventKind::Ack { zxid, acks, needed } => {
            format!("{} counts {acks} of {needed} ACKs for {zxid}", who(e))
        }
        EventKind::Commit { zxid } => format!("{} commits {zxid}", who(e)),
        EventKind::Established { epoch } => format!("{} establishes epoch {epoch}", who(e)),
        EventKind::Sync {
            learner,
            kind,
            zxid,
        } => {
            format!(
                "{} syncs server.{learner} with {kind} (its last zxid {zxid})",
                who(e)
            )
        }
        EventKind::ClientReply { session, err, .. } if *err != 0 => {
            let code = zabscope_core::Code::ALL
                .iter()
                .find(|c| c.value() == *err)
                .map_or_else(|| err.to_string(), |c| c.name().to_string());
            format!("session {session} gets error {code}")
        }
        EventKind::ClientReply { session, zxid, .. } => {
            format!("session {session} gets its reply (zxid {zxid})")
        }
        EventKind::Watch { session, event } => format!("session {session} sees {event}"),
        EventKind::Timer => format!("{}'s timer fires", who(e)),
        _ => return None,
    })
}

/// The sentence for the events of the last step.
#[must_use]
pub fn sentence(events: &[Event]) -> String {
    let parts: Vec<String> = events.iter().filter_map(clause).take(3).collect();
    if parts.is_empty() {
        "Press Step (→) or Play (Space) to start.".into()
    } else {
        let mut s = parts.join("; ");
        if let Some(c) = s.get(..1) {
            s = c.to_uppercase() + &s[1..];
        }
        s + "."
    }
}

#[component]
pub fn Narration() -> Html {
    let store = use_store();
    let sim = store.shared.sim.borrow();
    let trace = sim.trace();
    // The newest step (not only heartbeats, when PINGs are hidden).
    let mut end = trace.len();
    let mut step = store.view.step;
    let mut from = end;
    for _ in 0..2_000 {
        if end == 0 {
            break;
        }
        step = trace[end - 1].step;
        from = trace[..end]
            .iter()
            .rposition(|e| e.step < step)
            .map_or(0, |i| i + 1);
        if !store.hide_pings || !heartbeat_step(&trace[from..end]) {
            break;
        }
        end = from;
    }
    let text = sentence(&trace[from..end]);
    drop(sim);
    html! {
        <p id="narration" class="zs-narration" aria-live="polite">
            <span class="zs-narration-step">{ format!("step {step}: ") }</span>{ text }
        </p>
    }
}
