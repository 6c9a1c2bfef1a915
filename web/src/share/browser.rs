//! The browser's side of sharing and keeping: the URL fragment, localStorage (the run saved on
//! every change, quota errors reported), the clipboard and file downloads. Nothing here
//! decides anything about a run; `file.rs` checks, the store applies.

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Where the current run is kept between visits.
pub const STORAGE_KEY: &str = "zabscope.run";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The URL's fragment when it carries a run (`#run=…`), else `None`.
#[must_use]
pub fn fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let h = hash.trim_start_matches('#');
    h.starts_with(super::FRAGMENT).then(|| h.to_string())
}

/// Drop the fragment from the address bar (without a reload or a history entry): once the
/// run is open it is kept in localStorage, so a reload shows where the user got to, not the
/// link's starting point again.
pub fn clear_fragment() {
    let Some(w) = window() else { return };
    let Ok(href) = w.location().href() else {
        return;
    };
    let base = href.split('#').next().unwrap_or(&href).to_string();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&base));
    }
}

/// The page's address without its fragment.
#[must_use]
pub fn base_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or(&h).to_string())
        .unwrap_or_default()
}

/// The run kept by the last visit.
#[must_use]
pub fn stored() -> Option<String> {
    window()?
        .local_storage()
        .ok()??
        .get_item(STORAGE_KEY)
        .ok()?
}

/// Keep `value` (a fragment's value); `false` when the browser refused (quota, storage off).
#[must_use]
pub fn store(value: &str) -> bool {
    window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
        .is_some_and(|s| s.set_item(STORAGE_KEY, value).is_ok())
}

/// Forget the kept run (a fresh start).
pub fn forget() {
    if let Some(s) = window().and_then(|w| w.local_storage().ok()).flatten() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

/// Copy `text` to the clipboard; `done(true)` once it is there, `done(false)` when the
/// browser refused (no permission, not a secure context): the page then shows the text to copy
/// by hand.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = window().map(|w| w.navigator().clipboard());
    let Some(c) = clipboard else {
        done(false);
        return;
    };
    let promise: Promise = c.write_text(text);
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (d1, d2) = (done.clone(), done);
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = d1.borrow_mut().take() {
            f(true);
        }
    });
    let bad = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(false);
        }
    });
    let _ = promise.then2(&ok, &bad);
    // Called once each at most; a few bytes per click.
    ok.forget();
    bad.forget();
}

/// Offer `text` as a file download named `name` (a `blob:` URL, revoked after the click).
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Read the file the user chose (its size checked first): `done(Ok(text))` or `done(Err(size))`
/// when it is larger than `max` bytes (not read at all).
pub fn read_file(
    file: &web_sys::File,
    max: usize,
    done: impl FnOnce(Result<String, f64>) + 'static,
) {
    let size = file.size();
    if size > max as f64 {
        done(Err(size));
        return;
    }
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (d1, d2) = (done.clone(), done);
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |t: JsValue| {
        if let Some(f) = d1.borrow_mut().take() {
            f(Ok(t.as_string().unwrap_or_default()));
        }
    });
    let bad = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(Ok(String::new()));
        }
    });
    let _ = file.text().then2(&ok, &bad);
    ok.forget();
    bad.forget();
}
