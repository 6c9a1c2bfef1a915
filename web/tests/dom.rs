//! Mounts the app in a real browser DOM, clicks its buttons and reads what it rendered.
//! Run with `wasm-pack test --headless --chrome web` (and `--firefox`).

#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
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

#[wasm_bindgen_test]
async fn renders_five_servers() {
    let root = mount().await;
    assert_eq!(root.query_selector_all(".zs-server").unwrap().length(), 5);
    assert_eq!(text(&root, "#step-count"), "step 0");
}

#[wasm_bindgen_test]
async fn step_button_advances_the_simulation() {
    let root = mount().await;
    click(&root, "#step").await;
    click(&root, "#step").await;
    assert_eq!(text(&root, "#step-count"), "step 2");
    // The first steps start the servers (zoo_sample.cfg ensemble booted at time 0): every card
    // then shows a ZooKeeper server state.
    let states: Vec<String> = (0..5)
        .map(|i| {
            text(
                &root,
                &format!(".zs-server[data-myid='{}'] .zs-state", i + 1),
            )
        })
        .collect();
    assert!(states.iter().all(|s| !s.is_empty()), "{states:?}");
    assert!(states.iter().any(|s| s == "LOOKING"), "{states:?}");
}

#[wasm_bindgen_test]
async fn play_disables_step_and_pause_reenables_it() {
    let root = mount().await;
    click(&root, "#play").await;
    assert!(find(&root, "#step").has_attribute("disabled"));
    click(&root, "#pause").await;
    assert!(!find(&root, "#step").has_attribute("disabled"));
}
