//! The live sequence (Lamport) diagram, an inspector tab: a lane per server and per client,
//! time downwards, an arrow per message from its send to its delivery, labelled with its kind
//! and key fields (the vote, the zxid in hex, the epoch), crashes, pauses, restarts and
//! partitions marked on the lanes. It is linked both ways with the ring and the timeline:
//! clicking an arrow (or Enter on it) seeks the run to the step that sent it and selects the
//! message, which the ring then shows in flight; stepping, seeking or selecting a message on
//! the ring scrolls the diagram to it.
//!
//! Only the rows on screen are drawn (`rows.rs` finds them by binary search, `scene.rs` lays
//! them out), so a run of 100,000 events scrolls as a short one does. The index of the whole
//! history (`index.rs`) lives in the store's `Shared` and is synced after every change; the
//! rows and the window last drawn live beside it, so `window.zabscope.sequenceSvg()` exports
//! exactly what is on screen (`svg.rs`).

pub mod index;
pub mod rows;
pub mod scene;
pub mod svg;
#[cfg(test)]
mod tests;

use crate::i18n::{t, tf};
use crate::store::{PlaybackAction, Shared, UiAction, callback, use_store};
use index::{Kind, Lane, SeqIndex};
use rows::{Filter, Rows};
use scene::{ArrowDraw, Geo, Input, Scene};
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// Rows drawn above and below the visible ones (a fast scroll never shows a gap).
const OVERSCAN: usize = 12;

/// The diagram's state beside the simulation: the index, the rows under the last filter, and
/// what was last drawn (for the export).
#[derive(Debug, Default)]
pub struct SeqState {
    pub index: SeqIndex,
    pub rows: Rows,
    /// Rows visible when last drawn.
    pub window: Option<(usize, usize)>,
    pub geo: Option<Geo>,
    pub lanes: Vec<Lane>,
}

/// The SVG file of the range last drawn (or, when the tab was never open, of the rows up to the
/// current step), built as the page draws it.
#[must_use]
pub fn svg_of(shared: &Shared) -> String {
    let sim = shared.sim.borrow();
    let mut st = shared.seq.borrow_mut();
    let current = sim.steps();
    let SeqState {
        index,
        rows,
        window,
        geo,
        lanes,
    } = &mut *st;
    let filter = rows.filter().clone();
    rows.update(index, &filter);
    if window.is_none() {
        let servers: Vec<u32> = sim
            .view_with(zabscope_core::sim::view::ViewOptions::compact())
            .servers
            .iter()
            .map(|s| s.myid)
            .collect();
        *lanes = scene::lanes(&servers, index, &Filter::default());
    }
    let total = rows.rows.len();
    let (r0, r1) = window.filter(|(a, _)| *a < total).unwrap_or_else(|| {
        let end = rows.row_of_step(index, current + 1);
        (end.saturating_sub(24), end)
    });
    let geo = geo.unwrap_or(Geo {
        width: 720.0,
        scale: 1.0,
    });
    let inp = Input {
        ix: index,
        rows,
        lanes,
        markers: sim.markers(),
        geo,
        current_step: current,
        selected: None,
        cursor: None,
    };
    let s = scene::scene(&inp, r0, r1);
    let title = tf(
        "seq.svg.title",
        &[
            ("from", &s.rows.first().map_or(0, |r| r.step).to_string()),
            ("to", &s.rows.last().map_or(0, |r| r.step).to_string()),
        ],
    );
    svg::document(&s, geo, &title)
}

/// Offer `text` as a file download (an `<a download>` with a data URL; nothing leaves the page).
fn download(name: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let href = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    let _ = a.set_attribute("href", &href);
    let _ = a.set_attribute("download", name);
    if let Ok(a) = a.dyn_into::<HtmlElement>() {
        a.click();
    }
}

fn checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// One arrow: a wide transparent line to click, the line, the label. The keyboard reaches it
/// through the diagram's cursor (↑/↓ on the diagram, Enter), not one tab stop per arrow: a run
/// has thousands, and rows come and go as the diagram scrolls.
fn arrow_html(a: &ArrowDraw, onpick: &Callback<(u64, u64)>) -> Html {
    let pick = (a.id, a.send_step);
    let onclick = onpick.reform(move |_: MouseEvent| pick);
    let class = classes!(
        "zs-seq-arrow",
        format!("zs-seq-{}", svg::family(a.kind)),
        a.selected.then_some("zs-seq-sel"),
        a.cursor.then_some("zs-seq-cursor"),
        a.current.then_some("zs-seq-now"),
        a.future.then_some("zs-seq-future"),
        a.open.then_some("zs-seq-open"),
    );
    html! {
        <g key={a.n} {class} id={a.cursor.then_some("seq-cursor")} aria-label={a.title.clone()}
            data-id={a.id.to_string()} data-n={a.n.to_string()} data-kind={a.kind.code()}
            data-step={a.send_step.to_string()} data-from={a.from.clone()} data-to={a.to.clone()}
            {onclick}>
            <title>{ &a.title }</title>
            <path class="zs-seq-hit" d={a.d.clone()} />
            <path class="zs-seq-line" d={a.d.clone()}
                marker-end={(!a.open && !a.dropped).then_some("url(#zs-seq-ah)")} />
            if a.dropped {
                <text class="zs-seq-drop" x={format!("{:.1}", a.x2)} y={format!("{:.1}", a.y2 + 6.0)}>{ "✕" }</text>
            }
            <text class="zs-seq-label" x={format!("{:.1}", a.lx)} y={format!("{:.1}", a.ly)}
                text-anchor={if a.leftwards { "end" } else { "start" }}>{ &a.label }</text>
        </g>
    }
}

/// The rows, lanes and marks of a scene (everything but the arrows).
fn body_html(s: &Scene, geo: Geo, onpings: &Callback<()>) -> Html {
    let h = geo.row_h();
    let top = s.r0 as f64 * h;
    let bottom = s.r1 as f64 * h;
    html! {
        <>
            { for s.rows.iter().filter(|r| r.current).map(|r| html! {
                <rect class="zs-seq-cur" x="0" y={format!("{:.1}", r.y)} width="100%" height={format!("{h:.1}")} />
            }) }
            { for s.lanes.iter().map(|l| html! {
                <line class={classes!("zs-seq-lane", matches!(l.lane, Lane::Client(_)).then_some("zs-seq-lane-client"))}
                    x1={format!("{:.1}", l.x)} x2={format!("{:.1}", l.x)}
                    y1={format!("{top:.1}")} y2={format!("{bottom:.1}")} />
            }) }
            { for s.rows.iter().map(|r| {
                let base = format!("{:.1}", r.y + h * 0.7);
                html! {
                    <>
                    if r.first_of_step {
                        <text class={classes!("zs-seq-step", r.future.then_some("zs-seq-future"))} x="4" y={base.clone()}>{ format!("#{}", r.step) }</text>
                    }
                    if let Some(n) = r.pings {
                        <text class="zs-seq-pings" x={format!("{:.1}", geo.gutter())} y={base.clone()}
                            tabindex="0" role="button" aria-label={t("seq.pings.expand")}
                            onclick={onpings.reform(|_: MouseEvent| ())}
                            onkeydown={let p = onpings.clone(); Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); p.emit(()) })}>
                            <title>{ t("seq.pings.expand") }</title>
                            { tf("seq.pings", &[("n", &n.to_string())]) }
                        </text>
                    }
                    if let Some((x, state)) = &r.state {
                        <text class="zs-seq-state" x={format!("{x:.1}")} y={base.clone()}>{ state }</text>
                    }
                    </>
                }
            }) }
            { for s.marks.iter().map(|m| match m.x {
                Some(x) => html! {
                    <text class={classes!("zs-seq-mark", m.class)} x={format!("{:.1}", x - 12.0 * geo.scale)} y={format!("{:.1}", m.y + 7.0)}>
                        <title>{ &m.title }</title>{ m.glyph }</text>
                },
                None => html! {
                    <g class={classes!("zs-seq-mark", m.class)}>
                        <title>{ &m.title }</title>
                        <line x1={format!("{:.1}", geo.gutter())} x2={format!("{:.1}", geo.width)}
                            y1={format!("{:.1}", m.y)} y2={format!("{:.1}", m.y)} />
                        <text x={format!("{:.1}", geo.gutter() - 16.0)} y={format!("{:.1}", m.y + 7.0)}>{ m.glyph }</text>
                    </g>
                },
            }) }
        </>
    }
}

/// A filter menu: a `<details>` with one checkbox per entry (checked = shown).
fn menu<T: Copy + Ord + 'static>(
    id: &'static str,
    title: &'static str,
    entries: Vec<(T, String)>,
    hidden: &BTreeSet<T>,
    ontoggle: Callback<(T, bool)>,
) -> Html {
    // Opening one menu closes the other (both open would overlap).
    let onclick = Callback::from(|e: MouseEvent| {
        let Some(details) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|s| s.parent_element())
        else {
            return;
        };
        if details.has_attribute("open") {
            return;
        }
        if let Some(bar) = details.parent_element()
            && let Ok(open) = bar.query_selector_all(".zs-seq-menu[open]")
        {
            for i in 0..open.length() {
                if let Some(el) = open
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = el.remove_attribute("open");
                }
            }
        }
    });
    html! {
        <details class="zs-seq-menu" {id}>
            <summary {onclick}>{ t(title) }</summary>
            <div class="zs-seq-pop">
                { for entries.into_iter().map(|(k, name)| {
                    let cb = ontoggle.clone();
                    let onchange = Callback::from(move |e: Event| cb.emit((k, checked(&e))));
                    html! { <label><input type="checkbox" checked={!hidden.contains(&k)} {onchange} />{ name }</label> }
                }) }
            </div>
        </details>
    }
}

/// The sequence tab (a container: it reads the store).
#[component]
pub fn SequencePanel() -> Html {
    let store = use_store();
    let _lang = crate::i18n::use_lang();
    let scroller = use_node_ref();
    // Heights and offsets through the CSSOM: the page's CSP refuses `style` attributes.
    crate::panels::css::use_data_css(scroller.clone());
    let scroll = use_state_eq(|| 0.0_f64);
    let size = use_state(|| (600.0_f64, 320.0_f64));
    // The keyboard's cursor: an arrow (absolute number) and the row of its send.
    let cursor = use_state(|| None::<(u64, usize)>);
    let filter = store.ui.seq.clone();
    let geo = Geo {
        width: size.0,
        scale: if store.ui.projector { 1.25 } else { 1.0 },
    };
    let h = geo.row_h();
    let current = store.view.step;
    let servers: Vec<u32> = store.view.servers.iter().map(|s| s.myid).collect();
    let (scene, target, kinds, all_lanes, events) = {
        let sim = store.shared.sim.borrow();
        let mut st = store.shared.seq.borrow_mut();
        let SeqState {
            index,
            rows,
            window,
            geo: last_geo,
            lanes: last_lanes,
        } = &mut *st;
        rows.update(index, &filter);
        let lanes = scene::lanes(&servers, index, &filter);
        let first = (*scroll / h).floor().max(0.0) as usize;
        let last = ((*scroll + size.1) / h).ceil() as usize;
        let inp = Input {
            ix: index,
            rows,
            lanes: &lanes,
            markers: sim.markers(),
            geo,
            current_step: current,
            selected: store.ui.selected_msg,
            cursor: cursor.map(|(a, _)| a),
        };
        let sc = scene::scene(&inp, first.saturating_sub(OVERSCAN), last + OVERSCAN);
        // The message selected while the ring shows it in flight, else the current step.
        let target = match store
            .ui
            .selected_msg
            .filter(|id| store.view.in_flight.iter().any(|m| m.id == *id))
            .and_then(|id| index.arrow_of(id))
            .and_then(|n| index.arrow(n))
        {
            Some(a) if filter.shows(a) => rows.row_of(a.send),
            _ => rows.row_of_step(index, current + 1).saturating_sub(1),
        };
        *window = Some((first.min(rows.rows.len()), last.min(rows.rows.len())));
        *last_geo = Some(geo);
        *last_lanes = lanes;
        let kinds: Vec<Kind> = index.kinds.iter().copied().collect();
        let all_lanes: Vec<Lane> = scene::lanes(&servers, index, &Filter::default());
        let names: Vec<(Lane, String)> = all_lanes
            .iter()
            .map(|l| {
                let n = index.lane_name(*l);
                let name = match l {
                    Lane::Server(_) => format!("server.{n}"),
                    Lane::Client(_) => n,
                };
                (*l, name)
            })
            .collect();
        (sc, target, kinds, names, index.end() - index.base)
    };
    // Measure the scroller after each render (a resize, projector mode, the tab opening).
    {
        let (scroller, size) = (scroller.clone(), size.clone());
        use_effect(move || {
            if let Some(el) = scroller.cast::<HtmlElement>() {
                let (w, hh) = (f64::from(el.client_width()), f64::from(el.client_height()));
                if w > 0.0 && ((w - size.0).abs() > 1.0 || (hh - size.1).abs() > 1.0) {
                    size.set((w, hh));
                }
            }
        });
    }
    // Follow: a new step or a message selected (here or on the ring) scrolls it into view.
    {
        let scroller = scroller.clone();
        use_effect_with(
            (current, store.ui.selected_msg, target),
            move |(_, _, target)| {
                if let Some(el) = scroller.cast::<HtmlElement>() {
                    let y = *target as f64 * h;
                    let top = f64::from(el.scroll_top());
                    let view_h = f64::from(el.client_height());
                    if y < top || y + h > top + view_h {
                        el.set_scroll_top((y - view_h / 2.0).max(0.0) as i32);
                    }
                }
            },
        );
    }
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                scroll.set(f64::from(el.scroll_top()));
            }
        })
    };
    let play = callback::<PlaybackAction>(&store);
    let ui = callback::<UiAction>(&store);
    let onpick = {
        let (play, ui) = (play.clone(), ui.clone());
        Callback::from(move |(id, step): (u64, u64)| {
            play.emit(PlaybackAction::Pause);
            play.emit(PlaybackAction::Seek(step));
            ui.emit(UiAction::SelectMsg((id != 0).then_some(id)));
        })
    };
    // ↓ / ↑ move the cursor to the next / previous arrow (from the top of the screen when
    // there is none), Enter or Space goes to it as a click does; the diagram keeps it in view.
    let onkeydown = {
        let (shared, cursor, onpick, scroller) = (
            store.shared.clone(),
            cursor.clone(),
            onpick.clone(),
            scroller.clone(),
        );
        let first_row = (*scroll / h).floor().max(0.0) as usize;
        Callback::from(move |e: KeyboardEvent| {
            let forward = match e.key().as_str() {
                "ArrowDown" => true,
                "ArrowUp" => false,
                "Enter" | " " => {
                    if let Some((a, _)) = *cursor {
                        let st = shared.seq.borrow();
                        let pick = st.index.arrow(a).map(|arrow| {
                            let step = st.index.ev(arrow.send).map_or(0, |ev| ev.step);
                            (arrow.id, step)
                        });
                        drop(st);
                        if let Some(p) = pick {
                            e.prevent_default();
                            e.stop_propagation();
                            onpick.emit(p);
                        }
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            let st = shared.seq.borrow();
            let from = match *cursor {
                Some((_, row)) => row,
                None if forward => first_row.saturating_sub(1),
                None => first_row + 1,
            };
            let next = st.rows.next_arrow(&st.index, from, forward);
            drop(st);
            if let Some((a, row)) = next {
                cursor.set(Some((a, row)));
                if let Some(el) = scroller.cast::<HtmlElement>() {
                    let y = row as f64 * h;
                    let top = f64::from(el.scroll_top());
                    let view_h = f64::from(el.client_height());
                    if y < top || y + h > top + view_h {
                        el.set_scroll_top((y - view_h / 2.0).max(0.0) as i32);
                    }
                }
            }
        })
    };
    let set_filter = ui.reform(UiAction::SeqFilter);
    let onkinds = {
        let (f, set) = (filter.clone(), set_filter.clone());
        Callback::from(move |(k, on): (Kind, bool)| {
            let mut f = f.clone();
            if on {
                f.kinds.remove(&k);
            } else {
                f.kinds.insert(k);
            }
            set.emit(f);
        })
    };
    let onlanes = {
        let (f, set) = (filter.clone(), set_filter.clone());
        Callback::from(move |(l, on): (Lane, bool)| {
            let mut f = f.clone();
            if on {
                f.lanes.remove(&l);
            } else {
                f.lanes.insert(l);
            }
            set.emit(f);
        })
    };
    let onpings = {
        let (f, set) = (filter.clone(), set_filter.clone());
        Callback::from(move |()| {
            let mut f = f.clone();
            f.pings = !f.pings;
            set.emit(f);
        })
    };
    let onexport = {
        let shared = store.shared.clone();
        Callback::from(move |_: MouseEvent| download("zabscope-sequence.svg", &svg_of(&shared)))
    };
    let kind_entries = kinds.iter().map(|k| (*k, k.name().to_string())).collect();
    let total_h = scene.total as f64 * h;
    let view_box = format!(
        "0 {:.1} {:.0} {:.1}",
        scene.r0 as f64 * h,
        geo.width,
        (scene.r1.saturating_sub(scene.r0)).max(1) as f64 * h
    );
    let svg_style = format!(
        "top:{:.1}px;height:{:.1}px",
        scene.r0 as f64 * h,
        (scene.r1.saturating_sub(scene.r0)).max(1) as f64 * h
    );
    let pings_toggle = onpings.clone();
    html! {
        <div class="zs-seq" id="sequence">
            <div class="zs-seq-bar">
                { menu("seq-kinds", "seq.kinds", kind_entries, &filter.kinds, onkinds) }
                { menu("seq-lanes", "seq.lanes", all_lanes, &filter.lanes, onlanes) }
                <label class="zs-seq-check"><input id="seq-pings" type="checkbox" checked={filter.pings}
                    onchange={pings_toggle.reform(|_: Event| ())} />{ t("seq.pings.show") }</label>
                <button id="seq-export" title={t("seq.export.title")} onclick={onexport}>{ t("seq.export") }</button>
                <span class="zs-seq-count" id="seq-count" data-rows={scene.total.to_string()} data-events={events.to_string()}>
                    { tf("seq.count", &[("rows", &scene.total.to_string()), ("events", &events.to_string())]) }</span>
            </div>
            <svg class="zs-seq-head" width="100%" height={format!("{:.0}", 28.0 * geo.scale)} aria-hidden="true">
                { for scene.lanes.iter().map(|l| html! {
                    <text class={classes!("zs-seq-lane-name", matches!(l.lane, Lane::Client(_)).then_some("zs-seq-lane-client"))}
                        x={format!("{:.1}", l.x)} y={format!("{:.0}", 20.0 * geo.scale)}>{ &l.name }</text>
                }) }
            </svg>
            <div class="zs-seq-scroll" ref={scroller} tabindex="0" {onscroll} {onkeydown}
                aria-activedescendant={cursor.is_some().then_some("seq-cursor")}
                role="region" aria-label={t("seq.label")}>
                <div class="zs-seq-space" data-css={format!("height:{total_h:.0}px")}>
                    <svg class="zs-seq-svg" width="100%" data-css={svg_style} viewBox={view_box}
                        data-r0={scene.r0.to_string()} data-top={format!("{:.0}", *scroll)}
                        preserveAspectRatio="xMinYMin slice">
                        <defs><marker id="zs-seq-ah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"
                            markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" /></marker></defs>
                        { body_html(&scene, geo, &onpings) }
                        { for scene.arrows.iter().map(|a| arrow_html(a, &onpick)) }
                    </svg>
                </div>
                if scene.total == 0 {
                    <p class="zs-help-line">{ t("seq.empty") }</p>
                }
            </div>
        </div>
    }
}
