//! One server's inspector card: role and ZAB phase, epochs, election round and vote, zxids,
//! the tail of its log (committed vs pending) and the fault buttons (crash, restart, pause,
//! resume) a teacher uses to break it.

use yew::prelude::*;
use zabscope_core::proto::ServerState;
use zabscope_core::sim::kernel::Status;
use zabscope_core::{Command, ServerId, ServerView};

/// Log entries shown per card.
const LOG_TAIL: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ServerCardProps {
    pub server: ServerView,
    pub on_command: Callback<Command>,
}

/// The CSS class for a server's role (colours in static/zabscope.css).
#[must_use]
pub fn role_class(s: &ServerView) -> &'static str {
    match (s.status, s.state) {
        (Status::Paused, _) => "zs-paused",
        (_, None) => "zs-down",
        (_, Some(ServerState::Looking)) => "zs-looking",
        (_, Some(ServerState::Following)) => "zs-following",
        (_, Some(ServerState::Leading)) => "zs-leading",
        (_, Some(ServerState::Observing)) => "zs-observing",
    }
}

fn vote_text(s: &ServerView) -> String {
    s.vote.map_or_else(
        || "—".to_string(),
        |v| {
            format!(
                "({}, {}, {:#x})",
                v.leader.map_or("-".to_string(), |l| l.to_string()),
                v.zxid,
                v.peer_epoch
            )
        },
    )
}

/// A card for one server.
#[component]
pub fn ServerCard(props: &ServerCardProps) -> Html {
    let s = &props.server;
    let state = s.state.map_or_else(
        || format!("{:?}", s.status).to_uppercase(),
        |st| st.to_string(),
    );
    let phase = s.phase.map_or_else(String::new, |p| p.to_string());
    let id = ServerId(s.myid);
    let button = |label: &'static str, cmd: Command, enabled: bool| {
        let cb = props.on_command.clone();
        html! {
            <button class={format!("zs-fault zs-{}", label)} disabled={!enabled}
                onclick={Callback::from(move |_: MouseEvent| cb.emit(cmd.clone()))}>{ label }</button>
        }
    };
    let tail_from = s.log.len().saturating_sub(LOG_TAIL);
    html! {
        <article class={classes!("zs-server", role_class(s))} data-myid={s.myid.to_string()}
            data-state={state.clone()}>
            <h2>{ format!("server.{}", s.myid) }{ if s.observer { " (observer)" } else { "" } }</h2>
            <p class="zs-state">{ state }</p>
            <p class="zs-phase">{ phase }</p>
            <dl class="zs-facts">
                <dt>{ "currentEpoch" }</dt><dd class="zs-epoch">{ s.current_epoch }</dd>
                <dt>{ "acceptedEpoch" }</dt><dd>{ s.accepted_epoch }</dd>
                <dt>{ "round" }</dt><dd>{ format!("{:#x}", s.logical_clock) }</dd>
                <dt title="(leader, zxid, peerEpoch)">{ "vote" }</dt>
                <dd class="zs-vote" title="(leader, zxid, peerEpoch)">{ vote_text(s) }</dd>
                <dt>{ "lastLogged" }</dt><dd class="zs-zxid">{ s.last_logged.to_string() }</dd>
                <dt>{ "lastCommitted" }</dt><dd>{ s.last_committed.to_string() }</dd>
                <dt>{ "znodes" }</dt><dd>{ s.tree.len() }</dd>
                <dt>{ "sessions" }</dt><dd>{ s.sessions.len() }</dd>
            </dl>
            <ol class="zs-log" aria-label="Transaction log tail">
                { for s.log[tail_from..].iter().map(|e| html! {
                    <li class={if e.committed { "committed" } else { "pending" }}>
                        <code>{ e.zxid.to_string() }</code>{ " " }{ &e.txn }
                    </li>
                }) }
            </ol>
            <div class="zs-faults">
                { button("crash", Command::Crash(id), s.state.is_some() || s.status == Status::Paused) }
                { button("restart", Command::Restart(id), s.status == Status::Crashed || s.status == Status::Off) }
                { button("pause", Command::Pause(id), s.status == Status::Up) }
                { button("resume", Command::Resume(id), s.status == Status::Paused) }
            </div>
        </article>
    }
}
