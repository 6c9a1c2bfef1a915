//! Logs: per server its transaction log, honestly — committed entries in roman type,
//! "logged, not committed" ones marked as such, and lastLogged / lastCommitted with the zxid
//! halves on hover.

use crate::labels::{state_text, zxid_title};
use crate::state::use_store;
use yew::prelude::*;

/// Entries shown per server (the newest).
const TAIL: usize = 10;

#[component]
pub fn LogsTab() -> Html {
    let store = use_store();
    let cols = store.view.servers.iter().map(|s| {
        let from = s.log.len().saturating_sub(TAIL);
        html! {
            <div class="zs-logcol" data-myid={s.myid.to_string()}>
                <h3>{ format!("server.{}", s.myid) }<small>{ format!(" {}", state_text(s)) }</small></h3>
                <p class="zs-zx"><span title={zxid_title(s.last_logged)}>{ format!("lastLogged {}", s.last_logged) }</span><br/>
                   <span title={zxid_title(s.last_committed)}>{ format!("lastCommitted {}", s.last_committed) }</span></p>
                <ol class="zs-log">
                    { for s.log[from..].iter().map(|e| html! {
                        <li class={if e.committed { "zs-committed" } else { "zs-pending" }} data-zxid={e.zxid.to_string()}>
                            <code title={zxid_title(e.zxid)}>{ e.zxid.to_string() }</code>{ " " }{ &e.txn }
                            if !e.committed { <em class="zs-note">{ " — logged, not committed" }</em> }
                        </li>
                    }) }
                </ol>
                if s.log.is_empty() { <p class="zs-empty">{ "(empty log)" }</p> }
            </div>
        }
    });
    html! { <div class="zs-logs">{ for cols }</div> }
}
