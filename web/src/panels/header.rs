//! The header a back row reads: epoch, leader, quorum size, and the invariant banner ("all
//! invariants hold" or the broken one with its step), and the language switch. Always on
//! screen.

use crate::i18n::{Lang, t, tf, use_lang};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use zabscope_core::{ClusterView, Simulation};

/// The first broken invariant: (its full text for the tooltip, the banner's text), in the
/// page's language.
#[must_use]
pub fn violation(sim: &Simulation) -> Option<(String, String)> {
    sim.violations().first().map(|v| {
        (
            crate::i18n::text(&v.text()),
            tf(
                "header.violated",
                &[("invariant", v.invariant), ("step", &v.step.to_string())],
            ),
        )
    })
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub view: Rc<ClusterView>,
    /// (quorum size, voters)
    pub quorum: (usize, usize),
    pub violation: Option<(String, String)>,
    pub projector: bool,
    pub onsetup: Callback<()>,
    /// Projector mode on or off.
    pub onprojector: Callback<bool>,
    pub onhelp: Callback<()>,
    /// Switch the page's language.
    pub onlang: Callback<Lang>,
    /// A language whose catalogue is on its way.
    pub lang_pending: Option<Lang>,
    /// A language whose catalogue could not be had, and why.
    pub lang_error: Option<(Lang, String)>,
    /// Open the performance lab.
    pub onlab: Callback<()>,
    /// Show (and copy) the share link.
    pub onshare: Callback<()>,
    /// Open the lesson menu.
    pub onlessons: Callback<()>,
}

#[component]
pub fn Header(p: &HeaderProps) -> Html {
    let lang = use_lang();
    let view = &p.view;
    let epoch = view.epoch.map_or_else(
        || {
            let e = view
                .servers
                .iter()
                .map(|s| s.current_epoch)
                .max()
                .unwrap_or(0);
            tf("header.epoch", &[("epoch", &e.to_string())])
        },
        |e| tf("header.epoch", &[("epoch", &e.to_string())]),
    );
    let leader = view.leader.map_or_else(
        || t("header.no_leader").to_string(),
        |l| tf("header.leader", &[("id", &l.to_string())]),
    );
    let (q, voters) = p.quorum;
    let banner = match &p.violation {
        None => {
            html! { <span id="invariants" class="zs-ok" role="status">{ t("header.invariants_hold") }</span> }
        }
        Some((title, text)) => html! {
            <span id="invariants" class="zs-bad" role="alert" title={title.clone()}>
                { text }
            </span>
        },
    };
    let projector = p.projector;
    let onchange = p.onlang.reform(|e: Event| {
        e.target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            .and_then(|s| Lang::from_code(&s.value()))
            .unwrap_or_default()
    });
    html! {
        <header class="zs-header">
            <h1>{ "ZabScope" }</h1>
            <span id="epoch" class="zs-h-item">{ epoch }</span>
            <span id="leader" class="zs-h-item zs-h-leader">{ leader }</span>
            <span id="quorum" class="zs-h-item">{ tf("header.quorum", &[("q", &q.to_string()), ("voters", &voters.to_string())]) }</span>
            { banner }
            <span class="zs-h-tools">
                <button id="share" title={t("share.button.title")}
                    onclick={p.onshare.reform(|_: MouseEvent| ())}>{ t("share.button") }</button>
                <button id="open-lessons" title={t("header.lessons.title").to_string()}
                    onclick={p.onlessons.reform(|_: MouseEvent| ())}>{ t("header.lessons") }</button>
                <button id="open-setup" onclick={p.onsetup.reform(|_: MouseEvent| ())}>{ t("header.setup") }</button>
                <button id="open-lab" title={crate::i18n::t("lab.open.title")}
                    onclick={p.onlab.reform(|_: MouseEvent| ())}>{ crate::i18n::t("lab.open") }</button>
                <button id="projector" aria-pressed={projector.to_string()}
                    onclick={p.onprojector.reform(move |_: MouseEvent| !projector)}>{ t("header.projector") }</button>
                <select id="lang" class="zs-lang" aria-label={t("header.lang").to_string()} {onchange}>
                    { for Lang::ALL.iter().map(|l| html! {
                        <option value={l.code()} selected={*l == p.lang_pending.unwrap_or(lang)}>{ l.native_name() }</option>
                    }) }
                </select>
                if let Some(l) = p.lang_pending {
                    <span id="lang-status" class="zs-lang-status" role="status">
                        { tf("lang.loading", &[("lang", l.native_name())]) }
                    </span>
                }
                if let Some((l, why)) = &p.lang_error {
                    <span id="lang-status" class="zs-lang-status zs-bad" role="alert" title={why.clone()}>
                        { tf("lang.failed", &[("lang", l.native_name())]) }
                    </span>
                }
                <button id="help" aria-label={t("header.help").to_string()} onclick={p.onhelp.reform(|_: MouseEvent| ())}>{ "?" }</button>
            </span>
        </header>
    }
}
