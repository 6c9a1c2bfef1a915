//! ZabScope's web app: the only crate that touches the DOM.
//!
//! `start` is called by `index.html` once the wasm module has loaded; it installs the panic
//! hook (so a Rust panic is logged to the console, not a silent dead page) and mounts `App`.
//! The page keeps its state in one reducer (`state`), shared by context; each panel is a
//! small component in its own file.

mod animator;
mod app;
mod bench;
mod broadcast_tab;
mod clients_tab;
mod console;
mod data_tab;
mod derive;
mod election_tab;
mod event_log;
mod fourlw_tab;
pub mod geometry;
mod header;
mod help;
mod inspector;
mod jsapi;
mod lab;
mod labels;
mod locks_tab;
mod logs_tab;
mod manual;
mod narration;
mod ring;
mod ring_msg;
mod ring_node;
pub mod run;
mod server_menu;
mod setup_dialog;
pub mod speed;
pub mod state;
mod texts_en;
mod timeline;
mod transport;
mod zk_actions;
mod zk_backend;
mod zk_console;
mod zk_transcript;

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
