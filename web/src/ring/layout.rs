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
    em * fs * 1.06 + 8.0
}

/// Line height as a multiple of the font size.
const LINE: f64 = 1.18;

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
            for n in (min..=w.lines.len()).rev() {
                let lines = &w.lines[..n];
                for &spot in &w.spots {
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

/// The spots around a server circle at `p` (radius `r`, `o` the unit vector out of the ring):
/// outside first, then inside, then to either side, each a little further out next.
#[must_use]
pub fn around(p: (f64, f64), r: f64, o: (f64, f64)) -> Vec<((f64, f64), (f64, f64))> {
    let (ox, oy) = o;
    let side = (-oy, ox);
    let mut v = Vec::new();
    // Past the circle's box (`circle_box`: the rim and the role glyph).
    for gap in [20.0, 44.0] {
        let d = r + gap;
        v.push((
            (p.0 + ox * d, p.1 + oy * d),
            (ox.signum() * ox.abs().min(1.0), oy),
        ));
        v.push(((p.0 - ox * d, p.1 - oy * d), (-ox, -oy)));
        v.push(((p.0 + side.0 * d, p.1 + side.1 * d), side));
        v.push(((p.0 - side.0 * d, p.1 - side.1 * d), (-side.0, -side.1)));
    }
    v
}

/// The box a server circle (with its glyph) takes.
#[must_use]
pub fn circle_box(p: (f64, f64), r: f64) -> Rect {
    Rect {
        cx: p.0,
        cy: p.1,
        // The glyph (★, ?, ⏸) sits on the rim, up and to the right: room for it all round.
        w: 2.0 * r + 26.0,
        h: 2.0 * r + 34.0,
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
            min_lines: 1,
        };
        let got = place(&[], &[want(&["A"]), want(&["B"]), want(&["C"])], 640.0);
        let a = got[0].as_ref().unwrap();
        let b = got[1].as_ref().unwrap();
        assert!(!a.rect.overlaps(&b.rect));
        assert!(got[2].is_none(), "no third free spot");
    }
}
