//! Clients: every simulated client with its session, the server it talks to, and its last
//! answers with ZooKeeper's error names (never numbers) and the watch events it received.
//! `cards` reads them off the simulation; `ClientsTab` draws them.

use crate::i18n::{t, tf};
use yew::prelude::*;
use zabscope_core::zk::request::Response;
use zabscope_core::{ResponseBody, Simulation};

/// Answers shown per client (newest first).
const SHOWN: usize = 6;

fn answer(r: Option<&Response>) -> String {
    let Some(r) = r else {
        return t("clients.no_answer").into();
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

/// One client's card, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientCard {
    pub name: String,
    /// "session … on server.… · timeout … ms"
    pub about: String,
    /// Why its connection was refused.
    pub refused: Option<String>,
    /// Requests waiting for an answer.
    pub outstanding: Vec<String>,
    /// (op, answer), newest first.
    pub answers: Vec<(String, String)>,
    /// The newest watch events, newest first.
    pub events: Option<String>,
}

/// Every simulated client's card.
#[must_use]
pub fn cards(sim: &Simulation) -> Vec<ClientCard> {
    sim.clients()
        .iter()
        .map(|c| ClientCard {
            name: c.name.clone(),
            about: format!(
                " {}",
                tf(
                    "clients.about",
                    &[
                        ("session", &c.session.to_string()),
                        ("server", &c.server.to_string()),
                        ("timeout", &c.timeout_ms.to_string())
                    ]
                )
            ),
            refused: c.refused.clone(),
            outstanding: c
                .outstanding
                .values()
                .map(|(_, op, _)| tf("clients.waiting", &[("op", op)]))
                .collect(),
            answers: c
                .results
                .iter()
                .rev()
                .take(SHOWN)
                .map(|r| (r.op.clone(), answer(r.response.as_ref())))
                .collect(),
            events: (!c.events.is_empty()).then(|| {
                tf(
                    "clients.events",
                    &[(
                        "events",
                        &c.events
                            .iter()
                            .rev()
                            .take(3)
                            .map(|e| {
                                format!(
                                    "{} {}",
                                    e.event_type.name(),
                                    e.path.as_deref().unwrap_or("null")
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(" · "),
                    )],
                )
            }),
        })
        .collect()
}

/// What a refused reconnect means, by key; the server's own words follow as they are.
fn refused_key(why: &str) -> &'static str {
    if why.starts_with("Refusing session request") {
        // ZooKeeperServer.processConnectRequest: the client has seen a newer zxid.
        "clients.refused.behind"
    } else if why.contains("not running") {
        "clients.refused.not_running"
    } else {
        "clients.refused.closed"
    }
}

#[derive(Properties, PartialEq)]
pub struct ClientsTabProps {
    pub cards: Vec<ClientCard>,
    /// Open a client's zkCli console (its name).
    pub onopen: Callback<String>,
}

#[component]
pub fn ClientsTab(p: &ClientsTabProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let clients = p.cards.iter().map(|c| {
        let open = {
            let name = c.name.clone();
            p.onopen.reform(move |_: MouseEvent| name.clone())
        };
        html! {
            <div class="zs-clientcard" data-client={c.name.clone()}>
                <h3>{ &c.name }<small>{ &c.about }</small>
                    <button class="zs-open-zkcli" onclick={open} title={tf("zkcli.open.title", &[("client", &c.name)])}>{ t("zkcli.open") }</button></h3>
                if let Some(why) = &c.refused {
                    <p class="zs-error zs-refused">{ t(refused_key(why)) }{ " " }<code>{ why }</code></p>
                }
                <ul class="zs-answers">
                    { for c.outstanding.iter().map(|o| html! { <li class="zs-outstanding">{ o }</li> }) }
                    { for c.answers.iter().map(|(op, a)| html! {
                        <li><code>{ op }</code>{ " → " }<span class="zs-answer">{ a }</span></li>
                    }) }
                </ul>
                if let Some(events) = &c.events {
                    <p class="zs-watch">{ events }</p>
                }
            </div>
        }
    }).collect::<Html>();
    html! {
        <div class="zs-clients">
            if p.cards.is_empty() {
                <p>{ t("clients.empty") }</p>
            }
            { clients }
        </div>
    }
}
