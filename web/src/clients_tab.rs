//! Clients: every simulated client with its session, the server it talks to, and its last
//! answers with ZooKeeper's error names (never numbers) and the watch events it received.

use crate::state::{Action, use_store};
use crate::texts_en::{t, tf};
use yew::prelude::*;
use zabscope_core::ResponseBody;
use zabscope_core::zk::request::Response;

/// Answers shown per client (newest first).
const SHOWN: usize = 6;

fn answer(r: Option<&Response>) -> String {
    let Some(r) = r else {
        return "no answer (the client gave up)".into();
    };
    if !r.code.is_ok() {
        return format!("{} ({})", r.code.name(), r.code.keeper_message(None));
    }
    match &r.body {
        ResponseBody::Create { path, .. } => format!("Created {path}"),
        ResponseBody::Data { data, .. } => data.as_deref().map_or_else(
            || "null".into(),
            |d| String::from_utf8_lossy(d).into_owned(),
        ),
        ResponseBody::Children { children, .. } => format!("[{}]", children.join(", ")),
        _ => "Ok".into(),
    }
}

#[component]
pub fn ClientsTab() -> Html {
    let store = use_store();
    let sim = store.shared.sim.borrow();
    let clients = sim.clients().iter().map(|c| {
        let open = {
            let (store, name) = (store.clone(), c.name.clone());
            Callback::from(move |_: MouseEvent| store.dispatch(Action::OpenZkCli(Some(name.clone()))))
        };
        html! {
            <div class="zs-clientcard" data-client={c.name.clone()}>
                <h3>{ &c.name }<small>{ format!(" session {} on server.{} · timeout {} ms", c.session, c.server, c.timeout_ms) }</small>
                    <button class="zs-open-zkcli" onclick={open} title={tf("zkcli.open.title", &[("client", &c.name)])}>{ t("zkcli.open") }</button></h3>
                if let Some(why) = &c.refused { <p class="zs-error">{ why }</p> }
                <ul class="zs-answers">
                    { for c.outstanding.values().map(|(_, op, _)| html! { <li class="zs-outstanding">{ format!("{op} … waiting") }</li> }) }
                    { for c.results.iter().rev().take(SHOWN).map(|r| html! {
                        <li><code>{ &r.op }</code>{ " → " }<span class="zs-answer">{ answer(r.response.as_ref()) }</span></li>
                    }) }
                </ul>
                if !c.events.is_empty() {
                    <p class="zs-watch">{ format!("watch events: {}", c.events.iter().rev().take(3).map(|e| format!("{} {}", e.event_type.name(), e.path.as_deref().unwrap_or("null"))).collect::<Vec<_>>().join(" · ")) }</p>
                }
            </div>
        }
    }).collect::<Html>();
    let none = sim.clients().is_empty();
    drop(sim);
    html! {
        <div class="zs-clients">
            if none {
                <p>{ "No clients yet. Type in the command line: connect c1 1, then create c1 /app hello, get c1 /app …" }</p>
            }
            { clients }
        </div>
    }
}
