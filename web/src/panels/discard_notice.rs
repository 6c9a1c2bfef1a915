//! Acting in the past (a command, a manual delivery, a zkCli request after Back or the
//! slider) throws away the recorded future. This notice says what went — the later commands
//! and manual deliveries, and how far the run had reached — and offers Undo, which restores the
//! run as it was (the same script, replayed to the step acted at) with its future intact.

use crate::i18n::{t, tf};
use crate::store::Discarded;
use std::rc::Rc;
use yew::prelude::*;

/// Commands listed by name before "…".
const LISTED: usize = 4;

#[derive(Properties, PartialEq)]
pub struct DiscardNoticeProps {
    pub discarded: Option<Rc<Discarded>>,
    pub onundo: Callback<()>,
    pub ondismiss: Callback<()>,
}

#[component]
pub fn DiscardNotice(p: &DiscardNoticeProps) -> Html {
    let Some(d) = p.discarded.clone() else {
        return html! {};
    };
    let mut what: Vec<String> = d.lost.iter().take(LISTED).cloned().collect();
    if d.lost.len() > LISTED {
        what.push(format!("… (+{})", d.lost.len() - LISTED));
    }
    let lost = if what.is_empty() {
        t("undo.nothing").to_string()
    } else {
        what.join(", ")
    };
    let text = tf(
        "undo.discarded",
        &[
            ("step", &d.at.to_string()),
            ("max", &d.max_step.to_string()),
            ("lost", &lost),
        ],
    );
    html! {
        <div id="discard-notice" class="zs-discard" role="status">
            <span>{ text }</span>
            <button id="undo-discard" onclick={p.onundo.reform(|_: MouseEvent| ())}>{ t("undo.undo") }</button>
            <button class="zs-discard-close" onclick={p.ondismiss.reform(|_: MouseEvent| ())}
                aria-label={t("undo.dismiss")}>{ "✕" }</button>
        </div>
    }
}
