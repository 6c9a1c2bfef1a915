//! Logs: per server its transaction log, honestly — committed by a quorum, "logged, not
//! committed", or struck through after a TRUNC/SNAP discarded it (the core's `EntryStatus`) —
//! with lastLogged / lastCommitted (zxid halves on hover) and why its last sync was DIFF,
//! TRUNC or SNAP.

use super::TabProps;
use crate::i18n::{t, text, tf};
use crate::ring::labels::{state_text, zxid_title};
use yew::prelude::*;
use zabscope_core::sim::view::EntryStatus;

/// Entries shown per server (the newest).
const TAIL: usize = 10;

#[component]
pub fn LogsTab(p: &TabProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let cols = p.view.servers.iter().map(|s| {
        let from = s.log.len().saturating_sub(TAIL);
        html! {
            <div class="zs-logcol" data-myid={s.myid.to_string()}>
                <h3>{ format!("server.{}", s.myid) }<small>{ format!(" {}", state_text(s)) }</small></h3>
                <p class="zs-zx"><span title={zxid_title(s.last_logged)}>{ format!("lastLogged {}", s.last_logged) }</span><br/>
                   <span title={zxid_title(s.last_committed)}>{ format!("lastCommitted {}", s.last_committed) }</span></p>
                if let Some(sync) = &s.sync {
                    <p class="zs-sync" data-kind={sync.kind.name()}>{ tf("logs.sync", &[("kind", sync.kind.name()), ("step", &sync.step.to_string()), ("why", &text(&sync.text))]) }</p>
                }
                <ol class="zs-log">
                    { for s.log[from..].iter().map(|e| {
                        let (class, note) = match e.status {
                            EntryStatus::Committed => ("zs-committed", ""),
                            EntryStatus::Logged => ("zs-pending", t("logs.logged")),
                            EntryStatus::Truncated => ("zs-truncated", t("logs.truncated")),
                        };
                        html! {
                            <li class={class} data-zxid={e.zxid.to_string()}>
                                <code title={zxid_title(e.zxid)}>{ e.zxid.to_string() }</code>{ " " }{ &e.txn }
                                if !note.is_empty() { <em class="zs-note">{ note }</em> }
                            </li>
                        }
                    }) }
                </ol>
                if s.log.is_empty() { <p class="zs-empty">{ t("logs.empty") }</p> }
            </div>
        }
    });
    html! { <div class="zs-logs">{ for cols }</div> }
}
