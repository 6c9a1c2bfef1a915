//! `window.zabscope.lab({servers, reads, clients, outstanding, observers, leaderServes,
//! warmupMs, windowMs})`: the performance lab's figure 1 (`zabscope_core::tools::lab::Lab`) computed
//! in this wasm module in chunks of about 12 ms between timer callbacks, so the page keeps
//! drawing frames meanwhile. Returns a Promise of `[{servers, reads, opsPerSec, latencyMs:
//! {median, p99}, completed, failed}]` (docs/js-api.md), rejected with `{error}` on bad
//! options. It runs beside the page's own simulation and leaves it untouched.

use gloo_timers::callback::Timeout;
use js_sys::{Array, Function, Promise, Reflect};
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use zabscope_core::tools::lab::{Lab, LabParams};

/// Work per timer callback before yielding to the browser, ms.
const SLICE_MS: f64 = 12.0;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// `name` as a list of whole numbers (a single number is a list of one).
fn list(arg: &JsValue, name: &str) -> Option<Result<Vec<u32>, String>> {
    let v = Reflect::get(arg, &name.into())
        .ok()
        .filter(|v| !v.is_undefined())?;
    let items: Vec<JsValue> = if Array::is_array(&v) {
        Array::from(&v).iter().collect()
    } else {
        vec![v]
    };
    Some(
        items
            .iter()
            .map(|x| match x.as_f64() {
                Some(f) if f >= 0.0 && f.fract() == 0.0 && f <= 1e6 => Ok(f as u32),
                _ => Err(format!("lab: {name} must be whole numbers")),
            })
            .collect(),
    )
}

fn number(arg: &JsValue, name: &str) -> Option<u64> {
    Reflect::get(arg, &name.into())
        .ok()
        .and_then(|v| v.as_f64())
        .map(|f| f.clamp(0.0, 1e9) as u64)
}

/// The lab's parameters from the options object (defaults: the documentation's figure).
fn params(arg: &JsValue) -> Result<LabParams, String> {
    let mut p = LabParams::default();
    if let Some(s) = list(arg, "servers") {
        p.servers = s?;
    }
    if let Some(r) = list(arg, "reads") {
        p.reads = r?;
    }
    let s = &mut p.setup;
    let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    s.clients = number(arg, "clients").map_or(s.clients, small);
    s.outstanding = number(arg, "outstanding").map_or(s.outstanding, small);
    s.observers = number(arg, "observers").map_or(s.observers, small);
    s.leader_serves = Reflect::get(arg, &"leaderServes".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(s.leader_serves);
    p.warmup_ms = number(arg, "warmupMs").unwrap_or(p.warmup_ms);
    p.window_ms = number(arg, "windowMs").unwrap_or(p.window_ms);
    Ok(p)
}

/// As plain JS objects and arrays (not `Map`s), as the rest of `window.zabscope` answers.
fn to_js(v: &serde_json::Value) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(v, &s).unwrap_or(JsValue::NULL)
}

fn error(e: &str) -> JsValue {
    to_js(&json!({ "error": e }))
}

/// Compute until the slice is used up, then continue in a new timer callback.
fn slice(lab: Rc<RefCell<Lab>>, resolve: Function) {
    let start = now_ms();
    loop {
        let progress = lab.borrow_mut().run_for(20_000);
        if progress.finished {
            let points = lab.borrow().points().to_vec();
            let value = serde_json::to_value(points).unwrap_or_default();
            let _ = resolve.call1(&JsValue::NULL, &to_js(&value));
            return;
        }
        if now_ms() - start > SLICE_MS {
            break;
        }
    }
    Timeout::new(0, move || slice(lab, resolve)).forget();
}

/// See the module header.
pub fn run(arg: &JsValue) -> JsValue {
    let lab = params(arg).and_then(Lab::new);
    let promise = Promise::new(&mut |resolve, reject| match &lab {
        Ok(l) => {
            let lab = Rc::new(RefCell::new(l.clone()));
            Timeout::new(0, move || slice(lab, resolve)).forget();
        }
        Err(e) => {
            let _ = reject.call1(&JsValue::NULL, &error(e));
        }
    });
    promise.into()
}
