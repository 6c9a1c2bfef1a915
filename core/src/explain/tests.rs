//! The explanations, asserted on real runs: keys and the rendered English.

use crate::explain::texts_en::TEXTS;
use crate::explain::{SyncWhy, Text};
use crate::sim::script::Script;
use crate::sim::simulation::Simulation;
use crate::sim::view::{ClusterView, EntryStatus, ViewOptions};
use crate::zxid::Zxid;

fn script(seed: u64, servers: u32, commands: &str) -> Script {
    let mut text = format!("seed {seed}\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\n");
    for i in 1..=servers {
        text.push_str(&format!("server.{i}=zk{i}:2888:3888\n"));
    }
    text.push_str("end\n");
    for i in 1..=servers {
        text.push_str(&format!("at 0 start {i}\n"));
    }
    text.push_str(commands);
    Script::parse(&text).expect("script")
}

/// Step to `ms`, collecting every step's narration and vote change.
fn run(sim: &mut Simulation, ms: u64, seen: &mut Vec<ClusterView>) {
    while sim.kernel().next_time().is_some_and(|t| t.ms() <= ms) {
        sim.step();
        seen.push(sim.view_with(ViewOptions::compact()));
    }
}

#[test]
fn every_text_key_is_unique_and_every_placeholder_closes() {
    for (i, (k, t)) in TEXTS.iter().enumerate() {
        assert!(!TEXTS[..i].iter().any(|(x, _)| x == k), "duplicate {k}");
        assert_eq!(t.matches('{').count(), t.matches('}').count(), "{k}");
    }
    // Unknown keys and missing arguments never panic.
    assert_eq!(Text::new("no.such").arg("a", 1).en(), "no.such a=1");
    assert_eq!(Text::new("step.timer").en(), "server ?'s timer fires");
}

/// FastLeaderElection.totalOrderPredicate: in a fresh 3-node ensemble every vote is (epoch 0,
/// zxid 0), so servers adopt the highest sid's vote — "same epoch, same zxid, higher sid".
#[test]
fn fresh_election_explains_adopting_the_higher_sid() {
    let mut sim = Simulation::from_script(&script(1, 3, "")).expect("sim");
    let mut seen = Vec::new();
    run(&mut sim, 3000, &mut seen);
    let adopts: Vec<_> = seen
        .iter()
        .filter_map(|v| v.vote_change.as_ref())
        .filter(|c| c.changed)
        .collect();
    assert!(!adopts.is_empty());
    let c = adopts
        .iter()
        .find(|c| c.server.0 == 2 && c.from.0 == 3)
        .expect("server 2 adopts 3's vote");
    assert_eq!(c.text.key, "vote.adopt.same_epoch_same_zxid_higher_sid");
    assert_eq!(
        c.text.en(),
        "server 2 adopts 3's vote for 3: same epoch, same zxid, higher sid (3 > 2); 1 of quorum 2 agree"
    );
    // That step's narration is the same sentence.
    let v = seen
        .iter()
        .find(|v| v.vote_change.as_ref() == Some(*c))
        .expect("view");
    assert_eq!(v.narration.as_ref(), Some(&c.text));
    // A lower vote arriving later is kept out, with the reason.
    assert!(seen.iter().filter_map(|v| v.vote_change.as_ref()).any(|c| {
        c.text.key == "vote.keep.same_epoch_same_zxid_higher_sid"
            && c.text
                .en()
                .contains("has the same epoch and zxid and a lower sid")
    }));
    // The decisions are narrated.
    let texts: Vec<String> = seen
        .iter()
        .filter_map(|v| v.narration.as_ref().map(Text::en))
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "server 3 won the election: it leads")
    );
    assert!(
        texts
            .iter()
            .any(|t| t == "server 1 ends its election: it follows 3")
    );
    assert!(
        texts
            .iter()
            .any(|t| t == "leader 3 established epoch 1: a quorum acknowledged NEWLEADER")
    );
    // Every step of the run says something, with every placeholder filled.
    for v in &seen {
        let n = v.narration.as_ref().expect("narration");
        assert!(TEXTS.iter().any(|(k, _)| *k == n.key), "{}", n.key);
        assert!(!n.en().contains('?'), "{}", n.en());
    }
}

/// The election table: while LOOKING, the rows are the received votes compared with the
/// proposal, and "n of quorum q agree" counts recvset votes equal to it.
#[test]
fn election_table_counts_agreeing_votes() {
    let mut sim = Simulation::from_script(&script(1, 5, "")).expect("sim");
    let mut seen = Vec::new();
    run(&mut sim, 150, &mut seen);
    let finalizing = seen
        .iter()
        .flat_map(|v| v.servers.iter())
        .filter_map(|s| s.election.as_ref())
        .find(|e| e.finalizing)
        .expect("some server reached a quorum");
    assert_eq!(finalizing.quorum, 3);
    assert!(finalizing.agree >= 3);
    assert_eq!(finalizing.proposal.leader.map(|l| l.0), Some(5));
    let agreeing = finalizing.rows.iter().filter(|r| r.agrees).count() as u32;
    assert!(agreeing >= finalizing.agree);
    for r in &finalizing.rows {
        assert_eq!(r.agrees, r.vote.leader == finalizing.proposal.leader);
    }
}

/// After `partition 4,5|1,2,3` a write through 4 is logged by 4 and 5 only; however
/// they reload it, it is "logged, not committed", and once they rejoin it is truncated.
#[test]
fn minority_write_is_logged_not_committed_then_truncated() {
    let s = script(
        11,
        5,
        "at 1000 connect c1 1 6000\nat 1000 connect c4 4 6000\nat 2000 partition 4,5|1,2,3\nat 2100 create c4 /minority x\nat 20000 heal\n",
    );
    let mut sim = Simulation::from_script(&s).expect("sim");
    sim.check_invariants(true);
    sim.run_for(19_000);
    let v = sim.view();
    let lost = |v: &ClusterView, id: u32| {
        v.server(id)
            .and_then(|s| s.log.iter().find(|e| e.txn.contains("/minority")).cloned())
    };
    for id in [4, 5] {
        let s = v.server(id).expect("server");
        let e = lost(&v, id).expect("the minority write is logged");
        assert_eq!(e.status, EntryStatus::Logged, "server {id}");
        assert!(!e.committed);
        assert!(
            s.last_committed < e.zxid,
            "server {id}: {}",
            s.last_committed
        );
        assert!(s.last_committed >= Zxid::new(1, 1));
    }
    for id in [1, 2, 3] {
        assert!(lost(&v, id).is_none(), "server {id} never saw it");
    }
    sim.run_for(21_000);
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
    let v = sim.view();
    for id in [4, 5] {
        let e = lost(&v, id).expect("kept, struck through");
        assert_eq!(e.status, EntryStatus::Truncated, "server {id}");
        let s = v.server(id).expect("server");
        let sync = s.sync.as_ref().expect("synced");
        assert!(
            matches!(
                sync.why,
                SyncWhy::PeerAhead { .. } | SyncWhy::EpochCrossing { .. }
            ),
            "{:?}",
            sync.why
        );
        assert!(
            s.log
                .iter()
                .filter(|e| e.status != EntryStatus::Truncated)
                .all(|e| e.committed)
        );
    }
}

/// Broadcast: each proposal's ACKs rise to the quorum, then it commits (step and time kept).
#[test]
fn proposals_record_acks_against_the_quorum() {
    let s = script(1, 5, "at 1000 connect c1 1\nat 1200 create c1 /a x\n");
    let mut sim = Simulation::from_script(&s).expect("sim");
    let mut seen = Vec::new();
    run(&mut sim, 1300, &mut seen);
    let v = sim.view();
    let p = v.proposals.last().expect("a proposal");
    assert_eq!(p.leader.0, 5);
    assert_eq!(p.needed, 3);
    let (step, _) = p.committed.expect("committed");
    assert!(p.acks.len() >= 3 && p.acks.contains(&p.leader));
    // Before the commit the leader had fewer than a quorum of ACKs.
    let before = seen
        .iter()
        .find(|v| v.step == step - 1)
        .and_then(|v| v.proposals.iter().find(|x| x.zxid == p.zxid))
        .expect("before");
    assert!(before.acks.len() < 3 && before.committed.is_none());
    let at_commit = seen.iter().find(|v| v.step == step).expect("commit step");
    let n = at_commit.narration.as_ref().expect("narrated");
    assert_eq!(n.key, "step.commit");
    assert_eq!(
        n.en(),
        format!("leader 5 commits {}: 3 of quorum 3 ACKed", p.zxid)
    );
    assert!(
        at_commit
            .markers
            .iter()
            .any(|m| m.kind == crate::explain::MarkerKind::Commit)
    );
}

/// TRUNC: an old leader's uncommitted txn is past the new leader's maxCommittedLog.
#[test]
fn trunc_is_explained_and_the_entry_struck_through() {
    let s = script(
        3,
        3,
        "at 1000 connect c1 1\nat 1000 connect c3 3\nat 1200 create c1 /committed yes\nat 2000 partition 3|1,2\nat 2100 create c3 /lost never\nat 25000 heal\n",
    );
    let mut sim = Simulation::from_script(&s).expect("sim");
    let mut seen = Vec::new();
    run(&mut sim, 40_000, &mut seen);
    let v = sim.view();
    let s3 = v.server(3).expect("server 3");
    let sync = s3.sync.as_ref().expect("synced");
    assert_eq!(sync.kind.name(), "TRUNC");
    let SyncWhy::PeerAhead { peer, max } = sync.why else {
        panic!("{:?}", sync.why)
    };
    assert!(peer > max);
    assert_eq!(
        sync.why.text(sync.leader, sync.learner, sync.kind).en(),
        format!(
            "leader 2 sends 3 TRUNC: its last zxid {peer} is past the leader's last committed {max}"
        )
    );
    let gone = s3
        .log
        .iter()
        .find(|e| e.txn.contains("/lost"))
        .expect("struck through");
    assert_eq!(gone.status, EntryStatus::Truncated);
    assert!(
        seen.iter()
            .filter_map(|v| v.narration.as_ref())
            .any(|n| n.key == "sync.why.peer_ahead")
    );
}

/// The view serialises to the plain object the page hands to JavaScript.
#[test]
fn view_serialises_for_javascript() {
    let s = script(
        1,
        3,
        "at 1000 connect c1 1\nat 1200 create c1 /a x\nat 1300 partition 1|2,3\n",
    );
    let mut sim = Simulation::from_script(&s).expect("sim");
    sim.run_for(1400);
    let j = serde_json::to_value(sim.view_with(ViewOptions::compact())).expect("json");
    let s0 = &j["servers"][0];
    assert_eq!(s0["myid"], 1);
    assert_eq!(s0["process"], "running");
    assert_eq!(s0["lastLogged"]["hex"], "0x100000002");
    assert_eq!(s0["lastLogged"]["epoch"], 1);
    assert_eq!(s0["lastLogged"]["counter"], 2);
    assert!(s0["vote"]["leader"].is_number());
    assert!(s0["log"][0]["status"].is_string());
    assert_eq!(s0["tree"].as_array().map(Vec::len), Some(0));
    assert!(
        j["clients"][0]["session"]
            .as_str()
            .is_some_and(|s| s.starts_with("0x"))
    );
    assert!(j["links"].as_array().is_some_and(|l| !l.is_empty()));
    assert_eq!(j["quorum"], 2);
    assert!(j["narration"]["key"].is_string());
}

/// `zabscope.break=commitWithoutQuorum`: a leader cut off alone commits on its own ACK; the
/// view still says "logged, not committed" — committed means a quorum ACKed.
#[test]
fn a_commit_without_quorum_is_not_shown_as_committed() {
    let mut s = script(
        3,
        3,
        "at 1000 connect c3 3\nat 1200 partition 3|1,2\nat 1300 create c3 /alone x\n",
    );
    s.config.breaks = [crate::check::breaks::Break::CommitWithoutQuorum].into();
    let mut sim = Simulation::from_script(&s).expect("sim");
    sim.run_for(1400);
    let v = sim.view();
    let s3 = v.server(3).expect("server 3");
    let e = s3
        .log
        .iter()
        .find(|e| e.txn.contains("/alone"))
        .expect("logged");
    assert!(e.applied, "the broken leader applied it");
    assert_eq!(e.status, EntryStatus::Logged);
    let p = v
        .proposals
        .iter()
        .find(|p| p.zxid == e.zxid)
        .expect("record");
    assert!(p.committed.is_some() && (p.acks.len() as u32) < p.needed);
}

/// Faults are narrated by key: a leader cut off steps down, dropped messages say why.
#[test]
fn faults_are_narrated_by_key() {
    let s = script(1, 3, "at 1000 partition 3|1,2\n");
    let mut sim = Simulation::from_script(&s).expect("sim");
    sim.run_for(30_000);
    let keys: Vec<&str> = sim.narrations().iter().map(|(_, t)| t.key).collect();
    assert!(keys.contains(&"msg.dropped.partitioned"), "{keys:?}");
    assert!(
        keys.iter().any(|k| k.starts_with("state.gave_up.")),
        "{keys:?}"
    );
    assert!(!keys.contains(&"state.gave_up") && !keys.contains(&"msg.dropped"));
    for (_, t) in sim.narrations() {
        assert!(TEXTS.iter().any(|(k, _)| *k == t.key), "{}", t.key);
        assert!(!t.en().contains('?'), "{}", t.en());
    }
    let kinds: Vec<_> = sim.markers().iter().map(|m| m.kind).collect();
    assert!(kinds.contains(&crate::explain::MarkerKind::Partition));
    assert!(kinds.contains(&crate::explain::MarkerKind::LeaderChange));
}

/// A `Text` keeps its arguments in one string: its JSON, Debug form, `get` and `en` are what
/// the `Vec<(name, String)>` it replaced gave, past the inline arguments too.
#[test]
fn text_arguments_read_back_in_order() {
    let mut t = Text::new("vote.keep");
    let names = [
        "sid", "from", "leader", "epoch_hi", "epoch_lo", "zxid_hi", "zxid_lo", "x",
    ];
    for (i, n) in names.iter().enumerate() {
        t = t.arg(n, format!("v{i}"));
    }
    t = t.arg("empty", "");
    let json = serde_json::to_string(&t).expect("json");
    assert_eq!(
        json,
        r#"{"key":"vote.keep","args":{"sid":"v0","from":"v1","leader":"v2","epoch_hi":"v3","epoch_lo":"v4","zxid_hi":"v5","zxid_lo":"v6","x":"v7","empty":""}}"#
    );
    assert_eq!(t.get("zxid_lo").as_deref(), Some("v6"));
    assert_eq!(t.get("empty").as_deref(), Some(""));
    assert_eq!(t.get("none"), None);
    let short = Text::new("step.commit")
        .arg("leader", 1)
        .arg("zxid", "0x100000001");
    assert_eq!(
        format!("{short:?}"),
        r#"Text { key: "step.commit", args: [("leader", "1"), ("zxid", "0x100000001")] }"#
    );
    assert_eq!(Text::new("no.such.key").arg("a", 1).en(), "no.such.key a=1");
    assert_eq!(short.clone(), short);
    assert_ne!(short, Text::new("step.commit").arg("leader", 1));
}
