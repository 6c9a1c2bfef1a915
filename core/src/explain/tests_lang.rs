//! The two catalogues kept complete and in agreement: every key in both with the same
//! placeholders, rendering that never panics, 简体中文 that leaves no English word outside the
//! protocol terms and what ZooKeeper or the user typed, and English unchanged.

use crate::check::breaks::Break;
use crate::check::invariant;
use crate::explain::lang::{HELP, placeholders};
use crate::explain::{Lang, Text, glossary, texts_en, texts_zh};
use crate::sim::command::Command;
use crate::sim::script::Script;
use crate::sim::simulation::Simulation;
use std::collections::BTreeSet;

/// Words a Chinese class reads as ZooKeeper spells them: server states and phases, ZAB and FLE
/// message types, zoo.cfg keys, the invariants' TLA+ names, zkCli's own words and codes.
pub(crate) const ALLOWED: &[&str] = &[
    // States, phases, roles as printed.
    "LOOKING",
    "FOLLOWING",
    "LEADING",
    "OBSERVING",
    "ELECTION",
    "DISCOVERY",
    "SYNCHRONIZATION",
    "BROADCAST",
    // Messages.
    "PROPOSAL",
    "ACK",
    "COMMIT",
    "DIFF",
    "TRUNC",
    "SNAP",
    "NEWLEADER",
    "UPTODATE",
    "PING",
    "LEADERINFO",
    "ACKEPOCH",
    "FOLLOWERINFO",
    "OBSERVERINFO",
    "NOTIFICATION",
    "REQUEST",
    "REVALIDATE",
    "INFORM",
    "SYNC",
    "CLOSED",
    // Ids and config.
    "zxid",
    "epoch",
    "sid",
    "myid",
    "server",
    "syncLimit",
    "initLimit",
    "tickTime",
    "snapshotSizeFactor",
    "maxNotificationInterval",
    "TCP",
    "TLA",
    "OK",
    "closeSession",
    "SIGSTOP",
    "SIGCONT",
    "kill",
    "JSON",
    "PPM",
    "TTL",
    "zkCli",
    "ZooKeeper",
    // Client API and the fields the epoch and election invariants compare.
    "sync",
    "cxid",
    "currentEpoch",
    "acceptedEpoch",
    "lastZxid",
    // The command language, as typed in a usage or an example (client library, recipes).
    "client",
    "connect",
    "lock",
    "rwlock",
    "election",
    "queue",
    "config",
    "group",
    "barrier",
    "fair",
    "read",
    "write",
    "put",
    "take",
    "PATH",
    "ITEM",
    "N",
    // Language codes.
    "en",
    "zh",
    "CN",
];

/// Arguments whose value is ZooKeeper's or the user's own text (a message type, a result code,
/// an operation, a command line, a path): their words are allowed in any language.
const VERBATIM_ARGS: &[&str] = &[
    "type",
    "rc",
    "op",
    "event",
    "state",
    "kind",
    "command",
    "path",
    "phase",
    "line",
    "usage",
    "word",
    "lower",
    "name",
    "option",
    "what",
    "client",
    "code",
    "key",
    "names",
    "invariant",
    "given",
];

/// Keys whose 简体中文 is the English on purpose: zkCli's own messages, a bare argument.
fn same_in_every_language(key: &str) -> bool {
    key.starts_with("zkcli.")
        || key == "error.en"
        // A lesson checkpoint's choice that is only a word, a number or a zxid.
        || matches!(
            key,
            "lesson.choice.word" | "lesson.choice.number" | "lesson.choice.zxid"
        )
}

pub(crate) fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .collect()
}

/// A word that is a number or a hex value (`0x100000002`, `m12`, `1a2b`) is not English.
pub(crate) fn numeric(w: &str) -> bool {
    w.strip_prefix("0x")
        .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
        || w.chars().all(|c| c.is_ascii_hexdigit())
        || w.strip_prefix('m')
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        || w.strip_suffix('s')
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

/// The English words of a template outside its placeholders.
fn template_words(template: &str) -> Vec<String> {
    let mut text = template.to_string();
    for p in placeholders(template) {
        text = text.replace(&format!("{{{p}}}"), " ");
    }
    words(&text).into_iter().map(str::to_string).collect()
}

#[test]
fn every_key_is_in_both_catalogues_with_the_same_placeholders() {
    let en: BTreeSet<&str> = texts_en::TEXTS.iter().map(|(k, _)| *k).collect();
    let zh: BTreeSet<&str> = texts_zh::TEXTS.iter().map(|(k, _)| *k).collect();
    assert_eq!(en.len(), texts_en::TEXTS.len(), "duplicate English key");
    assert_eq!(zh.len(), texts_zh::TEXTS.len(), "duplicate 简体中文 key");
    assert_eq!(
        en.difference(&zh).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "keys missing in 简体中文"
    );
    assert_eq!(
        zh.difference(&en).collect::<Vec<_>>(),
        Vec::<&&str>::new(),
        "keys missing in English"
    );
    for (key, en_t) in texts_en::TEXTS {
        let zh_t = Lang::ZhCn.template(key).expect("zh");
        for t in [en_t, &zh_t] {
            assert_eq!(t.matches('{').count(), t.matches('}').count(), "{key}: {t}");
        }
        // The same names (each argument is typed by its name where the Text is built, so the
        // same names are the same count and kinds of values); order may differ.
        let a: BTreeSet<&str> = placeholders(en_t).into_iter().collect();
        let b: BTreeSet<&str> = placeholders(zh_t).into_iter().collect();
        assert_eq!(a, b, "{key}: placeholders differ");
        if !same_in_every_language(key) {
            assert_ne!(*en_t, zh_t, "{key} is not translated");
        }
    }
}

#[test]
fn the_chinese_templates_keep_only_protocol_terms_in_latin_letters() {
    let allowed: BTreeSet<&str> = ALLOWED.iter().copied().collect();
    for (key, t) in texts_zh::TEXTS {
        if same_in_every_language(key)
            || key.starts_with("help.")
            || key.starts_with("cmd.")
            || key.starts_with("check.")
            || key.starts_with("config.")
            || key.starts_with("script.")
            || key.starts_with("lesson.error.")
        {
            // The command language and zoo.cfg syntax (usages, 'restart 3', key=value) are
            // what the user types.
            continue;
        }
        for w in template_words(t) {
            assert!(
                allowed.contains(w.as_str()) || invariant::NAMES.contains(&w.as_str()),
                "{key}: English word '{w}' in {t}"
            );
        }
    }
}

#[test]
fn rendering_never_panics_on_any_key_with_or_without_arguments() {
    let mut keys: Vec<&str> = texts_en::TEXTS.iter().map(|(k, _)| *k).collect();
    keys.extend([HELP, "no.such.key"]);
    for lang in Lang::ALL {
        for key in &keys {
            let bare = Text::new(key).render(lang);
            assert!(!bare.is_empty(), "{key}");
            let mut t = Text::new(key);
            for p in placeholders(lang.template(key).unwrap_or("{a}")) {
                let name: &'static str = Box::leak(p.to_string().into_boxed_str());
                t = t.arg(name, 7u32);
            }
            let s = t.render(lang);
            assert!(!s.contains('{') || key.starts_with("cmd."), "{key}: {s}");
            assert!(!s.contains("{?}"), "{key}: {s}");
        }
    }
    // A nested sentence renders in the outer one's language.
    let inner = Text::new("check.named_twice").arg("id", 2u32);
    let outer = Text::new("check.self_cut").arg("error", inner);
    assert_eq!(
        outer.en(),
        "server.2 is named twice: a server cannot be cut from itself"
    );
    assert_eq!(
        outer.render(Lang::ZhCn),
        "server.2 被写了两次：服务器不能和自己断开"
    );
}

#[test]
fn language_codes_parse_and_print() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
    }
    assert_eq!(Lang::from_code("ZH_cn"), Some(Lang::ZhCn));
    assert_eq!(Lang::from_code("fr"), None);
    let e = "fr".parse::<Lang>().unwrap_err();
    assert_eq!(e.en(), "unknown language 'fr' (one of en, zh-CN)");
    assert!(e.render(Lang::ZhCn).contains("不认识的语言"));
    assert_eq!(Lang::negotiate("zh-Hans-SG"), Lang::ZhCn);
    assert_eq!(Lang::negotiate("zh"), Lang::ZhCn);
    assert_eq!(Lang::negotiate("en-GB"), Lang::En);
    assert_eq!(Lang::negotiate("de"), Lang::En);
    assert_eq!(Lang::default(), Lang::En);
}

/// Numbers, zxids and times read the same in both languages.
#[test]
fn values_render_the_same_in_both_languages() {
    let t = Text::new("step.commit")
        .arg("leader", 3u32)
        .arg("zxid", crate::zxid::Zxid(0x1_0000_0002))
        .arg("acks", 2u32)
        .arg("needed", 2u32);
    assert_eq!(t.en(), "leader 3 commits 0x100000002: 2 of quorum 2 ACKed");
    assert_eq!(
        t.render(Lang::ZhCn),
        "领导者 3 提交 0x100000002：2 个 ACK 已达到过半（2 个）"
    );
    let cap = crate::zk::limits::step_cap_text(10, 1_234);
    assert!(cap.en().contains("at 1.234s of"));
    assert!(cap.render(Lang::ZhCn).contains("1.234s"));
}

fn sample_scripts() -> [&'static str; 5] {
    [
        include_str!("../../../tests/scenarios/old_leader_trunc.zs"),
        include_str!("../../../tests/scenarios/leader_kill.zs"),
        include_str!("../../../tests/scenarios/client_failover.zs"),
        include_str!("../../../tests/scenarios/minority_partition.zs"),
        include_str!("../../tests/data/determinism.zs"),
    ]
}

/// Every narration of five scenarios, in 简体中文: no English word outside the protocol terms
/// and the verbatim arguments (message types, result codes, the command line).
#[test]
fn narrations_in_chinese_have_no_english_outside_the_allowed_words() {
    let allowed: BTreeSet<&str> = ALLOWED.iter().copied().collect();
    let mut seen_keys = BTreeSet::new();
    let mut n = 0;
    for text in sample_scripts() {
        let script = Script::parse(text).expect("script");
        let mut sim = Simulation::from_script(&script).expect("sim");
        sim.narrate(true);
        sim.run_for(script.until_ms.min(60_000));
        for (_, t) in sim.narrations() {
            let zh = t.render(Lang::ZhCn);
            let verbatim: BTreeSet<String> = t
                .args()
                .filter(|(name, _)| VERBATIM_ARGS.contains(name))
                .flat_map(|(_, v)| {
                    words(&v)
                        .into_iter()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            for w in words(&zh) {
                assert!(
                    allowed.contains(w)
                        || numeric(w)
                        || verbatim.contains(w)
                        || invariant::NAMES.contains(&w),
                    "{}: English word '{w}' in {zh}",
                    t.key
                );
            }
            assert!(!zh.contains('?'), "{}: {zh}", t.key);
            seen_keys.insert(t.key);
            n += 1;
        }
    }
    assert!(n > 100, "only {n} narrations");
    // The sample covers the election, synchronization, broadcast and faults.
    for k in ["vote.agree", "elect.lead", "step.commit", "msg.proposal"] {
        assert!(seen_keys.contains(k), "no {k} in the sample: {seen_keys:?}");
    }
}

/// English stays byte-identical: a sample of errors and explanations as they read before keys.
#[test]
fn english_errors_read_as_before() {
    let cases = [
        ("crash x", "'x' is not a server id"),
        ("heal now", "'heal now': too many arguments (usage: heal)"),
        ("", "empty command: type 'help' for the list"),
        (
            "frobnicate 3",
            "unknown command 'frobnicate': type 'help' for the list",
        ),
        (
            "CREATE c1 /a",
            "unknown command 'CREATE': zkCli commands are case-sensitive, use 'create'",
        ),
        (
            "client c1 bogus",
            "'client c1 bogus': expected 'client C connect 1,2,3 [timeout MS]' or 'client C crash|pause|resume|close|heal' or 'client C cut 1,2'",
        ),
        (
            "create c1 -c -e /a",
            "-c cannot be combined with -s or -e. Containers cannot be ephemeral or sequential.",
        ),
        ("loss 2000000", "loss is 0..=1000000 ppm"),
        (
            "crash 300",
            "server id 300 is out of range: ids are 1..=255",
        ),
        (
            "delaymsg 3 86400001",
            "the delay is 86400001 ms; one command runs at most 86400000 ms (24 h) of simulated time: run again to go further",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(Command::parse(line).unwrap_err(), want, "{line}");
        let zh = Command::parse_text(line).unwrap_err().render(Lang::ZhCn);
        assert!(!zh.is_empty(), "{line}");
    }
    assert_eq!(
        Command::parse("help").unwrap_err(),
        crate::sim::usage::help_en()
    );
    let help_zh = Command::parse_text("help").unwrap_err().render(Lang::ZhCn);
    assert!(help_zh.contains("列出所有命令") && help_zh.lines().count() > 20);
    assert_eq!(
        crate::zk::limits::step_cap(10, 61_005),
        "stopped after 10 steps at 61.005s of simulated time (the cap per command); run again to continue"
    );
}

#[test]
fn breaks_and_invariants_explain_themselves_in_both_languages() {
    for b in Break::ALL {
        let zh = b.explain_in(Lang::ZhCn);
        assert!(!zh.is_empty() && zh != b.explain(), "{b}");
    }
    for name in invariant::NAMES {
        let t = invariant::explain(name).expect(name);
        assert_ne!(t.en(), t.key, "{name}");
        assert_ne!(t.render(Lang::ZhCn), t.en(), "{name}");
    }
    assert!(invariant::explain("NoSuch").is_none());
    let e = Break::parse_text("x").unwrap_err();
    assert!(e.render(Lang::ZhCn).starts_with("不认识的破坏开关 'x'"));
}

#[test]
fn the_glossary_has_both_languages_for_each_term() {
    let g = glossary();
    assert!(g.len() >= 25);
    let terms: BTreeSet<&str> = g.iter().map(|e| e.term).collect();
    assert_eq!(terms.len(), g.len(), "duplicate term");
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for e in g {
        assert!(!e.en.is_empty() && !e.en_about.is_empty(), "{}", e.term);
        assert!(cjk(e.zh) && cjk(e.zh_about), "{}", e.term);
    }
    // The course's own words are there.
    for w in [
        "领导者",
        "跟随者",
        "观察者",
        "选举",
        "过半",
        "事务",
        "快照",
        "会话",
        "监听",
    ] {
        assert!(g.iter().any(|e| e.zh.contains(w)), "{w}");
    }
    for w in ["临时节点", "持久节点", "顺序节点"] {
        assert!(g.iter().any(|e| e.zh == w), "{w}");
    }
    let json = serde_json::to_value(g[0]).expect("json");
    assert!(json.get("enAbout").is_some() && json.get("zhAbout").is_some());
}

/// Client-library and recipe errors are keyed: English as before, 简体中文 by the same key.
#[test]
fn client_and_recipe_errors_have_keys() {
    let cases = [
        (
            "recipe c1 barrier /b 0",
            "recipe.barrier_size",
            "'0' is not a barrier size",
        ),
        (
            "recipe c1 frob /x",
            "recipe.unknown",
            "unknown recipe 'frob'",
        ),
        (
            "recipe c1 lock /",
            "recipe.below_root",
            "a recipe needs a path below /",
        ),
        (
            "recipe c1 queue /q",
            "recipe.usage",
            "expected 'lock PATH [fair]'",
        ),
    ];
    for (line, key, en) in cases {
        let t = Command::parse_text(line).unwrap_err();
        assert!(Command::parse(line).unwrap_err().contains(en), "{line}");
        let inner = t.typed_args().find_map(|(_, a)| match a {
            crate::explain::Arg::Text(t) => Some(t.key),
            _ => None,
        });
        assert_eq!(inner.unwrap_or(t.key), key, "{line}");
        assert!(
            !t.render(Lang::ZhCn).contains(en),
            "{line}: still English in zh"
        );
    }
    let mut sim = Simulation::new(crate::zab::config::Config::ensemble(3).unwrap(), 1).unwrap();
    let e = sim
        .apply(Command::parse("client c9 pause").unwrap())
        .unwrap_err();
    assert_eq!(e.text().key, "client.no_client");
    assert_eq!(
        e.to_string(),
        "no client 'c9': start it with 'client c9 connect 1,2,3'"
    );
    assert!(e.text().render(Lang::ZhCn).starts_with("没有客户端 'c9'"));
}
