//! What the diagram draws for a window of rows, as plain data in pixels: the lanes, each row's
//! step and band, the arrows with their labels, the lane marks (crash, pause, partition,
//! restart …). The page's SVG and the exported SVG file are both drawn from one `Scene`, so
//! the export is exactly what is on screen.
//!
//! Time runs downwards, as in every textbook's message-sequence chart (Lamport's "happened
//! before"): an arrow leaves its sender's lane at the row of its send and reaches the
//! receiver's lane at the row of its delivery (a drop ends in ✕ where it was lost).

use super::index::{Arrow, Kind, Lane, SeqIndex, What};
use super::rows::{Filter, Row, Rows};
use crate::i18n::{t, tf};
use zabscope_core::explain::{Marker, MarkerKind};
use zabscope_core::zab::proto::PacketKind;

/// Row height and the left column (step numbers) at scale 1, in px.
pub const ROW_H: f64 = 26.0;
pub const GUTTER: f64 = 64.0;

/// Geometry of the diagram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geo {
    pub width: f64,
    /// Text and rows scale (1.25 in projector mode).
    pub scale: f64,
}

impl Geo {
    #[must_use]
    pub fn row_h(self) -> f64 {
        ROW_H * self.scale
    }
    #[must_use]
    pub fn gutter(self) -> f64 {
        GUTTER * self.scale
    }
    /// The x of lane `i` of `n`.
    #[must_use]
    pub fn lane_x(self, i: usize, n: usize) -> f64 {
        let g = self.gutter();
        let w = (self.width - g).max(40.0);
        g + (i as f64 + 0.5) * w / n.max(1) as f64
    }
}

/// A lane as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneDraw {
    pub lane: Lane,
    pub x: f64,
    pub name: String,
}

/// A row as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct RowDraw {
    pub y: f64,
    pub step: u64,
    /// The current step's rows are highlighted; the recorded future is faded.
    pub current: bool,
    pub future: bool,
    /// A collapsed run of heartbeats: how many.
    pub pings: Option<u32>,
    /// A state change: (x, text).
    pub state: Option<(f64, String)>,
    /// Show the step number (the first row of a step).
    pub first_of_step: bool,
}

/// An arrow as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrowDraw {
    /// Absolute arrow number in the index.
    pub n: u64,
    /// The message id (0 for a client's request or reply).
    pub id: u64,
    pub kind: Kind,
    /// The lanes' names (`3`, `c1`).
    pub from: String,
    pub to: String,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    /// The SVG path (a straight line, or a loop for a message to itself).
    pub d: String,
    /// Still on the wire at the index's end (drawn open, dashed).
    pub open: bool,
    pub dropped: bool,
    pub label: String,
    /// Where the label starts, and whether it reads leftwards.
    pub lx: f64,
    pub ly: f64,
    pub leftwards: bool,
    pub send_step: u64,
    pub selected: bool,
    /// The keyboard's cursor is on it.
    pub cursor: bool,
    pub current: bool,
    pub future: bool,
    /// The whole message, for the tooltip and ARIA label.
    pub title: String,
}

/// A mark on a lane (or across all, for a partition or heal).
#[derive(Clone, Debug, PartialEq)]
pub struct MarkDraw {
    pub x: Option<f64>,
    pub y: f64,
    pub glyph: &'static str,
    pub class: &'static str,
    pub title: String,
}

/// Everything drawn for a window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Rows `r0..r1` of `total`.
    pub r0: usize,
    pub r1: usize,
    pub total: usize,
    pub lanes: Vec<LaneDraw>,
    pub rows: Vec<RowDraw>,
    pub arrows: Vec<ArrowDraw>,
    pub marks: Vec<MarkDraw>,
}

/// The lanes shown: the servers (ids from the view), then the clients seen, less the hidden.
#[must_use]
pub fn lanes(servers: &[u32], ix: &SeqIndex, filter: &Filter) -> Vec<Lane> {
    servers
        .iter()
        .map(|s| Lane::Server(*s))
        .chain((0..ix.clients.len()).map(|i| Lane::Client(u32::try_from(i).unwrap_or(0))))
        .filter(|l| !filter.lanes.contains(l))
        .collect()
}

/// The label of an arrow: its kind and its key fields (vote, zxid in hex, epoch).
#[must_use]
pub fn label(a: &Arrow) -> String {
    let kind = a.kind.name();
    match (a.kind, a.vote, a.zxid) {
        (_, Some(v), _) => tf(
            "seq.label.vote",
            &[
                ("kind", kind),
                (
                    "leader",
                    &v.leader.map_or_else(|| "-".to_string(), |l| l.to_string()),
                ),
                ("zxid", &v.zxid.to_string()),
                ("epoch", &v.peer_epoch.to_string()),
            ],
        ),
        (
            Kind::Packet(PacketKind::LeaderInfo | PacketKind::NewLeader | PacketKind::AckEpoch),
            _,
            Some(z),
        ) => tf(
            "seq.label.epoch",
            &[
                ("kind", kind),
                ("zxid", &z.to_string()),
                ("epoch", &z.epoch().to_string()),
            ],
        ),
        (Kind::Request | Kind::Reply, _, z) => {
            let note = a.note.clone().unwrap_or_default();
            match z {
                Some(z) => format!("{note} {z}"),
                None => note,
            }
        }
        (_, None, Some(z)) => format!("{kind} {z}"),
        (_, None, None) => kind.to_string(),
    }
}

/// Glyph and class of a lane mark (faults ✕ and ⏸, recoveries +, cut links ⫽).
fn mark_look(k: MarkerKind) -> Option<(&'static str, &'static str)> {
    Some(match k {
        MarkerKind::Crash | MarkerKind::Stop => ("✕", "zs-seq-mk-down"),
        MarkerKind::Pause => ("⏸", "zs-seq-mk-pause"),
        MarkerKind::Restart | MarkerKind::Start | MarkerKind::Resume => ("+", "zs-seq-mk-up"),
        MarkerKind::Partition => ("⫽", "zs-seq-mk-cut"),
        MarkerKind::Heal => ("∥", "zs-seq-mk-heal"),
        _ => return None,
    })
}

/// What the scene is built from.
pub struct Input<'a> {
    pub ix: &'a SeqIndex,
    pub rows: &'a Rows,
    pub lanes: &'a [Lane],
    pub markers: &'a [Marker],
    pub geo: Geo,
    pub current_step: u64,
    pub selected: Option<u64>,
    /// The keyboard's cursor (an absolute arrow number).
    pub cursor: Option<u64>,
}

/// The scene of rows `r0..r1` (clamped), y measured from the top of row 0.
#[must_use]
pub fn scene(inp: &Input<'_>, r0: usize, r1: usize) -> Scene {
    let (ix, rows, geo) = (inp.ix, inp.rows, inp.geo);
    let total = rows.rows.len();
    let r1 = r1.min(total);
    let r0 = r0.min(r1);
    let h = geo.row_h();
    let n = inp.lanes.len();
    let lane_x = |l: Lane| {
        inp.lanes
            .iter()
            .position(|x| *x == l)
            .map(|i| geo.lane_x(i, n))
    };
    let lanes = inp
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| LaneDraw {
            lane: *l,
            x: geo.lane_x(i, n),
            name: ix.lane_name(*l),
        })
        .collect();
    let mid = |r: usize| r as f64 * h + h / 2.0;
    let mut prev_step = r0
        .checked_sub(1)
        .and_then(|r| rows.rows.get(r))
        .and_then(|r| ix.ev(r.ev()))
        .map(|e| e.step);
    let mut out_rows = Vec::new();
    for (i, r) in rows.rows[r0..r1].iter().enumerate() {
        let Some(e) = ix.ev(r.ev()) else { continue };
        let state = match e.what {
            What::State { server, state } => {
                lane_x(Lane::Server(server)).map(|x| (x, state.to_string()))
            }
            _ => None,
        };
        out_rows.push(RowDraw {
            y: (r0 + i) as f64 * h,
            step: e.step,
            current: e.step == inp.current_step,
            future: e.step > inp.current_step,
            pings: match r {
                Row::Pings { n, .. } => Some(*n),
                Row::Ev(_) => None,
            },
            state,
            first_of_step: prev_step != Some(e.step),
        });
        prev_step = Some(e.step);
    }
    let mut arrows = Vec::new();
    for a_n in rows.arrows_in(ix, r0, r1) {
        let Some(a) = ix.arrow(a_n) else { continue };
        let (Some(x1), Some(x2)) = (lane_x(a.from), lane_x(a.to)) else {
            continue;
        };
        let Some(send) = ix.ev(a.send) else { continue };
        let sr = rows.row_of(a.send);
        let y1 = mid(sr);
        let (y2, open) = match a.end {
            Some(e) => (mid(rows.row_of(e)), false),
            None => (mid(total.max(1) - 1).max(y1) + h / 2.0, true),
        };
        let pad = 6.0 * geo.scale;
        let text = label(a);
        // The label reads away from the arrow, unless it would leave the diagram that way.
        let width = text.chars().count() as f64 * 8.4 * geo.scale;
        let leftwards = if x2 < x1 {
            x1 - pad - width >= geo.gutter() * 0.5 || x1 + pad + width > geo.width
        } else {
            x1 + pad + width > geo.width && x1 - pad - width >= 0.0
        };
        // A message to itself (FLE sends its own vote to itself) loops out to the right.
        let d = if a.from == a.to {
            let r = 26.0 * geo.scale;
            format!(
                "M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{y2:.1}",
                x1 + r,
                x2 + r
            )
        } else {
            format!("M{x1:.1},{y1:.1} L{x2:.1},{y2:.1}")
        };
        let ends = a.end.and_then(|e| ix.ev(e)).map(|e| e.step);
        let title = match a.kind {
            Kind::Request | Kind::Reply => tf(
                "seq.arrow.client",
                &[
                    ("from", &ix.lane_name(a.from)),
                    ("to", &ix.lane_name(a.to)),
                    ("text", &text),
                    ("step", &send.step.to_string()),
                ],
            ),
            _ => tf(
                "seq.arrow.title",
                &[
                    ("id", &a.id.to_string()),
                    ("from", &ix.lane_name(a.from)),
                    ("to", &ix.lane_name(a.to)),
                    ("text", &text),
                    ("sent", &send.step.to_string()),
                    (
                        "end",
                        &match (ends, a.dropped) {
                            (Some(s), false) => {
                                tf("seq.arrow.delivered", &[("step", &s.to_string())])
                            }
                            (Some(s), true) => tf("seq.arrow.dropped", &[("step", &s.to_string())]),
                            (None, _) => t("seq.arrow.open").to_string(),
                        },
                    ),
                ],
            ),
        };
        arrows.push(ArrowDraw {
            n: a_n,
            id: a.id,
            kind: a.kind,
            from: ix.lane_name(a.from),
            to: ix.lane_name(a.to),
            x1,
            y1,
            x2,
            y2,
            d,
            open,
            dropped: a.dropped,
            label: text,
            lx: if leftwards { x1 - pad } else { x1 + pad },
            ly: y1 - 4.0 * geo.scale,
            leftwards,
            send_step: send.step,
            selected: a.id != 0 && inp.selected == Some(a.id),
            cursor: inp.cursor == Some(a_n),
            current: send.step == inp.current_step || ends == Some(inp.current_step),
            future: send.step > inp.current_step,
            title,
        });
    }
    // Lane marks of the steps in the window (the core keeps every fault and heal).
    let mut marks = Vec::new();
    if let (Some(first), Some(last)) = (
        rows.rows.get(r0).and_then(|r| ix.ev(r.ev())),
        r1.checked_sub(1)
            .and_then(|r| rows.rows.get(r))
            .and_then(|r| ix.ev(r.ev())),
    ) {
        let lo = inp.markers.partition_point(|m| m.step < first.step);
        for m in &inp.markers[lo..] {
            if m.step > last.step {
                break;
            }
            let Some((glyph, class)) = mark_look(m.kind) else {
                continue;
            };
            let x = match m.server {
                Some(s) => match lane_x(Lane::Server(s.0)) {
                    Some(x) => Some(x),
                    None => continue,
                },
                None => None,
            };
            marks.push(MarkDraw {
                x,
                y: rows.row_of_step(ix, m.step) as f64 * h,
                glyph,
                class,
                title: tf(
                    "timeline.marker",
                    &[
                        ("step", &m.step.to_string()),
                        ("text", &crate::i18n::text(&m.text)),
                    ],
                ),
            });
        }
    }
    Scene {
        r0,
        r1,
        total,
        lanes,
        rows: out_rows,
        arrows,
        marks,
    }
}
