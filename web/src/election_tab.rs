//! Election: per server its vote and the votes it has received (`recvset`) as
//! (peerEpoch, zxid, sid), each received vote marked where it differs from the server's own
//! (the deciding field of the comparison highlighted), and "n of quorum agree".

use crate::labels::{state_text, zxid_title};
use crate::state::use_store;
use yew::prelude::*;
use zabscope_core::proto::Vote;

/// The vote as FLE compares it: (peerEpoch, zxid, sid).
fn key(v: &Vote) -> (u32, u64, u32) {
    (v.peer_epoch, v.zxid.0, v.leader.map_or(0, |l| l.0))
}

/// Which field decides `a` against `b` (0 epoch, 1 zxid, 2 sid; None when equal).
fn deciding(a: &Vote, b: &Vote) -> Option<usize> {
    let (x, y) = (key(a), key(b));
    if x.0 != y.0 {
        Some(0)
    } else if x.1 != y.1 {
        Some(1)
    } else if x.2 != y.2 {
        Some(2)
    } else {
        None
    }
}

fn vote_cells(v: &Vote, hot: Option<usize>) -> Html {
    let cell = |i: usize, text: String, title: String| {
        html! { <span class={classes!("zs-vf", (hot == Some(i)).then_some("zs-hot"))} {title}>{ text }</span> }
    };
    html! {
        <span class="zs-vote">
            { "(" }
            { cell(0, format!("{:#x}", v.peer_epoch), "peerEpoch".into()) }{ ", " }
            { cell(1, v.zxid.to_string(), zxid_title(v.zxid)) }{ ", " }
            { cell(2, v.leader.map_or("-".into(), |l| l.to_string()), "sid of the proposed leader".into()) }
            { ")" }
        </span>
    }
}

#[component]
pub fn ElectionTab() -> Html {
    let store = use_store();
    let (quorum, _) = store.quorum();
    let rows = store.view.servers.iter().map(|s| {
        let own = s.vote;
        let agree = own.map_or(0, |o| {
            s.received
                .iter()
                .filter(|(_, v, _)| v.leader == o.leader)
                .count()
        });
        let received = s.received.iter().map(|(from, v, st)| {
            let hot = own.and_then(|o| deciding(v, &o));
            let same = own.is_some_and(|o| o.leader == v.leader);
            html! {
                <li class={classes!("zs-recv", same.then_some("zs-agree"))} data-from={from.to_string()}>
                    <span class="zs-recv-from">{ format!("from {from}{} ", if same { " ✓" } else { "" }) }</span>
                    { vote_cells(v, hot) }
                    <span class="zs-recv-state">{ format!(" {st}") }</span>
                </li>
            }
        });
        let looking = s.state == Some(zabscope_core::proto::ServerState::Looking);
        html! {
            <tr class={classes!("zs-erow", looking.then_some("zs-looking-row"))} data-myid={s.myid.to_string()}>
                <th scope="row">{ format!("server.{}", s.myid) }<br/><small>{ state_text(s) }</small></th>
                <td class="zs-own">{ own.map_or_else(|| html! { "—" }, |v| vote_cells(&v, None)) }
                    <br/><small>{ format!("round {:#x}", s.logical_clock) }</small></td>
                <td>
                    if looking {
                        <p class={classes!("zs-agree-count", (agree >= quorum).then_some("zs-quorum"))}>
                            { format!("{agree} of quorum {quorum} agree") }</p>
                        <ul class="zs-recvset">{ for received }</ul>
                    } else if let Some(l) = s.leader {
                        <p>{ format!("follows the elected leader server.{l}") }</p>
                    } else {
                        <p>{ "—" }</p>
                    }
                </td>
            </tr>
        }
    });
    html! {
        <div class="zs-election">
            <p class="zs-help-line">{ "A vote is (peerEpoch, zxid, sid): the higher epoch wins, then the higher zxid, then the higher sid. Highlighted: the field where a received vote differs from the server's own." }</p>
            <table class="zs-table">
                <thead><tr><th>{ "server" }</th><th>{ "its vote" }</th><th>{ "votes received" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
