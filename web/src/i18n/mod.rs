//! The page's own texts, by key. Each language is one catalogue file beside this one (`en.rs`
//! today); components ask for a key through `t` / `tf` and never hold a sentence themselves,
//! so a second language is a new catalogue and a choice here, nothing else.

mod en;
// 简体中文: chosen by the language switch (until it lands, read by the tests below).
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

    /// The ring's, Play's, undo's and the command line's keys.
    const KEYS: &[&str] = &[
        "ring.phase.election",
        "ring.phase.discovery",
        "ring.phase.sync",
        "ring.phase.broadcast",
        "ring.acks",
        "ring.round",
        "ring.disk",
        "ring.vote",
        "ring.held",
        "ring.parked",
        "ring.fanout",
        "ring.left_out",
        "ring.show",
        "ring.show.votes",
        "ring.show.sync",
        "ring.show.broadcast",
        "ring.show.other",
        "ring.focus",
        "ring.focus.all",
        "ring.focus.server",
        "play.linger",
        "play.linger.title",
        "undo.discarded",
        "undo.nothing",
        "undo.undo",
        "undo.dismiss",
        "cmd.empty",
        "cmd.run.help",
        "cmd.run.bad",
    ];

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|r| r.split('}').next())
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_key_has_english_and_chinese_with_the_same_placeholders() {
        for k in KEYS {
            assert_ne!(en::t(k), *k, "{k}: no English text");
            assert_ne!(zh::t(k), *k, "{k}: no 简体中文 text");
            assert_eq!(placeholders(en::t(k)), placeholders(zh::t(k)), "{k}");
        }
    }
}
