//! Election: per LOOKING server its proposal and the votes it has received (`recvset` and
//! `outofelection`) as (peerEpoch, zxid, sid), the field that decides each comparison
//! highlighted, "n of quorum agree", and the last vote change with its reason — all computed
//! by the core (`explain::ElectionView`, `VoteChange`).

use super::TabProps;
use crate::ring::labels::{state_text, zxid_title};
use std::cmp::Ordering;
use yew::prelude::*;
use zabscope_core::explain::{Decider, RowSource};
use zabscope_core::zab::proto::Vote;

fn vote_cells(v: &Vote, hot: Option<Decider>) -> Html {
    let cell = |d: Decider, text: String, title: String| {
        html! { <span class={classes!("zs-vf", (hot == Some(d)).then_some("zs-hot"))} {title}>{ text }</span> }
    };
    html! {
        <span class="zs-vote">
            { "(" }
            { cell(Decider::Epoch, format!("{:#x}", v.peer_epoch), "peerEpoch".into()) }{ ", " }
            { cell(Decider::Zxid, v.zxid.to_string(), zxid_title(v.zxid)) }{ ", " }
            { cell(Decider::Sid, v.leader.map_or("-".into(), |l| l.to_string()), "sid of the proposed leader".into()) }
            { ")" }
        </span>
    }
}

#[component]
pub fn ElectionTab(p: &TabProps) -> Html {
    let view = &p.view;
    let change = view.vote_change.as_ref().map(|c| {
        html! {
            <p id="vote-change" class={classes!("zs-vote-change", c.changed.then_some("zs-changed"))}>
                { c.text.en() }
            </p>
        }
    });
    let rows = view.servers.iter().map(|s| {
        let body = match &s.election {
            Some(e) => {
                let received = e.rows.iter().map(|r| {
                    let hot = (r.order != Ordering::Equal).then_some(r.decider);
                    let better = r.order == Ordering::Greater;
                    html! {
                        <li class={classes!("zs-recv", r.agrees.then_some("zs-agree"), better.then_some("zs-better"))}
                            data-from={r.sid.to_string()}>
                            <span class="zs-recv-from">{ format!("from {}{} ", r.sid, if r.agrees { " ✓" } else if better { " ▲" } else { "" }) }</span>
                            { vote_cells(&r.vote, hot) }
                            <span class="zs-recv-state">{ format!(" {}{}", r.state,
                                if r.source == RowSource::OutOfElection { " (out of election)" } else { "" }) }</span>
                        </li>
                    }
                });
                html! {
                    <>
                        <p class={classes!("zs-agree-count", (e.agree >= e.quorum).then_some("zs-quorum"))}>
                            { format!("{} of quorum {} agree{}", e.agree, e.quorum,
                                if e.finalizing { " — waiting finalizeWait for a better vote" } else { "" }) }</p>
                        <ul class="zs-recvset">{ for received }</ul>
                    </>
                }
            }
            None => match s.leader {
                Some(l) if s.state.is_some() => html! { <p>{ format!("follows the elected leader server.{l}") }</p> },
                _ => html! { <p>{ "—" }</p> },
            },
        };
        let own = s.election.as_ref().map(|e| e.proposal).or(s.vote);
        let looking = s.election.is_some();
        html! {
            <tr class={classes!("zs-erow", looking.then_some("zs-looking-row"))} data-myid={s.myid.to_string()}>
                <th scope="row">{ format!("server.{}", s.myid) }<br/><small>{ state_text(s) }</small></th>
                <td class="zs-own">{ own.map_or_else(|| html! { "—" }, |v| vote_cells(&v, None)) }
                    <br/><small>{ format!("round {:#x}", s.logical_clock) }</small></td>
                <td>{ body }</td>
            </tr>
        }
    });
    html! {
        <div class="zs-election">
            { for change }
            <p class="zs-help-line">{ "A vote is (peerEpoch, zxid, sid): the higher epoch wins, then the higher zxid, then the higher sid. Highlighted: the field that decides; ▲ a better vote than the server's own; ✓ agrees with it." }</p>
            <table class="zs-table">
                <thead><tr><th>{ "server" }</th><th>{ "its vote" }</th><th>{ "votes received" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
