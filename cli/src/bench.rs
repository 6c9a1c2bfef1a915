//! `zabscope bench`: the speed of the simulation under a steady write load (docs/figures.md), for
//! the ensemble sizes and modes asked. The workload is `zabscope_core::tools::bench::Workload` (the one
//! `window.zabscope.bench` runs in the browser): an elected ensemble, one client per server
//! keeping a `setData` outstanding, a warm-up, then `--repeat` timed runs (the fastest is
//! reported) of `--steps` agenda steps, each from a copy of the warmed-up state. With
//! `--pending N,…` the same workload runs once per N with N inert items queued far ahead on
//! the agenda (the `µs/step` column: what a step costs with a long agenda).
//! Prints one JSON line per measurement on stdout and a table on stderr; exits non-zero if
//! any workload stopped being what it claims (a client lost, writes not committing, a new
//! leader, an invariant violated). The wall clock is read only to report speed.

#![allow(clippy::disallowed_types)]

use std::process::ExitCode;
use zabscope_core::tools::bench::{self, Mode, Report, Workload};

const USAGE: &str = "usage: zabscope bench [--servers 3,5,7,13,51] [--clients N] \
[--steps N] [--repeat N] [--mode trace-off|browser|browser-no-invariants|both] \
[--pending 1000,10000,100000,1000000]";

struct Opts {
    servers: Vec<u32>,
    /// `None`: one client per server.
    clients: Option<u32>,
    steps: u64,
    repeat: u32,
    modes: Vec<Mode>,
    /// Agenda items queued far ahead, one measurement per value (`[0]` unless given).
    pending: Vec<u64>,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        servers: vec![3, 5, 7, 13, 51],
        clients: None,
        steps: 200_000,
        repeat: 3,
        modes: vec![Mode::TraceOff, Mode::Browser],
        pending: vec![0],
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        let number = |v: &str| -> Result<u64, String> {
            v.replace('_', "")
                .parse()
                .map_err(|_| format!("{a}: '{v}' is not a number"))
        };
        match a.as_str() {
            "--servers" => {
                o.servers = value()?
                    .split(',')
                    .map(|v| number(v).and_then(|n| u32::try_from(n).map_err(|e| e.to_string())))
                    .collect::<Result<_, _>>()?;
            }
            "--clients" => {
                o.clients = Some(u32::try_from(number(value()?)?).map_err(|e| e.to_string())?);
            }
            "--steps" => o.steps = number(value()?)?,
            "--pending" => {
                o.pending = value()?.split(',').map(number).collect::<Result<_, _>>()?;
                if o.pending.iter().any(|n| *n > 10_000_000) {
                    return Err("--pending: at most 10,000,000".into());
                }
            }
            "--repeat" => {
                o.repeat = u32::try_from(number(value()?)?).map_err(|e| e.to_string())?;
            }
            "--mode" => {
                o.modes = match value()?.as_str() {
                    "both" => vec![Mode::TraceOff, Mode::Browser],
                    m => vec![Mode::parse(m)?],
                };
            }
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    if o.steps < 1_000 {
        return Err("--steps must be at least 1000".into());
    }
    Ok(o)
}

/// Set up, warm up, then time `steps` steps `repeat` times and keep the fastest
/// (`zabscope_core::tools::bench::measure`).
fn measure(o: &Opts, servers: u32, mode: Mode, pending: u64) -> Result<Report, String> {
    let mut w = Workload::new(servers, o.clients.unwrap_or(servers), mode)?;
    w.queue_far_ahead(pending);
    Ok(bench::measure("native", w, o.steps, o.repeat, |run| {
        let start = std::time::Instant::now();
        run();
        start.elapsed().as_secs_f64()
    }))
}

fn row(r: &Report) -> String {
    format!(
        "{:>7} {:>9} {:>8} {:>9} {:>12.0} {:>10.0} {:>8.1} {:>9.2} {:>9.3} {:>8.3}  {}",
        r.servers,
        r.mode,
        r.clients,
        r.pending,
        r.deliveries_per_sec,
        r.writes_per_sec,
        r.messages_per_write,
        r.us_per_write,
        r.us_per_delivery,
        r.us_per_step,
        r.failed.as_deref().unwrap_or("ok")
    )
}

pub fn main(args: &[String]) -> ExitCode {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("zabscope bench: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    eprintln!(
        "{:>7} {:>9} {:>8} {:>9} {:>12} {:>10} {:>8} {:>9} {:>9} {:>8}  workload",
        "servers",
        "mode",
        "clients",
        "pending",
        "deliveries/s",
        "writes/s",
        "msg/w",
        "µs/write",
        "µs/deliv",
        "µs/step"
    );
    let mut ok = true;
    for &mode in &o.modes {
        for (&n, &pending) in o
            .servers
            .iter()
            .flat_map(|n| o.pending.iter().map(move |p| (n, p)))
        {
            match measure(&o, n, mode, pending) {
                Ok(r) => {
                    ok &= r.failed.is_none();
                    match serde_json::to_string(&r) {
                        Ok(line) => println!("{line}"),
                        Err(e) => eprintln!("zabscope bench: {e}"),
                    }
                    eprintln!("{}", row(&r));
                }
                Err(e) => {
                    ok = false;
                    eprintln!("zabscope bench: {n} servers, {}: {e}", mode.name());
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        eprintln!("zabscope bench: a workload did not hold (see the last column)");
        ExitCode::FAILURE
    }
}
