//! The ensemble drawn as a ring: servers (focusable, with a menu), the links between them
//! (cut links dashed with ✕, one-way cuts marked at the receiving end), clients beside the
//! server they talk to, and every message: in flight along its lane, held ones parked at their
//! sender, ones waiting at a paused server parked at it (the core's view says which). PINGs
//! hide when the filter is on.
//!
//! `Ring` is the container: it reads the store and hands each server, message and the open
//! menu to its leaf component (`node.rs`, `msg.rs`, `server_menu.rs`) with callbacks. The
//! animator (`animator.rs`) moves the travelling messages between renders.

pub mod animator;
pub mod geometry;
pub mod labels;
mod msg;
mod node;
mod server_menu;

use crate::store::{CommandAction, UiAction, callback, use_store};
use geometry::{CENTER, Lane, SIZE, node_radius, outward, position, progress};
use msg::{MsgDraw, RingMsg};
use node::RingNode;
use server_menu::ServerMenu;
use std::collections::BTreeMap;
use yew::prelude::*;
use zabscope_core::sim::view::{MsgView, Placement, RecipeRole};
use zabscope_core::zab::proto::PacketKind;
use zabscope_core::{ClusterView, ServerId};

/// The label on the ring: the packet type, except that an FLE NOTIFICATION says whom it votes
/// for ("vote 5": what a class follows); the full text is in its tooltip.
fn short_label(kind: PacketKind, vote_for: Option<ServerId>) -> String {
    if kind == PacketKind::Notification {
        let leader = vote_for.map_or("-".to_string(), |l| l.to_string());
        crate::i18n::tf("ring.vote", &[("leader", &leader)])
    } else {
        kind.name().to_string()
    }
}

fn lane(a: usize, b: usize, n: usize) -> Lane {
    let r = node_radius(n);
    if a == b {
        Lane::to_self(position(a, n), r)
    } else {
        Lane::between(position(a, n), position(b, n), r)
    }
}

/// The cut state of every unordered pair of slots: (a, b, a→b blocked, b→a blocked).
fn cuts(view: &ClusterView) -> Vec<(usize, usize, bool, bool)> {
    let n = view.servers.len();
    let slot = |id: ServerId| view.servers.iter().position(|s| s.myid == id.0);
    let mut blocked = vec![false; n * n];
    for l in &view.links {
        if let (Some(a), Some(b)) = (slot(l.from), slot(l.to))
            && l.blocked
        {
            blocked[a * n + b] = true;
        }
    }
    (0..n)
        .flat_map(|a| ((a + 1)..n).map(move |b| (a, b)))
        .map(|(a, b)| (a, b, blocked[a * n + b], blocked[b * n + a]))
        .collect()
}

#[component]
pub fn Ring() -> Html {
    let store = use_store();
    let view = &store.view;
    let n = view.servers.len();
    let slot_of = |id: u32| view.servers.iter().position(|s| s.myid == id);
    let clock = store.shared.clock.get();
    let reduced = store.shared.reduced_motion;
    let playing = store.playing();
    let hide_pings = store.playback.hide_pings;

    // Messages: in flight (agenda order = delivery order per lane), then held, then parked.
    let mut draws: Vec<MsgDraw> = Vec::new();
    let mut queue: BTreeMap<(usize, usize, &'static str), usize> = BTreeMap::new();
    let mut labels: BTreeMap<u64, String> = BTreeMap::new();
    let mut push = |draws: &mut Vec<MsgDraw>, m: &MsgView, sent: u64| {
        if hide_pings && m.kind == PacketKind::Ping {
            return;
        }
        let (id, from, to, due) = (m.id, m.from.0, m.to.0, m.due.ms());
        let where_ = m.placement.name();
        let (Some(a), Some(b)) = (slot_of(from), slot_of(to)) else {
            return;
        };
        let rank = {
            let q = queue.entry((a, b, where_)).or_insert(0);
            *q += 1;
            *q - 1
        };
        let l = lane(a, b, n);
        let at = match m.placement {
            Placement::Held => 0.06,
            Placement::Parked => 0.94,
            Placement::InFlight => progress(clock, sent, due, rank, playing, reduced),
        };
        let mut label = short_label(m.kind, m.vote_for);
        if m.placement == Placement::Held {
            label = crate::i18n::tf("ring.held", &[("msg", &label)]);
        }
        labels.insert(id, label);
        draws.push(MsgDraw {
            id,
            kind: m.kind.name().to_string(),
            text: m.msg.clone(),
            from,
            to,
            lane: l,
            sent,
            due,
            rank,
            where_,
            label: None,
            at,
            selected: store.ui.selected_msg == Some(id),
        });
    };
    for m in &view.in_flight {
        let sent = store
            .derived
            .sent_at
            .get(&m.id)
            .copied()
            .unwrap_or_else(|| view.now.ms());
        push(&mut draws, m, sent);
    }
    // Label the first message of each queue; "×n" counts the queue.
    let mut counts: BTreeMap<(u32, u32, &'static str), usize> = BTreeMap::new();
    for d in &draws {
        *counts.entry((d.from, d.to, d.where_)).or_default() += 1;
    }
    for d in &mut draws {
        if d.rank == 0 {
            let c = counts[&(d.from, d.to, d.where_)];
            let mut l = labels.remove(&d.id).unwrap_or_default();
            if c > 1 {
                l = format!("{l} ×{c}");
            }
            d.label = Some(l);
        }
    }

    let links = cuts(view).into_iter().map(|(a, b, ab, ba)| {
        let ((x1, y1), (x2, y2)) = (position(a, n), position(b, n));
        let class = classes!("zs-link", (ab || ba).then_some("zs-cut"));
        let mark = |from: (f64, f64), to: (f64, f64), f: f64| {
            let (x, y) = (from.0 + (to.0 - from.0) * f, from.1 + (to.1 - from.1) * f);
            html! { <text class="zs-cut-mark" x={format!("{x:.0}")} y={format!("{:.0}", y + 7.0)}>{ "✕" }</text> }
        };
        html! {
            <g class="zs-link-g" data-a={view.servers[a].myid.to_string()} data-b={view.servers[b].myid.to_string()}>
                <line {class} x1={format!("{x1:.1}")} y1={format!("{y1:.1}")} x2={format!("{x2:.1}")} y2={format!("{y2:.1}")} />
                if ab && ba {
                    { mark((x1, y1), (x2, y2), 0.5) }
                } else if ab {
                    { mark((x1, y1), (x2, y2), 0.72) }
                } else if ba {
                    { mark((x1, y1), (x2, y2), 0.28) }
                }
            </g>
        }
    });

    let onopen = callback(&store).reform(|id: u32| UiAction::Menu(Some(id)));
    let nodes = view.servers.iter().enumerate().map(|(i, s)| {
        let (x, y) = position(i, n);
        let open = store.ui.menu == Some(s.myid);
        html! { <RingNode key={s.myid} server={s.clone()} {x} {y} {n} serving={s.serving} {open} onopen={onopen.clone()} /> }
    });

    // Clients inside the ring, beside their server.
    let mut per_server: BTreeMap<u32, usize> = BTreeMap::new();
    // Simulated clients and client library processes (with their recipe role).
    let library = |name: &str| view.zk_clients.iter().any(|c| c.name == name);
    let everyone: Vec<(String, ServerId, String)> = view
        .clients
        .iter()
        .filter(|c| !library(&c.name))
        .map(|c| {
            (
                c.name.clone(),
                c.server,
                crate::i18n::tf(
                    "ring.client.session",
                    &[
                        ("session", &c.session.to_string()),
                        ("server", &c.server.to_string()),
                        ("outstanding", &c.outstanding.to_string()),
                    ],
                ),
            )
        })
        .chain(view.zk_clients.iter().map(|c| {
            let roles = c
                .recipes
                .iter()
                .map(|r| {
                    format!(
                        "{} {} {}",
                        r.kind,
                        r.path,
                        crate::i18n::t(&format!("role.{}", r.role))
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            (
                c.name.clone(),
                c.server,
                format!(
                    "{}{}",
                    crate::i18n::tf(
                        "ring.client.library",
                        &[
                            ("state", &c.state.to_string()),
                            ("session", &c.session.to_string()),
                            ("server", &c.server.to_string()),
                        ],
                    ),
                    if roles.is_empty() {
                        String::new()
                    } else {
                        format!("; {roles}")
                    }
                ),
            )
        }))
        .collect();
    let holder = |name: &str| {
        view.zk_clients.iter().any(|c| {
            c.name == name
                && c.recipes
                    .iter()
                    .any(|r| matches!(r.role, RecipeRole::Holder | RecipeRole::Leader))
        })
    };
    let onclient = callback(&store).reform(|name: String| CommandAction::OpenZkCli(Some(name)));
    let clients = everyone.iter().filter_map(|(name, server, title)| {
        let c = (name, server);
        let i = slot_of(c.1.0)?;
        let k = per_server.entry(c.1.0).or_insert(0);
        *k += 1;
        let p = position(i, n);
        let (ox, oy) = outward(p);
        let r = node_radius(n);
        let side = (*k as f64 - 1.0) * 40.0;
        let (cx, cy) = (
            p.0 - ox * (r + 46.0) - oy * side,
            p.1 - oy * (r + 46.0) + ox * side,
        );
        let open = {
            let name = name.clone();
            onclient.reform(move |_: MouseEvent| name.clone())
        };
        let onkeydown = {
            let (onclient, name) = (onclient.clone(), name.clone());
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    e.stop_propagation();
                    onclient.emit(name.clone());
                }
            })
        };
        let label = crate::i18n::tf("zkcli.open.title", &[("client", name)]);
        Some(html! {
            <g class={classes!("zs-client", holder(name).then_some("zs-holder"))} data-client={name.clone()}
                tabindex="0" role="button" aria-label={label} onclick={open} {onkeydown}>
                <line class="zs-client-link" x1={format!("{:.1}", p.0 - ox * r)} y1={format!("{:.1}", p.1 - oy * r)}
                    x2={format!("{cx:.1}")} y2={format!("{cy:.1}")} />
                <rect x={format!("{:.1}", cx - 18.0)} y={format!("{:.1}", cy - 16.0)} width="36" height="32" rx="4" />
                <text x={format!("{cx:.1}")} y={format!("{:.1}", cy + 7.0)}>{ name }</text>
                if holder(name) { <text class="zs-client-key" x={format!("{:.1}", cx + 26.0)} y={format!("{:.1}", cy + 7.0)}>{ "◆" }</text> }
                <title>{ crate::i18n::tf("ring.client.title", &[("name", name), ("about", title)]) }</title>
            </g>
        })
    }).collect::<Html>();

    let menu = store.ui.menu.and_then(|id| {
        let i = slot_of(id)?;
        let (x, y) = position(i, n);
        let oncommand = callback(&store).reform(CommandAction::Apply);
        let onword = callback(&store).reform(|(id, w): (u32, String)| CommandAction::FourLw(id, w));
        let onclose = callback(&store).reform(|()| UiAction::Menu(None));
        Some(html! { <ServerMenu server={view.servers[i].clone()} left={x / SIZE * 100.0} top={y / SIZE * 100.0}
            {oncommand} {onword} {onclose} /> })
    });
    let onselect = callback(&store).reform(|id: u64| UiAction::SelectMsg(Some(id)));
    let in_flight = draws.iter().filter(|d| d.where_ == "in flight").count();
    let held = draws.len() - in_flight;
    let caption = format!(
        "{}{}{}",
        crate::i18n::tf(
            if in_flight == 1 {
                "ring.caption.one"
            } else {
                "ring.caption.many"
            },
            &[("n", &in_flight.to_string())]
        ),
        if held > 0 {
            crate::i18n::tf("ring.caption.held", &[("n", &held.to_string())])
        } else {
            String::new()
        },
        if hide_pings {
            crate::i18n::t("ring.caption.pings_hidden")
        } else {
            ""
        }
    );
    let svg_class = classes!(
        "zs-ring-svg",
        playing.then_some("zs-playing"),
        store.playback.manual.then_some("zs-manual")
    );
    html! {
        <figure class="zs-ring" aria-label={crate::i18n::t("ring.label")}>
            <svg class={svg_class} viewBox={format!("0 0 {SIZE} {SIZE}")} role="group" aria-label={crate::i18n::t("ring.svg.label")}>
                <circle class="zs-ring-guide" cx={CENTER.to_string()} cy={CENTER.to_string()} r={geometry::RADIUS.to_string()} />
                { for links }
                { clients }
                <g class="zs-msgs">{ for draws.into_iter().map(|m| { let key = format!("{}-{}", m.where_, m.id); html! { <RingMsg {key} {m} onselect={onselect.clone()} /> } }) }</g>
                { for nodes }
            </svg>
            { for menu }
            <figcaption id="ring-caption">{ caption }</figcaption>
        </figure>
    }
}
