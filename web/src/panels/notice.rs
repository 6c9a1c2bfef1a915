//! The notice above the command line: acting in the past kept the old future as a branch
//! (with a button back to it); the share link (copied, or shown to copy by hand) with the
//! run's export, import and ShiViz log; a link, file or kept run that could not be opened, and
//! why. Every text from a link or a file is shown as text (Yew escapes it), never as markup.

use crate::i18n::{t, tf};
use crate::store::Notice;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Option<Rc<Notice>>,
    /// Show branch i (0-based).
    pub onbranch: Callback<usize>,
    pub onexport: Callback<()>,
    /// The user chose a file to import.
    pub onimport: Callback<web_sys::File>,
    pub onshiviz: Callback<()>,
    pub ondismiss: Callback<()>,
}

#[component]
pub fn NoticeBar(p: &NoticeProps) -> Html {
    let _lang = crate::i18n::use_lang();
    let Some(n) = p.notice.clone() else {
        return html! {};
    };
    let close = html! {
        <button class="zs-discard-close" onclick={p.ondismiss.reform(|_: MouseEvent| ())}
            aria-label={t("notice.dismiss")}>{ "✕" }</button>
    };
    match &*n {
        Notice::Forked { at, kept } => {
            let kept = *kept;
            let text = tf(
                "branch.forked",
                &[("step", &at.to_string()), ("n", &(kept + 1).to_string())],
            );
            html! {
                <div id="fork-notice" class="zs-discard" role="status">
                    <span>{ text }</span>
                    <button id="branch-return" onclick={p.onbranch.reform(move |_: MouseEvent| kept)}>
                        { t("branch.return") }</button>
                    { close }
                </div>
            }
        }
        Notice::Link { url, copied } => {
            let said = match copied {
                None => t("share.copying"),
                Some(true) => t("share.copied"),
                Some(false) => t("share.copy_by_hand"),
            };
            let onimport = p.onimport.clone();
            let onchange = Callback::from(move |e: Event| {
                let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                    return;
                };
                let file = input.files().and_then(|f| f.get(0));
                input.set_value("");
                if let Some(f) = file {
                    onimport.emit(f);
                }
            });
            let select = Callback::from(|e: FocusEvent| {
                if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                    i.select();
                }
            });
            html! {
                <div id="share-notice" class="zs-discard zs-share" role="status">
                    <span id="share-said">{ said }</span>
                    <input id="share-link" type="text" readonly=true value={url.clone()}
                        aria-label={t("share.link")} onfocus={select} />
                    <button id="export-run" onclick={p.onexport.reform(|_: MouseEvent| ())}>{ t("share.export") }</button>
                    <label class="zs-button" for="import-run">{ t("share.import") }</label>
                    <input id="import-run" class="zs-file" type="file" accept=".json,application/json" {onchange} />
                    <button id="export-shiviz" title={t("share.shiviz.title")}
                        onclick={p.onshiviz.reform(|_: MouseEvent| ())}>{ t("share.shiviz") }</button>
                    { close }
                </div>
            }
        }
        Notice::Error(m) => html! {
            <div id="share-error" class="zs-discard zs-notice-error" role="alert">
                <span>{ m.render() }</span>
                { close }
            </div>
        },
        Notice::Info(m) => html! {
            <div id="share-info" class="zs-discard" role="status">
                <span>{ m.render() }</span>
                { close }
            </div>
        },
    }
}
