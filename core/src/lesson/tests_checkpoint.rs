//! Each checkpoint kind computed from a run, with a right and a wrong answer judged, and the
//! errors of a checkpoint the run cannot answer.

use super::*;
use crate::explain::{Lang, Text};

/// One lesson asking every kind (3 servers; server 3 crashes at 3 s and restarts at 20 s).
const KINDS: &str = "\
lesson kinds
group zab
title en Every checkpoint kind
title zh 每种检查点
summary en One of each.
summary zh 每种一个。
script
seed 1
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
end
at 0 start 1
at 0 start 2
at 0 start 3
at 1000 connect c1 1
at 1000 connect c2 2
at 1200 create c1 /a one
at 1400 request c2 {\"GetData\":{\"path\":\"/a\",\"watch\":true}}
at 2000 set c1 /a two
at 3000 crash 3
at 20000 restart 3
until 30000
end script
";

/// `KINDS` with one step asking `ask` at `at`, decided at `decide`.
fn lesson(at: u64, ask: &str, decide: u64) -> Lesson {
    let text = format!(
        "{KINDS}step at {at}\nsay en a\nsay zh 一\nask {ask}\ndecide {decide}\nstep end\nsay en b\nsay zh 二\n"
    );
    Lesson::parse(&text).unwrap()
}

/// The question of `ask`, checked: the answer is `want`, it is a choice and judges right, every
/// other choice judges wrong, and all its texts render in both languages.
fn check(at: u64, ask: &str, decide: u64, want: &str) -> Question {
    let l = lesson(at, ask, decide);
    let q = Checkpoint::compute(&l, 0).unwrap_or_else(|e| panic!("{ask}: {}", e.en()));
    assert_eq!(q.answer, want, "{ask}: {}", q.why.en());
    assert!(q.label(want).is_some(), "{ask}: the answer is a choice");
    let right = q.judge(want);
    assert!(right.right, "{ask}");
    assert_eq!(right.why.key, "lesson.verdict.right");
    let wrong = q
        .choices
        .iter()
        .find(|c| c.id != want)
        .expect("a wrong choice");
    let v = q.judge(&wrong.id);
    assert!(!v.right, "{ask}: {}", wrong.id);
    assert_eq!(v.why.key, "lesson.verdict.wrong");
    assert!(!q.judge("no such choice").right);
    for lang in Lang::ALL {
        for t in [&q.text, &q.why, &right.why, &v.why] {
            let s = t.render(lang);
            // Every placeholder filled (a missing argument renders as a lone '?').
            assert!(
                !s.contains('{') && !s.contains(" ? ") && !s.contains("?)"),
                "{s}"
            );
            assert!(!s.starts_with("lesson."), "{ask}: no template for {s}");
        }
    }
    // The same answer whether the run is replayed or continued from a copy.
    let mut sim = crate::sim::simulation::Simulation::from_script(&l.script).unwrap();
    assert_eq!(Checkpoint::compute_from(&mut sim, &l, 0).unwrap(), q);
    q
}

#[test]
fn leader_is_read_from_the_run_with_the_deciding_vote() {
    let q = check(0, "leader", 1000, "3");
    assert_eq!(q.choices.len(), 4, "three servers and 'no leader'");
    assert_eq!(q.why.key, "lesson.why.leader.vote");
    // Before anyone could have won: no leader yet.
    check(0, "leader", 0, "none");
}

#[test]
fn commit_follows_the_acks_against_the_quorum() {
    let q = check(1000, "commit c1 /a", 1500, "yes");
    assert_eq!(q.why.key, "lesson.why.commit.yes");
    let q = check(15000, "commit c2 /nothing", 16000, "no");
    assert_eq!(q.why.key, "lesson.why.commit.none");
}

#[test]
fn watch_events_are_counted_in_the_window() {
    check(1500, "watch-events", 2500, "1");
    check(2500, "watch-events", 9000, "0");
}

#[test]
fn value_is_the_leaders_data_and_the_choices_include_the_scripts_writes() {
    let q = check(2500, "value /a", 2500, "two");
    let ids: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["(no node)", "one", "two"]);
    check(1000, "value /a", 1100, "(no node)");
}

#[test]
fn zxid_is_epoch_and_counter() {
    let q = check(2500, "zxid", 2500, "0x100000004");
    assert_eq!(q.why.get("counter").as_deref(), Some("4"));
}

#[test]
fn epoch_is_one_more_than_the_highest_accepted() {
    let q = check(3000, "epoch", 15000, "2");
    assert_eq!(q.why.key, "lesson.why.epoch.new");
    let q = check(1000, "epoch", 2000, "1");
    assert_eq!(q.why.key, "lesson.why.epoch.same");
}

#[test]
fn sync_is_the_leaders_choice_with_its_reason() {
    let q = check(15000, "sync 3", 25000, "DIFF");
    assert_eq!(q.why.key, "lesson.why.sync");
    assert_eq!(q.choices.len(), 3);
}

#[test]
fn a_checkpoint_the_run_cannot_answer_is_an_error() {
    let key = |l: &Lesson, i| Checkpoint::compute(l, i).unwrap_err().key;
    // Server 1 never syncs again after 15 s.
    assert_eq!(
        key(&lesson(15000, "sync 1", 25000), 0),
        "lesson.error.no_sync"
    );
    // While server 3 is down and before the others re-elect, no leader has an epoch.
    assert_eq!(
        key(&lesson(3000, "epoch", 3000), 0),
        "lesson.error.no_leader"
    );
    let l = lesson(0, "leader", 1000);
    assert_eq!(key(&l, 1), "lesson.error.no_ask");
    assert_eq!(key(&l, 7), "lesson.error.no_step");
    let _: Text = Checkpoint::compute(&l, 7).unwrap_err();
}

#[test]
fn holder_is_the_recipes_own_role() {
    let text = "\
lesson locks
group recipes
title en Locks
title zh 锁
summary en A lock.
summary zh 一把锁。
script
seed 5
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
end
at 0 start 1
at 0 start 2
at 0 start 3
at 1000 client c1 connect 1,2,3 timeout 4000
at 1000 client c2 connect 1,2,3 timeout 4000
at 1500 create c1 /locks x
at 1600 recipe c1 lock /locks/a fair
at 1700 recipe c2 lock /locks/a fair
at 2000 client c1 cut 1,2,3
until 16000
end script
step at 1600
say en a
say zh 一
ask holder /locks/a
decide 3000
step at 3000
say en a
say zh 一
ask holder /locks/a
decide 12000
step at 12000
say en a
say zh 一
ask holder /nothing
decide 12000
step end
say en b
say zh 二
";
    let l = Lesson::parse(text).unwrap();
    let q = Checkpoint::compute(&l, 0).unwrap();
    assert_eq!(q.answer, "c1", "{}", q.why.en());
    let ids: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2", "(nobody)"]);
    assert_eq!(q.why.key, "lesson.why.holder");
    assert!(q.judge("c1").right && !q.judge("c2").right);
    // c1's session expires while it is cut off: its node goes, c2 acquires.
    let q = Checkpoint::compute(&l, 1).unwrap();
    assert_eq!(q.answer, "c2", "{}", q.why.en());
    assert!(q.judge("c2").right && !q.judge("(nobody)").right);
    assert_eq!(
        Checkpoint::compute(&l, 2).unwrap_err().key,
        "lesson.error.no_recipe"
    );
}
