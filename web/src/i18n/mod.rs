//! The page's own texts, by key, in every [`Lang`]: one catalogue file per language (`en.rs`,
//! `zh.rs`), each a plain `match` from key to template with `{name}` arguments, so two
//! branches that add keys merge as a union of arms. Components ask for a key through [`t`] /
//! [`tf`] and never hold a sentence themselves; the core's sentences ([`Text`]) render through
//! [`text`] in the same language.
//!
//! The current language is the store's (`Ui::lang`, set by `UiAction::SetLang` only); the
//! reducer mirrors it here so that `t(key)` needs no argument, and provides it by context so
//! that a leaf component that only shows static texts re-renders when it changes
//! ([`use_lang`]). Numbers, zxids and times are formatted by the caller, never by a catalogue,
//! so they read the same in every language.
//!
//! `zh.rs` (and the core's 简体中文 table) is compiled in with the `builtin-zh` feature; the
//! release page is built without it and fetches both at run time ([`load`]).

pub mod browser;
mod en;
pub mod load;
#[cfg(all(test, feature = "builtin-zh"))]
mod tests;
#[cfg(feature = "builtin-zh")]
mod zh;

use std::cell::Cell;
use yew::prelude::*;
pub use zabscope_core::explain::Lang;
use zabscope_core::explain::Text;

thread_local! {
    /// The store's language, mirrored for `t` (written by the store's reducer only).
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the page renders in now.
#[must_use]
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Mirror the store's language (the store's reducer and its constructor call this).
pub fn mirror(l: Lang) {
    CURRENT.with(|c| c.set(l));
}

/// The template of `key` in `l`, English when that catalogue lacks it, the key itself when no
/// catalogue has it (a missing text is visible, not a panic).
#[must_use]
pub fn t_in(l: Lang, key: &str) -> &str {
    match l {
        Lang::En => en::t(key),
        Lang::ZhCn => zh_t(key).unwrap_or_else(|| en::t(key)),
    }
}

/// The 简体中文 template of `key`, if that catalogue is here and has it.
#[cfg(feature = "builtin-zh")]
fn zh_t(key: &str) -> Option<&str> {
    Some(zh::t(key)).filter(|z| *z != key)
}

/// The 简体中文 template of `key`, if that catalogue was fetched and has it.
#[cfg(not(feature = "builtin-zh"))]
fn zh_t(key: &str) -> Option<&'static str> {
    load::page_t(key)
}

/// The English catalogue's source: its keys are its `"key" =>` arms ([`source_keys`]).
#[cfg(all(feature = "builtin-zh", not(target_arch = "wasm32")))]
pub(crate) const EN_SOURCE: &str = include_str!("en.rs");

/// The keys of a catalogue's source: every `"key" =>` arm.
#[cfg(any(test, all(feature = "builtin-zh", not(target_arch = "wasm32"))))]
pub(crate) fn source_keys(source: &str) -> std::collections::BTreeSet<String> {
    source
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let rest = l.strip_prefix('"')?;
            let (key, after) = rest.split_once('"')?;
            after
                .trim_start()
                .starts_with("=>")
                .then(|| key.to_string())
        })
        .collect()
}

/// The text of `key` in the page's language.
#[must_use]
pub fn t(key: &str) -> &str {
    t_in(lang(), key)
}

/// `t(key)` with each `{name}` replaced by its value.
#[must_use]
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    fill(t(key), args)
}

/// `template` with each `{name}` replaced by its value.
#[must_use]
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// A core sentence in the page's language.
#[must_use]
pub fn text(t: &Text) -> String {
    t.render(lang())
}

/// A core sentence in the page's language, in pieces: `(text, verbatim)`, where a verbatim
/// piece is an argument that holds the protocol's or the user's own words
/// (`explain::VERBATIM`: a message with its fields, a command line, a state), which the page
/// sets apart (`<code>`) and never translates.
#[must_use]
pub fn text_parts(t: &Text) -> Vec<(String, bool)> {
    let l = lang();
    let Some(mut rest) = l.template(t.key) else {
        return vec![(t.render(l), false)];
    };
    let mut out = Vec::new();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        if open > 0 {
            out.push((rest[..open].to_string(), false));
        }
        let name = &after[..close];
        let value = t
            .typed_args()
            .find(|(n, _)| *n == name)
            .map_or_else(|| "?".to_string(), |(_, v)| v.render_in(l).into_owned());
        out.push((value, zabscope_core::explain::VERBATIM.contains(&name)));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        out.push((rest.to_string(), false));
    }
    out
}

/// [`text_parts`] as markup: verbatim pieces in `<code>`.
pub fn text_html(t: &Text) -> Html {
    html! {
        { for text_parts(t).into_iter().map(|(s, verbatim)| if verbatim {
            html! { <code>{ s }</code> }
        } else {
            html! { { s } }
        }) }
    }
}

/// A message the page shows later (an error, a console line): kept by key so that it renders
/// in whatever language is current when it is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A core sentence.
    Core(Text),
    /// A page text: its key and arguments.
    Page(&'static str, Vec<(&'static str, String)>),
    /// A page text whose `{error}` is a core sentence (`zoo.cfg: {error}`).
    Wrapped(&'static str, Text),
    /// Text shown as it is (what the user typed).
    Raw(String),
    /// A malformed lesson file: its line and the core's sentence (`lesson.err.line`).
    Line(usize, Text),
}

impl Msg {
    /// A page text without arguments.
    #[must_use]
    pub fn key(key: &'static str) -> Msg {
        Msg::Page(key, Vec::new())
    }

    /// Rendered in `l`.
    #[must_use]
    pub fn render_in(&self, l: Lang) -> String {
        match self {
            Msg::Core(t) => t.render(l),
            Msg::Page(key, args) => {
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                fill(t_in(l, key), &args)
            }
            Msg::Wrapped(key, t) => fill(t_in(l, key), &[("error", &t.render(l))]),
            Msg::Raw(s) => s.clone(),
            Msg::Line(line, t) => fill(
                t_in(l, "lesson.err.line"),
                &[("line", &line.to_string()), ("error", &t.render(l))],
            ),
        }
    }

    /// Rendered in the page's language.
    #[must_use]
    pub fn render(&self) -> String {
        self.render_in(lang())
    }
}

impl From<Text> for Msg {
    fn from(t: Text) -> Msg {
        Msg::Core(t)
    }
}

/// The page's language, from the App's context: a component that calls this re-renders when
/// the language changes even if its props did not.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(lang)
}
