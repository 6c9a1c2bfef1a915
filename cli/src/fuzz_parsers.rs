//! `zabscope fuzz-parsers [--target T] [--execs N] [--seed S]`: the core's deterministic
//! parser fuzzer (`zabscope_core::check::parser_fuzz`) at scale — zkCli lines, scripts, zoo.cfg, api
//! JSON lines, ensemble command lines — printing per target the executions, exec/s, panics,
//! hangs, unclear errors and round-trip failures, and each failing input.
//!
//! The core counts work instead of timing (it has no clock). Here a watchdog thread also
//! measures wall time: an execution that has not finished after `--hang-secs` (default 20 s)
//! is reported as a hang with its input, and the run stops.

// Wall-clock time is for the report and the watchdog only (clippy.toml bans `Instant` for the
// simulation's determinism; no fuzz input depends on it).
#![allow(clippy::disallowed_types)]

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use zabscope_core::check::parser_fuzz::{Fuzzer, Stats, Target};

const USAGE: &str = "usage: zabscope fuzz-parsers [--target zkcli|script|config|api|command|lesson|all] \
                     [--execs N] [--seed S] [--hang-secs N]";

fn now() -> Instant {
    Instant::now()
}

struct Args {
    targets: Vec<Target>,
    execs: u64,
    seed: u64,
    hang_secs: u64,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        targets: Target::ALL.to_vec(),
        execs: 10_000,
        seed: 1,
        hang_secs: 20,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |v: &str| {
            v.replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{flag}: '{v}' is not a number"))
        };
        match flag.as_str() {
            "--target" => {
                let v = value()?;
                a.targets = if v == "all" {
                    Target::ALL.to_vec()
                } else {
                    vec![Target::parse(v)?]
                };
            }
            "--execs" => a.execs = number(value()?)?,
            "--seed" => a.seed = number(value()?)?,
            "--hang-secs" => a.hang_secs = number(value()?)?.max(1),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(a)
}

pub fn main(args: &[String]) -> ExitCode {
    let a = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("zabscope fuzz-parsers: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // One line per panic, with where it happened and the input (with panic = "abort", as in
    // the release profile, this line is all there is: the harness cannot catch it).
    std::panic::set_hook(Box::new(|info| {
        let input = zabscope_core::check::parser_fuzz::current_input();
        let at = info
            .location()
            .map_or(String::new(), |l| format!("{}:{}", l.file(), l.line()));
        eprintln!("panic at {at}\n  input: \"{}\"", input.escape_ascii());
    }));
    let mut total = Stats::default();
    let mut secs_total = 0.0;
    for target in a.targets.clone() {
        let (stats, secs) = fuzz(target, &a);
        secs_total += secs;
        print_line(target.name(), &stats, secs);
        total.execs += stats.execs;
        total.accepted += stats.accepted;
        total.work += stats.work;
        total.panics += stats.panics;
        total.hangs += stats.hangs;
        total.unclear += stats.unclear;
        total.round_trips += stats.round_trips;
    }
    print_line("total", &total, secs_total);
    if total.failures() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_line(name: &str, s: &Stats, secs: f64) {
    let rate = if secs > 0.0 {
        s.execs as f64 / secs
    } else {
        0.0
    };
    println!(
        "{name:>8}: {} execs in {secs:.1} s ({rate:.0} exec/s), {} accepted, {} work units: \
         {} panics, {} hangs, {} unclear errors, {} round-trip failures",
        s.execs, s.accepted, s.work, s.panics, s.hangs, s.unclear, s.round_trips
    );
}

/// Runs one target with a watchdog (a wall-clock hang is reported and exits with code 3).
fn fuzz(target: Target, a: &Args) -> (Stats, f64) {
    let done = Arc::new(AtomicU64::new(0));
    let input = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let (done, input, stop, limit) = (done.clone(), input.clone(), stop.clone(), a.hang_secs);
        std::thread::spawn(move || {
            let mut last = (u64::MAX, now());
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(200));
                let n = done.load(Ordering::Relaxed);
                if n != last.0 {
                    last = (n, now());
                } else if last.1.elapsed().as_secs() >= limit {
                    let bytes = input.lock().map(|b| b.clone()).unwrap_or_default();
                    eprintln!(
                        "{} HANG: one execution ran over {limit} s of wall time\n  input: \"{}\"",
                        target.name(),
                        bytes.escape_ascii()
                    );
                    std::process::exit(3);
                }
            }
        })
    };
    let mut f = Fuzzer::new(target, a.seed);
    let start = now();
    let mut reported = 0;
    for i in 0..a.execs {
        let next = f.next_input();
        if let Ok(mut b) = input.lock() {
            b.clear();
            b.extend_from_slice(&next);
        }
        if let Some(finding) = f.execute(&next)
            && reported < 20
        {
            reported += 1;
            println!("{finding}");
        }
        done.store(i + 1, Ordering::Relaxed);
    }
    let secs = start.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    (f.stats().clone(), secs)
}
