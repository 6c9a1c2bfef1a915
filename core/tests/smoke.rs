use zabscope_core::*;

fn cmd(s: &str) -> Command {
    Command::parse(s).unwrap()
}

#[test]
fn three_servers_elect_three_and_replicate() {
    let mut sim = Simulation::with_servers(3, 1).unwrap();
    assert!(sim.run_until(5000, |s| !s.view().leaders().is_empty()));
    assert_eq!(sim.view().leaders(), vec![3]);
    sim.apply(cmd("connect c1 1")).unwrap();
    sim.run_for(100);
    sim.apply(cmd("create c1 /a hello")).unwrap();
    sim.run_for(100);
    sim.apply(cmd("get c1 /a")).unwrap();
    sim.run_for(3000);
    for e in sim.trace().iter().filter(|e| e.step > 30) {
        println!("{e}");
    }
    let v = sim.view();
    for s in &v.servers {
        println!(
            "{} {:?} {:?} {:?} ep={} committed={} tree={:?}",
            s.myid,
            s.state,
            s.phase,
            s.leader,
            s.current_epoch,
            s.last_committed,
            s.tree.iter().filter(|(p, _)| p == "/a").collect::<Vec<_>>()
        );
    }
    assert!(
        v.servers
            .iter()
            .all(|s| s.tree.iter().any(|(p, d)| p == "/a" && d == "hello"))
    );
}
