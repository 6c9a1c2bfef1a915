//! The ensemble drawn as a ring: servers (focusable, with a menu), the links between them
//! (cut links dashed with ✕, one-way cuts marked at the receiving end), clients beside the
//! server they talk to (`clients.rs`: a lock holder ◆, a stale one ◇, a paused one ⏸), and
//! every message: in flight along its lane, held ones parked at their sender, ones waiting at a
//! paused server parked at it (the core's view says which). Words — each server's role, vote,
//! ACKs against the quorum, epoch and phase; each lane's queued kinds ("DIFF + NEWLEADER") —
//! are laid out without collisions (`layout.rs`, `words.rs`). PINGs hide with the filter;
//! other kinds with the ring's own checkboxes; focusing one server (its `f` key or the focus
//! picker) dims everything it has no part in.
//!
//! `Ring` is the container: it reads the store and hands each server, message and the open
//! menu to its leaf component (`node.rs`, `msg.rs`, `server_menu.rs`) with callbacks. The
//! animator (`animator.rs`) moves the travelling messages between renders.

pub mod animator;
mod clients;
pub mod geometry;
pub mod labels;
pub mod layout;
mod msg;
mod node;
mod server_menu;
pub mod words;

use crate::i18n::{t, tf};
use crate::store::{CommandAction, UiAction, callback, use_store};
use geometry::{CENTER, Lane, SIZE, node_radius, outward, position, progress};
use labels::role_class;
use layout::{Rect, Want, around, circle_box, place_all, summarise};
use msg::{MsgDraw, RingMsg};
use node::RingNode;
use server_menu::ServerMenu;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::JsCast;
use words::{FAMILIES, family, msg_word, server_lines};
use yew::prelude::*;
use zabscope_core::sim::view::Placement;
use zabscope_core::zab::proto::PacketKind;
use zabscope_core::{ClusterView, ServerId};

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

/// The ring's own controls: which message families show, and the focused server.
#[derive(Clone, Debug, PartialEq, Default)]
struct RingFilter {
    hidden: BTreeSet<&'static str>,
    focus: Option<u32>,
}

/// A lane and what waits on it: (from, to, in flight / held / parked).
type LaneKey = (u32, u32, &'static str);

/// Who a label belongs to.
#[derive(Clone, Copy, Debug, PartialEq)]
enum LabelOwner {
    Server(u32),
    Lane(u32, u32),
}

/// Spots beside a lane: midway first, then toward either end, on the lane's own side.
fn lane_spots(l: &Lane) -> Vec<((f64, f64), (f64, f64))> {
    let (nx, ny) = l.normal();
    [0.5, 0.35, 0.65, 0.22, 0.78]
        .iter()
        .flat_map(|f| {
            let (x, y) = l.at(*f);
            [
                ((x + nx * 10.0, y + ny * 10.0), (nx, ny)),
                ((x + nx * 34.0, y + ny * 34.0), (nx, ny)),
            ]
        })
        .collect()
}

/// Smallest word in the SVG, in its own units at scale 1 (labels, client names: 20 px).
const SMALLEST: f64 = 20.0;

/// The SVG type scale that keeps its smallest word at 14 px on screen when the ring is drawn
/// `px` on its shorter side (1 when it already is, or before the first layout).
fn fit_for(px: f64) -> f64 {
    if px <= 1.0 {
        return 1.0;
    }
    let k = px / SIZE;
    // 15 px, not 14: a panel opened in the same render (manual delivery) may shrink the ring
    // a little after it was measured.
    (15.2 / (SMALLEST * k)).clamp(1.0, 1.6)
}

#[component]
pub fn Ring() -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let store = use_store();
    let filter = use_state(RingFilter::default);
    let view = &store.view;
    let n = view.servers.len();
    let slot_of = |id: u32| view.servers.iter().position(|s| s.myid == id);
    let clock = store.shared.clock.get();
    let reduced = store.shared.reduced_motion;
    let playing = store.playing();
    let hide_pings = store.playback.hide_pings;
    // The type scale inside the SVG: the projector's, times what keeps every word at 14 px
    // or more on screen however small the ring is drawn (`fit`, measured after each render).
    let fit = use_state(|| 1.0_f64);
    let svg_ref = use_node_ref();
    crate::panels::css::use_data_css(svg_ref.clone());
    {
        let (fit, svg_ref) = (fit.clone(), svg_ref.clone());
        use_effect(move || {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                // The viewBox is square and kept whole: the shorter side sets the scale.
                let r = svg.get_bounding_client_rect();
                let px = r.width().min(r.height());
                let want = fit_for(px);
                if (want - *fit).abs() > 0.02 {
                    fit.set(want);
                }
            }
        });
    }
    let scale = if store.ui.projector { 1.25 } else { 1.0 } * *fit;
    let fs = 20.0 * scale;
    let focus = filter.focus.filter(|f| slot_of(*f).is_some());
    let involves = |from: u32, to: u32| focus.is_none_or(|f| f == from || f == to);

    // Messages: in flight (agenda order = delivery order per lane), then held, then parked.
    let mut draws: Vec<MsgDraw> = Vec::new();
    let mut queue: BTreeMap<(usize, usize, &'static str), usize> = BTreeMap::new();
    for m in &view.in_flight {
        if hide_pings && m.kind == PacketKind::Ping {
            continue;
        }
        if filter.hidden.contains(family(m.kind.name())) {
            continue;
        }
        let (Some(a), Some(b)) = (slot_of(m.from.0), slot_of(m.to.0)) else {
            continue;
        };
        let sent = store
            .derived
            .sent_at
            .get(&m.id)
            .copied()
            .unwrap_or_else(|| view.now.ms());
        let where_ = m.placement.name();
        let rank = {
            let q = queue.entry((a, b, where_)).or_insert(0);
            *q += 1;
            *q - 1
        };
        let at = match m.placement {
            Placement::Held => 0.06,
            Placement::Parked => 0.94,
            Placement::InFlight => progress(clock, sent, m.due.ms(), rank, playing, reduced),
        };
        draws.push(MsgDraw {
            id: m.id,
            kind: m.kind.name().to_string(),
            vote_for: m.vote_for.map(|v| v.0),
            text: m.msg.clone(),
            from: m.from.0,
            to: m.to.0,
            lane: lane(a, b, n),
            sent,
            due: m.due.ms(),
            rank,
            where_,
            at,
            selected: store.ui.selected_msg == Some(m.id),
        });
    }

    let r = node_radius(n);
    let client_list = clients::client_boxes(view, n, fs);
    // Obstacles: server circles, client boxes (with their mark), cut marks.
    let mut obstacles: Vec<Rect> = (0..n)
        .map(|i| circle_box(position(i, n), r, scale))
        .collect();
    for c in &client_list {
        obstacles.push(Rect {
            cx: c.at.0,
            cy: c.at.1,
            w: c.w + 48.0,
            h: 34.0,
        });
    }
    let cut_pairs = cuts(view);
    let mark_at = |a: usize, b: usize, f: f64| {
        let ((x1, y1), (x2, y2)) = (position(a, n), position(b, n));
        (x1 + (x2 - x1) * f, y1 + (y2 - y1) * f)
    };
    for &(a, b, ab, ba) in &cut_pairs {
        let f = match (ab, ba) {
            (true, true) => 0.5,
            (true, false) => 0.72,
            (false, true) => 0.28,
            (false, false) => continue,
        };
        let (x, y) = mark_at(a, b, f);
        obstacles.push(Rect {
            cx: x,
            cy: y,
            w: 26.0 * scale,
            h: 28.0 * scale,
        });
    }

    // Labels: servers first (the focused one first of all), then lanes in delivery order.
    let mut wants: Vec<Want> = Vec::new();
    let mut owners: Vec<LabelOwner> = Vec::new();
    // Every other server first on a crowded ring, so neighbours' labels stagger.
    let mut order: Vec<usize> = (0..n).step_by(2).chain((1..n).step_by(2)).collect();
    if let Some(f) = focus.and_then(slot_of) {
        order.retain(|i| *i != f);
        order.insert(0, f);
    }
    for i in order {
        let s = &view.servers[i];
        let p = position(i, n);
        let (spots, last_spots) = around(p, r, outward(p), scale);
        wants.push(Want {
            lines: server_lines(view, s),
            fs,
            spots,
            last_spots,
            min_lines: 1,
            fallback: words::server_short(s),
        });
        owners.push(LabelOwner::Server(s.myid));
    }
    // Lanes: the kinds queued on each, in order; a sender's identical label on three or more
    // lanes (a vote sent to everyone) is said once, near the sender.
    let mut lanes: Vec<(LaneKey, Vec<String>)> = Vec::new();
    for d in &draws {
        let key = (d.from, d.to, d.where_);
        let word = msg_word(&d.kind, d.vote_for);
        match lanes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(word),
            None => lanes.push((key, vec![word])),
        }
    }
    let mut said: BTreeSet<(u32, String)> = BTreeSet::new();
    for ((from, to, where_), words) in &lanes {
        if !involves(*from, *to) {
            continue;
        }
        let mut text = summarise(words);
        if *where_ == "held" {
            text = tf("ring.held", &[("what", &text)]);
        } else if *where_ == "parked" {
            text = tf("ring.parked", &[("what", &text)]);
        }
        let fanout: Vec<u32> = lanes
            .iter()
            .filter(|((f, t, w), ws)| {
                f == from && t != f && w == where_ && summarise(ws) == summarise(words)
            })
            .map(|((_, t, _), _)| *t)
            .collect();
        let (Some(a), Some(b)) = (slot_of(*from), slot_of(*to)) else {
            continue;
        };
        let l = lane(a, b, n);
        if fanout.len() >= 3 && *to != *from && focus.is_none() {
            if !said.insert((*from, text.clone())) {
                continue;
            }
            let p = position(a, n);
            let (ox, oy) = outward(p);
            let q = (p.0 - ox * (r + 92.0), p.1 - oy * (r + 92.0));
            let mut spots = vec![(q, (0.0, 0.0))];
            spots.extend(lane_spots(&l));
            wants.push(Want {
                lines: vec![tf(
                    "ring.fanout",
                    &[("what", &text), ("n", &fanout.len().to_string())],
                )],
                fs,
                spots,
                last_spots: Vec::new(),
                min_lines: 1,
                fallback: Vec::new(),
            });
        } else {
            wants.push(Want {
                lines: vec![text],
                fs,
                spots: lane_spots(&l),
                last_spots: Vec::new(),
                min_lines: 1,
                fallback: Vec::new(),
            });
        }
        owners.push(LabelOwner::Lane(*from, *to));
    }
    let placed = place_all(&obstacles, &wants, n, SIZE);
    let left_out = placed.iter().filter(|p| p.is_none()).count();
    let labels = placed.iter().zip(&owners).filter_map(|(p, owner)| {
        let p = p.as_ref()?;
        let (class, data) = match owner {
            LabelOwner::Server(id) => {
                let s = view.servers.iter().find(|s| s.myid == *id)?;
                (
                    classes!("zs-label", "zs-label-server", role_class(s), (!involves(*id, *id)).then_some("zs-dim")),
                    id.to_string(),
                )
            }
            LabelOwner::Lane(f, t) => (
                classes!("zs-label", "zs-label-lane", (!involves(*f, *t)).then_some("zs-dim")),
                format!("{f}-{t}"),
            ),
        };
        let top = p.rect.cy - p.rect.h / 2.0 + fs * 0.95;
        let lines = p.lines.iter().enumerate().map(|(k, line)| {
            html! { <tspan x={format!("{:.1}", p.rect.cx)} y={format!("{:.1}", top + k as f64 * fs * 1.18)}>{ line }</tspan> }
        });
        Some(html! { <text {class} data-for={data}>{ for lines }</text> })
    });

    let links = cut_pairs.iter().map(|&(a, b, ab, ba)| {
        let ((x1, y1), (x2, y2)) = (position(a, n), position(b, n));
        let (ia, ib) = (view.servers[a].myid, view.servers[b].myid);
        let class = classes!("zs-link", (ab || ba).then_some("zs-cut"), (!involves(ia, ib)).then_some("zs-dim"));
        let mark = |f: f64| {
            let (x, y) = mark_at(a, b, f);
            html! { <text class="zs-cut-mark" x={format!("{x:.0}")} y={format!("{:.0}", y + 7.0)}>{ "✕" }</text> }
        };
        html! {
            <g class="zs-link-g" data-a={ia.to_string()} data-b={ib.to_string()}>
                <line {class} x1={format!("{x1:.1}")} y1={format!("{y1:.1}")} x2={format!("{x2:.1}")} y2={format!("{y2:.1}")} />
                if ab && ba {
                    { mark(0.5) }
                } else if ab {
                    { mark(0.72) }
                } else if ba {
                    { mark(0.28) }
                }
            </g>
        }
    });

    let onopen = callback(&store).reform(|id: u32| UiAction::Menu(Some(id)));
    let nodes = view.servers.iter().enumerate().map(|(i, s)| {
        let (x, y) = position(i, n);
        let open = store.ui.menu == Some(s.myid);
        let dim = !involves(s.myid, s.myid);
        let words = server_lines(view, s).join(", ");
        html! { <RingNode key={s.myid} server={s.clone()} {x} {y} {n} serving={s.serving} {open} {dim} {words} onopen={onopen.clone()} /> }
    });

    let onclient = callback(&store).reform(|name: String| CommandAction::OpenZkCli(Some(name)));
    let client_html = client_list
        .iter()
        .map(|c| clients::draw(c, r, &onclient))
        .collect::<Html>();

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
    let mut caption = format!(
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
    if left_out > 0 {
        caption.push_str(&tf("ring.left_out", &[("n", &left_out.to_string())]));
    }
    let svg_class = classes!(
        "zs-ring-svg",
        playing.then_some("zs-playing"),
        store.playback.manual.then_some("zs-manual"),
        focus.is_some().then_some("zs-focusing")
    );
    // `f` on a focused server focuses the ring on it (again: everything back).
    let onkeydown = {
        let filter = filter.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "f" {
                return;
            }
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".zs-node").ok().flatten())
                .and_then(|el| el.get_attribute("data-myid"))
                .and_then(|v| v.parse::<u32>().ok());
            if let Some(id) = id {
                e.prevent_default();
                e.stop_propagation();
                let mut f = (*filter).clone();
                f.focus = if f.focus == Some(id) { None } else { Some(id) };
                filter.set(f);
            }
        })
    };
    let on_focus_pick = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            let mut f = (*filter).clone();
            f.focus = v.parse().ok();
            filter.set(f);
        })
    };
    let family_boxes = FAMILIES.iter().map(|fam| {
        let on = !filter.hidden.contains(fam);
        let onchange = {
            let filter = filter.clone();
            Callback::from(move |_: Event| {
                let mut f = (*filter).clone();
                if !f.hidden.remove(fam) {
                    f.hidden.insert(fam);
                }
                filter.set(f);
            })
        };
        let label = match *fam {
            "votes" => t("ring.show.votes"),
            "sync" => t("ring.show.sync"),
            "broadcast" => t("ring.show.broadcast"),
            _ => t("ring.show.other"),
        };
        html! {
            <label class="zs-check"><input id={format!("show-{fam}")} type="checkbox" checked={on} {onchange} />{ label }</label>
        }
    });
    let focus_options = view.servers.iter().map(|s| {
        html! { <option value={s.myid.to_string()} selected={focus == Some(s.myid)}>{ tf("ring.focus.server", &[("sid", &s.myid.to_string())]) }</option> }
    });
    html! {
        <figure class="zs-ring" aria-label={crate::i18n::t("ring.label")} {onkeydown}>
            <svg ref={svg_ref} class={svg_class} viewBox={format!("0 0 {SIZE} {SIZE}")} role="group" aria-label={crate::i18n::t("ring.svg.label")}
                data-css={format!("--zs-scale: {scale:.3}")}>
                <circle class="zs-ring-guide" cx={CENTER.to_string()} cy={CENTER.to_string()} r={geometry::RADIUS.to_string()} />
                { for links }
                { client_html }
                <g class="zs-msgs">{ for draws.into_iter().map(|m| {
                    let key = format!("{}-{}", m.where_, m.id);
                    let dim = !involves(m.from, m.to);
                    html! { <RingMsg {key} {m} {dim} onselect={onselect.clone()} /> }
                }) }</g>
                { for nodes }
                <g class="zs-labels">{ for labels }</g>
            </svg>
            { for menu }
            <figcaption>
                <span id="ring-caption">{ caption }</span>
                <span class="zs-ring-tools">
                    <span class="zs-ring-show">{ t("ring.show") }</span>
                    { for family_boxes }
                    <label class="zs-check">{ t("ring.focus") }
                        <select id="ring-focus" onchange={on_focus_pick}>
                            <option value="" selected={focus.is_none()}>{ t("ring.focus.all") }</option>
                            { for focus_options }
                        </select>
                    </label>
                </span>
            </figcaption>
        </figure>
    }
}
