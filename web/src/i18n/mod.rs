//! The page's own texts, by key. Each language is one catalogue file beside this one (`en.rs`
//! today); components ask for a key through `t` / `tf` and never hold a sentence themselves,
//! so a second language is a new catalogue and a choice here, nothing else.

mod en;

/// The text of `key` in the page's language, or the key itself when it has none (a missing
/// text is visible, not a panic).
#[must_use]
pub fn t(key: &str) -> &str {
    en::t(key)
}

/// `t(key)` with each `{name}` replaced by its value.
#[must_use]
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    let mut s = t(key).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}
