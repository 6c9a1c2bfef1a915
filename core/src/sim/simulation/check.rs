//! Checking: the invariant checker after every step, its copies, and bringing it back to a
//! past step before the run diverges there.

use super::Simulation;
use crate::check::invariant::{Checker, Violation};

/// Steps between copies of the invariant checker's memory (`Simulation::checker_copies`).
pub(super) const CHECKER_COPY_EVERY: u64 = 10_000;
/// Checker copies kept besides the one at the step invariants were switched on.
pub(super) const CHECKER_COPIES: usize = 2;

impl Simulation {
    /// Check every invariant after every step from now on.
    pub fn check_invariants(&mut self, on: bool) {
        self.checker = on.then(|| Checker::new(self.seed));
        self.checked = self.kernel.step;
        self.checker_copies = self
            .checker
            .iter()
            .map(|c| (self.kernel.step, c.clone()))
            .collect();
    }

    /// Before the run diverges at the current step (acting in the past): bring the checker to
    /// this step. From the newest checker copy at or before it, the steps since are replayed
    /// and checked again (one seek); violations found after the copy are found again.
    pub(super) fn recheck(&mut self) {
        let here = self.kernel.step;
        if self.checker.is_none() || here >= self.checked {
            return;
        }
        self.checker_copies.retain(|(s, _)| *s <= here);
        let Some((from, copy)) = self.checker_copies.last().cloned() else {
            return;
        };
        self.seek(from);
        self.violations.retain(|v| v.step <= from);
        self.checker = Some(copy);
        self.checked = from;
        self.seek(here);
    }

    /// The invariant violations found up to the current step (after Back, those found later
    /// are not shown).
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        // After Back, only those found up to the current step.
        let n = self
            .violations
            .partition_point(|v| v.step <= self.kernel.step);
        &self.violations[..n]
    }
}
