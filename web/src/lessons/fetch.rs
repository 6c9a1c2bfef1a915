//! Lesson files come over the network when asked for, never with the page: the index
//! (`static/lessons/index.txt`, one `<group>/<id>` per line in menu order), then each file.
//! Fetched texts are kept for the visit, so the menu and a lesson opened from it cost one
//! request each. Errors are texts by key (the URL and the HTTP status), never a panic.

use super::Entry;
use crate::i18n::Msg;
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use zabscope_core::lesson::Lesson;

/// Where the lessons are, relative to the page.
pub const BASE: &str = "static/lessons/";

thread_local! {
    /// Texts fetched this visit, by path under `BASE`.
    static CACHE: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

fn failed(path: &str, why: String) -> Msg {
    Msg::Page(
        "lessons.err.fetch",
        vec![("path", format!("{BASE}{path}")), ("why", why)],
    )
}

/// `window.fetch(url)` → the body as text (or why not).
async fn get(path: &str) -> Result<String, Msg> {
    if let Some(t) = CACHE.with(|c| c.borrow().get(path).cloned()) {
        return Ok(t);
    }
    let window = web_sys::window().ok_or_else(|| failed(path, "no window".into()))?;
    let fetch: Function = Reflect::get(&window, &"fetch".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed(path, "no fetch".into()))?;
    let js_err = |e: JsValue| failed(path, e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let promise: Promise = fetch
        .call1(&window, &JsValue::from_str(&format!("{BASE}{path}")))
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)?;
    let resp = JsFuture::from(promise).await.map_err(js_err)?;
    let ok = Reflect::get(&resp, &"ok".into()).is_ok_and(|v| v.is_truthy());
    if !ok {
        let status = Reflect::get(&resp, &"status".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        return Err(failed(path, format!("HTTP {status}")));
    }
    let text_fn: Function = Reflect::get(&resp, &"text".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed(path, "no body".into()))?;
    let body: Promise = text_fn
        .call0(&resp)
        .map_err(js_err)?
        .dyn_into()
        .map_err(js_err)?;
    let text = JsFuture::from(body)
        .await
        .map_err(js_err)?
        .as_string()
        .unwrap_or_default();
    CACHE.with(|c| c.borrow_mut().insert(path.to_string(), text.clone()));
    Ok(text)
}

/// The index's lines: `<group>/<id>`, in menu order (comments and blank lines skipped).
pub async fn index() -> Result<Vec<String>, Msg> {
    let text = get("index.txt").await?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// Every lesson of the index, for the menu (a file that fails is listed with why).
pub async fn catalog() -> Result<Vec<Entry>, Msg> {
    let mut out = Vec::new();
    for line in index().await? {
        let path = format!("{line}.lesson");
        let (group, id) = line.split_once('/').unwrap_or(("", line.as_str()));
        let entry = match get(&path).await {
            Ok(text) => match Lesson::parse(&text) {
                Ok(l) => Entry::of(&path, &l),
                Err(e) => broken(id, group, &path, lesson_error(e.line, &e.text).render()),
            },
            Err(e) => broken(id, group, &path, e.render()),
        };
        out.push(entry);
    }
    Ok(out)
}

fn broken(id: &str, group: &str, path: &str, why: String) -> Entry {
    Entry {
        id: id.to_string(),
        group: group.to_string(),
        path: path.to_string(),
        title_en: id.to_string(),
        title_zh: id.to_string(),
        minutes: 1,
        error: Some(why),
    }
}

/// A parse error as the page shows it: its line, then the core's sentence.
#[must_use]
pub fn lesson_error(line: usize, text: &zabscope_core::explain::Text) -> Msg {
    Msg::Line(line, text.clone())
}

/// The text of lesson `id` (looked up in the index).
pub async fn lesson_text(id: &str) -> Result<String, Msg> {
    let lines = index().await?;
    let line = lines
        .iter()
        .find(|l| l.rsplit('/').next() == Some(id))
        .ok_or_else(|| Msg::Page("lessons.err.unknown", vec![("id", id.to_string())]))?;
    get(&format!("{line}.lesson")).await
}
