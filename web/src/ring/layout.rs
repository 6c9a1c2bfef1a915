//! Where the ring's words go. Every label (a server's role, epoch, phase, vote and ACK count;
//! a lane's queued messages) is placed by a greedy layout that avoids collisions: labels are
//! taken in priority order (servers first, then lanes, busiest first), each tries its candidate
//! spots in order and takes the first whose box overlaps nothing placed so far (server circles,
//! client boxes and cut marks are placed first, as obstacles). A label with no free spot drops
//! its later lines, then is left out (its text stays in the tooltip) — so no two visible labels
//! overlap at 3–15 servers, settled or mid-election, in normal or projector type.
//!
//! Boxes are estimated from the text (per-character widths of a bold sans-serif, on the
//! generous side), in viewBox units; the font size is the CSS one times the projector scale.

/// An axis-aligned box: centre and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub cx: f64,
    pub cy: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// Do two boxes overlap (touching edges do not)?
    #[must_use]
    pub fn overlaps(&self, o: &Rect) -> bool {
        (self.cx - o.cx).abs() * 2.0 < self.w + o.w && (self.cy - o.cy).abs() * 2.0 < self.h + o.h
    }

    /// Inside the viewBox `0..size` on both axes?
    #[must_use]
    pub fn inside(&self, size: f64) -> bool {
        self.cx - self.w / 2.0 >= 0.0
            && self.cx + self.w / 2.0 <= size
            && self.cy - self.h / 2.0 >= 0.0
            && self.cy + self.h / 2.0 <= size
    }
}

/// The estimated width of `s` at font size `fs` (bold sans-serif, generous).
#[must_use]
pub fn text_width(s: &str, fs: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            ' ' => 0.34,
            'i' | 'l' | 'I' | '.' | ',' | ':' | '|' | '\'' | '·' => 0.38,
            'M' | 'W' | 'm' | 'w' => 1.0,
            '×' | '→' | '+' | '/' | '…' => 1.0,
            c if c.is_ascii_uppercase() => 0.8,
            _ => 0.64,
        })
        .sum();
    em * fs + 6.0
}

/// Line height as a multiple of the font size.
const LINE: f64 = 1.18;

/// A candidate spot: a point and the direction the label's box is pushed from it.
pub type Spot = ((f64, f64), (f64, f64));

/// One label to place: its lines (most important first) and where it may go.
#[derive(Clone, Debug, PartialEq)]
pub struct Want {
    pub lines: Vec<String>,
    pub fs: f64,
    /// Candidate centres, in order of preference, for the whole label. Each candidate is a
    /// point and a direction `(dx, dy)`: the box is pushed from the point along the direction
    /// by half its size, so it starts at the point (a label beside a circle clears it).
    pub spots: Vec<((f64, f64), (f64, f64))>,
    /// Fewest lines worth showing (a server's role line; a lane label has one).
    pub min_lines: usize,
    /// Spots tried only when every form fits nowhere in `spots` (inside the ring, for a
    /// server: far from its circle, but better than no word at all).
    pub last_spots: Vec<((f64, f64), (f64, f64))>,
    /// Shorter one-line forms, tried in order when even `min_lines` lines fit nowhere (a
    /// crowded 15-server ring: "FOLLOW", then "F"; the tooltip has the whole text).
    pub fallback: Vec<String>,
}

/// A placed label: the lines shown and its box.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub lines: Vec<String>,
    pub rect: Rect,
}

fn rect_for(lines: &[String], fs: f64, (p, d): ((f64, f64), (f64, f64))) -> Rect {
    let w = lines.iter().map(|l| text_width(l, fs)).fold(0.0, f64::max);
    let h = lines.len() as f64 * fs * LINE + 2.0;
    Rect {
        cx: p.0 + d.0 * w / 2.0,
        cy: p.1 + d.1 * h / 2.0,
        w,
        h,
    }
}

/// The greedy layout: `obstacles` are taken as placed; each wanted label (in order) gets the
/// first spot that overlaps nothing, with all its lines, else with fewer (down to
/// `min_lines`), else `None`.
#[must_use]
pub fn place(obstacles: &[Rect], wants: &[Want], size: f64) -> Vec<Option<Placed>> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    wants
        .iter()
        .map(|w| {
            let min = w.min_lines.clamp(1, w.lines.len().max(1));
            let shorter = w.fallback.iter().map(std::slice::from_ref);
            let tries = (min..=w.lines.len())
                .rev()
                .map(|n| &w.lines[..n])
                .chain(shorter);
            let tries: Vec<&[String]> = tries.collect();
            let pairs = [&w.spots, &w.last_spots].into_iter().flat_map(|spots| {
                tries
                    .iter()
                    .flat_map(move |lines| spots.iter().map(move |spot| (*lines, *spot)))
            });
            for (lines, spot) in pairs {
                {
                    let r = rect_for(lines, w.fs, spot);
                    if r.inside(size) && !taken.iter().any(|t| t.overlaps(&r)) {
                        taken.push(r);
                        return Some(Placed {
                            lines: lines.to_vec(),
                            rect: r,
                        });
                    }
                }
            }
            None
        })
        .collect()
}

/// `place`, where the first `must` wants (the servers) should all get a spot: when some do
/// not, they go first and the layout is tried again (three times at most; a neighbour that
/// took a spot greedily moves to another). The answer is in the order of `wants`.
#[must_use]
pub fn place_all(
    obstacles: &[Rect],
    wants: &[Want],
    must: usize,
    size: f64,
) -> Vec<Option<Placed>> {
    let mut order: Vec<usize> = (0..wants.len()).collect();
    let mut best: Option<(usize, Vec<Option<Placed>>)> = None;
    for _ in 0..4 {
        let ordered: Vec<Want> = order.iter().map(|&i| wants[i].clone()).collect();
        let got = place(obstacles, &ordered, size);
        let mut out: Vec<Option<Placed>> = vec![None; wants.len()];
        for (k, p) in order.iter().zip(got) {
            out[*k] = p;
        }
        let failed: Vec<usize> = (0..must.min(wants.len()))
            .filter(|&i| out[i].is_none())
            .collect();
        let n = failed.len();
        if best.as_ref().is_none_or(|(b, _)| n < *b) {
            best = Some((n, out));
        }
        if n == 0 {
            break;
        }
        let rest: Vec<usize> = order
            .iter()
            .copied()
            .filter(|i| !failed.contains(i))
            .collect();
        order = failed.into_iter().chain(rest).collect();
    }
    best.map(|(_, v)| v).unwrap_or_default()
}

/// The spots around a server circle at `p` (radius `r`, `o` the unit vector out of the ring):
/// boxes touching the circle's box (`circle_box`) on its sides that do not face into the ring
/// — the one facing out first — then the same a step further out, six times (a
/// neighbour's label may hold the nearer spot: at 15 servers labels stagger).
#[must_use]
pub fn around(p: (f64, f64), r: f64, o: (f64, f64), scale: f64) -> (Vec<Spot>, Vec<Spot>) {
    let c = circle_box(p, r, scale);
    let (hw, hh) = (c.w / 2.0, c.h / 2.0);
    let d = std::f64::consts::FRAC_1_SQRT_2;
    let mut dirs: Vec<(f64, f64)> = vec![
        (0.0, -1.0),
        (0.0, 1.0),
        (-1.0, 0.0),
        (1.0, 0.0),
        (d, -d),
        (-d, -d),
        (d, d),
        (-d, d),
    ];
    // Most outward first (a stable order for ties: the list above); those pointing into the
    // ring last of all, where a label sits among the lanes, nearer other servers than its own.
    let out = |a: &(f64, f64)| a.0 * o.0 + a.1 * o.1;
    dirs.sort_by(|a, b| out(b).total_cmp(&out(a)));
    let (mut outer, mut inner) = (Vec::new(), Vec::new());
    for gap in [2.0, 12.0, 22.0, 32.0, 42.0, 52.0, 62.0] {
        for &(dx, dy) in &dirs {
            // The point on the circle's box (grown by `gap`) in this direction; the label's box
            // is pushed from it along the direction by half its size (a corner or an edge
            // touches the point).
            let push = (sign(dx), sign(dy));
            let at = (p.0 + push.0 * (hw + gap), p.1 + push.1 * (hh + gap));
            if out(&(dx, dy)) > -0.35 {
                outer.push((at, push));
            } else {
                inner.push((at, push));
            }
        }
    }
    (outer, inner)
}

/// -1, 0 or 1 (`f64::signum` says 1 for 0).
fn sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// The box a server circle (with its glyph) takes, `scale` the projector's type scale.
#[must_use]
pub fn circle_box(p: (f64, f64), r: f64, scale: f64) -> Rect {
    Rect {
        cx: p.0,
        cy: p.1,
        // The glyph (★, ?, ⏸, 22 px × scale) sits on the rim, up and to the right, and its
        // text box is a whole line tall: room for it all round.
        w: 2.0 * r + 24.0 * scale,
        h: 2.0 * r + 32.0 * scale,
    }
}

/// The kinds behind one another on a lane, merged: `DIFF + NEWLEADER`, `PROPOSAL ×3 + COMMIT`
/// (at most three parts, then `+ …`).
#[must_use]
pub fn summarise(kinds: &[String]) -> String {
    let mut parts: Vec<(String, usize)> = Vec::new();
    for k in kinds {
        match parts.last_mut() {
            Some((last, n)) if last == k => *n += 1,
            _ => parts.push((k.clone(), 1)),
        }
    }
    let shown: Vec<String> = parts
        .iter()
        .take(3)
        .map(|(k, n)| {
            if *n > 1 {
                format!("{k} ×{n}")
            } else {
                k.clone()
            }
        })
        .collect();
    let mut s = shown.join(" + ");
    if parts.len() > 3 {
        s.push_str(" + …");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queued_kinds_are_summarised_in_order() {
        let k = |v: &[&str]| v.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        assert_eq!(summarise(&k(&["DIFF", "NEWLEADER"])), "DIFF + NEWLEADER");
        assert_eq!(
            summarise(&k(&["PROPOSAL", "PROPOSAL", "COMMIT"])),
            "PROPOSAL ×2 + COMMIT"
        );
        assert_eq!(summarise(&k(&["A", "B", "C", "D"])), "A + B + C + …");
    }

    #[test]
    fn a_label_that_would_overlap_moves_or_is_left_out() {
        let spot = ((100.0, 100.0), (0.0, 0.0));
        let want = |lines: &[&str]| Want {
            lines: lines.iter().map(|s| (*s).to_string()).collect(),
            fs: 20.0,
            spots: vec![spot, ((100.0, 200.0), (0.0, 0.0))],
            last_spots: Vec::new(),
            min_lines: 1,
            fallback: Vec::new(),
        };
        let got = place(&[], &[want(&["A"]), want(&["B"]), want(&["C"])], 640.0);
        let a = got[0].as_ref().unwrap();
        let b = got[1].as_ref().unwrap();
        assert!(!a.rect.overlaps(&b.rect));
        assert!(got[2].is_none(), "no third free spot");
    }
}

#[cfg(test)]
mod ring_tests {
    use super::*;
    use crate::ring::geometry::{SIZE, node_radius, outward, position};

    /// Every server of 3–15 gets its role line at least, in normal and projector type, with
    /// the widest role word.
    #[test]
    fn every_server_keeps_a_label_up_to_15() {
        for scale in [1.0, 1.25, 1.4] {
            for n in [3, 5, 7, 9, 11, 15] {
                let r = node_radius(n);
                let fs = 20.0 * scale;
                let obstacles: Vec<Rect> = (0..n)
                    .map(|i| circle_box(position(i, n), r, scale))
                    .collect();
                let wants: Vec<Want> = (0..n)
                    .map(|i| {
                        let p = position(i, n);
                        let (spots, last_spots) = around(p, r, outward(p), scale);
                        Want {
                            lines: vec!["LOOKING → 15".into(), "round 1".into()],
                            fs,
                            spots,
                            last_spots,
                            min_lines: 1,
                            fallback: vec!["LOOKIN".into(), "→ 15".into()],
                        }
                    })
                    .collect();
                let placed = place_all(&obstacles, &wants, n, SIZE);
                let missing = placed.iter().filter(|p| p.is_none()).count();
                assert_eq!(missing, 0, "{n} servers at scale {scale}");
            }
        }
    }
}
