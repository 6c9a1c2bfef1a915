use zabscope_core::*;

#[test]
fn three_servers_elect_three() {
    let mut sim = Simulation::with_servers(3, 1).unwrap();
    let ok = sim.run_until(5000, |s| !s.view().leaders().is_empty());
    for e in sim.trace().iter().take(400) {
        println!("{e}");
    }
    assert!(ok);
    assert_eq!(sim.view().leaders(), vec![3]);
    sim.run_for(3000);
    let v = sim.view();
    for s in &v.servers {
        println!(
            "{} {:?} {:?} {:?} ep={} ",
            s.myid, s.state, s.phase, s.leader, s.current_epoch
        );
    }
}
