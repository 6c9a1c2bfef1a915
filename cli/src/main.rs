//! `zabscope`: the native binary for headless runs.
//!
//! Subcommands are dispatched here; each lives in its own module.

use std::process::ExitCode;

mod api;
mod fuzz;
mod fuzz_parsers;
mod run;
mod server_opts;
mod zkcli;

const USAGE: &str = "usage: zabscope <command> [args]

commands:
  zkcli [OPTIONS] [FILE]              zkCli on a simulated standalone ZooKeeper 3.8 server
                                      (interactive, piped, or FILE); 'client NAME' switches sessions
  api [OPTIONS]                       JSON lines in (stdin), JSON lines out: the machine interface
  run SCRIPT [--json]                 run an ensemble script, print its trace (text or JSON lines)
  fuzz [--seed N | --seeds A..B]      the seeded random-fault run (invariants every step)
  fuzz-parsers [--target T] [--execs N] [--seed S]
                                      fuzz zkCli, scripts, zoo.cfg, api JSON, command lines
  help                                this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => run::main(&args[1..]),
        Some("fuzz") => fuzz::main(&args[1..]),
        Some("fuzz-parsers") => fuzz_parsers::main(&args[1..]),
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
