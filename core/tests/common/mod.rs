//! Helpers shared by the integration tests: commands, a workload for the time-travel tests
//! (history.rs, seek_checker.rs), what a server's tree holds (connections.rs, learner_timeout.rs).

// Each test file that includes this module uses some of it.
#![allow(dead_code)]

use zabscope_core::{Command, Simulation};

pub fn cmd(s: &str) -> Command {
    Command::parse(s).expect("command")
}

/// Elect a leader among `sim`'s servers, connect client c1 to server 1 and let it set `/`
/// every 20 ms for `ms` (3 servers, 3,000 ms: > 1,500 steps, several checkpoints).
pub fn write_every_20ms(mut sim: Simulation, ms: u64) -> Simulation {
    assert!(sim.run_until(5_000, |s| !s.leaders().is_empty()));
    sim.apply(cmd("connect c1 1")).expect("connect");
    sim.run_for(100);
    for i in 0..ms / 20 {
        sim.apply(cmd(&format!("set c1 / v{i}"))).expect("set");
        sim.run_for(20);
    }
    sim
}

/// Does server slot `server`'s tree hold `path`?
pub fn has(sim: &Simulation, server: usize, path: &str) -> bool {
    sim.view().servers[server]
        .tree
        .iter()
        .any(|(p, _)| p == path)
}
