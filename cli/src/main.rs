//! `zabscope`: the native binary for headless runs.
//!
//! Subcommands are dispatched here; each lives in its own module.

use std::process::ExitCode;

mod api;
mod server_opts;
mod zkcli;

const USAGE: &str = "usage: zabscope <command> [args]

commands:
  zkcli [OPTIONS] [FILE]              zkCli on a simulated standalone ZooKeeper 3.8 server
                                      (interactive, piped, or FILE); 'client NAME' switches sessions
  api [OPTIONS]                       JSON lines in (stdin), JSON lines out: the machine interface
  skeleton [SERVERS] [STEPS] [SEED]   run the placeholder simulation and print its view
  help                                this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("skeleton") => skeleton(&args[1..]),
        Some("zkcli") => zkcli::main(&args[1..]),
        Some("api") => api::main(&args[1..]),
        Some("help") | Some("--help") | Some("-h") | None => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("zabscope: unknown command '{other}'\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn skeleton(args: &[String]) -> ExitCode {
    let num = |i: usize, default: u64| -> Result<u64, String> {
        args.get(i).map_or(Ok(default), |s| {
            s.parse().map_err(|_| format!("not a number: '{s}'"))
        })
    };
    let (servers, steps, seed) = match (num(0, 5), num(1, 10), num(2, 1)) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            eprintln!("zabscope skeleton: {e}");
            return ExitCode::from(2);
        }
    };
    let servers = u32::try_from(servers).unwrap_or(u32::MAX);
    let mut sim = match zabscope_core::Simulation::new(servers, seed) {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("zabscope skeleton: {e}");
            return ExitCode::from(2);
        }
    };
    for _ in 0..steps {
        sim.step();
    }
    let view = sim.view();
    println!("step {}", view.step);
    for s in view.servers {
        println!("server.{} ticks={}", s.myid, s.ticks);
    }
    ExitCode::SUCCESS
}
