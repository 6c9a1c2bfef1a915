//! The languages a [`Text`] renders in, and the one renderer both catalogues share.
//!
//! A sentence is a key with typed arguments ([`Text`]); each language is a table of templates
//! by key (`texts_en`, `texts_zh`), the same keys with the same `{name}` placeholders. Numbers,
//! zxids (`0x…`) and times (`1.234s`) are rendered by the argument, not the table, so they read
//! the same in every language. A key missing from a table falls back to English, then to the
//! key and its arguments: rendering never fails.
//!
//! The 简体中文 table is compiled in with the `builtin-zh` feature (the default: the cli, the
//! tests). The page's wasm is built without it to keep its first load small and installs the
//! same table at run time when a user asks for 简体中文 ([`install`], from the JSON that
//! `explain::catalogue_json` writes at build time); until then 简体中文 renders in English.

use crate::explain::Text;
use crate::explain::texts_en;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A language the catalogues are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// English: the catalogue every other one is checked against.
    #[default]
    En,
    /// 简体中文 (Simplified Chinese, as the course notes are written).
    ZhCn,
}

impl Lang {
    /// Every language, in the order a language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 code: `en`, `zh-CN` (what `?lang=` and `--lang` take).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for a language switch.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// The language of `code`: `en` or `zh-CN`, any case, `_` for `-`; `None` otherwise.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().replace('_', "-").to_ascii_lowercase();
        match c.as_str() {
            "en" => Some(Lang::En),
            "zh-cn" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// The best language for a browser's language tag (`navigator.language`): any Chinese
    /// tag (`zh`, `zh-CN`, `zh-Hans-SG`, …) is 简体中文, everything else English.
    #[must_use]
    pub fn negotiate(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// The table of templates, `(key, template)` (empty for a language whose table is
    /// neither compiled in nor installed yet).
    #[must_use]
    pub fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => texts_en::TEXTS,
            Lang::ZhCn => zh_table(),
        }
    }

    /// This language's table is here: compiled in, or installed at run time ([`install`]).
    #[must_use]
    pub fn is_loaded(self) -> bool {
        match self {
            Lang::En => true,
            Lang::ZhCn => cfg!(feature = "builtin-zh") || INSTALLED.get().is_some(),
        }
    }

    /// The template of `key` in this language (English if this table lacks it).
    #[must_use]
    pub fn template(self, key: &str) -> Option<&'static str> {
        find(self.catalogue(), key).or_else(|| find(texts_en::TEXTS, key))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Text;

    /// [`Lang::from_code`], with the error as a [`Text`] (`lang.unknown`).
    fn from_str(s: &str) -> Result<Lang, Text> {
        Lang::from_code(s).ok_or_else(|| Text::new("lang.unknown").arg("code", s.to_string()))
    }
}

/// The 简体中文 table installed at run time (the page's wasm, built without `builtin-zh`).
static INSTALLED: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();

#[cfg(feature = "builtin-zh")]
fn zh_table() -> &'static [(&'static str, &'static str)] {
    crate::explain::texts_zh::TEXTS
}

#[cfg(not(feature = "builtin-zh"))]
fn zh_table() -> &'static [(&'static str, &'static str)] {
    INSTALLED.get().map_or(&[], Vec::as_slice)
}

/// Install `lang`'s table at run time: `(key, template)` pairs, as `explain::catalogue_json`
/// wrote them. Only 简体中文 can be installed, once (its strings live as long as the
/// program); a second install, or one for English, is refused with the reason. Where the table
/// is compiled in (`builtin-zh`) the compiled table stays the one rendered.
///
/// # Errors
/// `lang.install.english` for English, `lang.install.again` when the table is already here.
pub fn install(lang: Lang, entries: Vec<(String, String)>) -> Result<(), Text> {
    if lang == Lang::En {
        return Err(Text::new("lang.install.english"));
    }
    let table: Vec<(&'static str, &'static str)> = entries
        .into_iter()
        .map(|(k, v)| -> (&'static str, &'static str) {
            (Box::leak(k.into_boxed_str()), Box::leak(v.into_boxed_str()))
        })
        .collect();
    INSTALLED
        .set(table)
        .map_err(|_| Text::new("lang.install.again").arg("lang", lang.native_name()))
}

fn find(table: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

/// The one key without a template: the command list (`help`), one line per command, each
/// with its usage and its `help.*` sentence.
pub const HELP: &str = "cmd.help";

/// Render `t` in `lang`. An unknown key renders as the key and its arguments (never a panic); a
/// placeholder with no argument renders as `?`.
#[must_use]
pub fn render(t: &Text, lang: Lang) -> String {
    if t.key == HELP {
        return crate::sim::usage::help_in(lang);
    }
    let Some(template) = lang.template(t.key) else {
        let list: Vec<String> = t.args().map(|(k, v)| format!("{k}={v}")).collect();
        return format!("{} {}", t.key, list.join(" "))
            .trim_end()
            .to_string();
    };
    fill(template, t, lang)
}

/// Replace each `{name}` of `template` by the argument `name`. An argument that is itself a
/// sentence ([`Arg::Text`](crate::explain::Arg)) renders in the same language.
fn fill(template: &str, args: &Text, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.typed_args().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(&v.render_in(lang)),
            None => out.push('?'),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The number of entries in `parts` (the length of their [`concat`]).
pub(crate) const fn total(parts: &[&[(&str, &str)]]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < parts.len() {
        n += parts[i].len();
        i += 1;
    }
    n
}

/// `parts` one after another, at compile time: a catalogue kept in one file per area is still
/// one table (`N` must be [`total`]`(parts)`, or the build fails).
pub(crate) const fn concat<const N: usize>(
    parts: &[&[(&'static str, &'static str)]],
) -> [(&'static str, &'static str); N] {
    let mut out = [("", ""); N];
    let (mut k, mut i) = (0, 0);
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[k] = parts[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(k == N, "concat: N is not the parts' total");
    out
}

/// The `{name}` placeholders of a template, in order (a name used twice appears twice).
#[must_use]
#[cfg(test)]
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Lang, install};
    use crate::explain::Text;

    #[test]
    fn english_is_never_installed() {
        assert!(Lang::En.is_loaded());
        assert_eq!(
            install(Lang::En, Vec::new()).unwrap_err().key,
            "lang.install.english"
        );
    }

    /// Without `builtin-zh` (`cargo test -p zabscope-core --no-default-features --lib
    /// lang::tests`): 简体中文 renders in English until its table is installed, then from it,
    /// and a second install is refused.
    #[cfg(not(feature = "builtin-zh"))]
    #[test]
    fn an_installed_table_renders_and_stays() {
        let t = Text::new("lang.unknown").arg("code", "fr".to_string());
        assert!(!Lang::ZhCn.is_loaded());
        assert_eq!(t.render(Lang::ZhCn), t.en());
        let table = vec![("lang.unknown".to_string(), "不认识 '{code}'".to_string())];
        install(Lang::ZhCn, table.clone()).unwrap();
        assert!(Lang::ZhCn.is_loaded());
        assert_eq!(t.render(Lang::ZhCn), "不认识 'fr'");
        assert_eq!(
            install(Lang::ZhCn, table).unwrap_err().key,
            "lang.install.again"
        );
        // A key the installed table lacks falls back to English.
        let other = Text::new("log.logged");
        assert_eq!(other.render(Lang::ZhCn), other.en());
    }

    #[cfg(feature = "builtin-zh")]
    #[test]
    fn the_built_in_table_is_loaded() {
        assert!(Lang::ZhCn.is_loaded());
        let t = Text::new("log.logged");
        assert_ne!(t.render(Lang::ZhCn), t.en());
    }
}
