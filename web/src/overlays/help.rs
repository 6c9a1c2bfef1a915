//! The keyboard shortcuts (`?`), shown as a dialog.

use yew::prelude::*;

pub const SHORTCUTS: [(&str, &str); 8] = [
    ("Space", "play / pause"),
    ("→", "step forward (one delivery, timer or command)"),
    ("←", "back one step"),
    ("Enter", "on a focused server: open its menu"),
    ("Esc", "close a menu or dialog"),
    ("p", "toggle hide PINGs"),
    ("m", "toggle manual delivery"),
    ("?", "show these shortcuts"),
];

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub open: bool,
    pub onclose: Callback<()>,
}

#[component]
pub fn Help(p: &HelpProps) -> Html {
    if !p.open {
        return html! {};
    }
    let close = p.onclose.reform(|_: MouseEvent| ());
    html! {
        <div class="zs-modal" role="dialog" aria-modal="true" aria-labelledby="help-title" id="shortcuts">
            <div class="zs-setup">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <dl class="zs-keys">
                    { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></> }) }
                </dl>
                <button onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
