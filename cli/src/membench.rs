//! `zabscope membench`: memory and speed of the page's settings over a long run
//! (docs/page.md, "Memory"). A fresh ensemble, `--clients` clients spread over the servers, each
//! writing `set /bench` in rounds (a new round once c1's write of the last round was issued and
//! answered), with the trace, narration, invariants and bounded history on — what the browser page
//! runs. Prints steps/s, the process's peak RSS (`VmHWM` in /proc/self/status, Linux), what history
//! holds, and the latency of `seek` to random steps (median, p95, max).
//!
//! It checks at its end that the workload is still what it says, and exits non-zero
//! otherwise: one leader, no invariant violation, the committed zxid moved during the last
//! tenth of the run, and every client had a write answered OK in that last tenth (so every
//! client is still connected and writing). A measurement, not a timed test: nothing asserts
//! speed. The wall clock is read only to report speed; it never reaches the simulation.

#![allow(clippy::disallowed_types)]

use std::process::ExitCode;
use zabscope_core::SimTime;
use zabscope_core::sim::kernel::Kernel;
use zabscope_core::{ClientOp, Command, HistoryBudget, Simulation};

const USAGE: &str = "usage: zabscope membench [--servers N] [--clients N] [--steps N] \
[--checkpoints K] [--full-trace] [--seeks N]";

struct Opts {
    servers: u32,
    clients: u32,
    steps: u64,
    seeks: usize,
    history: HistoryBudget,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        servers: 7,
        clients: 10,
        steps: 1_000_000,
        seeks: 200,
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
            "--seeks" => o.seeks = usize::try_from(num(a)?).map_err(|e| e.to_string())?,
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

/// The highest zxid any running server has committed (processed).
fn committed(k: &Kernel) -> u64 {
    k.nodes
        .iter()
        .filter_map(|n| n.server.as_ref())
        .map(|s| s.core.replica.db.last_processed_zxid().0)
        .max()
        .unwrap_or(0)
}

/// Clients without a `setData` answered OK at or after `since`.
fn idle_clients(k: &Kernel, since: SimTime) -> Vec<String> {
    k.clients
        .iter()
        .filter(|c| {
            !c.results.iter().rev().any(|r| {
                r.answered >= since
                    && r.op.starts_with("setData")
                    && r.response.as_ref().is_some_and(|x| x.code.is_ok())
            })
        })
        .map(|c| c.name.clone())
        .collect()
}

/// The workload: connect the clients, create /bench, then write rounds for `o.steps` steps.
/// Returns (write rounds, the time and committed zxid at 90 % of the steps).
fn drive(sim: &mut Simulation, o: &Opts) -> (u64, SimTime, u64) {
    sim.run_until(60_000, |s| !s.leaders().is_empty());
    zabscope_core::tools::bench::connect_writers(sim, o.servers, o.clients)
        .expect("connect and create are valid");
    sim.run_for(500);
    let first = sim.kernel().step;
    let ninety = first + o.steps / 10 * 9;
    let (mut round, mut at_90) = (0u64, (SimTime::ZERO, 0));
    // c1's next cxid when the last round was applied: an applied command waits in the agenda
    // behind whatever is due at the same instant, so the round is not issued until c1's cxid
    // moved past it (without this, a busy instant starts a new round every step).
    let mut issued_from = None::<i32>;
    while sim.kernel().step < first + o.steps {
        if sim.kernel().step == ninety {
            at_90 = (sim.now(), committed(sim.kernel()));
        }
        let c1 = sim.kernel().clients.first();
        let ready = c1.is_none_or(|c| {
            issued_from.is_none_or(|from| c.next_cxid > from) && c.outstanding.is_empty()
        });
        if ready {
            issued_from = c1.map(|c| c.next_cxid);
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
    (round, at_90.0, at_90.1)
}

/// The workload's end checks; the reasons it is not what it says, if any.
fn check_workload(sim: &Simulation, since: SimTime, zxid_90: u64) -> Vec<String> {
    let mut bad = Vec::new();
    let k = sim.kernel();
    let end = committed(k);
    if end <= zxid_90 {
        bad.push(format!(
            "writes stopped committing (0x{zxid_90:x} at 90 % → 0x{end:x})"
        ));
    }
    let idle = idle_clients(k, since);
    if !idle.is_empty() {
        bad.push(format!(
            "no write answered OK in the last tenth of the run for {}",
            idle.join(", ")
        ));
    }
    let leaders = sim.leaders();
    if leaders.len() != 1 {
        bad.push(format!("leaders at the end: {leaders:?}"));
    }
    if !sim.violations().is_empty() {
        bad.push(format!("invariant violations: {:?}", sim.violations()));
    }
    bad
}

/// `seek` latency in ms: Back 100 steps from the live end, then `n` seeks to random steps
/// (a fixed xorshift sequence, so every run seeks to the same steps), then back to the end.
/// Each lands on the exact state; only the time is measured.
fn seek_times(sim: &mut Simulation, n: usize) -> (f64, Vec<f64>) {
    let last = sim.kernel().step;
    let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1e3;
    let t = std::time::Instant::now();
    sim.seek(last.saturating_sub(100));
    let back = ms(t);
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let target = x % (last + 1);
        let t = std::time::Instant::now();
        sim.seek(target);
        times.push(ms(t));
        assert_eq!(sim.kernel().step, target, "seek lands on its step");
    }
    sim.seek(last);
    times.sort_by(f64::total_cmp);
    (back, times)
}

/// The `p` quantile (0..=1) of sorted `v`.
fn quantile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let i = ((v.len() - 1) as f64 * p).round() as usize;
    v[i.min(v.len() - 1)]
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
    let start = std::time::Instant::now();
    let (round, t_90, zxid_90) = drive(&mut sim, &o);
    let secs = start.elapsed().as_secs_f64();
    let steps = sim.kernel().step;
    let h = sim.history();
    println!(
        "servers {} clients {} steps {steps} checkpoints<= {} events<= {:?} narrations<= {:?}",
        o.servers, o.clients, h.checkpoints, h.recent_events, h.recent_narrations
    );
    println!(
        "steps/s {:.0}  write rounds {round}  last committed zxid 0x{:x}",
        steps as f64 / secs.max(1e-9),
        committed(sim.kernel())
    );
    let rss = rss_kib();
    match rss {
        Some((peak, now)) => println!("peak RSS {} MiB  RSS now {} MiB", peak / 1024, now / 1024),
        None => println!("peak RSS unavailable (no /proc/self/status)"),
    }
    let cps = sim.checkpoint_steps();
    println!(
        "held: {} checkpoints (steps {}…{}), {} trace events ({} dropped), {} narrations, \
         {} markers, {} violations",
        cps.len(),
        cps.first().unwrap_or(&0),
        cps.last().unwrap_or(&0),
        sim.trace().len(),
        sim.trace_dropped(),
        sim.narrations().len(),
        sim.markers().len(),
        sim.violations().len()
    );
    let bad = check_workload(&sim, t_90, zxid_90);
    if !bad.is_empty() {
        for b in bad {
            eprintln!("zabscope membench: workload not as stated: {b}");
        }
        return ExitCode::FAILURE;
    }
    println!(
        "workload checked: one leader, every client's writes answered OK in the last tenth, \
         commits advancing, no violations"
    );
    // (After the checks: the invariant checker forgets its history on seek.)
    let (back, times) = seek_times(&mut sim, o.seeks);
    println!(
        "seek: Back 100 steps {back:.1} ms; {} random steps: median {:.1} ms, p95 {:.1} ms, \
         max {:.1} ms",
        times.len(),
        quantile(&times, 0.5),
        quantile(&times, 0.95),
        quantile(&times, 1.0)
    );
    if let Some((peak, _)) = rss_kib() {
        println!("peak RSS after the seeks {} MiB", peak / 1024);
    }
    ExitCode::SUCCESS
}
