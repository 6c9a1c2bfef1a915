//! `zabscope`: the native binary for headless runs.
//!
//! Subcommands are dispatched here; each lives in its own module.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: a simulation step allocates and frees many small
/// objects (messages, events, answers), where glibc's malloc was a large share of a step
/// natively (docs/figures.md, "Design choices"). The page (wasm) keeps Rust's default allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod api;
mod bench;
mod explore;
mod fuzz;
mod fuzz_parsers;
mod hunt;
mod lab;
mod lesson;
mod membench;
mod run;
mod server_opts;
mod soak;
mod zkcli;

const USAGE: &str = "usage: zabscope <command> [args]

commands:
  zkcli [OPTIONS] [FILE]              zkCli on a simulated standalone ZooKeeper 3.8 server
                                      (interactive, piped, or FILE); 'client NAME' switches sessions
  api [OPTIONS]                       JSON lines in (stdin), JSON lines out: the machine interface
  run SCRIPT [--json] [--narrate]     run an ensemble script, print its trace (text or JSON lines),
      [--lang en|zh-CN]               with --narrate each step explained in one sentence
                                      (--lang zh-CN: in 简体中文)
  lesson check FILE... [--lang en|zh-CN]
                                      parse and play guided lessons (static/lessons/), compute
                                      every checkpoint, check invariants; exit 1 on a problem
  fuzz [--seed N | --seeds A..B] [--script | --shrink] | --file FILE
                                      the seeded random-fault run (invariants every step);
                                      --shrink prints a failing seed's minimal script
  explore [--depth N] [--writes N] [--crashes N] [--partition] [--break SWITCH]
                                      every interleaving of a small scope (3 servers, 1 client)
  fuzz-parsers [--target T] [--execs N] [--seed S]
                                      fuzz zkCli, scripts, zoo.cfg, api JSON, command lines
  soak --seeds A..B [--threads N]     the fuzzer at scale: seeds, steps, writes, violations
  hunt --break SWITCH|none [--seeds A..B]
                                      seeds of the break-ZAB hunt until an invariant fires
  membench [--servers N] [--clients N] [--steps N] [--checkpoints K] [--full-trace] [--seeks N]
                                      memory and steps/s with the page's history on (7 / 10 /
                                      1,000,000 by default); fails unless writes still commit
  bench [--servers 3,5,7,13,51] [--clients N] [--steps N] [--repeat N] [--pending N,…]
        [--mode trace-off|browser|browser-no-invariants|both]
                                      deliveries/s, writes/s, messages and µs per committed write
                                      under a steady write load; fails unless writes still commit
  lab throughput|reliability [--servers …] [--reads …] [--cfg zoo.cfg] [--svg FILE] [--json]
                                      the performance lab: ZooKeeper's throughput figures from
                                      the cost model (docs/performance-lab.md)
  help                                this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => run::main(&args[1..]),
        Some("lesson") => lesson::main(&args[1..]),
        Some("fuzz") => fuzz::main(&args[1..]),
        Some("explore") => explore::main(&args[1..]),
        Some("fuzz-parsers") => fuzz_parsers::main(&args[1..]),
        Some("soak") => soak::main(&args[1..]),
        Some("hunt") => hunt::main(&args[1..]),
        Some("bench") => bench::main(&args[1..]),
        Some("membench") => membench::main(&args[1..]),
        Some("lab") => lab::main(&args[1..]),
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
