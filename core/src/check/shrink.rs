//! Shrinking a failing fuzz script (delta debugging, Zeller's ddmin): drop chaos-phase
//! commands in ever smaller chunks, re-running the deterministic simulation each time, and keep
//! a smaller script whenever it still fails with the same kind (the same invariant, or the
//! same liveness check). The heal phase (the final `heal`, `release`s, `loss 0`, `resume`s and
//! `start`s) is never dropped: without it every script would "fail" liveness trivially.
//!
//! The result is printed in the script format, so `zabscope run FILE` replays it (and
//! `zabscope fuzz --file FILE` re-runs the fuzzer's liveness checks on it too).

use crate::check::nemesis::{self, FuzzFailure};
use crate::sim::command::Command;
use crate::sim::script::Script;

/// Re-runs allowed while shrinking (each is one whole simulated run).
pub const MAX_RUNS: usize = 2_000;

/// What shrinking found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shrunk {
    /// The smallest script found that still fails.
    pub script: Script,
    /// How it fails.
    pub failure: FuzzFailure,
    /// Simulated runs it took.
    pub runs: usize,
}

/// Shrink `script`, which fails with `failure`, to a 1-minimal script (no single chaos command
/// can be dropped) that fails with the same kind, within [`MAX_RUNS`] re-runs.
#[must_use]
pub fn shrink(script: &Script, failure: &FuzzFailure) -> Shrunk {
    shrink_by(script, failure, |s| {
        nemesis::check_script(s)
            .err()
            .filter(|f| f.kind == failure.kind)
    })
}

/// ddmin with any test: `fails(s)` says whether `s` still fails (and how).
pub fn shrink_by(
    script: &Script,
    failure: &FuzzFailure,
    mut fails: impl FnMut(&Script) -> Option<FuzzFailure>,
) -> Shrunk {
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
        recorded: Vec::new(),
        ..script.clone()
    };
    let mut test = |chaos: &[(u64, Command)], runs: &mut usize| -> Option<FuzzFailure> {
        *runs += 1;
        fails(&build(chaos))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ServerId;

    /// ddmin keeps exactly the commands a failure needs, plus the heal phase.
    #[test]
    fn keeps_only_what_the_failure_needs() {
        let script = nemesis::script(5);
        let chaos = script
            .commands
            .iter()
            .filter(|(t, _)| *t > 1_000 && *t < nemesis::CHAOS_MS)
            .count();
        assert!(chaos > 20, "{chaos}");
        // A made-up failure: "some crash, then later some restart".
        let fails = |s: &Script| {
            let crash = s
                .commands
                .iter()
                .position(|(t, c)| *t < nemesis::CHAOS_MS && matches!(c, Command::Crash(_)))?;
            s.commands[crash..]
                .iter()
                .any(|(t, c)| *t < nemesis::CHAOS_MS && matches!(c, Command::Restart(_)))
                .then(|| FuzzFailure {
                    kind: "Made-up".into(),
                    message: "crash then restart".into(),
                })
        };
        let failure = fails(&script).expect("seed 5 crashes then restarts");
        let shrunk = shrink_by(&script, &failure, fails);
        let left: Vec<_> = shrunk
            .script
            .commands
            .iter()
            .filter(|(t, _)| *t < nemesis::CHAOS_MS)
            .map(|(_, c)| c)
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
        assert!(matches!(left[0], Command::Crash(_)));
        assert!(matches!(left[1], Command::Restart(_)));
        // The heal phase is untouched, and the script text round-trips.
        let tail = |s: &Script| {
            s.commands
                .iter()
                .filter(|(t, _)| *t >= nemesis::CHAOS_MS)
                .count()
        };
        assert_eq!(tail(&shrunk.script), tail(&script));
        assert!(
            shrunk
                .script
                .commands
                .contains(&(nemesis::CHAOS_MS, Command::Start(ServerId(1))))
        );
        assert_eq!(Script::parse(&shrunk.script.to_string()), Ok(shrunk.script));
    }
}
