//! `zabscope hunt --break SWITCH [--seeds A..B]`: the "break ZAB" hunt (docs/break-zab.md) from
//! the command line — seeds of the hunt workload in order, with the switch on, until a safety
//! invariant fires; prints that seed, how many seeds it took and the violation. With
//! `--break none` it runs the range with no switch and reports any violation (there must be
//! none).

use crate::fuzz::parse_range;
use std::process::ExitCode;
use zabscope_core::check::break_hunt;
use zabscope_core::check::breaks::Break;

const USAGE: &str = "usage: zabscope hunt --break SWITCH|none [--seeds A..B] (default 0..500)";

pub fn main(args: &[String]) -> ExitCode {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let Some(name) = value("--break") else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let breaks = if name == "none" {
        Vec::new()
    } else {
        match Break::parse(name) {
            Ok(b) => vec![b],
            Err(e) => {
                eprintln!("zabscope hunt: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let Some(range) = value("--seeds").map_or(Some(0..500), |r| parse_range(r)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let start = range.start;
    for seed in range.clone() {
        if let Some(v) = break_hunt::run(seed, &breaks) {
            println!(
                "{name}: {} fired at seed {seed} ({} seeds from {start}): {v}",
                v.invariant,
                seed - start + 1
            );
            return if breaks.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    }
    println!(
        "{name}: no invariant fired in seeds {}..{}",
        range.start, range.end
    );
    if breaks.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
