//! `zabscope soak --seeds A..B [--threads N] [--progress K]`: the fuzzer at scale. Every seed
//! is an independent deterministic run (`nemesis::run`), so seeds are handed out to N worker
//! threads one at a time; the totals do not depend on N. Prints a progress line every K seeds
//! (default 50,000), each failing seed with its reproduce command as soon as it fails, and at
//! the end: seeds, simulated steps, successful client writes, violations, elapsed wall-clock
//! time and simulated steps per second.

use crate::fuzz::parse_range;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use zabscope_core::check::nemesis;

const USAGE: &str = "usage: zabscope soak --seeds A..B [--threads N] [--progress K]";

#[derive(Default)]
struct Totals {
    done: u64,
    steps: u64,
    writes: u64,
    failed: Vec<u64>,
}

pub fn main(args: &[String]) -> ExitCode {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let range = value("--seeds").and_then(|r| parse_range(r));
    let threads = value("--threads").map_or(Some(1), |t| t.parse::<u64>().ok());
    let progress = value("--progress").map_or(Some(50_000), |t| t.parse::<u64>().ok());
    let (Some(range), Some(threads @ 1..=256), Some(progress @ 1..)) = (range, threads, progress)
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    println!(
        "soak: seeds {}..{} on {threads} thread(s)",
        range.start, range.end
    );
    // Wall-clock time measures the harness, never the simulation (which runs on SimTime).
    #[allow(clippy::disallowed_types)]
    let started = std::time::Instant::now();
    let elapsed = || started.elapsed().as_secs_f64();
    let next = AtomicU64::new(range.start);
    let totals = Mutex::new(Totals::default());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let seed = next.fetch_add(1, Ordering::Relaxed);
                    if seed >= range.end {
                        break;
                    }
                    // A panicking seed is a failure to report, not the end of the soak.
                    let result = std::panic::catch_unwind(|| nemesis::run(seed))
                        .unwrap_or_else(|_| Err(format!("seed {seed}: panicked; reproduce with: zabscope fuzz --seed {seed}")));
                    let mut t = totals.lock().unwrap_or_else(|e| e.into_inner());
                    t.done += 1;
                    match result {
                        Ok(r) => {
                            t.steps += r.steps;
                            t.writes += r.commits as u64;
                        }
                        Err(e) => {
                            t.failed.push(seed);
                            println!("FAIL {e}");
                        }
                    }
                    if t.done.is_multiple_of(progress) {
                        println!(
                            "progress: {} seeds, {} steps, {} successful writes, {} violations, {:.0} s",
                            t.done,
                            t.steps,
                            t.writes,
                            t.failed.len(),
                            elapsed()
                        );
                    }
                }
            });
        }
    });
    let t = totals.into_inner().unwrap_or_else(|e| e.into_inner());
    let secs = elapsed();
    println!("seeds: {} ({}..{})", t.done, range.start, range.end);
    println!("steps: {}", t.steps);
    println!("successful writes: {}", t.writes);
    println!("violations: {}", t.failed.len());
    let mut failed = t.failed;
    failed.sort_unstable();
    for seed in &failed {
        println!("  reproduce with: zabscope fuzz --seed {seed} --shrink");
    }
    println!("elapsed: {secs:.1} s");
    println!("steps/s: {:.0}", t.steps as f64 / secs.max(1e-9));
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
