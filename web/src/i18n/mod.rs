//! The page's own texts, by key. Each language is one catalogue file beside this one (`en.rs`
//! today); components ask for a key through `t` / `tf` and never hold a sentence themselves,
//! so a second language is a new catalogue and a choice here, nothing else.

mod en;
// The language switch (chosen by the page) picks between the two; until it is wired the
// 简体中文 catalogue is only read by the tests below.
#[cfg_attr(not(test), allow(dead_code))]
mod zh;

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

#[cfg(test)]
mod tests {
    use super::{en, zh};

    /// The `{name}` arguments of a text, sorted.
    fn args(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_lab_text_is_in_both_languages_with_the_same_arguments() {
        for key in crate::panels::lab::KEYS {
            let (e, z) = (en::t(key), zh::t(key));
            assert_ne!(e, *key, "no English text for {key}");
            assert_ne!(z, *key, "no 简体中文 text for {key}");
            assert_eq!(args(e), args(z), "arguments differ for {key}");
        }
    }
}
