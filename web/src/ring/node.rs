//! One server on the ring: a circle coloured and shaped by its role (★ leader, ? looking,
//! ◌ observer, ⏸ paused, ✕ crashed, dashed when down) and its id; its words (role, vote, ACKs,
//! epoch, phase) are laid out with the ring's other labels (`layout.rs`). It is a focusable
//! button: click or Enter opens its menu (reported to the ring through `onopen`), `f` focuses
//! the ring on it.

use super::geometry::node_radius;
use super::labels::{role_class, role_glyph, state_code, state_text, zxid_title};
use yew::prelude::*;
use zabscope_core::ServerView;

#[derive(Properties, PartialEq)]
pub struct RingNodeProps {
    pub server: ServerView,
    pub x: f64,
    pub y: f64,
    pub n: usize,
    /// Leading and broadcasting (drawn with a thicker ring).
    pub serving: bool,
    /// Its menu is open.
    pub open: bool,
    /// Another server has the focus: drawn faint.
    #[prop_or_default]
    pub dim: bool,
    /// Its label's lines, joined (for the tooltip).
    #[prop_or_default]
    pub words: String,
    /// Click or Enter: open its menu (the server's myid).
    pub onopen: Callback<u32>,
}

#[component]
pub fn RingNode(p: &RingNodeProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let s = &p.server;
    let id = s.myid;
    let r = node_radius(p.n);
    let open = p.onopen.reform(move |_: MouseEvent| id);
    let onkeydown = {
        let onopen = p.onopen.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                onopen.emit(id);
            }
        })
    };
    let state = state_text(s);
    let label = crate::i18n::tf(
        "node.label",
        &[
            ("id", &id.to_string()),
            ("state", &state),
            ("epoch", &s.current_epoch.to_string()),
            ("committed", &s.last_committed.to_string()),
        ],
    );
    html! {
        <g class={classes!("zs-node", role_class(s), p.serving.then_some("zs-serving"),
                p.open.then_some("zs-open"), p.dim.then_some("zs-dim"))}
           data-myid={id.to_string()} data-state={state_code(s)}
           data-phase={s.phase.map_or("", super::words::phase_id)}
           transform={format!("translate({:.1} {:.1})", p.x, p.y)}
           tabindex="0" role="button" aria-label={label.clone()} aria-haspopup="menu"
           onclick={open} {onkeydown}>
            <title>{ format!("{}\n{}", crate::i18n::tf("node.title", &[("label", &label), ("vote", &s.vote.map_or("-".into(), |v| zxid_title(v.zxid))), ("logged", &zxid_title(s.last_logged))]), p.words) }</title>
            <circle class="zs-node-ring" r={r.to_string()} />
            <text class="zs-node-id" y="8">{ id }</text>
            <text class="zs-node-glyph" x={(r * 0.78).to_string()} y={(-r * 0.62).to_string()}>{ role_glyph(s) }</text>
        </g>
    }
}
