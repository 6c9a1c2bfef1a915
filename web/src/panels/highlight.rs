//! What a lesson step points at, marked on screen: a server on the ring, the messages of a
//! kind, a row of the vote table, a client (on the ring and its card), a znode's row. The
//! components already name these with data attributes (`data-myid`, `data-kind`,
//! `data-client`, `data-path`), so the mark is one class (`zs-hl`, static/zabscope.css) put on
//! the matching elements after each render, and taken off when the step changes; no
//! component needs to know about lessons. The tab a step opens is chosen in the store.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;
use zabscope_core::lesson::Highlight;

/// The class that marks a highlighted element.
pub const CLASS: &str = "zs-hl";

/// `value` quoted for a CSS attribute selector.
fn quoted(value: &str) -> String {
    let mut s = String::from("\"");
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                s.push('\\');
                s.push(c);
            }
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The CSS selector of what `h` names (a tab is opened by the store, not marked).
#[must_use]
pub fn selector(h: &Highlight) -> Option<String> {
    Some(match h {
        Highlight::Server(sid) => format!(".zs-node[data-myid=\"{sid}\"]"),
        Highlight::Kind(k) => format!(".zs-msg[data-kind={}]", quoted(k)),
        Highlight::VoteRow(sid) => format!(".zs-erow[data-myid=\"{sid}\"]"),
        Highlight::Client(c) => format!("[data-client={}]", quoted(c)),
        Highlight::Znode(p) => format!("tr[data-path={}]", quoted(p)),
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

/// Put the mark on exactly what `selectors` match.
fn mark(selectors: &[String]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let each = |sel: &str, f: &dyn Fn(&Element)| {
        if let Ok(list) = doc.query_selector_all(sel) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    f(&el);
                }
            }
        }
    };
    each(&format!(".{CLASS}"), &|el| {
        let _ = el.class_list().remove_1(CLASS);
    });
    for sel in selectors {
        each(sel, &|el| {
            let _ = el.class_list().add_1(CLASS);
        });
    }
}

#[derive(Properties, PartialEq)]
pub struct HighlighterProps {
    pub highlights: Vec<Highlight>,
}

/// Renders nothing; marks the highlights after every render of the page (the ring and the
/// inspector redraw their elements as the run moves).
#[component]
pub fn Highlighter(p: &HighlighterProps) -> Html {
    let selectors: Vec<String> = p.highlights.iter().filter_map(selector).collect();
    use_effect(move || {
        mark(&selectors);
        || mark(&[])
    });
    html! {}
}
