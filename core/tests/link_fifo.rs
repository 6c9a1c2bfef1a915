//! Every directed link is FIFO (TCP; ZAB relies on it) under any mix of hold / release /
//! pause / resume / partition / crash (fuzz seeds 5407 and 89049: a message that
//! reached a paused server on a held link was parked in its socket buffer and delivered on
//! resume, ahead of older messages still held on the link). Message ids grow with send
//! order, so on each link the delivered ids must grow too.

use std::collections::BTreeMap;
use zabscope_core::check::nemesis;
use zabscope_core::sim::trace::EventKind;
use zabscope_core::{Command, Script, ServerId, Simulation};

/// Runs `sim` to `until_ms`, asserting per-link delivery order; returns the deliveries seen.
fn assert_fifo(sim: &mut Simulation, until_ms: u64) -> usize {
    let mut last: BTreeMap<(ServerId, ServerId), u64> = BTreeMap::new();
    let mut seen = 0;
    while sim.kernel().next_time().is_some_and(|t| t.ms() <= until_ms) {
        for e in sim.step() {
            if let (EventKind::Deliver { msg_id, msg }, Some(from), Some(to)) =
                (&e.kind, e.from, e.to)
            {
                let prev = last.insert((from, to), *msg_id).unwrap_or(0);
                assert!(
                    *msg_id > prev,
                    "step {}: {from}->{to} delivered m{msg_id} ({msg}) after m{prev}",
                    e.step
                );
                seen += 1;
            }
        }
    }
    seen
}

/// Hold a link, pause its receiver, release, resume — and the other orders — while the leader
/// streams proposals: nothing overtakes on the link and no invariant breaks.
#[test]
fn hold_pause_release_resume_keep_links_fifo() {
    let orders = [
        ["hold 3 2", "pause 2", "release 3 2", "resume 2"],
        ["hold 3 2", "pause 2", "resume 2", "release 3 2"],
        ["pause 2", "hold 3 2", "resume 2", "release 3 2"],
        ["pause 2", "hold 3 2", "release 3 2", "resume 2"],
    ];
    for order in orders {
        let mut text = String::from(
            "seed 5407\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\n\
             server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\nend\n\
             at 0 start 3\nat 0 start 2\nat 0 start 1\nat 500 connect c3 3\n",
        );
        let mut t = 1_000;
        for (i, c) in order.iter().enumerate() {
            // A write before each control, so proposals are in flight when it lands.
            text.push_str(&format!("at {t} create c3 /k{i} v{i}\n"));
            text.push_str(&format!("at {} {c}\n", t + 1));
            t += 700;
        }
        text.push_str(&format!("at {t} create c3 /last v\nuntil {}\n", t + 5_000));
        let script = Script::parse(&text).expect("script");
        let mut sim = Simulation::from_script(&script).expect("sim");
        sim.keep_trace(false);
        sim.check_invariants(true);
        assert!(assert_fifo(&mut sim, script.until_ms) > 0);
        assert!(
            sim.violations().is_empty(),
            "{order:?}: {:?}",
            sim.violations()
        );
    }
}

/// The fuzzer's own fault schedules (holds, pauses, partitions, crashes, loss) keep every
/// link FIFO, step by step.
#[test]
fn fuzz_schedules_keep_links_fifo() {
    for seed in 0..40 {
        let script = nemesis::script(seed);
        let mut sim = Simulation::from_script(&script).expect("sim");
        sim.keep_trace(false);
        assert_fifo(&mut sim, nemesis::CHAOS_MS + 5_000);
    }
    // The commands exist in the schedules this test relies on.
    let has = |f: fn(&Command) -> bool| {
        (0..12).any(|s| nemesis::script(s).commands.iter().any(|(_, c)| f(c)))
    };
    assert!(has(|c| matches!(c, Command::Hold { .. })));
    assert!(has(|c| matches!(c, Command::Pause(_))));
}
