//! `zabscope api` answers a control op after the command took effect: `pause` then `status` at
//! the same simulated moment says the process is paused, even when other agenda items (a
//! server's notification to itself) were due at that instant before it.

use serde_json::Value;
use zabscope_core::sim::api_backend::ZabBackend;
use zabscope_core::tools::api::Api;
use zabscope_core::zk::standalone::{ServerConfig, StandaloneServer};

const CFG: &str = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=zk1:2888:3888\\nserver.2=zk2:2888:3888\\nserver.3=zk3:2888:3888";

fn ask(a: &mut Api<ZabBackend>, line: &str) -> Value {
    let r: Value = serde_json::from_str(&a.handle_line(line)).expect("json");
    assert_eq!(r["ok"], true, "{line} → {r}");
    r
}

#[test]
fn pause_then_status_at_the_same_moment_says_paused() {
    for (then, want) in [
        ("pause", "paused"),
        ("crash", "crashed"),
        ("stop", "stopped"),
    ] {
        let mut a = Api::new(ZabBackend::new(StandaloneServer::new(
            ServerConfig::default(),
        )));
        ask(
            &mut a,
            &format!(r#"{{"op":"ensemble","config":"{CFG}","seed":1}}"#),
        );
        for s in 1..=3 {
            ask(&mut a, &format!(r#"{{"op":"start","server":{s}}}"#));
        }
        let before = ask(&mut a, r#"{"op":"status"}"#)["now_ms"].clone();
        let r = ask(&mut a, &format!(r#"{{"op":"{then}","server":3}}"#));
        assert_eq!(r["now_ms"], before, "no time passes");
        let st = ask(&mut a, r#"{"op":"status"}"#);
        let s3 = &st["servers"][2];
        assert_eq!(s3["process"], want, "{then}: {st}");
    }
}
