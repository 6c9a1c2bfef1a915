//! One message on the ring: a dot with an arrowhead pointing the way it travels, on its lane,
//! its lane's words (the kinds queued on it) are laid out by the ring (`layout.rs`).
//! Its send/due times and lane ride along as data attributes, so the animator moves it every
//! frame without Yew re-rendering the SVG.

use super::geometry::{Lane, transform};
use yew::prelude::*;

/// Everything needed to draw one message.
#[derive(Clone, Debug, PartialEq)]
pub struct MsgDraw {
    pub id: u64,
    /// Packet type: PROPOSAL, ACK, NOTIFICATION …
    pub kind: String,
    /// Whom an FLE NOTIFICATION votes for (typed in the view, never parsed from the text).
    pub vote_for: Option<u32>,
    /// The full text for the tooltip and the manual list.
    pub text: String,
    pub from: u32,
    pub to: u32,
    pub lane: Lane,
    pub sent: u64,
    pub due: u64,
    pub rank: usize,
    /// "in flight", "held", "parked" (arrived at a paused server).
    pub where_: &'static str,
    /// Where it is drawn now (fraction of the lane).
    pub at: f64,
    pub selected: bool,
}

#[derive(Properties, PartialEq)]
pub struct RingMsgProps {
    pub m: MsgDraw,
    /// Another server has the focus and this message does not involve it.
    #[prop_or_default]
    pub dim: bool,
    /// A click selects it (its id).
    pub onselect: Callback<u64>,
}

#[component]
pub fn RingMsg(p: &RingMsgProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let m = &p.m;
    let onclick = {
        let (onselect, id) = (p.onselect.clone(), m.id);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            onselect.emit(id);
        })
    };
    let anim = m.where_ == "in flight";
    html! {
        <g class={classes!("zs-msg", format!("zs-msg-{}", m.kind.to_lowercase()),
                format!("zs-{}", m.where_.replace(' ', "-")), m.selected.then_some("zs-selected"),
                p.dim.then_some("zs-dim"))}
           data-id={m.id.to_string()} data-from={m.from.to_string()} data-to={m.to.to_string()}
           data-kind={m.kind.clone()}
           data-anim={anim.then_some("1")}
           data-x1={format!("{:.1}", m.lane.x1)} data-y1={format!("{:.1}", m.lane.y1)}
           data-x2={format!("{:.1}", m.lane.x2)} data-y2={format!("{:.1}", m.lane.y2)}
           data-sent={m.sent.to_string()} data-due={m.due.to_string()} data-rank={m.rank.to_string()}
           transform={transform(&m.lane, m.at)} {onclick}>
            <title>{ format!("m{} {} → {}: {} ({})", m.id, m.from, m.to, m.text, crate::i18n::t(&format!("msg.where.{}", m.where_.replace(' ', "_")))) }</title>
            <g transform={format!("rotate({:.0})", m.lane.angle_deg())}>
                <circle r="8" />
                <path class="zs-arrow" d="M 7 -6 L 17 0 L 7 6 z" />
            </g>
        </g>
    }
}
