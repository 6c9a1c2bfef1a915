//! The determinism script of `determinism.rs`, run in a browser: its digest must equal the
//! native one (docs/architecture.md). Run with `wasm-pack test --headless --chrome core`.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use zabscope_core::{Script, Simulation};

wasm_bindgen_test_configure!(run_in_browser);

/// Must equal `determinism::DIGEST`.
const DIGEST: u64 = 0xde5c_f548_18f8_fe04;

#[wasm_bindgen_test]
fn digest_matches_native() {
    let script = Script::parse(include_str!("data/determinism.zs")).expect("script");
    let mut sim = Simulation::from_script(&script).expect("config");
    sim.check_invariants(true);
    sim.run_for(script.until_ms);
    assert!(sim.violations().is_empty());
    assert_eq!(sim.digest(), DIGEST);
}
