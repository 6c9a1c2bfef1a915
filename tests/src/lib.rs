//! Cross-crate tests live in `tests/tests/`: scenario goldens and the simulation fuzzer.
//! This library holds what they share: loading a scenario script and asking a run questions.

use zabscope_core::sim::client::ClientResult;
use zabscope_core::sim::trace::{Event, EventKind};
use zabscope_core::zab::proto::ServerState;
use zabscope_core::{Script, ServerId, Simulation};

/// The text of `tests/scenarios/NAME`.
#[must_use]
pub fn scenario_text(name: &str) -> String {
    let path = format!("{}/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A scenario, parsed.
#[must_use]
pub fn script(name: &str) -> Script {
    Script::parse(&scenario_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A simulation of the script with invariants checked after every step.
#[must_use]
pub fn start(script: &Script) -> Simulation {
    let mut sim = Simulation::from_script(script).expect("valid config");
    sim.check_invariants(true);
    sim
}

/// Run until simulated time `ms` (every agenda item due by then), asserting no invariant broke.
pub fn run_to(sim: &mut Simulation, ms: u64) {
    let now = sim.now().ms();
    if ms > now {
        sim.run_for(ms - now);
    }
    assert!(sim.violations().is_empty(), "{:?}", sim.violations());
}

/// Run a whole scenario to its `until`.
#[must_use]
pub fn run(name: &str) -> Simulation {
    let s = script(name);
    let mut sim = start(&s);
    run_to(&mut sim, s.until_ms);
    sim
}

/// The established leaders (LEADING and broadcasting) among running (not paused) servers.
#[must_use]
pub fn leaders(sim: &Simulation) -> Vec<u32> {
    let v = sim.view();
    v.leaders()
        .into_iter()
        .filter(|id| {
            v.servers
                .iter()
                .any(|s| s.myid == *id && s.status == zabscope_core::sim::kernel::Status::Up)
        })
        .collect()
}

/// The state of server `id` (`None` when not running).
#[must_use]
pub fn state(sim: &Simulation, id: u32) -> Option<ServerState> {
    sim.view()
        .servers
        .iter()
        .find(|s| s.myid == id)
        .and_then(|s| s.state)
}

/// The results of a client's requests so far.
#[must_use]
pub fn results(sim: &Simulation, client: &str) -> Vec<ClientResult> {
    sim.kernel()
        .clients
        .iter()
        .find(|c| c.name == client)
        .map(|c| c.results.iter().cloned().collect())
        .unwrap_or_default()
}

/// Whether a client's request `cxid` was answered OK, and when (ms).
#[must_use]
pub fn ok_at(sim: &Simulation, client: &str, cxid: i32) -> Option<u64> {
    results(sim, client)
        .into_iter()
        .find(|r| {
            r.cxid == cxid
                && r.response
                    .as_ref()
                    .is_some_and(|r| r.code == zabscope_core::Code::Ok)
        })
        .map(|r| r.answered.ms())
}

/// The events matching `f`.
pub fn events<'a>(
    sim: &'a Simulation,
    f: impl Fn(&Event) -> bool + 'a,
) -> impl Iterator<Item = &'a Event> + 'a {
    sim.trace().iter().filter(move |e| f(e))
}

/// The sync choices the leader made for `learner` (DIFF / TRUNC / SNAP / TRUNC+DIFF).
#[must_use]
pub fn sync_kinds(sim: &Simulation, learner: u32) -> Vec<&'static str> {
    events(sim, |_| true)
        .filter_map(|e| match e.kind {
            EventKind::Sync {
                learner: l, kind, ..
            } if l == ServerId(learner) => Some(kind.name()),
            _ => None,
        })
        .collect()
}

/// Does server `id`'s tree hold `path` with `data`?
#[must_use]
pub fn has_node(sim: &Simulation, id: u32, path: &str, data: &str) -> bool {
    sim.view()
        .servers
        .iter()
        .any(|s| s.myid == id && s.tree.iter().any(|(p, d)| p == path && d == data))
}

/// Does server `id`'s tree hold `path` at all?
#[must_use]
pub fn has_path(sim: &Simulation, id: u32, path: &str) -> bool {
    sim.view()
        .servers
        .iter()
        .any(|s| s.myid == id && s.tree.iter().any(|(p, _)| p == path))
}

/// A client op issued now and retried at once whenever it fails with ConnectionLoss or times
/// out (what an application on the ZooKeeper client does), until it succeeds or `max_ms`
/// passes. Returns the simulated time (ms) of the successful reply.
pub fn until_ok(sim: &mut Simulation, client: &str, op: &str, max_ms: u64) -> Option<u64> {
    let end = sim.now().ms() + max_ms;
    while sim.now().ms() < end {
        let before = results(sim, client).len();
        let cmd = zabscope_core::Command::parse(op).expect("op");
        sim.apply(cmd).expect("apply");
        let name = client.to_string();
        sim.run_until(end - sim.now().ms(), |s| results(s, &name).len() > before);
        assert!(sim.violations().is_empty(), "{:?}", sim.violations());
        let last = results(sim, client).pop()?;
        if last
            .response
            .as_ref()
            .is_some_and(|r| r.code == zabscope_core::Code::Ok)
        {
            return Some(last.answered.ms());
        }
    }
    None
}
