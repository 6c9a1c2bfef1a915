//! ZabScope's web app: the only crate that touches the DOM.
//!
//! `start` is called by `index.html` once the wasm module has loaded; it installs the panic
//! hook (so a Rust panic is logged to the console, not a silent dead page) and mounts `App`.
//! The page keeps its state in one reducer (`store`), shared by context, its actions grouped by
//! concern. Components sit in folders by where they are on the page: `ring` (the ensemble),
//! `inspector` (the tabs), `console` (the command line and the zkCli consoles), `panels` (header,
//! playback bar, narration, manual delivery, trace: where a new panel goes), `overlays` (dialogs:
//! the set-up dialog, the lesson menu), `lessons` (lesson files fetched on demand). `i18n` holds the page's texts by key, one catalogue per
//! language; `jsapi` is `window.zabscope`. Containers (`App`, `Ring`, `Inspector`) read the
//! store; every other component takes props and callbacks.

mod app;
mod console;
pub mod i18n;
mod inspector;
mod jsapi;
pub mod lessons;
mod overlays;
mod panels;
pub mod ring;
pub mod share;
pub mod store;

pub use app::App;
use wasm_bindgen::prelude::*;

/// Entry point called from `index.html`.
#[wasm_bindgen]
pub fn start() {
    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => web_sys::console::error_1(&"zabscope: no #app element to mount on".into()),
    }
}
