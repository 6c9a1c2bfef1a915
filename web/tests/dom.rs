//! Mounts the app in a real browser DOM, clicks its buttons and reads what it rendered.
//! Run with `wasm-pack test --headless --chrome --mode no-install web` (and `--firefox`).

#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, MouseEvent,
    MouseEventInit,
};
use zabscope_web::App;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the page finish rendering: Yew's scheduler may yield to the browser mid-update (after
/// 16 ms of work, with child updates pending), so wait until it has drained, not a fixed time.
async fn settle() {
    TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

/// A fresh `<div>` under `<body>` with the app mounted in it.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // Each test starts from the default run, not the one the previous test left kept.
    zabscope_web::share::browser::forget();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Clicks an element (HTML or SVG) the way a mouse does: a bubbling `click` event.
async fn click(root: &Element, selector: &str) {
    let e = find(root, selector);
    match e.clone().dyn_into::<HtmlElement>() {
        Ok(h) => h.click(),
        Err(_) => {
            let init = MouseEventInit::new();
            init.set_bubbles(true);
            let ev = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
            e.dispatch_event(&ev).unwrap();
        }
    }
    settle().await;
}

async fn key(target: &Element, k: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
}

/// Polls (up to 2 s) until `done` holds: waits for a render, not for a fixed time.
async fn until(done: impl Fn() -> bool) -> bool {
    for _ in 0..200 {
        if done() {
            return true;
        }
        TimeoutFuture::new(10).await;
    }
    done()
}

/// Types `line` into the command box and presses Enter.
async fn command(root: &Element, line: &str) {
    let input: HtmlInputElement = find(root, "#command").dyn_into().unwrap();
    input.set_value(line);
    key(&input, "Enter").await;
}

fn node_state(root: &Element, myid: u32) -> String {
    find(root, &format!(".zs-node[data-myid='{myid}']"))
        .get_attribute("data-state")
        .unwrap_or_default()
}

fn step_count(root: &Element) -> u64 {
    text(root, "#step-count")
        .trim_start_matches("step ")
        .parse()
        .unwrap()
}

#[wasm_bindgen_test]
async fn renders_the_ring_header_and_a_clean_banner() {
    let root = mount().await;
    assert_eq!(root.query_selector_all(".zs-node").unwrap().length(), 5);
    assert_eq!(text(&root, "#step-count"), "step 0");
    assert_eq!(text(&root, "#leader"), "no leader");
    assert_eq!(text(&root, "#quorum"), "quorum 3 of 5");
    assert!(text(&root, "#invariants").contains("all invariants hold"));
    // Ring nodes are keyboard-focusable buttons with a label.
    let node = find(&root, ".zs-node[data-myid='3']");
    assert_eq!(node.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(node.get_attribute("role").as_deref(), Some("button"));
    assert!(
        node.get_attribute("aria-label")
            .unwrap()
            .starts_with("server.3")
    );
}

#[wasm_bindgen_test]
async fn one_second_elects_server_5_with_epoch_1_in_the_header() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    assert_eq!(text(&root, "#leader"), "leader server.5");
    assert_eq!(text(&root, "#epoch"), "epoch 1");
    assert_eq!(node_state(&root, 5), "LEADING");
    for id in 1..=4 {
        assert_eq!(node_state(&root, id), "FOLLOWING");
    }
}

#[wasm_bindgen_test]
async fn clicking_a_server_opens_a_menu_instead_of_crashing_it() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    click(&root, ".zs-node[data-myid='5']").await;
    assert_eq!(
        node_state(&root, 5),
        "LEADING",
        "a click alone breaks nothing"
    );
    assert!(text(&root, "#server-menu").contains("server.5"));
    click(&root, "#server-menu .zs-menu-crash").await;
    assert_eq!(node_state(&root, 5), "CRASHED");
    assert!(root.query_selector("#server-menu").unwrap().is_none());
    click(&root, "#run-1s").await;
    assert_eq!(text(&root, "#leader"), "leader server.4");
    assert_eq!(text(&root, "#epoch"), "epoch 2");
    // Enter on a focused node opens its menu too.
    key(&find(&root, ".zs-node[data-myid='5']"), "Enter").await;
    assert!(text(&root, "#server-menu").contains("server.5"));
}

#[wasm_bindgen_test]
async fn back_returns_to_the_previous_step_and_the_slider_seeks() {
    let root = mount().await;
    for _ in 0..6 {
        click(&root, "#step").await;
    }
    let at = step_count(&root);
    assert!(at >= 6);
    click(&root, "#back").await;
    assert_eq!(step_count(&root), at - 1);
    let slider: HtmlInputElement = find(&root, "#timeline").dyn_into().unwrap();
    assert_eq!(
        slider.max(),
        at.to_string(),
        "the slider spans the furthest step reached"
    );
    click(&root, "#reset").await;
    assert_eq!(step_count(&root), 0);
}

#[wasm_bindgen_test]
async fn the_command_line_refuses_bad_input_with_a_reason() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    command(&root, "CRASH 2").await;
    assert_eq!(
        node_state(&root, 2),
        "CRASHED",
        "command words are case-insensitive"
    );
    command(&root, "frobnicate 7").await;
    assert!(text(&root, "#command-error").contains("unknown command"));
    command(&root, "crash 99").await;
    assert!(text(&root, "#command-error").contains("server.99"));
    command(&root, "help").await;
    assert!(text(&root, ".zs-console-out").contains("partition"));
}

#[wasm_bindgen_test]
async fn a_write_shows_acks_against_the_quorum_then_commit() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    command(&root, "connect c1 1").await;
    command(&root, "create c1 /app hello").await;
    click(&root, "#run-1s").await;
    click(&root, "#tab-broadcast").await;
    let last = find(&root, ".zs-proposal:first-child");
    assert!(last.text_content().unwrap().contains("COMMIT"));
    assert!(last.text_content().unwrap().contains("/3 ACKs"));
    click(&root, "#tab-data").await;
    assert!(text(&root, ".zs-data").contains("/app"));
}

#[wasm_bindgen_test]
async fn hide_pings_filter_and_shortcuts() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    click(&root, "#run-1s").await;
    // PINGs are hidden by default from the trace.
    assert!(!text(&root, "#events").contains("PING"));
    click(&root, "#hide-pings").await;
    click(&root, "#run-1s").await;
    assert!(text(&root, "#events").contains("PING"));
    // → steps, ← goes back (on the document, wherever focus is).
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    // A dispatch from outside Yew's own event handlers renders on Yew's next scheduler run.
    let before = step_count(&root);
    key(&body, "ArrowRight").await;
    assert!(until(|| step_count(&root) == before + 1).await);
    key(&body, "ArrowLeft").await;
    assert!(until(|| step_count(&root) == before).await);
    key(&body, "?").await;
    assert!(until(|| root.query_selector("#shortcuts").unwrap().is_some()).await);
}

#[wasm_bindgen_test]
async fn play_disables_step_and_pause_reenables_it() {
    let root = mount().await;
    click(&root, "#play").await;
    assert!(find(&root, "#step").has_attribute("disabled"));
    click(&root, "#pause").await;
    assert!(!find(&root, "#step").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn no_label_on_the_ring_is_under_14px_at_this_width() {
    // The test page is 1280 wide (webdriver.json); the ring's text scales with the SVG.
    let root = mount().await;
    click(&root, "#run-1s").await;
    let svg: web_sys::SvgGraphicsElement = find(&root, ".zs-ring-svg").dyn_into().unwrap();
    let scale = svg.get_screen_ctm().map_or(1.0, |m| f64::from(m.a()));
    let texts = root.query_selector_all(".zs-ring-svg text").unwrap();
    let window = web_sys::window().unwrap();
    for i in 0..texts.length() {
        let e: Element = texts.item(i).unwrap().dyn_into().unwrap();
        let style = window.get_computed_style(&e).unwrap().unwrap();
        let px: f64 = style
            .get_property_value("font-size")
            .unwrap()
            .trim_end_matches("px")
            .parse()
            .unwrap();
        assert!(
            px * scale >= 14.0,
            "'{}' is drawn at {:.1} px",
            e.text_content().unwrap_or_default(),
            px * scale
        );
    }
}

/// `window.zabscope.<name>(arg)`.
fn js(name: &str, arg: &wasm_bindgen::JsValue) -> wasm_bindgen::JsValue {
    let api = js_sys::Reflect::get(&web_sys::window().unwrap(), &"zabscope".into()).unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&api, &name.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    f.call1(&api, arg).unwrap()
}

fn digest() -> String {
    js("digest", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn back_and_forward_replay_manual_deliveries_and_the_script_loads_to_the_same_digest() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    command(&root, "connect c1 2").await;
    command(&root, "create c1 /a hi").await;
    click(&root, "#manual").await;
    // Deliver the last item offered each time (not the agenda's next): a different order
    // than stepping would take.
    for _ in 0..5 {
        let rows = root.query_selector_all(".zs-enabled .zs-deliver").unwrap();
        let last: HtmlElement = rows.item(rows.length() - 1).unwrap().dyn_into().unwrap();
        last.click();
        settle().await;
    }
    command(&root, "set c1 /a there").await;
    click(&root, "#manual").await;
    click(&root, "#run-1s").await;
    let (at, d) = (step_count(&root), digest());
    for _ in 0..12 {
        click(&root, "#back").await;
    }
    assert_eq!(step_count(&root), at - 12);
    for _ in 0..12 {
        click(&root, "#step").await;
    }
    assert_eq!(step_count(&root), at);
    assert_eq!(digest(), d, "Forward replays the chosen deliveries");
    assert!(text(&root, "#invariants").contains("all invariants hold"));
    // The slider to the start and back to the end.
    js("seek", &0.into());
    js("seek", &(at as f64).into());
    assert_eq!(digest(), d);
    // The session's script, loaded, replays to the same digest.
    let script = js("script", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap();
    assert!(script.contains(" fire "), "{script}");
    let until: f64 = script
        .lines()
        .find_map(|l| l.strip_prefix("until "))
        .unwrap()
        .parse()
        .unwrap();
    let loaded = js("load", &script.clone().into());
    let ok = js_sys::Reflect::get(&loaded, &"ok".into()).unwrap();
    assert_eq!(ok.as_bool(), Some(true), "{script}");
    js("run", &until.into());
    assert_eq!(digest(), d, "{script}");
    let typed = js("script", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap();
    assert_eq!(typed, script, "the replayed run records the same script");
}

/// Types `line` into the open zkCli console and presses Enter.
async fn zk(root: &Element, line: &str) {
    let input: HtmlInputElement = find(root, "#zkcli-input").dyn_into().unwrap();
    input.set_value(line);
    key(&input, "Enter").await;
}

#[wasm_bindgen_test]
async fn a_client_s_zkcli_console_speaks_zkcli() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    command(&root, "connect c1 2").await;
    click(&root, "#run-1s").await;
    click(&root, ".zs-client[data-client='c1']").await;
    assert!(text(&root, "#zkcli h2").contains("c1"));
    zk(&root, "ls /").await;
    assert!(text(&root, ".zs-zkcli-out").contains("[zookeeper]"));
    zk(&root, "get /x").await;
    assert!(text(&root, ".zs-zk-err").contains("Node does not exist: /x"));
    zk(&root, "create /x hi").await;
    assert!(text(&root, ".zs-zkcli-out").contains("Created /x"));
    zk(&root, "get -w /x").await;
    zk(&root, "set /x there").await;
    let out = text(&root, ".zs-zkcli-out");
    assert!(
        out.contains("WATCHER::")
            && out.contains("WatchedEvent state:SyncConnected type:NodeDataChanged path:/x"),
        "{out}"
    );
    zk(&root, "stat /x").await;
    let out = text(&root, ".zs-zkcli-out");
    assert!(
        out.contains("dataVersion = 1") && out.contains("numChildren = 0"),
        "{out}"
    );
    assert!(
        out.contains("[zk: localhost:2181(CONNECTED) "),
        "the prompt: {out}"
    );
    // ↑ brings back the last command.
    let input: HtmlInputElement = find(&root, "#zkcli-input").dyn_into().unwrap();
    key(&input, "ArrowUp").await;
    assert_eq!(input.value(), "stat /x");
    key(&input, "ArrowUp").await;
    assert_eq!(input.value(), "set /x there");
    // Back before the create: the console shows what it had printed by then.
    let lines = root.query_selector_all(".zs-zk-line").unwrap().length();
    for _ in 0..40 {
        click(&root, "#back").await;
    }
    assert!(root.query_selector_all(".zs-zk-line").unwrap().length() < lines);
    assert!(!text(&root, ".zs-zkcli-out").contains("Created /x"));
    // Typing now acts in the past: the console is rewound too (its prompt count, `history`).
    let kept = root.query_selector_all(".zs-zk-in").unwrap().length();
    zk(&root, "history").await;
    let ins = root.query_selector_all(".zs-zk-in").unwrap();
    let last = ins.item(ins.length() - 1).unwrap().text_content().unwrap();
    assert_eq!(
        last,
        format!("[zk: localhost:2181(CONNECTED) {kept}] history")
    );
    let out = text(&root, ".zs-zkcli-out");
    assert!(!out.contains("- create /x hi"), "{out}");
}

#[wasm_bindgen_test]
async fn the_trace_names_reply_errors_as_zookeeper_does() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    command(&root, "connect c1 2").await;
    command(&root, "get c1 /nope").await;
    click(&root, "#run-1s").await;
    let events = text(&root, "#events");
    assert!(events.contains("NONODE"), "{events}");
    assert!(!events.contains("err=-"), "{events}");
}

/// The store marks a change once per action that changed something and hands back the same
/// model when nothing changed (so nothing re-renders); Play lives in one place.
#[wasm_bindgen_test]
fn the_store_hands_back_the_same_model_when_nothing_changed() {
    use std::rc::Rc;
    use yew::prelude::Reducible;
    use zabscope_web::store::{CommandAction, Model, PlaybackAction, UiAction};
    let m = Rc::new(Model::new(true));
    // Not playing: a frame changes nothing; nor does a blank command line.
    let same = m.clone().reduce(PlaybackAction::Frame(16.0).into());
    assert!(Rc::ptr_eq(&m, &same));
    let blank = m.clone().reduce(CommandAction::Line("  ".into()).into());
    assert!(Rc::ptr_eq(&m, &blank));
    // A UI choice is a change: a new model that compares unequal.
    let help = m.clone().reduce(UiAction::ShowHelp(true).into());
    assert!(!Rc::ptr_eq(&m, &help));
    assert_ne!(*m, *help);
    assert!(help.ui.show_help && !m.ui.show_help);
    // Play: on, then off when the set-up dialog opens.
    let playing = help.clone().reduce(PlaybackAction::TogglePlay.into());
    assert!(playing.playing());
    let setup = playing.clone().reduce(UiAction::ShowSetup(true).into());
    assert!(!setup.playing() && setup.ui.show_setup);
    // Manual delivery refuses Play.
    let manual = setup.clone().reduce(PlaybackAction::Manual(true).into());
    let still = manual.clone().reduce(PlaybackAction::TogglePlay.into());
    assert!(!still.playing());
    // Running moves the view and the furthest step reached together.
    let ran = still.clone().reduce(PlaybackAction::Run(1000).into());
    assert!(ran.view.step > 0);
    assert_eq!(ran.playback.max_step, ran.view.step);
    let back = ran.clone().reduce(PlaybackAction::Back(5).into());
    assert_eq!(back.view.step + 5, ran.view.step);
    assert_eq!(back.playback.max_step, ran.view.step);
}
