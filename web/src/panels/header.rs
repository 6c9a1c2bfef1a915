//! The header a back row reads: epoch, leader, quorum size, and the invariant banner ("all
//! invariants hold" or the broken one with its step). Always on screen.

use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::{ClusterView, Simulation};

/// The first broken invariant: (its full text for the tooltip, the banner's text).
#[must_use]
pub fn violation(sim: &Simulation) -> Option<(String, String)> {
    sim.violations().first().map(|v| {
        (
            v.to_string(),
            format!("✗ {} violated at step {}", v.invariant, v.step),
        )
    })
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub view: Rc<ClusterView>,
    /// (quorum size, voters)
    pub quorum: (usize, usize),
    pub violation: Option<(String, String)>,
    pub projector: bool,
    pub onsetup: Callback<()>,
    /// Projector mode on or off.
    pub onprojector: Callback<bool>,
    pub onhelp: Callback<()>,
    /// Open the performance lab.
    pub onlab: Callback<()>,
}

#[component]
pub fn Header(p: &HeaderProps) -> Html {
    let view = &p.view;
    let epoch = view.epoch.map_or_else(
        || {
            let e = view
                .servers
                .iter()
                .map(|s| s.current_epoch)
                .max()
                .unwrap_or(0);
            format!("epoch {e}")
        },
        |e| format!("epoch {e}"),
    );
    let leader = view
        .leader
        .map_or_else(|| "no leader".to_string(), |l| format!("leader server.{l}"));
    let (q, voters) = p.quorum;
    let banner = match &p.violation {
        None => {
            html! { <span id="invariants" class="zs-ok" role="status">{ "✓ all invariants hold" }</span> }
        }
        Some((title, text)) => html! {
            <span id="invariants" class="zs-bad" role="alert" title={title.clone()}>
                { text }
            </span>
        },
    };
    let projector = p.projector;
    html! {
        <header class="zs-header">
            <h1>{ "ZabScope" }</h1>
            <span id="epoch" class="zs-h-item">{ epoch }</span>
            <span id="leader" class="zs-h-item zs-h-leader">{ leader }</span>
            <span id="quorum" class="zs-h-item">{ format!("quorum {q} of {voters}") }</span>
            { banner }
            <span class="zs-h-tools">
                <button id="open-setup" onclick={p.onsetup.reform(|_: MouseEvent| ())}>{ "⚙ set-up" }</button>
                <button id="open-lab" title={crate::i18n::t("lab.open.title")}
                    onclick={p.onlab.reform(|_: MouseEvent| ())}>{ crate::i18n::t("lab.open") }</button>
                <button id="projector" aria-pressed={projector.to_string()}
                    onclick={p.onprojector.reform(move |_: MouseEvent| !projector)}>{ "projector" }</button>
                <button id="help" aria-label="keyboard shortcuts" onclick={p.onhelp.reform(|_: MouseEvent| ())}>{ "?" }</button>
            </span>
        </header>
    }
}
