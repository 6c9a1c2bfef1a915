//! The narrations that say why: what a timer did (a log flush and its ACK, the leader's
//! PINGs, a learner's retry, FLE's back-off with its length), a server's own vote, a refused
//! connection, what a crashed server's disk still holds — asserted on real runs.

use crate::explain::Text;
use crate::sim::script::Script;
use crate::sim::simulation::Simulation;
use crate::sim::view::ViewOptions;
use crate::zxid::Zxid;

fn script(servers: u32, commands: &str) -> Script {
    started(servers, servers, commands)
}

/// `servers` configured, the first `up` started at time 0.
fn started(servers: u32, up: u32, commands: &str) -> Script {
    let mut text = "seed 1\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\n".to_string();
    for i in 1..=servers {
        text.push_str(&format!("server.{i}=zk{i}:2888:3888\n"));
    }
    text.push_str("end\n");
    for i in 1..=up {
        text.push_str(&format!("at 0 start {i}\n"));
    }
    text.push_str(commands);
    Script::parse(&text).expect("script")
}

/// Every step's narration up to `ms`, in English.
fn narrations(sim: &mut Simulation, ms: u64) -> Vec<String> {
    let mut out = Vec::new();
    while sim.kernel().next_time().is_some_and(|t| t.ms() <= ms) {
        sim.step();
        if let Some(t) = sim.last_narration() {
            out.push(t.en());
        }
    }
    out
}

#[test]
fn timers_say_what_they_did() {
    let mut sim =
        Simulation::from_script(&script(3, "at 1000 connect c1 1\nat 1100 create c1 /a x\n"))
            .expect("sim");
    let texts = narrations(&mut sim, 3_000);
    assert!(
        !texts.iter().any(|t| t.ends_with("'s timer fires")),
        "no bare timer: {:?}",
        texts
            .iter()
            .filter(|t| t.contains("timer"))
            .collect::<Vec<_>>()
    );
    // A follower's log flush: the txn is on disk, the ACK goes out.
    assert!(texts.iter().any(|t| t.starts_with("server 1 has written 0x100000001 to its txn log on disk (the flush is done) and sends its ACK to leader 3")), "{texts:?}");
    // The leader's half tick.
    assert!(texts.iter().any(|t| t == "leader 3 PINGs its 2 learners, as every half tick (1000 ms): one silent for syncLimit ticks no longer counts toward its quorum"));
    // A server's own vote is called its own.
    assert!(texts.iter().any(|t| t == "server 1 counts its own vote for 1 (FLE sends every vote to its sender too); 1 of quorum 2 agree"));
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("server 1 receives 1's vote"))
    );
    // A follower that connected before 3 led is refused and retries.
    assert!(
        texts
            .iter()
            .any(|t| t.contains("refuses") && t.contains("tries again in 100 ms (try 2 of 5)")),
        "{:?}",
        texts
            .iter()
            .filter(|t| t.contains("closed") || t.contains("refuses"))
            .collect::<Vec<_>>()
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("connects to leader 3 again (FOLLOWERINFO, try 2 of 5)"))
    );
}

/// A lone server cannot gather a quorum: each silent wait doubles, 200 ms → … → 60 s
/// (`FastLeaderElection`: finalizeWait, maxNotificationInterval), and the narration says so.
#[test]
fn the_fle_back_off_is_explained_with_its_length() {
    let mut sim = Simulation::from_script(&started(3, 1, "")).expect("sim");
    let texts = narrations(&mut sim, 200_000);
    let backoff: Vec<&String> = texts
        .iter()
        .filter(|t| t.starts_with("no quorum agrees"))
        .collect();
    assert_eq!(
        backoff.first().map(|s| s.as_str()),
        Some(
            "no quorum agrees (1 of quorum 2 for 1) and server 1 heard no new vote in 200 ms: it sends its vote again and waits 400 ms before the next round — each silent wait doubles, up to 60 s (maxNotificationInterval)"
        )
    );
    assert!(
        backoff.iter().any(|t| t.contains("waits 60000 ms")),
        "{backoff:?}"
    );
}

#[test]
fn a_crash_says_what_the_disk_keeps_and_the_view_keeps_its_last_commit() {
    let mut sim = Simulation::from_script(&script(
        3,
        "at 1000 connect c1 3\nat 1100 create c1 /a x\nat 2000 crash 1\n",
    ))
    .expect("sim");
    let texts = narrations(&mut sim, 2_500);
    assert!(texts.iter().any(|t| t == "command: crash 1 — kill -9: server 1's memory and connections are gone; its disk still holds its log up to 0x100000002 and current epoch 1"), "{:?}", texts.iter().filter(|t| t.contains("crash")).collect::<Vec<_>>());
    let v = sim.view_with(ViewOptions::compact());
    let s1 = v.server(1).expect("server 1");
    assert_eq!(s1.process, "crashed");
    assert_eq!(s1.last_committed, Zxid(0x1_0000_0002), "not 0x0");
    assert_eq!(
        Text::new("step.timer.flush").arg("sid", 1).en(),
        "server 1 has written ? to its txn log on disk (the flush is done) and sends its ACK to leader ?"
    );
}
