//! Writes the 简体中文 catalogues (the core's and the page's) as the JSON file the release page
//! fetches on demand: `cargo run -p zabscope-web --example i18n_catalogue -- OUT.json`
//! (scripts/build-web.sh writes `dist/i18n/zh-CN.json`). The page's wasm is built without them
//! (`builtin-zh` off) to keep its first load small; this native build has them compiled in.

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;
#[cfg(not(target_arch = "wasm32"))]
use zabscope_web::i18n::{Lang, load};

/// A build tool: nothing to do in the browser (`cargo test --target wasm32` builds examples too).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: i18n_catalogue OUT.json");
        return ExitCode::FAILURE;
    };
    let json = load::to_json(Lang::ZhCn);
    if let Err(e) = std::fs::write(&out, json) {
        eprintln!("i18n_catalogue: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
