//! Where things sit on the ring (presentation only: these floats never reach the core). Each
//! directed link has its own lane, offset to the right of its direction, so a message and its
//! reply never overlap; messages queued on one lane are spaced along it (TCP keeps them in
//! order, so a later one is drawn behind an earlier one).

use std::f64::consts::{FRAC_PI_2, TAU};

/// The SVG's viewBox side.
pub const SIZE: f64 = 640.0;
pub const CENTER: f64 = SIZE / 2.0;
/// The ring's radius.
pub const RADIUS: f64 = 218.0;
/// Sideways offset of a lane from the centre line between two servers.
const LANE: f64 = 11.0;
/// Spacing of queued messages along a lane (fraction of its length).
const QUEUE_GAP: f64 = 0.16;

/// A server circle's radius for an ensemble of `n`.
#[must_use]
pub fn node_radius(n: usize) -> f64 {
    if n > 9 { 27.0 } else { 36.0 }
}

/// Centre of server `index` of `n` (clockwise from the top).
#[must_use]
pub fn position(index: usize, n: usize) -> (f64, f64) {
    let angle = -FRAC_PI_2 + TAU * index as f64 / n.max(1) as f64;
    (CENTER + RADIUS * angle.cos(), CENTER + RADIUS * angle.sin())
}

/// The unit vector from the ring's centre out through `p`.
#[must_use]
pub fn outward((x, y): (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (x - CENTER, y - CENTER);
    let len = dx.hypot(dy).max(1e-9);
    (dx / len, dy / len)
}

/// A directed lane: start and end points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lane {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

impl Lane {
    /// The lane from server at `a` to server at `b`, between the circles' edges.
    #[must_use]
    pub fn between(a: (f64, f64), b: (f64, f64), r: f64) -> Lane {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = dx.hypot(dy).max(1e-9);
        let (ux, uy) = (dx / len, dy / len);
        // Right-hand normal of the direction: the reverse lane lies on the other side.
        let (nx, ny) = (-uy * LANE, ux * LANE);
        Lane {
            x1: a.0 + ux * (r + 4.0) + nx,
            y1: a.1 + uy * (r + 4.0) + ny,
            x2: b.0 - ux * (r + 10.0) + nx,
            y2: b.1 - uy * (r + 10.0) + ny,
        }
    }

    /// A message to self: a short arc outside the server.
    #[must_use]
    pub fn to_self(a: (f64, f64), r: f64) -> Lane {
        let (ox, oy) = outward(a);
        let (px, py) = (-oy, ox);
        let d = r + 18.0;
        Lane {
            x1: a.0 + ox * d - px * 20.0,
            y1: a.1 + oy * d - py * 20.0,
            x2: a.0 + ox * d + px * 20.0,
            y2: a.1 + oy * d + py * 20.0,
        }
    }

    /// The point at fraction `f` along the lane.
    #[must_use]
    pub fn at(&self, f: f64) -> (f64, f64) {
        (
            self.x1 + (self.x2 - self.x1) * f,
            self.y1 + (self.y2 - self.y1) * f,
        )
    }

    /// The unit normal on the lane's side (where its label goes).
    #[must_use]
    pub fn normal(&self) -> (f64, f64) {
        let (dx, dy) = (self.x2 - self.x1, self.y2 - self.y1);
        let len = dx.hypot(dy).max(1e-9);
        (-dy / len, dx / len)
    }

    /// The direction's angle in degrees (for the arrowhead).
    #[must_use]
    pub fn angle_deg(&self) -> f64 {
        (self.y2 - self.y1).atan2(self.x2 - self.x1).to_degrees()
    }
}

/// How far along its lane a message is drawn.
///
/// `clock` is the display clock (simulated ms, fractional), `sent`/`due` the message's send
/// and delivery times, `rank` its place in its lane's queue (0 = next to arrive). Stepping
/// (not playing) parks messages between a quarter and most of the way; reduced motion draws
/// every message at its queue place without travel.
#[must_use]
pub fn progress(clock: f64, sent: u64, due: u64, rank: usize, playing: bool, reduced: bool) -> f64 {
    let raw = if reduced {
        0.6
    } else if due > sent {
        ((clock - sent as f64) / (due - sent) as f64).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let raw = if playing { raw } else { raw.clamp(0.35, 0.85) };
    // A queued message is drawn behind the one before it on its lane.
    (raw - QUEUE_GAP * rank as f64).clamp(0.04, 1.0)
}

/// The SVG transform placing a message at fraction `f` of `lane`.
#[must_use]
pub fn transform(lane: &Lane, f: f64) -> String {
    let (x, y) = lane.at(f);
    format!("translate({x:.1} {y:.1})")
}
