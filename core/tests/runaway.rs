//! Runaway and bad input through the api (docs/parser-fuzzing.md, "runaway guards"): each case
//! found now ends in a clear error line and the session goes on.

use serde_json::Value;
use zabscope_core::sim::api_backend::ZabBackend;
use zabscope_core::tools::api::Api;
use zabscope_core::zk::standalone::{ServerConfig, StandaloneServer};

const CFG: &str = "tickTime=2000\\ninitLimit=10\\nsyncLimit=5\\nserver.1=zk1:2888:3888\\nserver.2=zk2:2888:3888\\nserver.3=zk3:2888:3888";

fn api() -> Api<ZabBackend> {
    Api::new(ZabBackend::new(StandaloneServer::new(
        ServerConfig::default(),
    )))
}

fn call(a: &mut Api<ZabBackend>, line: &str) -> Value {
    serde_json::from_str(&a.handle_line(line)).expect("one JSON line")
}

fn error_of(v: &Value) -> String {
    assert_eq!(v["ok"], false, "{v}");
    assert_eq!(v["rc"], "BadRequest", "{v}");
    v["error"].as_str().expect("error text").to_string()
}

/// Three servers started and a leader elected.
fn ensemble() -> Api<ZabBackend> {
    let mut a = api();
    let boot = [
        format!(r#"{{"op":"ensemble","config":"{CFG}","seed":1}}"#),
        r#"{"op":"start","server":1}"#.into(),
        r#"{"op":"start","server":2}"#.into(),
        r#"{"op":"start","server":3}"#.into(),
        r#"{"op":"runUntil","leader":true,"max_ms":60000}"#.into(),
    ];
    for l in boot {
        assert_eq!(call(&mut a, &l)["ok"], true, "{l}");
    }
    a
}

/// `run` of i64::MAX ms twice then 1 ms looped forever in the standalone server's time
/// arithmetic; now a run spans at most 24 h and time saturates.
#[test]
fn huge_runs_are_refused_and_time_never_spins() {
    let mut a = api();
    for _ in 0..2 {
        let e = error_of(&call(&mut a, r#"{"op":"run","ms":9223372036854775807}"#));
        assert!(e.contains("86400000") && e.contains("24 h"), "{e}");
    }
    let r = call(&mut a, r#"{"op":"run","ms":1}"#);
    assert_eq!(
        (r["ok"].clone(), r["now_ms"].clone()),
        (true.into(), 1.into())
    );
    let r = call(&mut a, r#"{"op":"run","ms":86400000}"#);
    assert_eq!(r["now_ms"], 86_400_001);
    let e = error_of(&call(&mut a, r#"{"op":"run","ms":-5}"#));
    assert!(e.contains("≥ 0"), "{e}");
}

#[test]
fn invalid_utf8_lines_answer_an_error_and_the_session_goes_on() {
    let mut a = api();
    let v: Value = serde_json::from_str(&a.handle_bytes(b"{\"op\":\"run\",\"ms\":\xff1}")).unwrap();
    let e = error_of(&v);
    assert!(e.contains("UTF-8") && e.contains("0xff"), "{e}");
    let r = call(&mut a, r#"{"client":"c1","op":"exists","path":"/"}"#);
    assert_eq!(r["ok"], true, "{r}");
}

/// Server ids 2^32 and −1 were reported as "no server.0".
#[test]
fn out_of_range_server_ids_are_named() {
    let mut a = ensemble();
    for bad in ["4294967296", "-1", "0", "256", "18446744073709551615"] {
        for line in [
            format!(r#"{{"op":"crash","server":{bad}}}"#),
            format!(r#"{{"client":"x","op":"connect","server":{bad}}}"#),
            format!(r#"{{"op":"4lw","word":"ruok","server":{bad}}}"#),
            format!(r#"{{"op":"partition","groups":[[1,{bad}],[2]]}}"#),
        ] {
            let e = error_of(&call(&mut a, &line));
            assert!(e.contains(bad) && e.contains("out of range"), "{line}: {e}");
        }
    }
    let e = error_of(&call(&mut a, r#"{"op":"crash","server":7}"#));
    assert!(e.contains("no server.7"), "{e}");
}

/// `tickTime=1` made the half-tick timer 0 ms (16.7 M steps at one instant).
#[test]
fn tick_time_one_is_a_config_error() {
    let mut a = api();
    let cfg = CFG.replace("tickTime=2000", "tickTime=1");
    let e = error_of(&call(
        &mut a,
        &format!(r#"{{"op":"ensemble","config":"{cfg}"}}"#),
    ));
    assert!(e.contains("tickTime") && e.contains("at least 2"), "{e}");
}

/// An ensemble `run` / `runUntil` spans at most 24 h; beyond it a clear error.
#[test]
fn ensemble_spans_are_capped() {
    let mut a = ensemble();
    let e = error_of(&call(&mut a, r#"{"op":"run","ms":1000000000000000}"#));
    assert!(e.contains("24 h"), "{e}");
    let e = error_of(&call(
        &mut a,
        r#"{"op":"runUntil","leader":false,"max_ms":1000000000000000}"#,
    ));
    assert!(e.contains("24 h"), "{e}");
    let e = error_of(&call(&mut a, r#"{"op":"runUntil","max_ms":-1}"#));
    assert!(e.contains("≥ 0"), "{e}");
    assert_eq!(call(&mut a, r#"{"op":"run","ms":1000}"#)["ok"], true);
}

/// jute.maxbuffer holds on an ensemble as in standalone: a 1,048,575-byte create is
/// ConnectionLoss for the client, whose session lives on; 1 MiB − 100 bytes is fine.
#[test]
fn ensemble_enforces_jute_maxbuffer_like_standalone() {
    let lines = [
        r#"{"client":"c1","op":"create","path":"/big","data_len":1048575}"#,
        r#"{"client":"c1","op":"setData","path":"/","data_len":2097152}"#,
        r#"{"client":"c1","op":"create","path":"/ok","data_len":1048475}"#,
        r#"{"client":"c1","op":"exists","path":"/big"}"#,
    ];
    let mut standalone = api();
    let mut zab = ensemble();
    for l in lines {
        let (s, z) = (call(&mut standalone, l), call(&mut zab, l));
        assert_eq!(s["rc"], z["rc"], "{l}: standalone {s} vs ensemble {z}");
    }
    let z = call(&mut zab, lines[0]);
    assert_eq!(z["rc"], "ConnectionLoss", "{z}");
    let z = call(&mut zab, r#"{"client":"c1","op":"getData","path":"/ok"}"#);
    assert_eq!(z["ok"], true, "the session lives on: {z}");
}
