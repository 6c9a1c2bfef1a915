//! `window.zabscope.bench({servers, clients, mode, steps, repeat})`: the benchmark workload of
//! `zabscope bench` (`zabscope_core::tools::bench::Workload`) run in this wasm module, timed with
//! `performance.now()`, so `scripts/bench.sh` prints the browser's figure beside the native one.
//! It runs beside the page's own simulation and leaves it untouched.

use serde_json::json;
use wasm_bindgen::JsValue;
use zabscope_core::tools::bench::{self, Mode, Workload};

/// `performance.now()` in ms (0 where there is no window, e.g. a worker without one).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn field(arg: &JsValue, name: &str, default: f64) -> f64 {
    js_sys::Reflect::get(arg, &name.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(default)
}

/// Set up, warm up, then time `steps` steps `repeat` times (default 3) and keep the fastest
/// (`zabscope_core::tools::bench::measure`); the result is the same record `zabscope bench` prints
/// (runtime `"wasm"`), or `{error}`.
pub fn run(arg: &JsValue) -> serde_json::Value {
    let servers = field(arg, "servers", 5.0).clamp(1.0, 1000.0) as u32;
    let clients = field(arg, "clients", f64::from(servers)).clamp(1.0, 1000.0) as u32;
    let steps = field(arg, "steps", 200_000.0).clamp(1_000.0, 10_000_000.0) as u64;
    let repeat = field(arg, "repeat", 3.0).clamp(1.0, 20.0) as u32;
    let mode = js_sys::Reflect::get(arg, &"mode".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "trace-off".into());
    let run = || -> Result<bench::Report, String> {
        let w = Workload::new(servers, clients, Mode::parse(&mode)?)?;
        Ok(bench::measure("wasm", w, steps, repeat, |run| {
            let start = now_ms();
            run();
            (now_ms() - start) / 1e3
        }))
    };
    match run() {
        Ok(r) => serde_json::to_value(r).unwrap_or_default(),
        Err(e) => json!({ "error": e }),
    }
}
