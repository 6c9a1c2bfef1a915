//! Data: the znode tree as each running server holds it (zkCli-style paths and data), every
//! path a row and every server a column, rows where servers differ highlighted.

use super::TabProps;
use std::collections::{BTreeMap, BTreeSet};
use yew::prelude::*;

#[component]
pub fn DataTab(p: &TabProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let servers: Vec<_> = p
        .view
        .servers
        .iter()
        .filter(|s| s.state.is_some())
        .collect();
    let trees: Vec<BTreeMap<&str, &str>> = servers
        .iter()
        .map(|s| {
            s.tree
                .iter()
                .map(|(p, d)| (p.as_str(), d.as_str()))
                .collect()
        })
        .collect();
    let paths: BTreeSet<&str> = trees.iter().flat_map(|t| t.keys().copied()).collect();
    let rows = paths.iter().map(|p| {
        let cells: Vec<Option<&str>> = trees.iter().map(|t| t.get(p).copied()).collect();
        let differ = cells.windows(2).any(|w| w[0] != w[1]);
        html! {
            <tr class={classes!(differ.then_some("zs-differ"))} data-path={p.to_string()}>
                <th scope="row"><code>{ *p }</code></th>
                { for cells.iter().map(|c| html! {
                    <td>{ c.map_or_else(|| html! { <em>{ crate::i18n::t("data.absent") }</em> }, |d| html! { <code>{ d }</code> }) }</td>
                }) }
            </tr>
        }
    });
    html! {
        <div class="zs-data">
            <p class="zs-help-line">{ crate::i18n::t("data.help") }</p>
            <table class="zs-table">
                <thead><tr><th>{ crate::i18n::t("data.path") }</th>{ for servers.iter().map(|s| html! { <th>{ format!("server.{}", s.myid) }</th> }) }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
