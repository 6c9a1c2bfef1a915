//! Every lesson the page lists (`static/lessons/index.txt`) parses, plays start to end with the
//! invariants on (none fires, except in a "what if" lesson, where its expected one fires first),
//! answers every checkpoint from its run, and has every text in both languages, the 简体中文
//! without English words outside the protocol's own. The example in docs/lessons.md too.

use super::*;
use crate::check::breaks::Break;
use crate::check::invariant::NAMES;
use crate::explain::tests_lang::{ALLOWED, numeric, words};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Latin words a lesson's 简体中文 may use besides the catalogues' list, the invariants' names,
/// the break switches' keys and the words of its own script (paths, clients, data, zoo.cfg).
const LESSON_WORDS: &[&str] = &[
    // Names and tools.
    "ZAB",
    "FLE",
    "Raft",
    "Paxos",
    "Kafka",
    "Curator",
    "offset",
    "API",
    "ID",
    "HA",
    "CAP",
    "MB",
    "KB",
    "KiB",
    "ms",
    "s",
    "nc",
    "echo",
    "jute",
    "maxbuffer",
    // ZooKeeper's client API, zkCli commands, create modes, stat fields, events and codes.
    "exists",
    "getData",
    "setData",
    "getChildren",
    "create",
    "delete",
    "get",
    "set",
    "ls",
    "stat",
    "addWatch",
    "watch",
    "multi",
    "PERSISTENT",
    "PERSISTENT_SEQUENTIAL",
    "EPHEMERAL",
    "EPHEMERAL_SEQUENTIAL",
    "CONTAINER",
    "PERSISTENT_RECURSIVE",
    "czxid",
    "mzxid",
    "pzxid",
    "cversion",
    "dataVersion",
    "ephemeralOwner",
    "numChildren",
    "NodeCreated",
    "NodeDeleted",
    "NodeDataChanged",
    "NodeChildrenChanged",
    "SyncConnected",
    "Disconnected",
    "Expired",
    "ConnectionLoss",
    "SessionExpired",
    "NoNode",
    "NodeExists",
    "BadVersion",
    "NotEmpty",
    // Four-letter words and their answers.
    "mntr",
    "ruok",
    "imok",
    "srvr",
    "conf",
    "cons",
    "wchs",
    "wchc",
    "wchp",
    "dump",
    "envi",
    "isro",
    "crst",
    "srst",
    "zoo",
    "cfg",
];

/// `text` with its verbatim names blanked: a run of Latin letters, digits and `_ - . / < > … *`
/// that holds a `/`, `-` or `.` is a path, a znode name, a flag or a zoo.cfg key
/// (`/q/taken/<任务>`, `…-item-0000000001`, `-w`, `4lw.commands.whitelist`).
fn without_names(text: &str) -> String {
    let name_char = |c: char| c.is_ascii_alphanumeric() || "_-./<>…*".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.contains(['/', '-', '.']) {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if name_char(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../static/lessons")
}

/// The lines of the index: `<group>/<id>`, in menu order.
fn index() -> Vec<String> {
    let text = std::fs::read_to_string(lessons_dir().join("index.txt")).expect("index.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Every 简体中文 text of `l` keeps to the allowed Latin words and has Chinese in it; every
/// English one is there.
fn check_texts(name: &str, l: &Lesson, raw: &str, bad: &mut Vec<String>) {
    let mut allowed: BTreeSet<&str> = ALLOWED.iter().chain(LESSON_WORDS).copied().collect();
    allowed.extend(NAMES);
    allowed.extend(Break::ALL.iter().map(|b| b.key()));
    // The words of the script (and of show / ask lines): paths, client names, data, config.
    for line in raw.lines() {
        let t = line.trim();
        let said = ["title ", "summary ", "say ", "note "]
            .iter()
            .any(|p| t.starts_with(p));
        if !said {
            allowed.extend(words(t));
        }
    }
    let mut texts = vec![("title", &l.title), ("summary", &l.summary)];
    for s in &l.steps {
        texts.push(("say", &s.say));
        if let Some(n) = &s.note {
            texts.push(("note", n));
        }
    }
    for (what, b) in texts {
        assert!(!b.en.trim().is_empty(), "{name}: empty English {what}");
        // Chinese characters or at least Chinese punctuation (a title of zoo.cfg keys).
        let chinese = |c: char| {
            ('\u{4e00}'..='\u{9fff}').contains(&c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        assert!(
            b.zh.chars().any(chinese),
            "{name}: the 简体中文 {what} has no Chinese: {}",
            b.zh
        );
        let zh = without_names(&b.zh);
        for w in words(&zh) {
            if !(allowed.contains(w) || numeric(w)) {
                bad.push(format!(
                    "{name}: English word '{w}' in the 简体中文 {what}: {}",
                    b.zh
                ));
            }
        }
    }
}

/// Parse, play and check one lesson file; `Some((group, id))` to match against the file's.
/// English words in its 简体中文 are collected in `bad` (all of them reported at once).
fn check_file(name: &str, text: &str, expect: Option<(&str, &str)>, bad: &mut Vec<String>) {
    let l = Lesson::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Some((group, id)) = expect {
        assert_eq!((l.group.as_str(), l.id.as_str()), (group, id), "{name}");
    }
    let whatif = l.group == "whatif";
    assert_eq!(
        l.brk.is_some(),
        whatif,
        "{name}: a 'break' exactly in whatif"
    );
    assert_eq!(
        l.expect_violation.is_some(),
        whatif,
        "{name}: expect-violation"
    );
    check_texts(name, &l, text, bad);
    let played = play(&l).unwrap_or_else(|e| panic!("{name}: {}", e.en()));
    let problems: Vec<String> = played.problems.iter().map(|p| p.en()).collect();
    assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    assert_eq!(played.steps.len(), l.steps.len());
    for (r, s) in played.steps.iter().zip(&l.steps) {
        assert_eq!(r.reached, s.at, "{name}: step {} reached", r.index + 1);
        if let Some(Ok(q)) = &r.question {
            assert!(q.judge(&q.answer).right, "{name}");
            let wrong = q.choices.iter().find(|c| c.id != q.answer).unwrap();
            assert!(!q.judge(&wrong.id).right, "{name}");
        }
    }
    if whatif {
        let want = l.expect_violation.as_deref().unwrap();
        assert_eq!(
            played.fired.first().map(|f| f.invariant),
            Some(want),
            "{name}"
        );
        // The healthy run (the switch off) breaks nothing: what the lesson compares with.
        let mut healthy = l.clone();
        healthy.script.config.breaks.clear();
        healthy.brk = None;
        healthy.expect_violation = None;
        let h = play(&healthy).unwrap();
        let fired: Vec<String> = h.fired.iter().map(|f| f.text.en()).collect();
        assert!(
            fired.is_empty(),
            "{name} without its switch:\n{}",
            fired.join("\n")
        );
    }
}

#[test]
fn every_lesson_in_the_index_plays_to_its_end_in_both_languages() {
    let index = index();
    assert!(!index.is_empty());
    let mut seen = BTreeSet::new();
    let mut bad = Vec::new();
    for line in &index {
        assert!(seen.insert(line.clone()), "{line} is listed twice");
        let (group, id) = line.split_once('/').expect("group/id");
        assert!(GROUPS.contains(&group), "{line}: unknown group");
        let path = lessons_dir().join(format!("{line}.lesson"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{line}: {e}"));
        check_file(line, &text, Some((group, id)), &mut bad);
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Every lesson file is listed (a lesson the menu cannot reach is a mistake).
    for group in GROUPS {
        let Ok(dir) = std::fs::read_dir(lessons_dir().join(group)) else {
            continue;
        };
        for f in dir.flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if let Some(id) = name.strip_suffix(".lesson") {
                assert!(
                    seen.contains(&format!("{group}/{id}")),
                    "{group}/{name} not in index.txt"
                );
            }
        }
    }
}

#[test]
fn the_example_in_the_documentation_is_a_good_lesson() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/lessons.md"))
            .expect("docs/lessons.md");
    let start = doc.find("```lesson\n").expect("a ```lesson block") + "```lesson\n".len();
    let len = doc[start..].find("```").expect("its end");
    let mut bad = Vec::new();
    check_file("docs/lessons.md", &doc[start..start + len], None, &mut bad);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
