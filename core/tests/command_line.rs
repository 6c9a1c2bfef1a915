//! The command line refuses what it cannot do, with a message that says why, speaks zkCli's
//! `create` flags, and a typed command takes effect at once.

use zabscope_core::explain::texts_en::TEXTS;
use zabscope_core::sim::trace::EventKind;
use zabscope_core::sim::usage;
use zabscope_core::zk::request::{CreateMode, Request};
use zabscope_core::{Command, ServerId, Simulation};

fn parse_err(line: &str) -> String {
    Command::parse(line).expect_err(line)
}

fn apply(sim: &mut Simulation, line: &str) -> Result<(), String> {
    let c = Command::parse(line)?;
    sim.apply_now(c).map_err(|e| e.0)
}

#[test]
fn extra_or_missing_arguments_are_refused() {
    assert!(parse_err("crash 3 4").contains("too many arguments (usage: crash SERVER)"));
    assert!(parse_err("heal now").contains("too many arguments (usage: heal)"));
    assert!(parse_err("hold 1").contains("missing argument (usage: hold FROM TO)"));
    assert!(parse_err("get c1 /a /b").contains("too many"));
    assert!(parse_err("frobnicate 1").contains("unknown command 'frobnicate'"));
    assert!(parse_err("").contains("empty command"));
}

#[test]
fn ensemble_commands_ignore_case_zkcli_ones_do_not() {
    assert_eq!(Command::parse("CRASH 2"), Ok(Command::Crash(ServerId(2))));
    assert_eq!(Command::parse("Heal"), Ok(Command::Heal));
    assert!(parse_err("CREATE c1 /a").contains("case-sensitive, use 'create'"));
}

#[test]
fn create_speaks_zkcli_flags() {
    let c = Command::parse("create c1 -s /x y").expect("parse");
    let Command::Request { client, request } = &c else {
        panic!("{c:?}")
    };
    assert_eq!(client, "c1");
    assert!(matches!(
        request.as_ref(),
        Request::Create { path, data: Some(d), mode: CreateMode::PersistentSequential, ttl: -1, .. }
            if path == "/x" && d == b"y"
    ));
    assert_eq!(c.to_string(), "create c1 -s /x y");
    for line in [
        "create c1 -e -s /x",
        "create c1 -c /box",
        "create c1 -t 5000 /ttl v",
        "create c1 -e /e v w",
        "create c1 /plain",
    ] {
        let c = Command::parse(line).expect(line);
        assert_eq!(Command::parse(&c.to_string()), Ok(c), "{line}");
    }
    assert!(parse_err("create c1 -c -e /x").contains("Containers cannot be ephemeral"));
    assert!(parse_err("create c1 -e -t 10 /x").contains("TTLs cannot be used with Ephemeral"));
    assert!(parse_err("create c1 -q /x").contains("unknown option -q"));
    assert!(parse_err("create c1 -s").contains("missing path"));
}

#[test]
fn help_lists_every_command_by_key() {
    let text = parse_err("help");
    for c in usage::COMMANDS {
        assert!(text.contains(c.usage), "{}", c.usage);
        assert!(TEXTS.iter().any(|(k, _)| *k == c.help), "{}", c.help);
    }
    assert!(text.contains("kill -9 a server"));
}

#[test]
fn commands_that_cannot_apply_are_refused() {
    let mut sim = Simulation::with_servers(5, 1).expect("sim");
    // Step 0: `start 2` is already due.
    assert!(apply(&mut sim, "start 2").is_err_and(|e| e.contains("already running")));
    sim.run_for(1000);
    assert!(apply(&mut sim, "dropmsg 999999").is_err_and(|e| e == "no message m999999 in flight"));
    assert!(apply(&mut sim, "delaymsg 999999 10").is_err());
    assert!(apply(&mut sim, "start 2").is_err_and(|e| e.contains("use 'restart 2'")));
    assert!(apply(&mut sim, "resume 2").is_err_and(|e| e.contains("not paused")));
    assert!(apply(&mut sim, "partition 1,1|1").is_err_and(|e| e.contains("named twice")));
    assert!(apply(&mut sim, "partition 1,2|2,3").is_err_and(|e| e.contains("named twice")));
    assert!(apply(&mut sim, "partition 1,2,3,4,5").is_err_and(|e| e.contains("cuts nothing")));
    assert!(apply(&mut sim, "block 1,2 2").is_err());
    assert!(apply(&mut sim, "hold 1 1").is_err_and(|e| e.contains("two different servers")));
    assert!(apply(&mut sim, "release 1 2").is_err_and(|e| e.contains("not held")));
    assert!(apply(&mut sim, "crash 9").is_err_and(|e| e.contains("no server.9")));
    apply(&mut sim, "connect c1 1").expect("connect");
    sim.run_for(100);
    assert!(apply(&mut sim, "connect c1 2").is_err_and(|e| e.contains("use 'move c1 N'")));
    apply(&mut sim, "crash 2").expect("crash");
    assert!(apply(&mut sim, "crash 2").is_err_and(|e| e.contains("crashed (use 'restart 2')")));
    assert!(apply(&mut sim, "pause 2").is_err());
    apply(&mut sim, "restart 2").expect("restart");
    apply(&mut sim, "partition 1,2|3,4,5").expect("partition");
    apply(&mut sim, "heal").expect("heal");
    // Refused commands leave no trace in the script.
    let script = sim.script().to_string();
    assert!(!script.contains("999999") && !script.contains("hold"));
}

/// Typed at step 0, `crash 2` shows server 2 crashed at once: the script's pending
/// `start` commands run first, then the crash; server 2 never reaches LOOKING.
#[test]
fn crash_at_step_zero_takes_effect_at_once() {
    let mut sim = Simulation::with_servers(5, 1).expect("sim");
    assert_eq!(sim.kernel().step, 0);
    apply(&mut sim, "crash 2").expect("crash");
    let v = sim.view();
    assert_eq!(v.server(2).map(|s| s.process), Some("crashed"));
    assert!(
        v.servers
            .iter()
            .filter(|s| s.myid != 2)
            .all(|s| s.process == "running")
    );
    let last = sim.trace().last().expect("events").clone();
    assert!(
        sim.trace()
            .iter()
            .any(|e| e.step == last.step && e.kind == EventKind::Command("crash 2".into()))
    );
    // Nothing of server 2 ran between its start and the crash.
    sim.run_for(5000);
    assert!(!sim.trace().iter().any(|e| e.from == Some(ServerId(2))
        && matches!(e.kind, EventKind::Send { .. })
        && e.step > last.step));
    // Replaying to the same step gives the same digest (seek replays the applied command).
    let d = sim.digest();
    let steps = sim.kernel().step;
    sim.seek(1);
    sim.seek(steps);
    assert_eq!(sim.digest(), d);
}

#[test]
fn sequential_create_makes_a_sequential_node() {
    let mut sim = Simulation::with_servers(3, 1).expect("sim");
    sim.run_for(1000);
    apply(&mut sim, "connect c1 1").expect("connect");
    sim.run_for(200);
    apply(&mut sim, "create c1 -s /x y").expect("create");
    sim.run_for(200);
    let v = sim.view();
    assert!(
        v.servers
            .iter()
            .all(|s| s.tree.iter().any(|(p, d)| p == "/x0000000000" && d == "y"))
    );
    assert!(
        !v.servers
            .iter()
            .any(|s| s.tree.iter().any(|(p, _)| p.contains("-s")))
    );
}
