//! The clients on the ring: a box beside the server each talks to (simulated clients and
//! client library processes), marked ◆ when it holds a lock or leads, ◇ when it believes so
//! but its session expired at the ensemble (a stale holder, which fencing tokens stop), ⏸
//! when its process is paused. The layout (`layout.rs`) treats each box as an obstacle.

use super::geometry::{node_radius, outward, position};
use super::layout::text_width;
use crate::i18n::{t, tf};
use std::collections::BTreeMap;
use yew::prelude::*;
use zabscope_core::ClusterView;
use zabscope_core::sim::view::RecipeRole;

/// One client box on the ring.
pub struct ClientBox {
    pub name: String,
    pub title: String,
    /// Its server's centre and the box's centre.
    pub from: (f64, f64),
    pub at: (f64, f64),
    pub w: f64,
    /// ◆ holds a lock or leads; ◇ believes so but its session expired.
    pub mark: Option<(&'static str, &'static str)>,
    pub paused: bool,
}

/// Every client's box, `fs` the label font size (for the box's width).
#[must_use]
pub fn client_boxes(view: &ClusterView, n: usize, fs: f64) -> Vec<ClientBox> {
    let slot_of = |id: u32| view.servers.iter().position(|s| s.myid == id);
    let library = |name: &str| view.zk_clients.iter().any(|c| c.name == name);
    let mut per_server: BTreeMap<u32, usize> = BTreeMap::new();
    let simulated = view.clients.iter().filter(|c| !library(&c.name)).map(|c| {
        let title = tf(
            "ring.client.session",
            &[
                ("session", &c.session.to_string()),
                ("server", &c.server.to_string()),
                ("outstanding", &c.outstanding.to_string()),
            ],
        );
        (c.name.clone(), c.server, title, None, false)
    });
    let libraries = view.zk_clients.iter().map(|c| {
        let roles = c
            .recipes
            .iter()
            .map(|r| format!("{} {} {}", r.kind, r.path, t(&format!("role.{}", r.role))))
            .collect::<Vec<_>>()
            .join(", ");
        let holds = c
            .recipes
            .iter()
            .any(|r| matches!(r.role, RecipeRole::Holder | RecipeRole::Leader));
        let stale = holds && c.session.0 != 0 && !c.session_alive;
        let paused = c.process == "paused";
        let mark = if stale {
            Some(("◇", "zs-stale-holder"))
        } else if holds {
            Some(("◆", "zs-holder"))
        } else {
            None
        };
        let state = if paused {
            t("ring.client.paused").to_string()
        } else {
            c.state.to_string()
        };
        let mut title = tf(
            "ring.client.library",
            &[
                ("state", &state),
                ("session", &c.session.to_string()),
                ("server", &c.server.to_string()),
            ],
        );
        if !roles.is_empty() {
            title.push_str(&format!("; {roles}"));
        }
        if stale {
            title.push_str("; ");
            title.push_str(t("locks.believes"));
        }
        (c.name.clone(), c.server, title, mark, paused)
    });
    simulated
        .chain(libraries)
        .filter_map(|(name, server, title, mark, paused)| {
            let i = slot_of(server.0)?;
            let k = per_server.entry(server.0).or_insert(0);
            *k += 1;
            let p = position(i, n);
            let (ox, oy) = outward(p);
            let r = node_radius(n);
            let side = (*k as f64 - 1.0) * 44.0;
            let at = (
                p.0 - ox * (r + 46.0) - oy * side,
                p.1 - oy * (r + 46.0) + ox * side,
            );
            let w = text_width(&name, fs).max(36.0);
            Some(ClientBox {
                name,
                title,
                from: p,
                at,
                w,
                mark,
                paused,
            })
        })
        .collect()
}

/// One client drawn: its link to its server, its box and marks; click or Enter opens its zkCli
/// console (`onopen` with its name).
pub fn draw(c: &ClientBox, r: f64, onopen: &Callback<String>) -> Html {
    let open = {
        let name = c.name.clone();
        onopen.reform(move |_: MouseEvent| name.clone())
    };
    let onkeydown = {
        let (onopen, name) = (onopen.clone(), c.name.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                e.stop_propagation();
                onopen.emit(name.clone());
            }
        })
    };
    let label = crate::i18n::tf("zkcli.open.title", &[("client", &c.name)]);
    let (ox, oy) = outward(c.from);
    let (cx, cy) = c.at;
    let class = classes!(
        "zs-client",
        c.mark.map(|m| m.1),
        c.paused.then_some("zs-client-paused")
    );
    html! {
        <g {class} data-client={c.name.clone()} data-paused={c.paused.to_string()}
            tabindex="0" role="button" aria-label={label} onclick={open} {onkeydown}>
            <line class="zs-client-link" x1={format!("{:.1}", c.from.0 - ox * r)} y1={format!("{:.1}", c.from.1 - oy * r)}
                x2={format!("{cx:.1}")} y2={format!("{cy:.1}")} />
            <rect x={format!("{:.1}", cx - c.w / 2.0)} y={format!("{:.1}", cy - 16.0)} width={format!("{:.0}", c.w)} height="32" rx="4" />
            <text x={format!("{cx:.1}")} y={format!("{:.1}", cy + 7.0)}>{ &c.name }</text>
            if let Some((glyph, _)) = c.mark { <text class="zs-client-key" x={format!("{:.1}", cx + c.w / 2.0 + 12.0)} y={format!("{:.1}", cy + 7.0)}>{ glyph }</text> }
            if c.paused { <text class="zs-client-pause" x={format!("{:.1}", cx - c.w / 2.0 - 12.0)} y={format!("{:.1}", cy + 7.0)}>{ "⏸" }</text> }
            <title>{ tf("ring.client.title", &[("name", &c.name), ("about", &c.title)]) }</title>
        </g>
    }
}
