//! Mounts the app in a real browser DOM, clicks its buttons and reads what it rendered.
//! Run with `wasm-pack test --headless --chrome web` (and `--firefox`).

#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use zabscope_web::App;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` under `<body>` with the app mounted in it.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    TimeoutFuture::new(0).await;
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

async fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    TimeoutFuture::new(0).await;
}

/// Types `line` into the command box and presses Enter.
async fn command(root: &Element, line: &str) {
    let input: HtmlInputElement = find(root, "#command").dyn_into().unwrap();
    input.set_value(line);
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    TimeoutFuture::new(0).await;
}

fn card_state(root: &Element, myid: u32) -> String {
    text(root, &format!(".zs-server[data-myid='{myid}'] .zs-state"))
}

#[wasm_bindgen_test]
async fn renders_five_servers_in_cards_and_on_the_ring() {
    let root = mount().await;
    assert_eq!(root.query_selector_all(".zs-server").unwrap().length(), 5);
    assert_eq!(root.query_selector_all(".zs-node").unwrap().length(), 5);
    assert_eq!(text(&root, "#step-count"), "step 0");
    assert_eq!(text(&root, "#leader"), "no leader");
}

#[wasm_bindgen_test]
async fn step_button_advances_one_agenda_item_at_a_time() {
    let root = mount().await;
    click(&root, "#step").await;
    click(&root, "#step").await;
    assert_eq!(text(&root, "#step-count"), "step 2");
    // The first steps start servers (all booted at time 0): they are LOOKING.
    assert_eq!(card_state(&root, 1), "LOOKING");
    assert_eq!(card_state(&root, 2), "LOOKING");
    assert_eq!(card_state(&root, 5), "OFF");
}

#[wasm_bindgen_test]
async fn one_simulated_second_elects_server_5_and_the_rest_follow() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    // Fresh ensemble, equal zxids: the highest sid wins (FastLeaderElection.totalOrderPredicate).
    assert_eq!(text(&root, "#leader"), "leader server.5");
    assert_eq!(card_state(&root, 5), "LEADING");
    for id in 1..=4 {
        assert_eq!(card_state(&root, id), "FOLLOWING");
    }
    let ring_class = find(&root, ".zs-node[data-myid='5']").get_attribute("class");
    assert!(ring_class.unwrap_or_default().contains("zs-leading"));
}

#[wasm_bindgen_test]
async fn crashing_the_leader_shows_it_down_and_a_new_leader_takes_over() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    click(&root, ".zs-server[data-myid='5'] .zs-crash").await;
    assert_eq!(card_state(&root, 5), "CRASHED");
    click(&root, "#run-1s").await;
    // Survivors with equal (epoch, zxid): server 4 has the highest sid.
    assert_eq!(text(&root, "#leader"), "leader server.4");
    click(&root, ".zs-server[data-myid='5'] .zs-restart").await;
    click(&root, "#run-1s").await;
    assert_eq!(card_state(&root, 5), "FOLLOWING");
}

#[wasm_bindgen_test]
async fn the_command_line_drives_the_ensemble_and_reports_bad_input() {
    let root = mount().await;
    click(&root, "#run-1s").await;
    command(&root, "crash 2").await;
    assert_eq!(card_state(&root, 2), "CRASHED");
    command(&root, "frobnicate 7").await;
    assert!(text(&root, "#command-error").contains("unknown command"));
    command(&root, "crash 99").await;
    assert!(
        !text(&root, "#command-error").is_empty(),
        "a server that does not exist is an error"
    );
}

#[wasm_bindgen_test]
async fn play_disables_step_and_pause_reenables_it() {
    let root = mount().await;
    click(&root, "#play").await;
    assert!(find(&root, "#step").has_attribute("disabled"));
    click(&root, "#pause").await;
    assert!(!find(&root, "#step").has_attribute("disabled"));
}
