//! The page's two catalogues kept complete and in agreement: every key of `en.rs` is in
//! `zh.rs` and back, with the same `{name}` arguments; 简体中文 leaves no English word outside
//! the protocol terms, the command language and units; every key the page asks for exists.
//! The keys are read off the catalogues' source (each arm is `"key" =>`), the templates
//! through `t`, so a new arm is checked without being listed here.

use super::{Lang, en, t_in, zh};
use std::collections::BTreeSet;

/// Words a Chinese class reads as ZooKeeper (or the command line) spells them.
pub const ALLOWED: &[&str] = &[
    // States, messages, ids, config: as ZooKeeper prints them.
    "LOOKING",
    "FOLLOWING",
    "LEADING",
    "OBSERVING",
    "PROPOSAL",
    "ACK",
    "ACKs",
    "COMMIT",
    "DIFF",
    "TRUNC",
    "SNAP",
    "PING",
    "zxid",
    "epoch",
    "sid",
    "peerEpoch",
    "finalizeWait",
    "SIGSTOP",
    // Product names.
    "ZabScope",
    "ShiViz",
    "ZAB",
    "FLE",
    "fsync",
    "leaderServes",
    "p99",
    "server",
    "tickTime",
    "initLimit",
    "syncLimit",
    "zoo",
    "cfg",
    "ZooKeeper",
    "zkCli",
    "SVG",
    "4lw",
    // Units.
    "ms",
    "ppm",
    // The command line's own words, as typed (examples in hints and placeholders).
    "crash",
    "partition",
    "connect",
    "create",
    "get",
    "set",
    "stat",
    "sync",
    "ls",
    "help",
    "run",
    "MS",
    "command",
    "text",
    "app",
    "hello",
    "data",
    "x",
    "v",
    "e",
    "s",
    "w",
    "c1",
    // Keys on the keyboard.
    "Esc",
    "Space",
    "Enter",
];

/// The keys of a catalogue's source: every `"key" =>` arm.
fn keys(source: &str) -> BTreeSet<String> {
    super::source_keys(source)
}

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
        .collect();
    out.sort();
    out
}

fn latin_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .collect()
}

#[test]
fn both_catalogues_hold_the_same_keys() {
    let en_keys = keys(include_str!("en.rs"));
    let zh_keys = keys(include_str!("zh.rs"));
    assert!(en_keys.len() > 150, "read {} English keys", en_keys.len());
    let only_en: Vec<_> = en_keys.difference(&zh_keys).collect();
    let only_zh: Vec<_> = zh_keys.difference(&en_keys).collect();
    assert!(only_en.is_empty(), "keys without 简体中文: {only_en:?}");
    assert!(only_zh.is_empty(), "keys only in zh.rs: {only_zh:?}");
    for k in &en_keys {
        assert_ne!(
            en::t(k),
            k.as_str(),
            "{k}: the parser read a key en.rs has no arm for"
        );
        assert_ne!(
            zh::t(k),
            k.as_str(),
            "{k}: the parser read a key zh.rs has no arm for"
        );
    }
}

#[test]
fn both_catalogues_take_the_same_arguments() {
    for k in keys(include_str!("en.rs")) {
        let (e, z) = (en::t(&k), zh::t(&k));
        assert_eq!(placeholders(e), placeholders(z), "{k}: {e:?} / {z:?}");
    }
}

#[test]
fn chinese_has_no_english_words_outside_the_allowed_list() {
    let mut bad = Vec::new();
    for k in keys(include_str!("zh.rs")) {
        let z = zh::t(&k);
        // Arguments are filled in later: their names are not words of the text.
        let mut text = z.to_string();
        for p in placeholders(z) {
            text = text.replace(&format!("{{{p}}}"), "");
        }
        for w in latin_words(&text) {
            if !ALLOWED.contains(&w) {
                bad.push(format!("{k}: {w}"));
            }
        }
    }
    assert!(bad.is_empty(), "English words in zh.rs: {bad:?}");
}

#[test]
fn every_key_the_page_asks_for_exists() {
    let en_keys = keys(include_str!("en.rs"));
    // Keys built at run time: a recipe's role, a menu action, where a message is.
    use zabscope_core::sim::view::RecipeRole as R;
    let roles = [
        R::Starting,
        R::Waiting,
        R::Holder,
        R::Leader,
        R::Follower,
        R::Member,
        R::Watcher,
        R::Producer,
        R::Consumer,
        R::Entered,
        R::Leaving,
        R::Left,
        R::Done,
        R::Released,
        R::Lost,
    ];
    for role in roles {
        assert!(en_keys.contains(&format!("role.{role}")), "role.{role}");
    }
    for a in ["crash", "restart", "pause", "resume", "stop", "start"] {
        assert!(en_keys.contains(&format!("menu.{a}")), "menu.{a}");
    }
    for w in ["in_flight", "held", "parked"] {
        assert!(en_keys.contains(&format!("msg.where.{w}")), "msg.where.{w}");
    }
}

#[test]
fn a_missing_key_falls_back_to_english_then_to_itself() {
    assert_eq!(t_in(Lang::ZhCn, "no.such.key"), "no.such.key");
    assert_eq!(t_in(Lang::ZhCn, "tab.election"), "选举");
    assert_eq!(t_in(Lang::En, "tab.election"), "Election");
}

#[test]
fn the_url_names_a_language() {
    use super::browser::from_query;
    assert_eq!(from_query("?lang=zh-CN"), Some(Lang::ZhCn));
    assert_eq!(from_query("?seed=3&lang=en"), Some(Lang::En));
    assert_eq!(from_query("?lang=fr"), None);
    assert_eq!(from_query(""), None);
    use super::browser::with_lang;
    assert_eq!(
        with_lang("?a=1&lang=zh-CN", Lang::En).as_deref(),
        Some("?a=1&lang=en")
    );
    assert_eq!(with_lang("?a=1", Lang::En), None);
}

#[test]
fn every_lab_text_is_in_both_languages() {
    for key in crate::panels::lab::KEYS {
        assert_ne!(en::t(key), *key, "no English text for {key}");
        assert_ne!(zh::t(key), *key, "no 简体中文 text for {key}");
    }
}

/// The file the release page fetches holds every key of both 简体中文 catalogues with the
/// same texts, and installing it is harmless where they are compiled in.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_fetched_catalogue_is_the_compiled_one() {
    let json = super::load::to_json(Lang::ZhCn);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["lang"], "zh-CN");
    let page = v["page"].as_object().unwrap();
    let en_keys = keys(include_str!("en.rs"));
    assert_eq!(page.len(), en_keys.len());
    for k in &en_keys {
        assert_eq!(page[k.as_str()], zh::t(k), "{k}");
    }
    let core = v["core"].as_object().unwrap();
    assert_eq!(core.len(), Lang::ZhCn.catalogue().len());
    for (k, t) in Lang::ZhCn.catalogue() {
        assert_eq!(core[*k], *t, "{k}");
    }
    assert_eq!(super::load::install_json(Lang::ZhCn, &json), Ok(()));
    assert_eq!(super::load::path(Lang::ZhCn), "i18n/zh-CN.json");
}
