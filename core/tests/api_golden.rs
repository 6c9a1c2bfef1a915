//! The api script in `fixtures/api-script.jsonl` gives exactly
//! `fixtures/api-script.expected.jsonl`, twice in a row (determinism); `wasm_api.rs` runs
//! the same script in wasm and compares with the same file.

use zabscope_core::tools::api::Api;
use zabscope_core::zk::standalone::{ServerConfig, StandaloneServer};

fn run_script(script: &str) -> String {
    let mut api = Api::new(StandaloneServer::new(ServerConfig::default()));
    let mut out = String::new();
    for line in script.lines() {
        let reply = api.handle_line(line);
        if !reply.is_empty() {
            out.push_str(&reply);
            out.push('\n');
        }
    }
    out
}

#[test]
fn api_script_matches_golden_and_is_deterministic() {
    let script = include_str!("fixtures/api-script.jsonl");
    let expected = include_str!("fixtures/api-script.expected.jsonl");
    let a = run_script(script);
    let b = run_script(script);
    assert_eq!(a, b);
    for (i, (got, want)) in a.lines().zip(expected.lines()).enumerate() {
        assert_eq!(got, want, "line {}", i + 1);
    }
    assert_eq!(a.lines().count(), expected.lines().count());
}
