//! The menu a click (or Enter) on a server opens, instead of crashing it at once: crash,
//! restart, pause, resume, stop, start — each enabled only when it makes sense — and the
//! four-letter words, whose output opens in the 4lw tab. Escape closes it.

use super::labels::state_text;
use yew::prelude::*;
use zabscope_core::sim::view::Status;
use zabscope_core::{Command, ServerId, ServerView};

/// The four-letter words offered (all of them work on any server; `wchs`… via the command line).
const WORDS: [&str; 7] = ["ruok", "srvr", "stat", "mntr", "conf", "cons", "dump"];

#[derive(Properties, PartialEq)]
pub struct ServerMenuProps {
    pub server: ServerView,
    /// Where the server sits, in % of the ring's box.
    pub left: f64,
    pub top: f64,
    /// A life-cycle command (crash, restart …) chosen.
    pub oncommand: Callback<Command>,
    /// A four-letter word chosen: (server, word).
    pub onword: Callback<(u32, String)>,
    pub onclose: Callback<()>,
}

#[component]
pub fn ServerMenu(p: &ServerMenuProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let s = &p.server;
    let id = ServerId(s.myid);
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(s.myid, move |_| {
            if let Some(b) = first.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let act = |label: &'static str, cmd: Command, enabled: bool, node: Option<NodeRef>| {
        let text = crate::i18n::t(&format!("menu.{label}")).to_string();
        let oncommand = p.oncommand.clone();
        html! {
            <button class={format!("zs-menu-{label}")} role="menuitem" disabled={!enabled}
                ref={node.unwrap_or_default()}
                onclick={Callback::from(move |_: MouseEvent| oncommand.emit(cmd.clone()))}>{ text }</button>
        }
    };
    let (up, paused, crashed, off) = (
        s.status == Status::Up,
        s.status == Status::Paused,
        s.status == Status::Crashed,
        s.status == Status::Off,
    );
    let close = p.onclose.reform(|_: MouseEvent| ());
    let root = use_node_ref();
    crate::panels::css::use_data_css(root.clone());
    let left = p.left.clamp(5.0, 60.0);
    let top = p.top.clamp(5.0, 70.0);
    html! {
        <div class="zs-menu" role="menu" id="server-menu" aria-label={crate::i18n::tf("menu.label", &[("id", &s.myid.to_string())])}
            data-css={format!("left:{left:.0}%;top:{top:.0}%")} ref={root}>
            <p class="zs-menu-title">{ format!("server.{} · {}", s.myid, state_text(s)) }</p>
            <div class="zs-menu-row">
                { act("crash", Command::Crash(id), up || paused, Some(first.clone())) }
                { act("restart", Command::Restart(id), crashed || off, None) }
                { act("pause", Command::Pause(id), up, None) }
                { act("resume", Command::Resume(id), paused, None) }
                { act("stop", Command::Stop(id), up, None) }
                { act("start", Command::Start(id), off, None) }
            </div>
            <p class="zs-menu-sub">{ crate::i18n::t("menu.words") }</p>
            <div class="zs-menu-row">
                { for WORDS.iter().map(|w| {
                    let (onword, w) = (p.onword.clone(), (*w).to_string());
                    let label = w.clone();
                    html! { <button class={format!("zs-4lw-{w}")} role="menuitem"
                        onclick={Callback::from(move |_: MouseEvent| onword.emit((id.0, w.clone())))}>{ label }</button> }
                }) }
            </div>
            <button class="zs-menu-close" onclick={close} aria-label={crate::i18n::t("menu.close.label")}>{ crate::i18n::t("menu.close") }</button>
        </div>
    }
}
