//! Where the page's language comes from when it opens, and where a choice is remembered: the
//! URL's `?lang=zh-CN` / `?lang=en` (a course link) first, then the language chosen last time
//! (localStorage), then the browser's own language. Outside a browser (native tests) English.

use super::Lang;

/// The localStorage key the chosen language is kept under.
pub const STORAGE_KEY: &str = "zabscope.lang";

/// `lang` from a URL query string (`?a=1&lang=zh-CN`), if it names a language.
#[must_use]
pub fn from_query(search: &str) -> Option<Lang> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::from_code(v))
}

/// The language the page opens in. A `?lang=` in the URL is also remembered.
#[must_use]
pub fn initial() -> Lang {
    let Some(w) = web_sys::window() else {
        return Lang::En;
    };
    if let Some(l) = w.location().search().ok().as_deref().and_then(from_query) {
        remember(l);
        return l;
    }
    let stored = w
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|v| Lang::from_code(&v));
    stored.unwrap_or_else(|| {
        w.navigator()
            .language()
            .map_or(Lang::En, |t| Lang::negotiate(&t))
    })
}

/// `search` with its `lang` set to `l` (`None` when it has no `lang`: nothing to rewrite).
#[must_use]
pub fn with_lang(search: &str, l: Lang) -> Option<String> {
    from_query(search)?;
    let parts: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some(("lang", _)) => format!("lang={}", l.code()),
            _ => kv.to_string(),
        })
        .collect();
    Some(format!("?{}", parts.join("&")))
}

/// Remember `l` for the next visit, and tell the document (`<html lang>`: fonts, screen
/// readers). A browser that refuses storage (private mode) only forgets it. A `?lang=` in the
/// address is rewritten too (without a reload), or a reload would undo the switch.
pub fn remember(l: Lang) {
    let Some(w) = web_sys::window() else {
        return;
    };
    if let Some(search) = w.location().search().ok().and_then(|s| with_lang(&s, l)) {
        let history = js_sys::Reflect::get(&w, &"history".into()).ok();
        let replace = history
            .as_ref()
            .and_then(|h| js_sys::Reflect::get(h, &"replaceState".into()).ok())
            .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
        // The hash stays (`#lesson=ID`): a URL of only a query would drop it.
        let hash = w.location().hash().unwrap_or_default();
        if let (Some(h), Some(f)) = (history, replace) {
            let _ = f.call3(
                &h,
                &wasm_bindgen::JsValue::NULL,
                &"".into(),
                &format!("{search}{hash}").into(),
            );
        }
    }
    if let Some(s) = w.local_storage().ok().flatten() {
        let _ = s.set_item(STORAGE_KEY, l.code());
    }
    if let Some(root) = w.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", l.code());
    }
}
