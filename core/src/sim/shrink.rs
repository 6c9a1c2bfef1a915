//! Shrinking a failing fuzz script (delta debugging, Zeller's ddmin): drop chaos-phase
//! commands in ever smaller chunks, re-running the deterministic simulation each time, and keep
//! a smaller script whenever it still fails with the same kind (the same invariant, or the
//! same liveness check). The heal phase (the final `heal`, `release`s, `loss 0`, `resume`s and
//! `start`s) is never dropped: without it every script would "fail" liveness trivially.
//!
//! The result is printed in the script format, so `zabscope run FILE` replays it (and
//! `zabscope fuzz --file FILE` re-runs the fuzzer's liveness checks on it too).

use crate::script::Script;
use crate::sim::command::Command;
use crate::sim::nemesis::{self, FuzzFailure};

/// Re-runs allowed while shrinking (each is one whole simulated run).
pub const MAX_RUNS: usize = 2_000;

/// What shrinking found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shrunk {
    pub script: Script,
    pub failure: FuzzFailure,
    /// Simulated runs it took.
    pub runs: usize,
}

/// Shrink `script`, which fails with `failure`, to a 1-minimal script (no single chaos command
/// can be dropped) that fails with the same kind, within [`MAX_RUNS`] re-runs.
#[must_use]
pub fn shrink(script: &Script, failure: &FuzzFailure) -> Shrunk {
    let heal_at = script
        .commands
        .iter()
        .rev()
        .find(|(_, c)| *c == Command::Heal)
        .map_or(u64::MAX, |(t, _)| *t);
    let (mut chaos, tail): (Vec<_>, Vec<_>) = script
        .commands
        .iter()
        .cloned()
        .partition(|(t, _)| *t < heal_at);
    let mut runs = 0;
    let mut best = failure.clone();
    let build = |chaos: &[(u64, Command)]| Script {
        commands: chaos.iter().chain(&tail).cloned().collect(),
        ..script.clone()
    };
    let test = |chaos: &[(u64, Command)], runs: &mut usize| -> Option<FuzzFailure> {
        *runs += 1;
        nemesis::check_script(&build(chaos))
            .err()
            .filter(|f| f.kind == failure.kind)
    };
    let mut n = 2;
    while chaos.len() >= 2 && runs < MAX_RUNS {
        let chunk = chaos.len().div_ceil(n);
        let mut reduced = false;
        // Try each complement (the script without one chunk).
        for start in (0..chaos.len()).step_by(chunk) {
            if runs >= MAX_RUNS {
                break;
            }
            let end = (start + chunk).min(chaos.len());
            let rest: Vec<_> = chaos[..start]
                .iter()
                .chain(&chaos[end..])
                .cloned()
                .collect();
            if let Some(f) = test(&rest, &mut runs) {
                chaos = rest;
                best = f;
                n = (n - 1).max(2);
                reduced = true;
                break;
            }
        }
        if !reduced {
            if n >= chaos.len() {
                break;
            }
            n = (2 * n).min(chaos.len());
        }
    }
    // One last pass: a single remaining chaos command may be droppable too.
    if chaos.len() == 1
        && runs < MAX_RUNS
        && let Some(f) = test(&[], &mut runs)
    {
        chaos.clear();
        best = f;
    }
    Shrunk {
        script: build(&chaos),
        failure: best,
        runs,
    }
}
