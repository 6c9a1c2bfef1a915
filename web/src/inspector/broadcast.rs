//! Broadcast: each proposal with its ACKs against the quorum — dots filling to the quorum
//! ("2/3"), who ACKed — and the moment it commits (the core's `ProposalRecord`s).

use super::TabProps;
use crate::i18n::{t, tf};
use crate::ring::labels::zxid_title;
use yew::prelude::*;

/// Proposals shown, newest first.
const SHOWN: usize = 12;

#[component]
pub fn BroadcastTab(p: &TabProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let view = &p.view;
    let rows = view.proposals.iter().rev().take(SHOWN).map(|p| {
        let txn = view
            .servers
            .iter()
            .find(|s| s.myid == p.leader.0)
            .and_then(|l| l.log.iter().find(|e| e.zxid == p.zxid))
            .map_or_else(String::new, |e| e.txn.clone());
        let acks = p.acks.len() as u32;
        let total = p.needed.max(acks);
        let dots = (0..total).map(|i| {
            let filled = i < acks;
            html! { <span class={classes!("zs-dot", filled.then_some("zs-filled"), (i >= p.needed).then_some("zs-extra"))}
                aria-hidden="true">{ if filled { "●" } else { "○" } }</span> }
        });
        let state = match p.committed {
            Some((s, at)) => html! { <span class="zs-commit">{ tf("broadcast.commit", &[("step", &s.to_string()), ("at", &at.to_string())]) }</span> },
            None => html! { <span class="zs-waiting">{ t("broadcast.waiting") }</span> },
        };
        let ackers = p.acks.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        html! {
            <li class={classes!("zs-proposal", p.committed.is_some().then_some("zs-committed"))}
                data-zxid={p.zxid.to_string()}>
                <code title={zxid_title(p.zxid)}>{ p.zxid.to_string() }</code>
                <span class="zs-txn">{ format!(" {txn}") }</span>
                <span class="zs-dots" title={t("broadcast.dots.title")}>{ for dots }</span>
                <span class="zs-ack-count">{ tf("broadcast.acks", &[("acks", &acks.to_string()), ("needed", &p.needed.to_string())]) }</span>
                if !ackers.is_empty() { <small class="zs-ackers">{ format!(" {}", tf("broadcast.from", &[("ackers", &ackers)])) }</small> }
                { " " }{ state }
            </li>
        }
    });
    html! {
        <div class="zs-broadcast">
            <p class="zs-help-line">{ t("broadcast.help") }</p>
            if view.proposals.is_empty() {
                <p>{ t("broadcast.empty") }</p>
            }
            <ol class="zs-proposals">{ for rows }</ol>
        </div>
    }
}
