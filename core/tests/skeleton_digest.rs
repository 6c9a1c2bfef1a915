//! The same seed gives the same run natively and in wasm: this file runs as a plain `#[test]`
//! on the host and as a `wasm_bindgen_test` in Chromium and Firefox, asserting one constant.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

use zabscope_core::Simulation;

/// Which server stepped at each of 40 steps of seed 42, as digits.
fn run_digits() -> String {
    let mut sim = Simulation::new(5, 42).expect("valid size");
    (0..40)
        .map(|_| char::from(b'0' + sim.step() as u8))
        .collect()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn seed_42_steps_identically_everywhere() {
    assert_eq!(run_digits(), EXPECTED);
}

const EXPECTED: &str = "3154341233145531413352323352252522235235";
