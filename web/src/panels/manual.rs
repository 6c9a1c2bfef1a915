//! Manual delivery: every agenda item that may go next (`Simulation::enabled`: the head of
//! each link's queue, every timer and command) with Deliver, and for messages Drop and
//! Delay. Clicking a message on the ring selects it here.

use yew::prelude::*;
use zabscope_core::explain::{Text, pending_text};
use zabscope_core::{AgendaRef, Command, Pending, Simulation};

/// Items listed.
const SHOWN: usize = 24;

/// One item that may go next.
#[derive(Clone, Debug, PartialEq)]
pub struct Enabled {
    pub at: AgendaRef,
    /// "m7 1 → 2: PROPOSAL(…)", "timer of server.3" … by key (`manual.item.*`), rendered in
    /// the page's language when drawn.
    pub text: Text,
    /// The message's type (`PROPOSAL`) when it is a delivery.
    pub kind: Option<&'static str>,
    /// The message's id when it is a delivery.
    pub msg_id: Option<u64>,
}

/// The items that may go next (PINGs left out when hidden), at most `SHOWN`.
#[must_use]
pub fn enabled(sim: &Simulation, hide_pings: bool) -> Vec<Enabled> {
    sim.enabled()
        .into_iter()
        .filter_map(|r| {
            let item = sim.pending(r)?;
            if let Pending::Message { info, .. } = &item
                && hide_pings
                && info.name.starts_with("PING")
            {
                return None;
            }
            let (text, msg_id) = (pending_text(&item), item.msg_id());
            let kind = match &item {
                Pending::Message { info, .. } => Some(info.name),
                _ => None,
            };
            Some(Enabled {
                at: r,
                text,
                kind,
                msg_id,
            })
        })
        .take(SHOWN)
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ManualProps {
    pub items: Vec<Enabled>,
    /// The message selected on the ring.
    pub selected: Option<u64>,
    /// Deliver a message or fire a timer or command.
    pub onfire: Callback<AgendaRef>,
    /// Drop or delay a message.
    pub oncommand: Callback<Command>,
}

#[component]
pub fn Manual(p: &ManualProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let t = crate::i18n::t;
    let rows = p.items.iter().map(|e| {
        let (r, text, msg_id) = (e.at, &e.text, e.msg_id);
        let ms = crate::i18n::tf("manual.at", &[("ms", &r.0.ms().to_string())]);
        let fire = p.onfire.reform(move |_: MouseEvent| r);
        let selected = msg_id.is_some() && msg_id == p.selected;
        html! {
            <li class={classes!("zs-enabled", selected.then_some("zs-selected"))}
                data-msg={msg_id.map(|i| i.to_string())} data-kind={e.kind}>
                <span>{ ms }{ crate::i18n::text_html(text) }</span>
                <button class="zs-deliver" onclick={fire}>{ if msg_id.is_some() { t("manual.deliver") } else { t("manual.fire") } }</button>
                if let Some(id) = msg_id {
                    <button class="zs-drop" onclick={p.oncommand.reform(move |_: MouseEvent| Command::DropMsg(id))}>{ t("manual.drop") }</button>
                    <button class="zs-delay" onclick={p.oncommand.reform(move |_: MouseEvent| Command::DelayMsg { id, ms: 100 })}>{ t("manual.delay") }</button>
                }
            </li>
        }
    });
    html! {
        <section id="manual-panel" class="zs-manual" aria-label={t("manual.label")}>
            <h2>{ t("manual.title") }</h2>
            <ol class="zs-enabled-list">{ for rows }</ol>
        </section>
    }
}
