//! The parser's errors, each with the line it names, and a good lesson read back in full.

use super::*;
use crate::explain::Lang;

/// A complete small lesson; line numbers below count from its first line.
const GOOD: &str = "\
# a comment
lesson tiny
group zab
title en Tiny
title zh 小
summary en Three servers.
summary zh 三台服务器。
minutes 2
script
seed 1
config
tickTime=2000
initLimit=10
syncLimit=5
server.1=zk1:2888:3888
server.2=zk2:2888:3888
server.3=zk3:2888:3888
end
at 0 start 1
at 0 start 2
at 0 start 3
until 8000
end script
step at 0
say en Start.
say zh 开始。
note en Point at the ring.
note zh 指向环。
show server 1
show tab election
show kind NOTIFICATION
show vote-row 2
show client c1
show znode /a
pause
ask leader
decide 4000
step end
say en Done.
say zh 完成。
";

/// The error of `text`: (line, key).
fn err(text: &str) -> (usize, &'static str) {
    let e = Lesson::parse(text).expect_err("must not parse");
    (e.line, e.text.key)
}

/// GOOD with line `n` (1-based) replaced by `with`.
fn replace(n: usize, with: &str) -> String {
    let mut lines: Vec<&str> = GOOD.lines().collect();
    lines[n - 1] = with;
    lines.join("\n")
}

/// GOOD with `with` inserted before line `n`.
fn insert(n: usize, with: &str) -> String {
    let mut lines: Vec<&str> = GOOD.lines().collect();
    lines.insert(n - 1, with);
    lines.join("\n")
}

#[test]
fn a_good_lesson_reads_back_in_full() {
    let l = Lesson::parse(GOOD).unwrap();
    assert_eq!((l.id.as_str(), l.group.as_str()), ("tiny", "zab"));
    assert_eq!(l.title.get(Lang::ZhCn), "小");
    assert_eq!(l.minutes, 2);
    assert_eq!(l.script.until_ms, 8000);
    assert_eq!(l.steps.len(), 2);
    let s = &l.steps[0];
    assert_eq!((s.line, s.at.ms(), s.pause), (24, 0, true));
    assert_eq!(s.note.as_ref().unwrap().en, "Point at the ring.");
    assert_eq!(s.show.len(), 6);
    assert_eq!(s.show[0], Highlight::Server(1));
    assert_eq!(s.show[5], Highlight::Znode("/a".into()));
    let ask = s.ask.as_ref().unwrap();
    assert_eq!((ask.kind.clone(), ask.decide.ms()), (AskKind::Leader, 4000));
    assert_eq!(l.steps[1].at.ms(), 8000, "step end is the script's until");
    assert!(l.brk.is_none() && l.expect_violation.is_none());
}

#[test]
fn a_break_goes_into_the_script_and_the_expected_invariant_is_checked() {
    let text = insert(9, "break skipTrunc\nexpect-violation PrefixConsistency");
    let l = Lesson::parse(&text).unwrap();
    assert_eq!(l.brk, Some(crate::check::breaks::Break::SkipTrunc));
    assert!(
        l.script
            .config
            .breaks
            .contains(&crate::check::breaks::Break::SkipTrunc)
    );
    assert_eq!(err(&replace(8, "break noSuchSwitch")), (8, "break.unknown"));
    assert_eq!(
        err(&replace(8, "expect-violation Nonsense")),
        (8, "lesson.error.invariant")
    );
}

#[test]
fn every_malformed_line_is_named() {
    let cases: Vec<(String, usize, &str)> = vec![
        (replace(8, "minutez 2"), 8, "lesson.error.directive"),
        (replace(8, "minutes two"), 8, "lesson.error.number"),
        (replace(2, "lesson Tiny_One"), 2, "lesson.error.id"),
        (replace(3, "group kitchen"), 3, "lesson.error.group"),
        (replace(4, "title fr Petit"), 4, "lesson.error.lang"),
        (replace(4, "title en"), 4, "lesson.error.empty"),
        (replace(5, "title en Twice"), 5, "lesson.error.twice"),
        (replace(25, "say fr Début."), 25, "lesson.error.lang"),
        (replace(28, "# no zh note"), 24, "lesson.error.step_missing"),
        (
            replace(26, "# say zh removed"),
            24,
            "lesson.error.step_missing",
        ),
        (
            replace(40, "# say zh removed"),
            38,
            "lesson.error.step_missing",
        ),
        (replace(29, "show server 9"), 29, "lesson.error.server"),
        (replace(29, "show planet 1"), 29, "lesson.error.show"),
        (replace(34, "show znode a"), 34, "lesson.error.path"),
        (replace(35, "pause now"), 35, "lesson.error.no_args"),
        (replace(36, "ask weather"), 36, "lesson.error.ask"),
        (replace(36, "ask sync 7"), 36, "lesson.error.server"),
        (replace(37, "# no decide"), 36, "lesson.error.no_decide"),
        (replace(37, "decide 9000"), 37, "lesson.error.decide_range"),
        (replace(36, "# no ask"), 37, "lesson.error.decide_no_ask"),
        (
            replace(24, "step at 9000"),
            24,
            "lesson.error.step_after_until",
        ),
        (replace(24, "step at"), 24, "lesson.error.step_time"),
        (replace(24, "step soon"), 24, "lesson.error.step_time"),
        (
            insert(41, "step at 1000\nsay en a\nsay zh 一"),
            41,
            "lesson.error.after_end",
        ),
        (
            insert(38, "step at 100\nsay en a\nsay zh 一\nstep at 50"),
            41,
            "lesson.error.step_order",
        ),
        (insert(41, "ask leader"), 41, "lesson.error.ask_at_end"),
        (
            insert(9, "say en Too early."),
            9,
            "lesson.error.outside_step",
        ),
        (insert(9, "step at 0"), 9, "lesson.error.step_before_script"),
        (
            replace(25, "say key no.such.key"),
            25,
            "lesson.error.say_key",
        ),
        (replace(23, "until 8000"), 9, "lesson.error.script_end"),
        (insert(24, "script\nend script"), 24, "lesson.error.twice"),
        // The script's own errors, on the lesson's line.
        (replace(19, "at 0 explode 1"), 19, "cmd.unknown"),
        (replace(20, "at zero start 2"), 20, "cmd.not_number"),
        (replace(21, "at 0"), 21, "script.at"),
        (replace(10, "sneed 1"), 10, "script.directive"),
        (replace(15, "server.1=zk1"), 15, "config.line"),
        (replace(2, "# no id"), 40, "lesson.error.missing"),
        (replace(6, "# no summary en"), 40, "lesson.error.missing"),
    ];
    for (text, line, key) in cases {
        let got = err(&text);
        assert_eq!(got, (line, key), "in:\n{text}");
        // Every error renders in both languages, with its line.
        let e = Lesson::parse(&text).unwrap_err();
        assert!(
            e.render(Lang::En)
                .starts_with(&format!("lesson line {line}: "))
        );
        assert!(
            e.render(Lang::ZhCn)
                .starts_with(&format!("课程第 {line} 行："))
        );
    }
}

#[test]
fn oversized_files_and_too_many_steps_are_refused() {
    let big = format!("{GOOD}\n# {}", "x".repeat(MAX_BYTES));
    assert_eq!(err(&big), (0, "lesson.error.too_big"));
    let e = Lesson::parse(&big).unwrap_err();
    assert!(e.to_string().contains("262144"), "{e}");
    let mut many = GOOD.lines().take(37).collect::<Vec<_>>().join("\n");
    for i in 0..=MAX_STEPS {
        many.push_str(&format!("\nstep at {}\nsay en s\nsay zh 步", 4000 + i));
    }
    // The step at 0 and 199 more make 200; the next `step` line is refused.
    let line = 38 + 3 * (MAX_STEPS - 1);
    assert_eq!(err(&many), (line, "lesson.error.too_many_steps"));
}

#[test]
fn no_bytes_make_the_parser_panic() {
    // Every prefix of the good lesson (cut mid-line and mid-character included).
    for cut in 0..GOOD.len() {
        if GOOD.is_char_boundary(cut) {
            let _ = Lesson::parse(&GOOD[..cut]);
        }
    }
    for junk in [
        "",
        "\n\n",
        "step",
        "script",
        "end script",
        "ask",
        "decide x",
        "\u{0}",
    ] {
        assert!(Lesson::parse(junk).is_err());
    }
}

#[test]
fn say_key_takes_a_catalogue_text_in_both_languages() {
    let l = Lesson::parse(&replace(25, "say key lesson.choice.yes").replace("say zh 开始。\n", ""))
        .unwrap();
    assert_eq!(
        (l.steps[0].say.en.as_str(), l.steps[0].say.zh.as_str()),
        ("yes", "会")
    );
    // With a `say en` as well, it is given twice.
    assert_eq!(
        err(&insert(25, "say key lesson.choice.yes")),
        (26, "lesson.error.twice")
    );
}
