//! The keyboard shortcuts (`?`), shown as a dialog, with the way to the glossary.

use crate::i18n::{t, use_lang};
use yew::prelude::*;

/// Each shortcut: its key and the key of what it does.
pub const SHORTCUTS: [(&str, &str); 9] = [
    ("Space", "help.key.space"),
    ("→", "help.key.right"),
    ("←", "help.key.left"),
    ("Enter", "help.key.enter"),
    ("Esc", "help.key.esc"),
    ("p", "help.key.p"),
    ("m", "help.key.m"),
    ("l", "help.key.l"),
    ("?", "help.key.help"),
];

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub open: bool,
    pub onclose: Callback<()>,
    /// Open the glossary (it replaces this dialog).
    pub onglossary: Callback<()>,
}

#[component]
pub fn Help(p: &HelpProps) -> Html {
    let _lang = use_lang();
    if !p.open {
        return html! {};
    }
    let close = p.onclose.reform(|_: MouseEvent| ());
    let glossary = p.onglossary.reform(|_: MouseEvent| ());
    html! {
        <div class="zs-modal" role="dialog" aria-modal="true" aria-labelledby="help-title" id="shortcuts">
            <div class="zs-setup">
                <h2 id="help-title">{ t("help.title") }</h2>
                <dl class="zs-keys">
                    { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ t(what) }</dd></> }) }
                </dl>
                <div class="zs-row">
                    <button id="open-glossary" onclick={glossary}>{ t("help.glossary") }</button>
                    <button onclick={close}>{ t("dialog.close") }</button>
                </div>
            </div>
        </div>
    }
}
