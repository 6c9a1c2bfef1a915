//! An established leader's lastProcessedZxid is its epoch's zxid (`Leader.startZkServer`:
//! "starting up and setting last processed zxid: 0x100000000") until a txn follows. On a real
//! ZooKeeper 3.8.0 ensemble a server that joins after that, at zxid 0x0, is told
//! `Synchronizing with Learner sid: 3 maxCommittedLog=0x0 minCommittedLog=0x0
//! lastProcessedZxid=0x100000000 peerLastZxid=0x0`, `Unable to find proposals from txnlog for
//! zxid: 0x0`, then `Sending snapshot`: a SNAP, where one that synced before gets an empty DIFF.

use zabscope_core::explain::Lang;
use zabscope_core::sim::trace::EventKind;
use zabscope_core::*;

fn syncs(sim: &Simulation) -> Vec<(u32, String, String)> {
    (sim.trace().iter())
        .filter_map(|e| match &e.kind {
            EventKind::Sync {
                learner, kind, why, ..
            } => {
                let leader = e.from.unwrap();
                let text = why.text(leader, *learner, *kind).render(Lang::En);
                Some((learner.0, kind.to_string(), text))
            }
            _ => None,
        })
        .collect()
}

fn late_joiner(write_first: bool) -> Simulation {
    let text = "seed 1\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\n\
        server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\nend\n\
        at 0 start 1\nat 0 start 2\n";
    let script = Script::parse(text).unwrap();
    let mut sim = Simulation::from_script(&script).unwrap();
    assert!(sim.run_until(5_000, |s| s.view().leaders() == vec![2]));
    sim.run_for(500);
    if write_first {
        sim.apply(Command::parse("connect c1 2").unwrap()).unwrap();
        sim.run_for(200);
        sim.apply(Command::parse("create c1 /a x").unwrap())
            .unwrap();
        sim.run_for(200);
    }
    sim.apply(Command::parse("start 3").unwrap()).unwrap();
    sim.run_for(2_000);
    sim
}

#[test]
fn a_server_joining_after_the_epoch_is_established_gets_a_snap() {
    let sim = late_joiner(false);
    let s = syncs(&sim);
    assert_eq!(s[0].0, 1);
    assert_eq!(s[0].1, "DIFF", "server 1 synced before: an empty DIFF");
    let (learner, kind, why) = s.last().unwrap();
    assert_eq!((*learner, kind.as_str()), (3, "SNAP"), "{s:?}");
    assert!(why.contains("0x100000000"), "{why}");
    assert!(why.contains("established epoch 1"), "{why}");
    // The leader reports the mark as its zxid, as `srvr` does.
    let leader = &sim.view().servers[1];
    assert_eq!(leader.last_processed.to_string(), "0x100000000");
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}

#[test]
fn after_a_write_the_late_joiner_still_gets_a_snap_but_not_for_the_mark() {
    let sim = late_joiner(true);
    let (learner, kind, why) = syncs(&sim).pop().unwrap();
    assert_eq!((learner, kind.as_str()), (3, "SNAP"));
    // The txn log starts after 0x0 ("Unable to find proposals from txnlog"): the general rule.
    assert!(!why.contains("established epoch"), "{why}");
    assert!(why.contains("txn log"), "{why}");
}
