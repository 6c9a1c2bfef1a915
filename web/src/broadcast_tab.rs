//! Broadcast: each proposal of the leader with its ACKs against the quorum — dots filling to
//! the quorum ("2/3") — and the moment it commits. The counts are the leader's own
//! (`Leader.processAck`), read from the trace.

use crate::labels::zxid_title;
use crate::state::use_store;
use yew::prelude::*;

/// Proposals shown, newest first.
const SHOWN: usize = 12;

#[component]
pub fn BroadcastTab() -> Html {
    let store = use_store();
    let leader = store
        .view
        .servers
        .iter()
        .find(|s| store.view.leaders().contains(&s.myid));
    let rows = store.derived.proposals.values().rev().take(SHOWN).map(|p| {
        let txn = leader
            .and_then(|l| l.log.iter().find(|e| e.zxid == p.zxid))
            .map_or_else(String::new, |e| e.txn.clone());
        let total = p.needed.max(p.acks);
        let dots = (0..total).map(|i| {
            let filled = i < p.acks;
            html! { <span class={classes!("zs-dot", filled.then_some("zs-filled"), (i >= p.needed).then_some("zs-extra"))}
                aria-hidden="true">{ if filled { "●" } else { "○" } }</span> }
        });
        let state = match p.committed_step {
            Some(s) => html! { <span class="zs-commit">{ format!("COMMIT (step {s})") }</span> },
            None => html! { <span class="zs-waiting">{ "waiting for a quorum of ACKs" }</span> },
        };
        html! {
            <li class={classes!("zs-proposal", p.committed_step.is_some().then_some("zs-committed"))}
                data-zxid={p.zxid.to_string()}>
                <code title={zxid_title(p.zxid)}>{ p.zxid.to_string() }</code>
                <span class="zs-txn">{ format!(" {txn}") }</span>
                <span class="zs-dots" title="ACKs (the leader's own included) against the quorum">{ for dots }</span>
                <span class="zs-ack-count">{ format!("{}/{} ACKs", p.acks, p.needed) }</span>
                <small class="zs-ackers">{ if p.ackers.is_empty() { String::new() } else {
                    format!(" from {}", p.ackers.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")) } }</small>
                { " " }{ state }
            </li>
        }
    });
    html! {
        <div class="zs-broadcast">
            <p class="zs-help-line">{ "PROPOSAL → ACK → COMMIT: the leader commits a txn once a quorum (itself included) has logged it." }</p>
            if store.derived.proposals.is_empty() {
                <p>{ "No proposals yet: connect a client and write (e.g. connect c1 1, then create c1 /app hello)." }</p>
            }
            <ol class="zs-proposals">{ for rows }</ol>
        </div>
    }
}
