//! The share codecs and branches in a real browser (wasm): a run's link and JSON file round
//! trip to the same digest; garbage, truncated and oversized links are refused with a reason;
//! a fork keeps the old future, and switching to it and back shows the same digests.
//! Run with `wasm-pack test --headless --chrome --mode no-install web` (and `--firefox`).

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;
use zabscope_web::i18n::Lang;
use zabscope_web::share::{codec, file};
use zabscope_web::store::{
    Action, CommandAction, Model, PlaybackAction, ShareAction, Source, run_file,
};

wasm_bindgen_test_configure!(run_in_browser);

fn model() -> Rc<Model> {
    Rc::new(Model::with_lang(false, Lang::En))
}

fn act(m: Rc<Model>, a: impl Into<Action>) -> Rc<Model> {
    m.reduce(a.into())
}

fn digest(m: &Model) -> (u64, u64) {
    let sim = m.shared.sim.borrow();
    (sim.steps(), sim.digest())
}

/// A run with a client, two writes, and a fork at `end - 20`: returns the model, the digest at
/// the old future's end and that end.
fn forked() -> (Rc<Model>, (u64, u64), u64) {
    let mut m = model();
    m = act(m, PlaybackAction::Run(1000));
    m = act(m, CommandAction::Line("connect c1 1".into()));
    m = act(m, CommandAction::Line("create c1 /a one".into()));
    m = act(m, PlaybackAction::Run(300));
    let old = digest(&m);
    m = act(m, PlaybackAction::Seek(old.0 - 20));
    m = act(m, CommandAction::Line("create c1 /b two".into()));
    m = act(m, PlaybackAction::Run(100));
    (m, old, old.0)
}

#[wasm_bindgen_test]
fn a_link_and_a_json_file_round_trip_to_the_same_digest() {
    let (m, _, _) = forked();
    let here = digest(&m);
    let f = run_file(&m.shared);
    assert_eq!(f.branches.len(), 2);
    let link = f.to_fragment();
    assert_eq!(file::from_fragment(&link).unwrap().file, f);
    assert_eq!(file::from_json(&f.to_json()).unwrap().file, f);
    let opened = act(model(), ShareAction::Open(Source::Link, link));
    assert_eq!(digest(&opened), here);
    let imported = act(model(), ShareAction::Open(Source::File, f.to_json()));
    assert_eq!(digest(&imported), here);
    assert_eq!(imported.shared.run.borrow().branches.len(), 2);
}

#[wasm_bindgen_test]
fn garbage_truncated_and_oversized_links_and_files_are_refused() {
    let (m, _, _) = forked();
    let link = run_file(&m.shared).to_fragment();
    assert!(file::from_fragment("run=%%%<script>").is_err());
    assert!(file::from_fragment(&link[..link.len() / 2]).is_err());
    assert!(file::from_fragment(&link[..link.len() - 1]).is_err());
    let big = "A".repeat(10 * 1024 * 1024);
    let e = file::from_fragment(&big).unwrap_err().render_in(Lang::En);
    assert!(e.contains("too large"), "{e}");
    // A declared size past the cap is refused before anything is allocated.
    let mut bomb = vec![b'Z'];
    bomb.extend([0x80, 0x80, 0x80, 0x80, 0x10]);
    let e = file::from_fragment(&codec::base64url(&bomb)).unwrap_err();
    assert!(e.render_in(Lang::En).contains("too large"));
    assert!(file::from_json("{}").is_err());
    assert!(file::from_json("[").is_err());
    let mut v: serde_json::Value = serde_json::from_str(&run_file(&m.shared).to_json()).unwrap();
    v["branches"][0]["step"] = serde_json::json!(1_000_000_000_u64);
    v["branches"][0]["maxStep"] = serde_json::json!(1_000_000_000_u64);
    let json = v.to_string();
    let e = file::from_json(&json).unwrap_err().render_in(Lang::ZhCn);
    assert!(e.contains("500000"), "{e}");
    // The page's run is untouched by a refused link.
    let before = digest(&m);
    let after = act(m, ShareAction::Open(Source::Link, "run=garbage".into()));
    assert_eq!(digest(&after), before);
}

#[wasm_bindgen_test]
fn a_fork_keeps_the_old_future_and_switching_back_and_forth_shows_the_same_digests() {
    let (mut m, old, end) = forked();
    let new = digest(&m);
    m = act(m, ShareAction::SwitchBranch(0));
    assert_eq!(m.shared.run.borrow().current, 0);
    assert_eq!(
        m.playback.max_step, end,
        "the old branch reaches as far as before"
    );
    m = act(m, PlaybackAction::Seek(end));
    assert_eq!(digest(&m), old, "the old future, replayed");
    m = act(m, ShareAction::SwitchBranch(1));
    assert_eq!(digest(&m), new);
    m = act(m, ShareAction::SwitchBranch(0));
    assert_eq!(digest(&m), old, "left at its end, back at its end");
}
