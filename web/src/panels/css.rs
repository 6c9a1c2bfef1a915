//! Computed inline styles without `style` attributes. The page's Content-Security-Policy
//! (`style-src 'self'`, index.html) refuses every `style="…"` attribute, while writes through
//! the CSSOM (`element.style.cssText`) stay allowed: a component that must place something
//! by a computed value (a timeline marker at 37 %, the server menu beside its server, the
//! ring's type scale) writes it in `data-css` and calls [`use_data_css`], which copies it into
//! the element's style after every render.

use wasm_bindgen::JsCast;
use yew::prelude::*;

fn set(e: &web_sys::Element) {
    let Some(css) = e.get_attribute("data-css") else {
        return;
    };
    let style = if let Some(h) = e.dyn_ref::<web_sys::HtmlElement>() {
        h.style()
    } else if let Some(s) = e.dyn_ref::<web_sys::SvgElement>() {
        s.style()
    } else {
        return;
    };
    if style.css_text() != css {
        style.set_css_text(&css);
    }
}

/// Copy `data-css` into the style of `root` and of every element under it that has one.
pub fn apply(root: &NodeRef) {
    let Some(el) = root.cast::<web_sys::Element>() else {
        return;
    };
    set(&el);
    if let Ok(list) = el.query_selector_all("[data-css]") {
        for i in 0..list.length() {
            if let Some(e) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                set(&e);
            }
        }
    }
}

/// After every render of the calling component, apply `data-css` under `root`.
#[hook]
pub fn use_data_css(root: NodeRef) {
    use_effect(move || apply(&root));
}
