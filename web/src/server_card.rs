//! One server in the ensemble picture: its myid, role (LOOKING/FOLLOWING/LEADING/OBSERVING),
//! ZAB phase, epochs and zxids.

use yew::prelude::*;
use zabscope_core::ServerView;

#[derive(Properties, PartialEq)]
pub struct ServerCardProps {
    pub server: ServerView,
}

/// A card showing a server's `myid`, state and ZAB progress.
#[component]
pub fn ServerCard(props: &ServerCardProps) -> Html {
    let s = &props.server;
    let state = s.state.map_or_else(
        || format!("{:?}", s.status).to_uppercase(),
        |st| st.to_string(),
    );
    let phase = s.phase.map_or_else(String::new, |p| p.to_string());
    html! {
        <article class="zs-server" data-myid={s.myid.to_string()} data-state={state.clone()}>
            <h2>{ format!("server.{}", s.myid) }</h2>
            <p class="zs-state">{ state }</p>
            <p class="zs-phase">{ phase }</p>
            <p class="zs-epoch">{ format!("epoch {} / accepted {}", s.current_epoch, s.accepted_epoch) }</p>
            <p class="zs-zxid">{ format!("logged {} committed {}", s.last_logged, s.last_committed) }</p>
        </article>
    }
}
