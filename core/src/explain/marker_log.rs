//! `MarkerLog`: the timeline markers of a whole run under a fixed bound. Elections, leader
//! changes, faults and heals are rare and each is kept. Commits and other commands come with
//! every write (two per write: ≈ 80,000 a second in a write-heavy run), and the timeline draws
//! at most one per kind per slot of its width, so those are kept as an evenly spaced sample:
//! at most one of each kind per `stride` steps, the stride doubling whenever more than
//! [`FREQUENT_KEPT`] are held. Memory stays bounded over an hour-long lecture and the
//! timeline still shows where in the run the writes were. The sample is by bucket — the first
//! marker of each kind in each `stride` steps — so a run that commits on a regular beat is
//! sampled as evenly as any other.

use super::timeline::{Marker, MarkerKind};

/// The most commit/command markers held (the timeline is a few hundred slots wide).
pub const FREQUENT_KEPT: usize = 4096;

/// See the module header. Markers in step order.
#[derive(Clone, Debug, Default)]
pub struct MarkerLog {
    markers: Vec<Marker>,
    /// Frequent-kind markers held.
    frequent: usize,
    /// Steps per bucket (a power of two; 1 until the first thinning).
    stride: u64,
    /// The bucket of the last commit and command marker kept.
    last: [Option<u64>; 2],
}

fn is_frequent(k: MarkerKind) -> bool {
    frequent_slot(k).is_some()
}

/// Which of [`MarkerLog::last`] a frequent kind uses.
fn frequent_slot(k: MarkerKind) -> Option<usize> {
    match k {
        MarkerKind::Commit => Some(0),
        MarkerKind::Command => Some(1),
        _ => None,
    }
}

/// Is `m` the first of its frequent kind in its bucket (`last` updated), or a rare one?
fn keep(m: &Marker, stride: u64, last: &mut [Option<u64>; 2]) -> bool {
    let Some(i) = frequent_slot(m.kind) else {
        return true;
    };
    let bucket = m.step / stride;
    if last[i] == Some(bucket) {
        return false;
    }
    last[i] = Some(bucket);
    true
}

impl MarkerLog {
    /// The markers held, in step order.
    #[must_use]
    pub fn as_slice(&self) -> &[Marker] {
        &self.markers
    }

    /// Add one step's markers (see the module header for which are kept).
    pub fn extend<'a>(&mut self, markers: impl IntoIterator<Item = &'a Marker>) {
        let stride = self.stride.max(1);
        for m in markers {
            if keep(m, stride, &mut self.last) {
                self.frequent += usize::from(is_frequent(m.kind));
                self.markers.push(m.clone());
            }
        }
        while self.frequent > FREQUENT_KEPT {
            self.thin();
        }
    }

    /// Double the stride and drop the frequent markers off it.
    fn thin(&mut self) {
        self.stride = self.stride.max(1) * 2;
        self.rebuild();
    }

    /// Keep the first frequent marker of each kind per bucket; recount.
    fn rebuild(&mut self) {
        let stride = self.stride.max(1);
        let mut last = [None; 2];
        self.markers.retain(|m| keep(m, stride, &mut last));
        self.last = last;
        self.frequent = self.markers.iter().filter(|m| is_frequent(m.kind)).count();
    }

    /// Forget the markers after `step` (the run diverges there).
    pub fn cut_after(&mut self, step: u64) {
        self.markers.retain(|m| m.step <= step);
        self.rebuild();
    }

    /// Forget every marker.
    pub fn clear(&mut self) {
        *self = MarkerLog::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::Text;
    use crate::time::SimTime;

    fn marker(step: u64, kind: MarkerKind) -> Marker {
        Marker {
            step,
            at: SimTime::ZERO,
            kind,
            server: None,
            text: Text::new("marker.commit"),
        }
    }

    #[test]
    fn rare_markers_all_stay_and_frequent_ones_are_bounded_and_spread() {
        let mut log = MarkerLog::default();
        let steps = 1_000_000u64;
        for step in 1..=steps {
            let kind = if step % 100_000 == 0 {
                MarkerKind::LeaderChange
            } else {
                MarkerKind::Commit
            };
            log.extend(&[marker(step, kind)]);
        }
        let rare = log
            .as_slice()
            .iter()
            .filter(|m| m.kind == MarkerKind::LeaderChange)
            .count();
        assert_eq!(rare, 10, "every leader change is kept");
        let frequent: Vec<u64> = log
            .as_slice()
            .iter()
            .filter(|m| m.kind == MarkerKind::Commit)
            .map(|m| m.step)
            .collect();
        assert!(frequent.len() <= FREQUENT_KEPT);
        assert!(frequent.len() > FREQUENT_KEPT / 2, "{}", frequent.len());
        // Evenly spread over the whole run: every tenth of it has its share.
        for tenth in 0..10 {
            let (lo, hi) = (tenth * steps / 10, (tenth + 1) * steps / 10);
            let n = frequent.iter().filter(|&&s| s > lo && s <= hi).count();
            assert!(n * 10 >= frequent.len() * 8 / 10, "tenth {tenth}: {n}");
        }
        assert!(log.as_slice().windows(2).all(|w| w[0].step <= w[1].step));
    }

    #[test]
    fn a_regular_beat_is_sampled_too() {
        let mut log = MarkerLog::default();
        // A commit every 16 steps, always at an odd step.
        for step in (5..2_000_000u64).step_by(16) {
            log.extend(&[marker(step, MarkerKind::Commit)]);
        }
        let n = log.as_slice().len();
        assert!(n > FREQUENT_KEPT / 2 && n <= FREQUENT_KEPT, "{n}");
        let last = log.as_slice().last().map_or(0, |m| m.step);
        assert!(
            last > 1_990_000,
            "the newest part of the run is sampled: {last}"
        );
    }

    #[test]
    fn cut_after_forgets_the_future() {
        let mut log = MarkerLog::default();
        for step in 1..=100 {
            log.extend(&[marker(step, MarkerKind::Commit)]);
        }
        log.cut_after(40);
        assert_eq!(log.as_slice().len(), 40);
        assert!(log.as_slice().iter().all(|m| m.step <= 40));
    }
}
