//! The api script of `api_golden.rs`, run in wasm (wasm-bindgen-test): the output must be
//! byte-identical to the native golden file.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use zabscope_core::tools::api::Api;
use zabscope_core::zk::standalone::{ServerConfig, StandaloneServer};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn api_script_in_wasm_matches_native_golden() {
    let script = include_str!("fixtures/api-script.jsonl");
    let expected = include_str!("fixtures/api-script.expected.jsonl");
    let mut api = Api::new(StandaloneServer::new(ServerConfig::default()));
    let mut out = String::new();
    for line in script.lines() {
        let reply = api.handle_line(line);
        if !reply.is_empty() {
            out.push_str(&reply);
            out.push('\n');
        }
    }
    assert_eq!(out, expected);
}
