//! Election: per LOOKING server its proposal and the votes it has received (`recvset` and
//! `outofelection`) as (peerEpoch, zxid, sid), the field that decides each comparison
//! highlighted, "n of quorum agree", and the last vote change with its reason — all computed
//! by the core (`explain::ElectionView`, `VoteChange`).

use super::TabProps;
use crate::i18n::{t, text, tf};
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
            { cell(Decider::Sid, v.leader.map_or("-".into(), |l| l.to_string()), t("election.sid.title").into()) }
            { ")" }
        </span>
    }
}

#[component]
pub fn ElectionTab(p: &TabProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let view = &p.view;
    let change = view.vote_change.as_ref().map(|c| {
        html! {
            <p id="vote-change" class={classes!("zs-vote-change", c.changed.then_some("zs-changed"))}>
                { text(&c.text) }
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
                            <span class="zs-recv-from">{ format!("{}{} ", tf("election.from", &[("sid", &r.sid.to_string())]), if r.agrees { " ✓" } else if better { " ▲" } else { "" }) }</span>
                            { vote_cells(&r.vote, hot) }
                            <span class="zs-recv-state">{ format!(" {}{}", r.state,
                                if r.source == RowSource::OutOfElection { t("election.out_of_election") } else { "" }) }</span>
                        </li>
                    }
                });
                html! {
                    <>
                        <p class={classes!("zs-agree-count", (e.agree >= e.quorum).then_some("zs-quorum"))}>
                            { tf(if e.finalizing { "election.agree.finalizing" } else { "election.agree" },
                                &[("agree", &e.agree.to_string()), ("quorum", &e.quorum.to_string())]) }</p>
                        <ul class="zs-recvset">{ for received }</ul>
                    </>
                }
            }
            None => match s.leader {
                Some(l) if s.state.is_some() => html! { <p>{ tf("election.follows", &[("id", &l.to_string())]) }</p> },
                _ => html! { <p>{ "—" }</p> },
            },
        };
        let own = s.election.as_ref().map(|e| e.proposal).or(s.vote);
        let looking = s.election.is_some();
        html! {
            <tr class={classes!("zs-erow", looking.then_some("zs-looking-row"))} data-myid={s.myid.to_string()}>
                <th scope="row">{ format!("server.{}", s.myid) }<br/><small>{ state_text(s) }</small></th>
                <td class="zs-own">{ own.map_or_else(|| html! { "—" }, |v| vote_cells(&v, None)) }
                    <br/><small>{ tf("election.round", &[("round", &format!("{:#x}", s.logical_clock))]) }</small></td>
                <td>{ body }</td>
            </tr>
        }
    });
    html! {
        <div class="zs-election">
            { for change }
            <p class="zs-help-line">{ t("election.help") }</p>
            <table class="zs-table">
                <thead><tr><th>{ t("election.col.server") }</th><th>{ t("election.col.vote") }</th><th>{ t("election.col.received") }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
