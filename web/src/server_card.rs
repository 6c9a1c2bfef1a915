//! One server in the ensemble picture.

use yew::prelude::*;
use zabscope_core::ServerView;

#[derive(Properties, PartialEq)]
pub struct ServerCardProps {
    pub server: ServerView,
}

/// A card showing a server's `myid` and state.
#[component]
pub fn ServerCard(props: &ServerCardProps) -> Html {
    let s = &props.server;
    html! {
        <article class="zs-server" data-myid={s.myid.to_string()}>
            <h2>{ format!("server.{}", s.myid) }</h2>
            <p class="zs-ticks">{ format!("ticks {}", s.ticks) }</p>
        </article>
    }
}
