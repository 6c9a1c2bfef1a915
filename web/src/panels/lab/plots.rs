//! The lab's two figures as SVG, drawn as ZooKeeper's documentation draws them: figure 1
//! operations per second against the percentage of reads, one line with markers per ensemble
//! size and a legend; figure 2 operations per second against time, each failure event a
//! numbered vertical line, each election's measured time written beside it. Leaves: they draw
//! the points they are given, so each point appears as soon as the runner has it. Every
//! text is by key; sizes are in the viewBox's units, which the overlay draws at about one
//! pixel each (so 18 units ≥ 14 px even when scaled down to fit 1280×800).

use crate::i18n::{t, tf};
use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::tools::lab::Point;
use zabscope_core::tools::lab::plot::nice;
use zabscope_core::tools::lab::reliability::{Fault, Mark, Sample};

const W: f64 = 960.0;
const H: f64 = 520.0;
const LEFT: f64 = 104.0;
const RIGHT: f64 = 200.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 72.0;
/// Okabe–Ito, colour-blind safe; each size also has its own marker shape.
const COLOURS: [&str; 5] = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00"];

/// 144000 → "144k" (axis ticks), 38600 → "38.6k".
fn short(v: f64) -> String {
    if v >= 1000.0 {
        let k = v / 1000.0;
        if (k - k.round()).abs() < 0.05 {
            format!("{}k", k.round())
        } else {
            format!("{k:.1}k")
        }
    } else {
        format!("{}", v.round())
    }
}

/// Plot coordinates: x in `0..=xmax`, y in `0..=ymax` to the viewBox.
#[derive(Clone, Copy)]
struct Frame {
    xmax: f64,
    ymax: f64,
}

impl Frame {
    fn x(&self, v: f64) -> f64 {
        LEFT + (W - LEFT - RIGHT) * v / self.xmax
    }
    fn y(&self, v: f64) -> f64 {
        H - BOTTOM - (H - TOP - BOTTOM) * v / self.ymax
    }
}

/// Axes, grid, ticks and axis titles.
fn axes(f: Frame, xstep: f64, ystep: f64, xlabel: &str, xtick: &dyn Fn(f64) -> String) -> Html {
    let yticks = (0..)
        .map(|i| f64::from(i) * ystep)
        .take_while(|v| *v <= f.ymax + 1e-9);
    let xticks = (0..)
        .map(|i| f64::from(i) * xstep)
        .take_while(|v| *v <= f.xmax + 1e-9);
    let (x0, x1, y0, y1) = (LEFT, W - RIGHT, H - BOTTOM, TOP);
    html! {
        <g class="zs-lab-axes">
            { for yticks.map(|v| html! { <>
                <path class="zs-lab-grid" d={format!("M{x0} {:.1}H{x1}", f.y(v))} />
                <text class="zs-lab-tick" x={format!("{}", x0 - 8.0)} y={format!("{:.1}", f.y(v) + 6.0)} text-anchor="end">{ short(v) }</text>
            </> }) }
            { for xticks.map(|v| html! { <>
                <path class="zs-lab-axis" d={format!("M{:.1} {y0}v6", f.x(v))} />
                <text class="zs-lab-tick" x={format!("{:.1}", f.x(v))} y={format!("{}", y0 + 26.0)} text-anchor="middle">{ xtick(v) }</text>
            </> }) }
            <path class="zs-lab-axis" d={format!("M{x0} {y1}V{y0}H{x1}")} />
            <text class="zs-lab-label" x={format!("{}", x0 + (x1 - x0) / 2.0)} y={format!("{}", H - 10.0)} text-anchor="middle">{ xlabel.to_string() }</text>
            <text class="zs-lab-label" transform={format!("translate(26 {}) rotate(-90)", y1 + (y0 - y1) / 2.0)} text-anchor="middle">{ t("lab.axis.ops") }</text>
        </g>
    }
}

/// A marker of shape `i` (circle, square, triangle, diamond, cross) centred on (x, y).
fn marker(i: usize, x: f64, y: f64, class: &'static str, title: String) -> Html {
    let d = match i % 5 {
        0 => {
            return html! { <circle {class} cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="6"><title>{ title }</title></circle> };
        }
        1 => format!("M{:.1} {:.1}h11v11h-11z", x - 5.5, y - 5.5),
        2 => format!("M{x:.1} {:.1}l7 12h-14z", y - 7.0),
        3 => format!("M{x:.1} {:.1}l7 7l-7 7l-7 -7z", y - 7.0),
        _ => format!("M{:.1} {:.1}l12 12m0 -12l-12 12", x - 6.0, y - 6.0),
    };
    html! { <path {class} d={d}><title>{ title }</title></path> }
}

#[derive(Properties, PartialEq)]
pub struct ThroughputProps {
    /// The documented sizes' points so far.
    pub family: Rc<Vec<Point>>,
    /// The knobs' ensemble, and the same number of servers all voting (with observers).
    pub yours: Rc<Vec<Point>>,
    pub all_voting: Rc<Vec<Point>>,
    pub sizes: Vec<u32>,
    /// The knobs' read ratio (a dashed vertical line).
    pub reads: u32,
    /// The legend's label of the knobs' curve (two lines: who, then the set-up).
    pub yours_label: (String, String),
    pub all_voting_label: String,
}

/// Figure 1.
#[component]
pub fn ThroughputPlot(p: &ThroughputProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let top = p
        .family
        .iter()
        .chain(p.yours.iter())
        .chain(p.all_voting.iter())
        .map(|q| q.ops_per_sec as f64)
        .fold(160_000.0, f64::max);
    let (ymax, ystep) = nice(top);
    let f = Frame { xmax: 100.0, ymax };
    let line = |pts: &[&Point]| {
        pts.iter()
            .map(|q| {
                format!(
                    "{:.1},{:.1}",
                    f.x(f64::from(q.reads)),
                    f.y(q.ops_per_sec as f64)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let tip = |q: &Point| {
        tf(
            "lab.point",
            &[
                ("servers", &q.servers.to_string()),
                ("reads", &q.reads.to_string()),
                ("ops", &q.ops_per_sec.to_string()),
            ],
        )
    };
    let series = p.sizes.iter().enumerate().map(|(i, n)| {
        let pts: Vec<&Point> = p.family.iter().filter(|q| q.servers == *n).collect();
        let colour = COLOURS[i % COLOURS.len()];
        let ly = TOP + 24.0 + 30.0 * i as f64;
        html! {
            <g class="zs-lab-series" color={colour} data-servers={n.to_string()}>
                <polyline class="zs-lab-line" points={line(&pts)} />
                { for pts.iter().map(|q| marker(i, f.x(f64::from(q.reads)), f.y(q.ops_per_sec as f64), "zs-lab-pt", tip(q))) }
                <path class="zs-lab-line" d={format!("M{} {ly}h34", W - RIGHT + 16.0)} />
                { marker(i, W - RIGHT + 33.0, ly, "zs-lab-key", String::new()) }
                <text class="zs-lab-legend" x={format!("{}", W - RIGHT + 58.0)} y={format!("{}", ly + 6.0)}>
                    { tf("lab.legend.servers", &[("n", &n.to_string())]) }
                </text>
            </g>
        }
    });
    let yours: Vec<&Point> = p.yours.iter().collect();
    let all: Vec<&Point> = p.all_voting.iter().collect();
    let ly = TOP + 24.0 + 30.0 * p.sizes.len() as f64 + 10.0;
    let rx = f.x(f64::from(p.reads));
    html! {
        <svg id="lab-fig1" class="zs-lab-plot" viewBox={format!("0 0 {W} {H}")} role="img"
            aria-label={t("lab.tab.fig1")} data-points={p.family.len().to_string()}>
            { axes(f, 10.0, ystep, t("lab.axis.reads"), &|v| format!("{v}")) }
            <path class="zs-lab-readsline" d={format!("M{rx:.1} {TOP}V{}", H - BOTTOM)} />
            { for series }
            if !all.is_empty() {
                <g class="zs-lab-allvoting">
                    <polyline class="zs-lab-line" points={line(&all)} />
                    <path class="zs-lab-line" d={format!("M{} {}h34", W - RIGHT + 16.0, ly + 58.0)} />
                    <text class="zs-lab-legend" x={format!("{}", W - RIGHT + 58.0)} y={format!("{}", ly + 64.0)}>{ p.all_voting_label.clone() }</text>
                </g>
            }
            if !yours.is_empty() {
                <g class="zs-lab-yours">
                    <polyline class="zs-lab-line" points={line(&yours)} />
                    { for yours.iter().map(|q| html! {
                        <circle class="zs-lab-yours-pt" cx={format!("{:.1}", f.x(f64::from(q.reads)))}
                            cy={format!("{:.1}", f.y(q.ops_per_sec as f64))} r="5"><title>{ tip(q) }</title></circle>
                    }) }
                    <path class="zs-lab-line" d={format!("M{} {ly}h34", W - RIGHT + 16.0)} />
                    <text class="zs-lab-legend" x={format!("{}", W - RIGHT + 58.0)} y={format!("{}", ly + 6.0)}>{ p.yours_label.0.clone() }</text>
                    <text class="zs-lab-legend" x={format!("{}", W - RIGHT + 58.0)} y={format!("{}", ly + 28.0)}>{ p.yours_label.1.clone() }</text>
                </g>
            }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReliabilityProps {
    pub series: Rc<Vec<Sample>>,
    pub marks: Rc<Vec<Mark>>,
    pub end_ms: u64,
}

/// The event number a mark shows (the documentation numbers the five failures; a recovery
/// has none of its own).
fn number(i: usize, marks: &[Mark]) -> Option<usize> {
    let failures = marks[..=i]
        .iter()
        .filter(|m| m.fault != Fault::RecoverFollowers)
        .count();
    (marks[i].fault != Fault::RecoverFollowers).then_some(failures)
}

/// Figure 2.
#[component]
pub fn ReliabilityPlot(p: &ReliabilityProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let top = p
        .series
        .iter()
        .map(|s| s.ops_per_sec as f64)
        .fold(10_000.0, f64::max);
    let (ymax, ystep) = nice(top * 1.15);
    let f = Frame {
        xmax: p.end_ms as f64,
        ymax,
    };
    let points = p
        .series
        .iter()
        .map(|s| {
            format!(
                "{:.1},{:.1}",
                f.x(s.at_ms as f64),
                f.y(s.ops_per_sec as f64)
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let marks = p.marks.iter().enumerate().map(|(i, m)| {
        let x = f.x(m.at_ms as f64);
        let (class, label) = match number(i, &p.marks) {
            Some(n) => ("zs-lab-mark zs-lab-fail", n.to_string()),
            None => ("zs-lab-mark zs-lab-recover", "↺".to_string()),
        };
        let elected = (m.fault == Fault::CrashLeader)
            .then_some(m.kernel_ms)
            .flatten()
            .map(|ms| tf("lab.elected", &[("ms", &ms.to_string())]));
        html! {
            <g class={class} data-fault={format!("{:?}", m.fault)}>
                <path d={format!("M{x:.1} {}V{}", TOP + 26.0, H - BOTTOM)} />
                <text class="zs-lab-marknum" x={format!("{x:.1}")} y={format!("{}", TOP + 18.0)} text-anchor="middle">{ label }</text>
                if let Some(e) = elected {
                    <text class="zs-lab-elected" x={format!("{:.1}", x + 6.0)} y={format!("{}", H - BOTTOM - 12.0)}>{ e }</text>
                }
            </g>
        }
    });
    html! {
        <svg id="lab-fig2" class="zs-lab-plot" viewBox={format!("0 0 {W} {H}")} role="img"
            aria-label={t("lab.tab.fig2")} data-buckets={p.series.len().to_string()}
            data-marks={p.marks.len().to_string()}>
            { axes(f, 1000.0, ystep, t("lab.axis.time"), &|v| format!("{}", (v / 1000.0).round())) }
            { for marks }
            <polyline id="lab-series" class="zs-lab-line zs-lab-through" points={points} />
        </svg>
    }
}
