//! The client library and recipes (issue 7), driven through commands.

use zabscope_core::trace::EventKind;
use zabscope_core::{Command, Simulation};

fn sim3(seed: u64) -> Simulation {
    let mut sim = Simulation::with_servers(3, seed).unwrap();
    sim.check_invariants(true);
    sim.run_for(1000);
    sim
}

fn apply(sim: &mut Simulation, line: &str) {
    sim.apply(Command::parse(line).unwrap()).unwrap();
}

#[test]
fn explore() {
    let mut sim = sim3(1);
    apply(&mut sim, "client c1 connect 1,2,3 timeout 6000");
    sim.run_for(500);
    apply(&mut sim, "create c1 -e /eph x");
    sim.run_for(500);
    let v = sim.view();
    let c = &v.zk_clients[0];
    println!("{:?}", c);
    let server = c.server;
    apply(&mut sim, &format!("crash {server}"));
    sim.run_for(8000);
    for e in sim.trace().iter().filter(|e| matches!(e.kind, EventKind::ClientState{..} | EventKind::ClientRequest{..} | EventKind::ClientReply{..} | EventKind::Recipe{..} | EventKind::Command(_) | EventKind::Watch{..})) {
        println!("{e}");
    }
    println!("{:?}", sim.view().zk_clients[0]);
    println!("{:?}", sim.view().servers.iter().map(|s| s.tree.clone()).collect::<Vec<_>>());
}
