//! Writes the 简体中文 catalogues (the core's and the page's) as the JSON file the release page
//! fetches on demand: `cargo run -p zabscope-web --example i18n_catalogue -- OUT.json`
//! (scripts/build-web.sh writes `dist/i18n/zh-CN.json`). The page's wasm is built without them
//! (`builtin-zh` off) to keep its first load small; this native build has them compiled in.

use std::process::ExitCode;
use zabscope_web::i18n::{Lang, load};

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
