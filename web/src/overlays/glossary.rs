//! The glossary: the words a student meets first, English and 简体中文 side by side whatever
//! the page's language (the core's `explain::glossary`, in the order the course introduces
//! them), each with ZooKeeper's own spelling and a one-line meaning. Opened from the help
//! dialog.

use crate::i18n::{t, use_lang};
use yew::prelude::*;
use zabscope_core::explain::glossary;

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    pub open: bool,
    pub onclose: Callback<()>,
}

#[component]
pub fn Glossary(p: &GlossaryProps) -> Html {
    let _lang = use_lang();
    if !p.open {
        return html! {};
    }
    let close = p.onclose.reform(|_: MouseEvent| ());
    let rows = glossary().iter().map(|e| {
        html! {
            <tr data-term={e.term}>
                <th scope="row"><code>{ e.term }</code></th>
                <td lang="en"><strong>{ e.en }</strong><br/><small>{ e.en_about }</small></td>
                <td lang="zh-CN"><strong>{ e.zh }</strong><br/><small>{ e.zh_about }</small></td>
            </tr>
        }
    });
    html! {
        <div class="zs-modal" role="dialog" aria-modal="true" aria-labelledby="glossary-title" id="glossary">
            <div class="zs-setup zs-glossary">
                <h2 id="glossary-title">{ t("glossary.title") }</h2>
                <div class="zs-glossary-body">
                    <table class="zs-table">
                        <thead><tr><th>{ t("glossary.term") }</th><th lang="en">{ "English" }</th><th lang="zh-CN">{ "简体中文" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <button onclick={close}>{ t("dialog.close") }</button>
            </div>
        </div>
    }
}
