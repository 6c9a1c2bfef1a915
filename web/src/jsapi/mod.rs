//! `window.zabscope`: the page's JS interface, for slides that embed ZabScope and for tests.
//! Every function is a thin layer over the same reducer the buttons use (docs/js-api.md):
//! `command(text)` → `{ok, error}`, `view(opts)`, `step(n)`, `back(n)`, `seek(step)`, `run(ms)`,
//! `digest()`, `script()`, `load(scriptText)` → `{ok, error}`, `link()`, `exportRun()`,
//! `importRun(json)`, `openLink(url)`, `shiviz()`, `branches()`, `switchBranch(i)`,
//! `memory()`, `sequenceSvg()` (the sequence diagram's visible range as an SVG file), and
//! `bench(opts)`
//! (the benchmark workload, `bench.rs`), `lab(opts)` → a Promise of figure 1's points
//! (`lab.rs`); the guided lessons: `lessons()`, `openLesson(id)`, `answer(choiceId)`,
//! `takeOver()`, `backToLesson()` and `view().lesson` (`lessons.rs`).

mod bench;
mod lab;
mod lessons;

use crate::i18n::Lang;
use crate::store::run;
use crate::store::{
    CommandAction, LessonAction, MAX_JS_STEPS, MAX_RUN_MS, Model, PlaybackAction, ShareAction,
    Shared, Source, UiAction,
};
use js_sys::{Function, Object, Reflect};
use serde_json::{Value, json};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;
use zabscope_core::ClusterView;
use zabscope_core::sim::view::ViewOptions;

/// The view as a plain object: the core's serialised `ClusterView` (zxids and session ids
/// as hex strings, as ZooKeeper prints them) plus `leaders` and the violated `invariants`.
#[must_use]
pub fn view_json(v: &ClusterView, violations: &[String]) -> Value {
    let mut out = serde_json::to_value(v).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut out {
        o.insert("leaders".into(), json!(v.leaders()));
        o.insert("invariants".into(), json!(violations));
    }
    out
}

fn to_js(v: &Value) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(v, &s).unwrap_or(JsValue::NULL)
}

fn outcome(shared: &Shared) -> JsValue {
    let r = shared.result.borrow().clone();
    to_js(&json!({ "ok": r.is_ok(), "error": r.err() }))
}

fn current(shared: &Shared, opts: &JsValue) -> JsValue {
    let opts = match view_options(opts) {
        Ok(o) => o,
        Err(e) => return to_js(&json!({ "error": e })),
    };
    let sim = shared.sim.borrow();
    let violations: Vec<String> = sim.violations().iter().map(ToString::to_string).collect();
    let view = sim.view_with(opts);
    let mut out = view_json(&view, &violations);
    add_lang(&mut out, &view);
    if let Value::Object(o) = &mut out {
        o.insert(
            "lesson".into(),
            lessons::view(shared.lesson.borrow().as_deref()),
        );
    }
    to_js(&out)
}

/// What `view()` adds for the page's language (every other field stays as it was, by key or
/// in English): `lang` (`en`, `zh-CN`) and `narrationText`, the step's narration rendered in
/// it (`null` before any).
fn add_lang(out: &mut Value, view: &ClusterView) {
    if let Value::Object(o) = out {
        let l = crate::i18n::lang();
        o.insert("lang".into(), json!(l.code()));
        o.insert(
            "narrationText".into(),
            json!(view.narration.as_ref().map(|t| t.render(l))),
        );
    }
}

/// `setLang(code)`: switch the page's language like the header's switch (`en`, `zh-CN`). A
/// Promise: it resolves to `{ok: true, lang}` once the page shows that language — at once, or
/// when its catalogue has been fetched (`i18n::load`) — and to `{ok: false, error}` when the
/// code is not a language or the catalogue could not be had (the page then stays as it was).
fn set_lang(code: &JsValue, d: &Dispatch) -> JsValue {
    let parsed = code.as_string().as_deref().and_then(Lang::from_code);
    let Some(l) = parsed else {
        let given = code.as_string().unwrap_or_else(|| format!("{code:?}"));
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        let error = to_js(&json!({
            "ok": false,
            "error": format!("setLang(code): '{given}' is not a language; use one of {}", codes.join(", ")),
        }));
        return js_sys::Promise::resolve(&error).into();
    };
    let d = d.clone();
    let act = Callback::from(move |a: UiAction| d.dispatch(a.into()));
    wasm_bindgen_futures::future_to_promise(async move {
        let out = match crate::i18n::load::switch(l, act).await {
            Ok(true) => json!({ "ok": true, "lang": l.code() }),
            // Another language was chosen while this one was on its way: that one stays.
            Ok(false) => json!({ "ok": true, "lang": crate::i18n::lang().code() }),
            Err(e) => json!({
                "ok": false,
                "error": format!("setLang(code): the {} catalogue could not be loaded: {e}", l.code()),
            }),
        };
        Ok(to_js(&out))
    })
    .into()
}

/// `view()` is everything (every data tree, whole logs); `view({logTail, trees})` asks for
/// less: the last `logTail` log entries per server and no trees unless `trees` is true — what
/// a frame needs, at a cost that does not grow with the run (a whole-log view of a 10-minute
/// run is slow and large: docs/figures.md, "The page").
fn view_options(opts: &JsValue) -> Result<ViewOptions, String> {
    if opts.is_undefined() || opts.is_null() {
        return Ok(ViewOptions::FULL);
    }
    if !opts.is_object() {
        return Err("view(opts): opts must be an object like {logTail: 32, trees: false}".into());
    }
    let get = |k: &str| Reflect::get(opts, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let tail = get("logTail");
    let log_tail = if tail.is_undefined() {
        None
    } else {
        match tail.as_f64() {
            Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 => Some(n as usize),
            _ => return Err("view(opts): logTail must be a whole number ≥ 0".into()),
        }
    };
    let trees = get("trees");
    let trees = if trees.is_undefined() {
        false
    } else {
        trees
            .as_bool()
            .ok_or("view(opts): trees must be true or false")?
    };
    Ok(ViewOptions { trees, log_tail })
}

/// A whole-number argument of `name(arg)`: `default` when left out, else a finite whole
/// number in `0..=cap` — anything else (negative, NaN, a fraction, a string, too large) is an
/// error that says what is accepted, so no call silently clamps.
fn whole(v: &JsValue, call: &str, default: Option<u64>, cap: u64) -> Result<u64, String> {
    let expect = || format!("{call} must be a whole number from 0 to {cap}");
    if v.is_undefined() {
        return default.ok_or_else(|| format!("{}: the argument is missing", expect()));
    }
    let Some(n) = v.as_f64() else {
        return Err(format!("{}, not {}", expect(), describe(v)));
    };
    if !n.is_finite() || n < 0.0 || n.fract() != 0.0 || n > cap as f64 {
        return Err(format!("{}, not {n}", expect()));
    }
    Ok(n as u64)
}

/// A JS value for an error message (a 20,000-character string is cut).
fn describe(v: &JsValue) -> String {
    match v.as_string() {
        Some(s) => format!("the string '{}'", crate::store::clip(&s, 40)),
        None if v.is_null() => "null".into(),
        None => v.js_typeof().as_string().unwrap_or_default(),
    }
}

fn error(e: &str) -> JsValue {
    to_js(&json!({ "error": e }))
}

fn step_now(s: &Shared) -> JsValue {
    JsValue::from_f64(s.sim.borrow().steps() as f64)
}

type Dispatch = UseReducerDispatcher<Model>;

/// Put `window.zabscope` in place (once per page; a later mount replaces it).
pub fn install(dispatcher: Dispatch, shared: Rc<Shared>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = Object::new();
    let add = |name: &str, f: fn(JsValue, &Dispatch, &Shared) -> JsValue| {
        let (d, s) = (dispatcher.clone(), shared.clone());
        let c = Closure::<dyn Fn(JsValue) -> JsValue>::new(move |a: JsValue| f(a, &d, &s));
        let _ = Reflect::set(&api, &name.into(), c.as_ref().unchecked_ref::<Function>());
        c.forget();
    };
    add("command", |text, d, s| match text.as_string() {
        Some(t) if t.trim().is_empty() => {
            to_js(&json!({ "ok": false, "error": crate::i18n::t("cmd.empty") }))
        }
        Some(t) => {
            d.dispatch(CommandAction::Line(t).into());
            outcome(s)
        }
        None => to_js(&json!({ "ok": false, "error": "command(text) needs a string" })),
    });
    add("view", |opts, _, s| current(s, &opts));
    add("step", |n, d, s| {
        match whole(&n, "step(n): n", Some(1), MAX_JS_STEPS) {
            Ok(n) => d.dispatch(PlaybackAction::StepN(n).into()),
            Err(e) => return error(&e),
        }
        step_now(s)
    });
    add("back", |n, d, s| {
        let here = s.sim.borrow().steps();
        match whole(&n, "back(n): n", Some(1), here) {
            Ok(n) => d.dispatch(PlaybackAction::Back(n).into()),
            Err(e) => return error(&format!("{e} (the current step)")),
        }
        step_now(s)
    });
    add("seek", |n, d, s| {
        let cap = s.sim.borrow().steps().saturating_add(MAX_JS_STEPS);
        match whole(&n, "seek(step): step", None, cap) {
            Ok(n) => d.dispatch(PlaybackAction::Seek(n).into()),
            Err(e) => {
                return error(&format!(
                    "{e} (at most {MAX_JS_STEPS} steps past the current one per call)"
                ));
            }
        }
        step_now(s)
    });
    add("run", |ms, d, s| {
        match whole(&ms, "run(ms): ms", None, MAX_RUN_MS) {
            Ok(ms) => d.dispatch(PlaybackAction::Run(ms).into()),
            Err(e) => return error(&format!("{e} (simulated ms per call)")),
        }
        JsValue::from_f64(s.sim.borrow().now().ms() as f64)
    });
    add("digest", |_, _, s| {
        JsValue::from_str(&format!("{:016x}", s.sim.borrow().digest()))
    });
    add("script", |_, _, s| {
        let base = s.base.borrow().clone();
        JsValue::from_str(&run::export(&base, &s.sim.borrow()).to_string())
    });
    add("load", |text, d, s| match text.as_string() {
        Some(t) => {
            d.dispatch(CommandAction::Load(t).into());
            outcome(s)
        }
        None => to_js(&json!({ "ok": false, "error": "load(scriptText) needs a string" })),
    });
    add("memory", |_, _, _| {
        let bytes = wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0.0, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| f64::from(b.byte_length()))
            });
        JsValue::from_f64(bytes)
    });
    add("setLang", |code, d, _| set_lang(&code, d));
    add("lang", |_, _, _| {
        JsValue::from_str(crate::i18n::lang().code())
    });
    add("sequenceSvg", |_, _, s| {
        JsValue::from_str(&crate::panels::sequence::svg_of(s))
    });
    add("link", |_, _, s| JsValue::from_str(&crate::store::link(s)));
    add("exportRun", |_, _, s| {
        JsValue::from_str(&crate::store::run_file(s).to_json())
    });
    add("importRun", |text, d, s| match text.as_string() {
        Some(t) => {
            d.dispatch(ShareAction::Open(Source::File, t).into());
            outcome(s)
        }
        None => to_js(&json!({ "ok": false, "error": "importRun(json) needs a string" })),
    });
    add("openLink", |text, d, s| match text.as_string() {
        Some(t) => {
            let f = t.split_once('#').map_or(t.as_str(), |(_, f)| f).to_string();
            d.dispatch(ShareAction::Open(Source::Link, f).into());
            outcome(s)
        }
        None => to_js(&json!({ "ok": false, "error": "openLink(url) needs a string" })),
    });
    add("shiviz", |_, _, s| {
        JsValue::from_str(&crate::share::shiviz::log(s.sim.borrow().trace()))
    });
    add("branches", |_, _, s| {
        let meta = s.run.borrow();
        let list: Vec<Value> = meta
            .branches
            .iter()
            .enumerate()
            .map(|(i, b)| {
                json!({ "index": i, "name": b.name, "at": b.at, "step": b.step,
                        "maxStep": b.max_step, "current": i == meta.current })
            })
            .collect();
        to_js(&Value::Array(list))
    });
    add("switchBranch", |i, d, s| {
        let n = s.run.borrow().branches.len() as u64;
        match whole(&i, "switchBranch(i): i", None, n.saturating_sub(1)) {
            Ok(i) => {
                *s.result.borrow_mut() = Ok(());
                d.dispatch(ShareAction::SwitchBranch(i as usize).into());
                outcome(s)
            }
            Err(e) => to_js(&json!({ "ok": false, "error": e })),
        }
    });
    add("lessons", |_, _, _| lessons::list());
    {
        let (d, s) = (dispatcher.clone(), shared.clone());
        let c = Closure::<dyn Fn(JsValue) -> JsValue>::new(move |id: JsValue| {
            lessons::open(&id, &d, &s)
        });
        let _ = Reflect::set(
            &api,
            &"openLesson".into(),
            c.as_ref().unchecked_ref::<Function>(),
        );
        c.forget();
    }
    add("loadLesson", |text, d, s| match text.as_string() {
        Some(t) => {
            d.dispatch(LessonAction::Open(t).into());
            outcome(s)
        }
        None => to_js(&json!({ "ok": false, "error": "loadLesson(text) needs a string" })),
    });
    add("answer", |c, d, s| lessons::answer(&c, d, s));
    add("takeOver", |_, d, s| {
        lessons::simple(LessonAction::TakeOver, d, s)
    });
    add("backToLesson", |_, d, s| {
        lessons::simple(LessonAction::BackToLesson, d, s)
    });
    add("lessonNext", |_, d, s| {
        lessons::simple(LessonAction::Next, d, s)
    });
    add("lessonPrev", |_, d, s| {
        lessons::simple(LessonAction::Prev, d, s)
    });
    add("lessonGoto", |i, d, s| {
        match whole(&i, "lessonGoto(i): i", None, 10_000) {
            Ok(i) => lessons::simple(LessonAction::Goto(i as usize), d, s),
            Err(e) => error(&e),
        }
    });
    add("closeLesson", |_, d, s| {
        lessons::simple(LessonAction::Close, d, s)
    });
    add("bench", |arg, _, _| to_js(&bench::run(&arg)));
    add("lab", |arg, _, _| lab::run(&arg));
    let _ = Reflect::set(&window, &"zabscope".into(), &api);
}
