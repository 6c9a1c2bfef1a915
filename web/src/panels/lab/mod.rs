//! The performance lab: ZooKeeper's two documented figures computed in the page, over the
//! whole screen (a plot a back row can read needs the width the inspector does not have).
//! Figure 1 is throughput against the read ratio for 3 to 13 servers, figure 2 throughput
//! through five failures of 7 servers; the knobs beside them change the set-up and what they
//! affect is recomputed.
//!
//! The computation ([`Runner`], `store/lab.rs`) runs in slices of about [`SLICE_MS`], one per
//! animation frame: after each slice the overlay re-renders (the new points appear, the
//! progress bar moves) and the browser draws the frame before the next. A new choice of knobs
//! or figure starts a new generation; a slice of an older one stops where it is.

pub mod knobs;
pub mod plots;

use crate::i18n::{t, tf};
use crate::store::lab::{END_MS, Figure, Knobs, LabView, Runner, SIZES};
use gloo_timers::callback::Timeout;
use knobs::LabKnobs;
use plots::{ReliabilityPlot, ThroughputPlot};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;
use zabscope_core::tools::lab::Point;
use zabscope_core::tools::lab::reliability::Fault;

/// Work per timer callback before yielding to the browser, ms (a frame is due every 16).
pub const SLICE_MS: f64 = 10.0;

/// Every key the lab's texts use (both catalogues must have each: `i18n` tests it).
#[cfg(test)]
pub const KEYS: &[&str] = &[
    "lab.open",
    "lab.open.title",
    "lab.title",
    "lab.close",
    "lab.tab.fig1",
    "lab.tab.fig2",
    "lab.progress.points",
    "lab.progress.ms",
    "lab.done",
    "lab.axis.reads",
    "lab.axis.ops",
    "lab.axis.time",
    "lab.legend.servers",
    "lab.legend.yours",
    "lab.legend.yours2",
    "lab.legend.allvoting",
    "lab.point",
    "lab.doc1",
    "lab.doc2",
    "lab.knobs",
    "lab.k.voters",
    "lab.k.observers",
    "lab.k.reads",
    "lab.k.fsync",
    "lab.k.leader_serves",
    "lab.k.reset",
    "lab.hint",
    "lab.fsync.100",
    "lab.fsync.2000",
    "lab.fsync.8000",
    "lab.fsync.20000",
    "lab.readout",
    "lab.readout.allvoting",
    "lab.fig2.needs7",
    "lab.fig2.setup",
    "lab.elected",
    "lab.ev.0",
    "lab.ev.1",
    "lab.ev.2",
    "lab.ev.3",
    "lab.ev.4",
    "lab.ev.5",
    "lab.ev.6",
    "lab.ev.7",
    "lab.ev.leader",
    "lab.ev.rejoin",
    "lab.ev.dip",
    "lab.fig2.why",
];

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Run slices of generation `generation` until done or superseded, one per animation frame,
/// re-rendering after each: the rest of each frame is the browser's (a loop of timer callbacks
/// let it skip frames on a loaded machine).
fn pump(
    runner: Rc<RefCell<Runner>>,
    generation: Rc<RefCell<u64>>,
    mine: u64,
    redraw: Callback<()>,
) {
    if *generation.borrow() != mine {
        return;
    }
    let more = runner.borrow_mut().slice(SLICE_MS, &now_ms);
    redraw.emit(());
    if more {
        let next = Closure::once_into_js(move || pump(runner, generation, mine, redraw));
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(next.unchecked_ref());
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LabProps {
    pub open: bool,
    pub knobs: Knobs,
    pub figure: Figure,
    pub onknobs: Callback<Knobs>,
    pub onfigure: Callback<Figure>,
    pub onclose: Callback<()>,
}

/// The point of `pts` at `reads`.
fn at(pts: &[Point], reads: u32) -> Option<&Point> {
    pts.iter().find(|p| p.reads == reads)
}

fn readout(view: &LabView, k: Knobs) -> Html {
    let Some(p) = at(&view.yours, k.reads) else {
        return html! {};
    };
    let main = tf(
        "lab.readout",
        &[
            ("voters", &k.voters.to_string()),
            ("observers", &k.observers.to_string()),
            ("reads", &k.reads.to_string()),
            ("ops", &p.ops_per_sec.to_string()),
            ("median", &format!("{:.1}", p.latency_ms.median)),
            ("p99", &format!("{:.1}", p.latency_ms.p99)),
        ],
    );
    let all = at(&view.all_voting, k.reads).map(|q| {
        tf(
            "lab.readout.allvoting",
            &[
                ("n", &(k.voters + k.observers).to_string()),
                ("ops", &q.ops_per_sec.to_string()),
            ],
        )
    });
    html! {
        <p id="lab-readout" class="zs-lab-readout">{ main }
            if let Some(a) = all { <br /><span>{ a }</span> }
        </p>
    }
}

/// Figure 2's events as a list, one line per failure with its recovery: what happened, what
/// the ZAB simulation measured, how long the throughput stayed below half.
fn events(view: &LabView) -> Html {
    let mut lines: Vec<Vec<String>> = Vec::new();
    for (i, m) in view.marks.iter().enumerate() {
        let mut parts = vec![t(&format!("lab.ev.{i}")).to_string()];
        match (m.fault, m.kernel_ms) {
            (Fault::CrashLeader, Some(ms)) => {
                parts.push(tf("lab.ev.leader", &[("ms", &ms.to_string())]));
            }
            (Fault::RecoverFollowers, Some(ms)) => {
                parts.push(tf("lab.ev.rejoin", &[("ms", &ms.to_string())]));
            }
            _ => {}
        }
        if let Some(ms) = m.recovered_ms.filter(|ms| *ms > 0) {
            parts.push(tf("lab.ev.dip", &[("ms", &ms.to_string())]));
        }
        match (m.fault, lines.last_mut()) {
            (Fault::RecoverFollowers, Some(line)) => line.extend(parts),
            _ => lines.push(parts),
        }
    }
    html! {
        <ol id="lab-events" class="zs-lab-events">
            { for lines.into_iter().map(|l| html! { <li class="zs-lab-ev">{ l.join(" ") }</li> }) }
        </ol>
    }
}

#[component]
pub fn LabPanel(p: &LabProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let runner = use_mut_ref(Runner::default);
    let generation = use_mut_ref(|| 0u64);
    let redraw = use_force_update();
    {
        let (runner, generation) = (runner.clone(), generation.clone());
        let redraw = Callback::from(move |()| redraw.force_update());
        use_effect_with((p.open, p.knobs, p.figure), move |(open, knobs, figure)| {
            let mine = *generation.borrow() + 1;
            *generation.borrow_mut() = mine;
            if *open {
                runner.borrow_mut().plan_timed(*knobs, *figure, &now_ms);
                let g = generation.clone();
                Timeout::new(0, move || pump(runner, g, mine, redraw)).forget();
            }
            // Closing, or a new choice: the running generation stops at its next slice.
            move || *generation.borrow_mut() += 1
        });
    }
    if !p.open {
        return html! {};
    }
    let view = runner.borrow().view().clone();
    let k = p.knobs;
    // The render before the effect plans new knobs or a new figure still shows the old view:
    // it is busy, not done, until the runner has planned what the props ask for.
    let busy = view.busy || view.planned != Some((p.knobs, p.figure));
    let (done, total) = view.progress;
    let progress_text = if !busy {
        t("lab.done").to_string()
    } else if p.figure == Figure::Throughput {
        tf(
            "lab.progress.points",
            &[("done", &done.to_string()), ("total", &total.to_string())],
        )
    } else if done == 0 {
        t("lab.fig2.setup").to_string()
    } else {
        tf(
            "lab.progress.ms",
            &[("done", &done.to_string()), ("total", &total.to_string())],
        )
    };
    let tab = |f: Figure, id: &'static str, key: &'static str| {
        let on = p.onfigure.clone();
        html! {
            <button {id} role="tab" aria-selected={(p.figure == f).to_string()}
                class={classes!((p.figure == f).then_some("active"))}
                onclick={Callback::from(move |_: MouseEvent| on.emit(f))}>{ t(key) }</button>
        }
    };
    let error = view.error.as_ref().map(|e| t(e).to_string());
    let yours_label = (
        t("lab.legend.yours").to_string(),
        tf(
            "lab.legend.yours2",
            &[
                ("voters", &k.voters.to_string()),
                ("observers", &k.observers.to_string()),
            ],
        ),
    );
    let all_label = tf(
        "lab.legend.allvoting",
        &[("n", &(k.voters + k.observers).to_string())],
    );
    let figure = match p.figure {
        Figure::Throughput => html! { <>
            <ThroughputPlot family={Rc::new(view.family.clone())} yours={Rc::new(view.yours.clone())}
                all_voting={Rc::new(view.all_voting.clone())} sizes={SIZES.to_vec()} reads={k.reads}
                {yours_label} all_voting_label={all_label} />
            <div class="zs-lab-notes">
                { readout(&view, k) }
                <p class="zs-lab-doc">{ t("lab.doc1") }</p>
            </div>
        </> },
        Figure::Reliability => html! { <>
            <ReliabilityPlot series={Rc::new(view.series.clone())} marks={Rc::new(view.marks.clone())} end_ms={END_MS} />
            <div class="zs-lab-notes">
                { events(&view) }
                <p class="zs-lab-doc">{ t("lab.doc2") }{ " " }{ t("lab.fig2.why") }</p>
            </div>
        </> },
    };
    let close = p.onclose.reform(|_: MouseEvent| ());
    html! {
        <div id="lab" class="zs-modal zs-lab-modal" role="dialog" aria-modal="true" aria-labelledby="lab-title">
            <div class="zs-lab">
                <header class="zs-lab-head">
                    <h2 id="lab-title">{ t("lab.title") }</h2>
                    <nav role="tablist" class="zs-lab-tabs">
                        { tab(Figure::Throughput, "lab-tab-fig1", "lab.tab.fig1") }
                        { tab(Figure::Reliability, "lab-tab-fig2", "lab.tab.fig2") }
                    </nav>
                    <progress id="lab-progress" max={total.max(1).to_string()} value={if busy { done } else { total }.to_string()}
                        data-busy={busy.to_string()} data-longest-ms={format!("{:.0}", view.longest_ms)} data-figure={format!("{:?}", p.figure)}></progress>
                    <span class="zs-lab-status" role="status">{ progress_text }</span>
                    <button id="lab-close" onclick={close}>{ t("lab.close") }</button>
                </header>
                <div class="zs-lab-body">
                    <LabKnobs knobs={k} onchange={p.onknobs.clone()} />
                    <section class="zs-lab-figure">
                        if let Some(e) = error { <p class="zs-error">{ e }</p> }
                        { figure }
                    </section>
                </div>
            </div>
        </div>
    }
}
