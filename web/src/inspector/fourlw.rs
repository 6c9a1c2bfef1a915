//! 4lw: send a four-letter word to any server and read its answer exactly as `nc` would
//! print it (`ruok`, `srvr`, `stat`, `mntr`, `conf`, `cons`, `dump`, `wchs`, `envi` …).

use crate::store::{Action, use_store};
use yew::prelude::*;

const WORDS: [&str; 11] = [
    "ruok", "srvr", "stat", "mntr", "conf", "cons", "dump", "wchs", "wchc", "wchp", "envi",
];

#[component]
pub fn FourLwTab() -> Html {
    let store = use_store();
    let target = store
        .fourlw
        .as_ref()
        .map_or_else(|| store.view.servers.first().map_or(1, |s| s.myid), |f| f.0);
    let servers = store.view.servers.iter().map(|s| {
        let (store, id) = (store.clone(), s.myid);
        let on = id == target;
        html! { <button class={classes!("zs-4lw-server", on.then_some("active"))} aria-pressed={on.to_string()}
            onclick={Callback::from(move |_: MouseEvent| store.dispatch(Action::FourLw(id, "ruok".into())))}>
            { format!("server.{id}") }</button> }
    });
    let words = WORDS.iter().map(|w| {
        let (store, w) = (store.clone(), (*w).to_string());
        let label = w.clone();
        html! { <button class={format!("zs-word zs-word-{w}")}
            onclick={Callback::from(move |_: MouseEvent| store.dispatch(Action::FourLw(target, w.clone())))}>{ label }</button> }
    });
    html! {
        <div class="zs-4lw">
            <div class="zs-row" role="group" aria-label="server">{ for servers }</div>
            <div class="zs-row" role="group" aria-label="four-letter word">{ for words }</div>
            if let Some((id, word, out)) = &store.fourlw {
                <p class="zs-4lw-cmd"><code>{ format!("$ echo {word} | nc server.{id} 2181") }</code></p>
                <pre id="fourlw-output" class="zs-pre">{ out }</pre>
            }
        </div>
    }
}
