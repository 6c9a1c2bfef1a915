//! The view crosses into JavaScript (`window.zabscope.view()`) as a plain object: it must
//! serialise in every state, and every number in it must be a safe JS integer (|n| ≤ 2^53 − 1),
//! or the page's json-compatible bridge refuses the whole view. Session ids and zxids are
//! 64-bit: they travel as hex strings (and zxid objects). Checked here with every recipe
//! running on client library processes, mid-election and settled.

use serde_json::Value;
use std::collections::BTreeSet;
use zabscope_core::{Script, Simulation};

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: u64 = (1 << 53) - 1;

/// Every number that is not a safe JS integer, with its JSON path.
fn unsafe_numbers(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Number(n) => {
            let safe = n.as_u64().map(|u| u <= MAX_SAFE).or_else(|| {
                n.as_i64()
                    .map(|i| i.unsigned_abs() <= MAX_SAFE)
                    .or(Some(false))
            });
            if safe != Some(true) {
                out.push(format!("{path} = {n}"));
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                unsafe_numbers(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                unsafe_numbers(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

const RECIPES: &str = "seed 3
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
at 1000 client L1 connect 1,2,3 timeout 10000
at 1000 client L2 connect 1,2,3 timeout 10000
at 1000 client L3 connect 1,2,3 timeout 10000
at 1400 create L3 /locks x
at 1500 recipe L1 lock /locks/x
at 1500 recipe L2 lock /locks/x
at 1500 recipe L1 lock /locks/f fair
at 1500 recipe L2 lock /locks/f fair
at 1500 recipe L1 rwlock /locks/rw read
at 1500 recipe L2 rwlock /locks/rw write
at 1500 recipe L1 election /election
at 1500 recipe L2 election /election
at 1500 recipe L1 barrier /barrier 2
at 1500 recipe L2 barrier /barrier 2
at 1500 recipe L1 queue /queue put job-1
at 1500 recipe L3 queue /queue take
at 1500 recipe L3 config /config
at 1500 recipe L1 group /group
at 1500 recipe L3 group /group
at 2500 release L1 /locks/x
until 4000
";

fn check(sim: &Simulation, when: &str, kinds: &mut BTreeSet<String>) {
    let view = sim.view();
    let json = serde_json::to_value(&view)
        .unwrap_or_else(|e| panic!("the view at {when} does not serialise: {e}"));
    let mut bad = Vec::new();
    unsafe_numbers(&json, "view", &mut bad);
    assert!(
        bad.is_empty(),
        "numbers a JS number cannot hold at {when}: {bad:?}"
    );
    kinds.extend(
        view.zk_clients
            .iter()
            .flat_map(|c| c.recipes.iter().map(|r| r.kind.clone())),
    );
}

#[test]
fn the_view_serialises_with_every_recipe_running() {
    let script = Script::parse(RECIPES).expect("script");
    let mut sim = Simulation::from_script(&script).expect("sim");
    let mut kinds = BTreeSet::new();
    // Mid-election (votes in flight), then every 250 ms through the recipes.
    sim.run_for(20);
    check(&sim, "20 ms", &mut kinds);
    for t in (250..=4_000).step_by(250) {
        sim.run_for(250);
        check(&sim, &format!("{t} ms"), &mut kinds);
    }
    for k in [
        "lock",
        "fair-lock",
        "read-lock",
        "write-lock",
        "election",
        "barrier",
        "queue-put",
        "queue-take",
        "config",
        "group",
    ] {
        assert!(kinds.contains(k), "recipe {k} ran: {kinds:?}");
    }
    let json = serde_json::to_value(sim.view()).expect("serialises");
    let session = &json["zkClients"][0]["session"];
    assert!(
        session.as_str().is_some_and(|s| s.starts_with("0x")),
        "a session id is a hex string: {session}"
    );
    assert!(
        json["zkClients"][0]["lastZxid"]["hex"].is_string(),
        "lastZxid is a zxid object"
    );
}
