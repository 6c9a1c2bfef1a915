//! The lab's figures as SVG text, drawn as ZooKeeper's documentation draws them: figure 1 an
//! x-y chart of operations per second against the percentage of read requests, one line with
//! markers per ensemble size and a legend; figure 2 operations per second against time with
//! each failure event marked by a numbered vertical line. Pure text, no IO: the command line
//! writes it to a file, the page can put it in the DOM.

use crate::tools::lab::Point;
use crate::tools::lab::reliability::{Mark, Sample};
use std::fmt::Write;

const W: f64 = 720.0;
const H: f64 = 440.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 60.0;
const COLOURS: [&str; 8] = [
    "#1f4e9e", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#117a65", "#555555", "#e84393",
];

/// A round axis maximum at or above `v` (1, 2 or 5 × a power of ten), and its tick step
/// (the command line's SVGs and the page's lab draw their axes alike).
#[must_use]
pub fn nice(v: f64) -> (f64, f64) {
    let v = v.max(1.0);
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * p >= v {
            let step = if m <= 2.0 { m * p / 4.0 } else { m * p / 5.0 };
            return (m * p, step);
        }
    }
    (10.0 * p, 2.0 * p)
}

fn frame(s: &mut String, title: &str, xlabel: &str, ylabel: &str) {
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" \
         viewBox=\"0 0 {W} {H}\" font-family=\"sans-serif\" font-size=\"12\">\
         <rect width=\"{W}\" height=\"{H}\" fill=\"white\"/>\
         <text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{title}</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{xlabel}</text>\
         <text transform=\"translate(18 {}) rotate(-90)\" text-anchor=\"middle\">{ylabel}</text>",
        W / 2.0,
        LEFT + (W - LEFT - RIGHT) / 2.0,
        H - 16.0,
        TOP + (H - TOP - BOTTOM) / 2.0
    );
}

/// Axes with ticks: x from 0 to `xmax` every `xstep`, y from 0 to a round maximum.
fn axes(s: &mut String, xmax: f64, xstep: f64, ymax: f64) -> f64 {
    let (ymax, ystep) = nice(ymax);
    let (x0, y0, x1, y1) = (LEFT, H - BOTTOM, W - RIGHT, TOP);
    let _ = write!(
        s,
        "<path d=\"M{x0} {y1}V{y0}H{x1}\" fill=\"none\" stroke=\"black\"/>"
    );
    let mut y = 0.0;
    while y <= ymax + 1e-9 {
        let py = y0 - (y0 - y1) * y / ymax;
        let _ = write!(
            s,
            "<path d=\"M{x0} {py:.1}H{x1}\" stroke=\"#ddd\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            x0 - 6.0,
            py + 4.0,
            y.round()
        );
        y += ystep;
    }
    let mut x = 0.0;
    while x <= xmax + 1e-9 {
        let px = x0 + (x1 - x0) * x / xmax;
        let _ = write!(
            s,
            "<path d=\"M{px:.1} {y0}v5\" stroke=\"black\"/>\
             <text x=\"{px:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            y0 + 18.0,
            x.round()
        );
        x += xstep;
    }
    ymax
}

fn marker(s: &mut String, i: usize, x: f64, y: f64, colour: &str) {
    match i % 4 {
        0 => {
            let _ = write!(
                s,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"{colour}\"/>"
            );
        }
        1 => {
            let _ = write!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>",
                x - 4.0,
                y - 4.0
            );
        }
        2 => {
            let _ = write!(
                s,
                "<path d=\"M{x:.1} {:.1}l5 9h-10z\" fill=\"{colour}\"/>",
                y - 5.0
            );
        }
        _ => {
            let _ = write!(
                s,
                "<path d=\"M{x:.1} {:.1}l5 5l-5 5l-5 -5z\" fill=\"{colour}\"/>",
                y - 5.0
            );
        }
    }
}

/// Figure 1: one line per ensemble size (in the order first seen), points in read order.
#[must_use]
pub fn throughput_svg(points: &[Point]) -> String {
    let mut s = String::new();
    frame(
        &mut s,
        "ZooKeeper Throughput as the Read-Write Ratio Varies",
        "Percentage of read requests",
        "Operations per second",
    );
    let ymax = points.iter().map(|p| p.ops_per_sec).max().unwrap_or(1) as f64;
    let ymax = axes(&mut s, 100.0, 10.0, ymax);
    let mut sizes: Vec<u32> = Vec::new();
    for p in points {
        if !sizes.contains(&p.servers) {
            sizes.push(p.servers);
        }
    }
    let (x0, y0, x1, y1) = (LEFT, H - BOTTOM, W - RIGHT, TOP);
    for (i, n) in sizes.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let mut line: Vec<&Point> = points.iter().filter(|p| p.servers == *n).collect();
        line.sort_by_key(|p| p.reads);
        let xy: Vec<(f64, f64)> = line
            .iter()
            .map(|p| {
                (
                    x0 + (x1 - x0) * f64::from(p.reads) / 100.0,
                    y0 - (y0 - y1) * p.ops_per_sec as f64 / ymax,
                )
            })
            .collect();
        let d: Vec<String> = xy.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>",
            d.join(" ")
        );
        for (x, y) in &xy {
            marker(&mut s, i, *x, *y, colour);
        }
        let ly = TOP + 20.0 + 22.0 * i as f64;
        marker(&mut s, i, W - RIGHT + 20.0, ly, colour);
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{:.1}\">{n} servers</text>",
            W - RIGHT + 32.0,
            ly + 4.0
        );
    }
    s.push_str("</svg>\n");
    s
}

/// Figure 2: the throughput series with each event marked and numbered.
#[must_use]
pub fn reliability_svg(series: &[Sample], marks: &[Mark], end_ms: u64) -> String {
    let mut s = String::new();
    frame(
        &mut s,
        "Reliability in the Presence of Errors",
        "Time (seconds)",
        "Operations per second",
    );
    let ymax = series.iter().map(|p| p.ops_per_sec).max().unwrap_or(1) as f64;
    let xmax = (end_ms as f64 / 1000.0).max(1.0);
    let ymax = axes(&mut s, xmax, 1.0, ymax);
    let (x0, y0, x1, y1) = (LEFT, H - BOTTOM, W - RIGHT, TOP);
    let px = |ms: u64| x0 + (x1 - x0) * (ms as f64 / 1000.0) / xmax;
    for m in marks {
        let x = px(m.at_ms);
        let colour = if m.label.contains("recover") {
            "#27ae60"
        } else {
            "#c0392b"
        };
        let n = m.label.split(' ').next().unwrap_or("");
        let _ = write!(
            s,
            "<path d=\"M{x:.1} {y0}V{y1}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{colour}\">{n}</text>",
            y1 - 4.0
        );
    }
    let d: Vec<String> = series
        .iter()
        .map(|p| {
            format!(
                "{:.1},{:.1}",
                px(p.at_ms),
                y0 - (y0 - y1) * p.ops_per_sec as f64 / ymax
            )
        })
        .collect();
    let _ = write!(
        s,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#1f4e9e\" stroke-width=\"1.5\"/>",
        d.join(" ")
    );
    let legend = [
        "1 a follower fails",
        "2 another follower fails",
        "3 the leader fails",
        "4 two followers fail",
        "5 another leader fails",
    ];
    for (i, l) in legend.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{:.1}\" font-size=\"11\">{l}</text>",
            W - RIGHT + 8.0,
            TOP + 20.0 + 18.0 * i as f64
        );
    }
    s.push_str("</svg>\n");
    s
}
