//! `zabscope explore [--depth N] [--writes N] [--crashes N] [--partition] [--close]
//! [--break SWITCH] [--max-states N]`: the exhaustive small-scope exploration (3 servers, 1 client; see
//! `zabscope_core::check::explore`), printing states, transitions, the depth reached and the time
//! taken; with a violation, the moves that lead to it. Exit 1 when an invariant broke.

use std::process::ExitCode;
use zabscope_core::check::breaks::Break;
use zabscope_core::check::explore::{Scope, explore};

const USAGE: &str = "usage: zabscope explore [--depth N] [--writes 1|2] [--crashes 0..2] [--partition] [--close] [--break SWITCH]... [--max-states N]";

pub fn main(args: &[String]) -> ExitCode {
    let scope = match parse(args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("zabscope explore: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // Wall-clock time is reported, never fed into the model.
    #[allow(clippy::disallowed_types)]
    let started = std::time::Instant::now();
    let r = explore(&scope);
    let secs = started.elapsed().as_secs_f64();
    let breaks: Vec<&str> = scope.breaks.iter().map(|b| b.key()).collect();
    println!(
        "scope: 3 servers, 1 client, {} write(s){}, {} crash(es), partition {}, depth {}, breaks [{}]",
        scope.writes,
        if scope.close { " + close" } else { "" },
        scope.crashes,
        if scope.partition { "yes" } else { "no" },
        scope.depth,
        breaks.join(",")
    );
    println!(
        "states {}, transitions {}, depth reached {}, {}, {secs:.2} s",
        r.states,
        r.transitions,
        r.depth_reached,
        if r.complete {
            "complete"
        } else {
            "cut short by --max-states"
        }
    );
    match r.violation {
        Some((v, path)) => {
            println!("{} violated: {}", v.invariant, v.detail);
            for (i, m) in path.iter().enumerate() {
                println!("  {:>3}. {m}", i + 1);
            }
            ExitCode::from(1)
        }
        None => {
            println!("no invariant violated");
            ExitCode::SUCCESS
        }
    }
}

fn parse(args: &[String]) -> Result<Scope, String> {
    let mut s = Scope::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value"))
                .cloned()
        };
        let num = |name: &str, v: String, max: u64| {
            v.parse::<u64>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| format!("{name} takes a number 0..={max}, not '{v}'"))
        };
        match a.as_str() {
            "--depth" => s.depth = num("--depth", value("--depth")?, 1_000)? as u32,
            "--writes" => s.writes = num("--writes", value("--writes")?, 2)? as u32,
            "--crashes" => s.crashes = num("--crashes", value("--crashes")?, 2)? as u32,
            "--max-states" => {
                s.max_states = num("--max-states", value("--max-states")?, 100_000_000)?;
            }
            "--partition" => s.partition = true,
            "--close" => s.close = true,
            "--break" => s.breaks.push(Break::parse(&value("--break")?)?),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(s)
}
