//! `zabscope fuzz --seed N` / `--seeds A..B`: the seeded random-fault run of the test suite
//! (crashes, pauses, partitions, loss, writes; invariants after every step; heal; liveness).
//! `--script` prints the seed's fault schedule as a script for `zabscope run`.

use std::process::ExitCode;
use zabscope_core::sim::nemesis;

pub fn main(args: &[String]) -> ExitCode {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let range = if let Some(s) = value("--seed") {
        s.parse::<u64>().map(|n| n..n + 1).ok()
    } else if let Some(r) = value("--seeds") {
        r.split_once("..")
            .and_then(|(a, b)| Some(a.parse().ok()?..b.parse().ok()?))
    } else {
        Some(0..200)
    };
    let Some(range) = range else {
        eprintln!("usage: zabscope fuzz [--seed N | --seeds A..B] [--script]");
        return ExitCode::from(2);
    };
    if args.iter().any(|a| a == "--script") {
        for seed in range {
            print!("{}", nemesis::script(seed));
        }
        return ExitCode::SUCCESS;
    }
    let mut failed = 0;
    for seed in range.clone() {
        match nemesis::run(seed) {
            Ok(r) => println!(
                "seed {seed}: ok ({} servers, {} steps, leader {})",
                r.servers, r.steps, r.leader
            ),
            Err(e) => {
                failed += 1;
                println!("{e}");
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
