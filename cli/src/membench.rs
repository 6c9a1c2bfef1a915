//! `zabscope membench`: memory and speed of the page's settings over a long run (issue 10
//! items 2 and 3). A fresh ensemble, a client per server up to `--clients`, each writing
//! `set /bench` in rounds (a new round when c1's write is answered, as
//! `core/benches/deliveries.rs` does), with the trace, narration, invariants and bounded
//! history on — what the browser page runs. Prints steps/s, the process's peak RSS
//! (`VmHWM` in /proc/self/status, Linux), what history holds, and fails unless writes were
//! still committing at the end. A measurement, not a timed test: nothing asserts speed.
//! The wall clock is read only to report speed; it never reaches the simulation.

#![allow(clippy::disallowed_types)]

use std::process::ExitCode;
use zabscope_core::view::ViewOptions;
use zabscope_core::{ClientOp, Command, HistoryBudget, ServerId, Simulation};

const USAGE: &str = "usage: zabscope membench [--servers N] [--clients N] [--steps N] \
[--checkpoints K] [--full-trace]";

struct Opts {
    servers: u32,
    clients: u32,
    steps: u64,
    history: HistoryBudget,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        servers: 7,
        clients: 10,
        steps: 1_000_000,
        history: HistoryBudget::browser(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = |what: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{what} needs a number"))
        };
        match a.as_str() {
            "--servers" => o.servers = u32::try_from(num(a)?).map_err(|e| e.to_string())?,
            "--clients" => o.clients = u32::try_from(num(a)?).map_err(|e| e.to_string())?,
            "--steps" => o.steps = num(a)?,
            "--checkpoints" => {
                o.history.checkpoints = usize::try_from(num(a)?).map_err(|e| e.to_string())?;
            }
            "--full-trace" => {
                o.history.recent_events = None;
                o.history.recent_narrations = None;
            }
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    if !(1..=51).contains(&o.servers) || !(1..=100).contains(&o.clients) {
        return Err("--servers 1..=51, --clients 1..=100".into());
    }
    Ok(o)
}

/// Peak and current resident set size in KiB (Linux; `None` elsewhere).
fn rss_kib() -> Option<(u64, u64)> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        s.lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

/// The highest zxid any server has committed.
fn committed(sim: &Simulation) -> u64 {
    let v = sim.view_with(ViewOptions::compact());
    v.servers
        .iter()
        .map(|s| s.last_committed.0)
        .max()
        .unwrap_or(0)
}

pub fn main(args: &[String]) -> ExitCode {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("zabscope membench: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut sim = match Simulation::with_servers(o.servers, 1) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("zabscope membench: {e}");
            return ExitCode::from(2);
        }
    };
    sim.check_invariants(true);
    sim.set_history(o.history);
    sim.run_until(10_000, |s| !s.leaders().is_empty());
    for i in 1..=o.clients {
        let c = Command::Connect {
            client: format!("c{i}"),
            server: ServerId((i - 1) % o.servers + 1),
            timeout_ms: 30_000,
        };
        sim.apply(c).expect("connect is valid");
    }
    let create = ClientOp::Create {
        path: "/bench".into(),
        data: "0".into(),
        ephemeral: false,
    };
    let op = Command::Op {
        client: "c1".into(),
        op: create,
    };
    sim.apply(op).expect("create is valid");
    sim.run_for(500);
    let start = std::time::Instant::now();
    let first = sim.kernel().step;
    let mut round = 0u64;
    let mut at_90 = 0;
    while sim.kernel().step < first + o.steps {
        if sim.kernel().step >= first + o.steps / 10 * 9 && at_90 == 0 {
            at_90 = committed(&sim);
        }
        if sim
            .kernel()
            .clients
            .first()
            .is_none_or(|c| c.outstanding.is_empty())
        {
            round += 1;
            for i in 1..=o.clients {
                let op = ClientOp::Set {
                    path: "/bench".into(),
                    data: format!("{round}"),
                };
                let _ = sim.apply(Command::Op {
                    client: format!("c{i}"),
                    op,
                });
            }
        }
        if sim.step().is_empty() && sim.kernel().agenda.is_empty() {
            break;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let steps = sim.kernel().step - first;
    let end = committed(&sim);
    let h = sim.history();
    println!(
        "servers {} clients {} steps {steps} checkpoints<= {} events<= {:?} narrations<= {:?}",
        o.servers, o.clients, h.checkpoints, h.recent_events, h.recent_narrations
    );
    println!(
        "steps/s {:.0}  write rounds {round}  last committed zxid 0x{end:x}",
        steps as f64 / secs.max(1e-9)
    );
    match rss_kib() {
        Some((peak, now)) => println!("peak RSS {} MiB  RSS now {} MiB", peak / 1024, now / 1024),
        None => println!("peak RSS unavailable (no /proc/self/status)"),
    }
    println!(
        "held: {} checkpoints (steps {:?}), {} trace events ({} dropped), {} narrations, \
         {} markers, {} violations",
        sim.checkpoint_steps().len(),
        sim.checkpoint_steps(),
        sim.trace().len(),
        sim.trace_dropped(),
        sim.narrations().len(),
        sim.markers().len(),
        sim.violations().len()
    );
    if end <= at_90 {
        eprintln!("zabscope membench: writes stopped committing (0x{at_90:x} → 0x{end:x})");
        return ExitCode::FAILURE;
    }
    if !sim.violations().is_empty() {
        eprintln!(
            "zabscope membench: invariant violations: {:?}",
            sim.violations()
        );
        return ExitCode::FAILURE;
    }
    // (After the checks: the invariant checker forgets its history on seek, and replays that
    // start at a checkpoint with proposals in flight then report false alarms.)
    // Time travel from the live end: Back a little, then further and further into the past.
    let last = sim.kernel().step;
    let mut seeks = Vec::new();
    for target in [last.saturating_sub(100), last / 4 * 3, last / 2, last / 10] {
        let t = std::time::Instant::now();
        sim.seek(target);
        seeks.push(format!(
            "{target}: {:.0} ms",
            t.elapsed().as_secs_f64() * 1e3
        ));
    }
    println!("seek back from step {last} to {}", seeks.join(", "));
    ExitCode::SUCCESS
}
