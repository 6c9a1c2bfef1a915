//! One client's zkCli console (opened by clicking the client on the ring or its card in the
//! Clients tab): zkCli 3.8's own language and output, ↑/↓ walk the commands typed, watch
//! events appear as they arrive, stale reads are flagged. Its lines live in the store (by
//! step), so Back shows what the console had printed by then.

use super::transcript::{LineKind, ZkLine};
use crate::i18n::{t, tf};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use zabscope_core::ClusterView;

/// Lines shown (the newest).
const SHOWN: usize = 80;

/// `client`'s session and server in the view (a simulated client or a client library
/// process), if it is connected in this step.
#[must_use]
pub fn about(view: &ClusterView, client: &str) -> Option<(String, String)> {
    view.clients
        .iter()
        .find(|c| c.name == client)
        .map(|c| (c.session.to_string(), c.server.0.to_string()))
        .or_else(|| {
            view.zk_clients
                .iter()
                .find(|c| c.name == client)
                .map(|c| (c.session.to_string(), c.server.0.to_string()))
        })
}

#[derive(Properties, PartialEq)]
pub struct ZkConsoleProps {
    /// The client whose console is open (none: nothing is drawn).
    pub client: Option<String>,
    /// The step shown: lines printed after it are hidden.
    pub step: u64,
    /// Everything its console printed, by step.
    pub lines: Vec<ZkLine>,
    /// Its session and server now ("session … on server.…"), if it is connected.
    pub about: Option<(String, String)>,
    /// A line typed (Enter).
    pub online: Callback<String>,
    pub onclose: Callback<()>,
}

#[component]
pub fn ZkConsole(p: &ZkConsoleProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let cursor = use_mut_ref(|| None::<usize>);
    let out = use_node_ref();
    {
        // Keep the newest line in sight, as a terminal does.
        let out = out.clone();
        use_effect(move || {
            if let Some(e) = out.cast::<web_sys::Element>() {
                e.set_scroll_top(e.scroll_height());
            }
        });
    }
    let Some(client) = p.client.clone() else {
        return html! {};
    };
    let step = p.step;
    let all = &p.lines;
    let lines: Vec<_> = all.iter().filter(|l| l.step <= step).cloned().collect();
    let hidden = lines.len() < all.len();
    // The commands typed so far (what ↑/↓ walk), oldest first.
    let typed: Vec<String> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Input)
        .filter_map(|l| l.text.split_once("] ").map(|(_, cmd)| cmd.to_string()))
        .collect();
    let onkeydown = {
        let (online, onclose) = (p.online.clone(), p.onclose.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(input) = e
                .target()
                .and_then(|x| x.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            e.stop_propagation();
            let mut c = cursor.borrow_mut();
            match e.key().as_str() {
                "Enter" => {
                    let line = input.value();
                    if line.trim().is_empty() {
                        return;
                    }
                    input.set_value("");
                    *c = None;
                    online.emit(line);
                }
                "ArrowUp" | "ArrowDown" => {
                    e.prevent_default();
                    let n = typed.len();
                    let i = match (e.key().as_str(), *c) {
                        ("ArrowUp", None) => n.checked_sub(1),
                        ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                        (_, Some(i)) if i + 1 < n => Some(i + 1),
                        _ => None,
                    };
                    *c = i;
                    input.set_value(i.and_then(|i| typed.get(i)).map_or("", String::as_str));
                }
                "Escape" => onclose.emit(()),
                _ => {}
            }
        })
    };
    let close = p.onclose.reform(|_: MouseEvent| ());
    let about = p.about.as_ref().map_or_else(
        || t("zkcli.gone").to_string(),
        |(session, server)| tf("zkcli.session", &[("session", session), ("server", server)]),
    );
    let from = lines.len().saturating_sub(SHOWN);
    let label = tf("zkcli.input", &[("client", &client)]);
    html! {
        <section id="zkcli" class="zs-zkcli" aria-label={tf("zkcli.title", &[("client", &client)])} data-client={client.clone()}>
            <header>
                <h2>{ tf("zkcli.title", &[("client", &client)]) }<small>{ format!(" · {about}") }</small></h2>
                <button class="zs-zkcli-close" onclick={close} aria-label={t("zkcli.close").to_string()}>{ "✕" }</button>
            </header>
            <pre class="zs-zkcli-out" aria-live="polite" ref={out}>
                { for lines[from..].iter().map(|l| html! {
                    <div class={classes!("zs-zk-line", l.kind.class())} data-step={l.step.to_string()}>{ &l.text }</div>
                }) }
                if hidden { <div class="zs-zk-line zs-zk-future">{ t("zkcli.future") }</div> }
            </pre>
            <input id="zkcli-input" type="text" autocomplete="off" spellcheck="false" aria-label={label}
                placeholder={t("zkcli.placeholder").to_string()} {onkeydown} />
        </section>
    }
}
