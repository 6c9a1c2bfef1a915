//! Locks: the lock room — every client library process (`client C connect …`) with its
//! connection and session, and each recipe it runs (`recipe C lock /l fair`, election, queue,
//! barrier, group …): its role (holder, waiting …), its node, whom it watches (the predecessor
//! chain of the fair lock), wake-ups (the herd), and each tenure with its fencing token.

use super::TabProps;
use crate::i18n::{t, tf};
use yew::prelude::*;
use zabscope_core::sim::view::RecipeRole;

#[component]
pub fn LocksTab(p: &TabProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let view = &p.view;
    if view.zk_clients.is_empty() {
        return html! {
            <div class="zs-locks">
                <p>{ t("locks.empty") }</p>
                <pre class="zs-pre">{ "client c1 connect 1,2,3 timeout 4000\nclient c2 connect 1,2,3 timeout 4000\nrecipe c1 lock /locks/a fair\nrecipe c2 lock /locks/a fair" }</pre>
                <p>{ t("locks.empty.then") }</p>
            </div>
        };
    }
    let rows = view.zk_clients.iter().flat_map(|c| {
        // The client's belief against the ensemble's truth: a paused holder is a HOLDER in its
        // own view after its session expired and its lock node went.
        let gone = c.session.0 != 0 && !c.session_alive;
        let who = html! {
            <th scope="row">{ &c.name }<br/><small>{ tf("locks.client", &[("state", &c.state.to_string()), ("server", &c.server.to_string()), ("session", &c.session.to_string())]) }</small>
                if gone { <br/><small class="zs-gone">{ t("locks.session_gone") }</small> }</th>
        };
        let recipes: Vec<Html> = c.recipes.iter().map(|r| {
            let tenure = r.history.last().map(|h| {
                let args = [("from", h.acquired_at.to_string()), ("to", h.released_at.map(|t| t.to_string()).unwrap_or_default()), ("token", h.token.to_string())];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                tf(if h.released_at.is_some() { "locks.tenure.released" } else { "locks.tenure" }, &args)
            });
            html! {
                <tr class={classes!("zs-recipe", format!("zs-role-{}", r.role))} data-client={c.name.clone()} data-role={r.role.to_string()} data-session-alive={(!gone).to_string()}>
                    { who.clone() }
                    <td><code>{ format!("{} {}", r.kind, r.path) }</code></td>
                    <td class="zs-role"><strong>{ t(&format!("role.{}", r.role)).to_string() }</strong>
                        if gone && r.role == RecipeRole::Holder { <br/><small class="zs-gone">{ t("locks.believes") }</small> }
                        if let Some(n) = &r.node { <br/><small><code>{ n }</code></small> }</td>
                    <td>{ r.watching.as_ref().map_or_else(|| "—".to_string(), |w| tf("locks.watches", &[("node", w)])) }</td>
                    <td>{ tf("locks.herd", &[("wakeups", &r.wakeups.to_string()), ("creates", &r.creates.to_string())]) }
                        if let Some(t) = tenure { <br/><small>{ t }</small> }</td>
                </tr>
            }
        }).collect();
        if recipes.is_empty() {
            vec![html! {
                <tr data-client={c.name.clone()}>
                    { who }
                    <td colspan="4">{ t("locks.no_recipe") }</td>
                </tr>
            }]
        } else {
            recipes
        }
    });
    html! {
        <div class="zs-locks">
            <table class="zs-table">
                <thead><tr><th>{ t("locks.col.client") }</th><th>{ t("locks.col.recipe") }</th><th>{ t("locks.col.role") }</th><th>{ t("locks.col.waits") }</th><th>{ t("locks.col.herd") }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
