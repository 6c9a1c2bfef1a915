//! The 简体中文 catalogues on demand. The page's release wasm is built without `builtin-zh`, so a
//! first load carries English only (docs/figures.md, "First load"); the core's 简体中文 table
//! and the page's are one JSON file, `i18n/zh-CN.json` beside `index.html`, fetched when the
//! user asks for 简体中文 (the switch, `setLang`, or at start from `?lang=` / the last visit / the
//! browser's language) and installed once. Until it arrives the page stays in English; a
//! failed fetch is shown in the header and English keeps working.
//!
//! The file is written at build time from the compiled catalogues ([`to_json`], run by
//! `cargo run -p zabscope-web --example i18n_catalogue`), so the catalogue sources stay the
//! one place a text is written.

use super::Lang;
use crate::store::UiAction;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use yew::Callback;

/// Where `lang`'s catalogue is served, relative to `index.html`.
#[must_use]
pub fn path(lang: Lang) -> String {
    format!("i18n/{}.json", lang.code())
}

/// The page's own 简体中文 texts, installed at run time.
static PAGE: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();

/// The installed page text of `key` (without `builtin-zh`).
#[must_use]
pub fn page_t(key: &str) -> Option<&'static str> {
    PAGE.get().and_then(|m| m.get(key).copied())
}

/// Both of `lang`'s catalogues (the core's and the page's) are here.
#[must_use]
pub fn is_loaded(lang: Lang) -> bool {
    lang == Lang::En || cfg!(feature = "builtin-zh") || (lang.is_loaded() && PAGE.get().is_some())
}

fn table(v: &serde_json::Value, part: &str) -> Result<Vec<(String, String)>, String> {
    let obj = v
        .get(part)
        .and_then(|p| p.as_object())
        .ok_or_else(|| format!("no \"{part}\" table"))?;
    obj.iter()
        .map(|(k, t)| {
            t.as_str()
                .map(|t| (k.clone(), t.to_string()))
                .ok_or_else(|| format!("\"{part}\": the text of {k} is not a string"))
        })
        .collect()
}

/// Install `lang`'s catalogues from the JSON [`to_json`] wrote. Installing again what is
/// already here is not an error.
///
/// # Errors
/// What is wrong with the file (not JSON, another language, a table missing), in English: a
/// technical detail the header shows after its own sentence.
pub fn install_json(lang: Lang, json: &str) -> Result<(), String> {
    if is_loaded(lang) {
        return Ok(());
    }
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let code = v.get("lang").and_then(|c| c.as_str()).unwrap_or_default();
    if code != lang.code() {
        return Err(format!("the file is for '{code}', not '{}'", lang.code()));
    }
    let (core, page) = (table(&v, "core")?, table(&v, "page")?);
    if !lang.is_loaded() {
        zabscope_core::explain::install(lang, core).map_err(|t| t.en())?;
    }
    let page: BTreeMap<&'static str, &'static str> = page
        .into_iter()
        .map(|(k, t)| -> (&'static str, &'static str) {
            (Box::leak(k.into_boxed_str()), Box::leak(t.into_boxed_str()))
        })
        .collect();
    let _ = PAGE.set(page);
    Ok(())
}

/// `lang`'s two catalogues as the JSON file the page fetches: `{"lang", "core": {key: text},
/// "page": {key: text}}`, keys sorted (the same bytes for the same catalogues).
#[cfg(all(feature = "builtin-zh", not(target_arch = "wasm32")))]
#[must_use]
pub fn to_json(lang: Lang) -> String {
    let core: serde_json::Map<String, serde_json::Value> = lang
        .catalogue()
        .iter()
        .map(|(k, t)| ((*k).to_string(), (*t).into()))
        .collect();
    let page: serde_json::Map<String, serde_json::Value> = super::source_keys(super::EN_SOURCE)
        .into_iter()
        .map(|k| {
            let text = super::t_in(lang, &k).to_string();
            (k, text.into())
        })
        .collect();
    serde_json::json!({ "lang": lang.code(), "core": core, "page": page }).to_string()
}

thread_local! {
    /// The language asked for last: a catalogue that arrives after the user chose another
    /// language does not switch the page.
    static WANTED: Cell<Option<Lang>> = const { Cell::new(None) };
    /// A catalogue is on its way (the switch, `setLang` and `App` may all ask).
    static IN_FLIGHT: Cell<bool> = const { Cell::new(false) };
}

/// A catalogue is being fetched now.
#[must_use]
pub fn in_flight() -> bool {
    IN_FLIGHT.with(Cell::get)
}

fn js_error(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Fetch and install `lang`'s catalogues.
async fn fetch(lang: Lang) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let w = web_sys::window().ok_or("no window")?;
    let url = path(lang);
    let resp = JsFuture::from(w.fetch_with_str(&url))
        .await
        .map_err(|e| js_error(&e))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|e| js_error(&e))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let body = resp.text().map_err(|e| js_error(&e))?;
    let body = JsFuture::from(body).await.map_err(|e| js_error(&e))?;
    install_json(lang, &body.as_string().unwrap_or_default())
}

/// Switch the page to `lang`: at once when its catalogues are here, else after fetching them
/// (the page says it is loading, then switches; a failure is shown and the page stays as it
/// was). `Ok(true)` when the page switched, `Ok(false)` when another language was chosen
/// meanwhile.
///
/// # Errors
/// Why the catalogue could not be had (a technical detail, in English).
pub async fn switch(lang: Lang, act: Callback<UiAction>) -> Result<bool, String> {
    WANTED.with(|w| w.set(Some(lang)));
    if !is_loaded(lang) {
        IN_FLIGHT.with(|f| f.set(true));
        act.emit(UiAction::LangLoading(lang));
        let got = fetch(lang).await;
        IN_FLIGHT.with(|f| f.set(false));
        if WANTED.with(Cell::get) != Some(lang) {
            return got.map(|()| false);
        }
        if let Err(e) = got {
            act.emit(UiAction::LangFailed(lang, e.clone()));
            return Err(e);
        }
    } else {
        // Remembered (address and storage) even when the page already shows it and nothing
        // changes — English chosen while 简体中文 is on its way: the store remembers only a
        // change, and a reload would open in the language given up.
        super::browser::remember(lang);
    }
    act.emit(UiAction::SetLang(lang));
    Ok(true)
}

/// [`switch`] from a click: nothing waits for it.
pub fn switch_later(lang: Lang, act: Callback<UiAction>) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = switch(lang, act).await;
    });
}
