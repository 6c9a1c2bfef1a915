//! `zabscope fuzz --seed N` / `--seeds A..B`: the seeded random-fault run of the test suite
//! (crashes, pauses, partitions, loss, disk faults, a client workload; invariants after every
//! step; heal; liveness). `--script` prints the seed's fault schedule as a script for
//! `zabscope run`; `--shrink` shrinks a failing seed's script to a minimal one that still
//! fails the same check and prints it; `--file FILE` runs the fuzzer's checks on a script.

use std::process::ExitCode;
use zabscope_core::Script;
use zabscope_core::check::{nemesis, shrink};

const USAGE: &str =
    "usage: zabscope fuzz [--seed N | --seeds A..B] [--script | --shrink] | --file FILE";

/// `A..B` (or `A..=B`) as a seed range.
pub fn parse_range(r: &str) -> Option<std::ops::Range<u64>> {
    if let Some((a, b)) = r.split_once("..=") {
        let (a, b): (u64, u64) = (a.parse().ok()?, b.parse().ok()?);
        let end = b.checked_add(1)?;
        return (a <= b).then_some(a..end);
    }
    let (a, b) = r.split_once("..")?;
    let (a, b): (u64, u64) = (a.parse().ok()?, b.parse().ok()?);
    (a <= b).then_some(a..b)
}

pub fn main(args: &[String]) -> ExitCode {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    if let Some(file) = value("--file") {
        return run_file(file);
    }
    let range = if let Some(s) = value("--seed") {
        s.parse::<u64>()
            .ok()
            .and_then(|n| Some(n..n.checked_add(1)?))
    } else if let Some(r) = value("--seeds") {
        parse_range(r)
    } else {
        Some(0..200)
    };
    let Some(range) = range else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if args.iter().any(|a| a == "--script") {
        for seed in range {
            print!("{}", nemesis::script(seed));
        }
        return ExitCode::SUCCESS;
    }
    let shrinking = args.iter().any(|a| a == "--shrink");
    let mut failed = 0;
    for seed in range.clone() {
        let s = nemesis::script(seed);
        match nemesis::check_script(&s) {
            Ok(r) => println!(
                "seed {seed}: ok ({} servers, {} steps, {} successful writes, leader {})",
                r.servers, r.steps, r.commits, r.leader
            ),
            Err(f) => {
                failed += 1;
                println!("seed {seed}: {f}; reproduce with: zabscope fuzz --seed {seed}");
                if shrinking {
                    print_shrunk(&s, &f);
                }
            }
        }
    }
    println!("{} seeds, {failed} failed", range.end - range.start);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_shrunk(s: &Script, f: &nemesis::FuzzFailure) {
    let before = s.commands.len();
    let shrunk = shrink::shrink(s, f);
    println!(
        "# shrunk from {before} to {} commands in {} runs; still fails {}:\n# {}",
        shrunk.script.commands.len(),
        shrunk.runs,
        shrunk.failure.kind,
        shrunk.failure.message.lines().next().unwrap_or("")
    );
    println!(
        "# save as FILE: `zabscope run FILE` replays it, `zabscope fuzz --file FILE` re-checks it"
    );
    print!("{}", shrunk.script);
}

fn run_file(file: &str) -> ExitCode {
    let script = match std::fs::read_to_string(file)
        .map_err(|e| e.to_string())
        .and_then(|t| Script::parse(&t))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("zabscope fuzz: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    match nemesis::check_script(&script) {
        Ok(r) => {
            println!(
                "{file}: ok ({} servers, {} steps, {} successful writes, leader {})",
                r.servers, r.steps, r.commits, r.leader
            );
            ExitCode::SUCCESS
        }
        Err(f) => {
            println!("{file}: {f}");
            ExitCode::from(1)
        }
    }
}
